import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { shoppers } from "../../auth/schema";
import { orderItems, orders } from "../../orders/schema";
import type { ActorKind } from "../../orders/state-machine";
import type { CaseStatus, CaseType, ReasonCode } from "./state-machine";

/** What a merchant recorded on receiving returned goods, per line. */
export interface ReceivedLine {
  orderItemId: number;
  receivedQty: number;
  damagedQty: number;
}

/** A door-to-door pickup (上门取件) for large appliances instead of a waybill. */
export interface Pickup {
  date: string;
  slot: string;
}

/**
 * An after-sales case (售后单): one shopper's application covering some units of some lines of one
 * order. `version` is bumped by every status change; changes compare-and-set on it, and each writes
 * an `after_sale_case_events` row with seq = the new version (unique per case): the timeline.
 */
export const afterSaleCases = sqliteTable(
  "after_sale_cases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Public number, "AS" + digits; also the refund's sourceRef and the stock return's key. */
    caseNo: text("case_no").notNull().unique(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    shopperId: integer("shopper_id")
      .notNull()
      .references(() => shoppers.id),
    type: text("type").$type<CaseType>().notNull(),
    status: text("status").$type<CaseStatus>().notNull(),
    version: integer("version").notNull(),
    reasonCode: text("reason_code").$type<ReasonCode>().notNull(),
    description: text("description").notNull().default(""),
    /** R2 keys of the shopper's photos (after-sales/…). */
    photos: text("photos", { mode: "json" }).$type<string[]>().notNull(),
    /** The shopper declared the goods unused (七天无理由). */
    unused: integer("unused", { mode: "boolean" }).notNull().default(false),
    /** Whether the order had shipped when the case was opened (仅退款 of unshipped goods refunds at approval). */
    orderShipped: integer("order_shipped", { mode: "boolean" }).notNull(),
    /** The refund as computed (goods + freight + other charges), fixed when the refund is requested. */
    refundFen: integer("refund_fen").notNull().default(0),
    refundGoodsFen: integer("refund_goods_fen").notNull().default(0),
    refundFreightFen: integer("refund_freight_fen").notNull().default(0),
    refundChargesFen: integer("refund_charges_fen").notNull().default(0),
    /** The payment side's out_refund_no once requested. */
    outRefundNo: text("out_refund_no"),
    refuseReason: text("refuse_reason"),
    returnCarrier: text("return_carrier"),
    returnTrackingNo: text("return_tracking_no"),
    returnPickup: text("return_pickup", { mode: "json" }).$type<Pickup>(),
    received: text("received", { mode: "json" }).$type<ReceivedLine[]>(),
    receiveNote: text("receive_note"),
    /** Set once the returned units went back to stock (StockCounter return, idempotent per case). */
    stockReturnedAt: integer("stock_returned_at"),
    exchangeCarrier: text("exchange_carrier"),
    exchangeTrackingNo: text("exchange_tracking_no"),
    workOrderNo: text("work_order_no"),
    /** The current step's deadline (merchant answer / shopper ship-back); null when none runs. */
    deadlineAt: integer("deadline_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("after_sale_cases_shopper").on(t.shopperId, t.id),
    index("after_sale_cases_order").on(t.orderId),
    index("after_sale_cases_status").on(t.status, t.id),
    index("after_sale_cases_deadline").on(t.deadlineAt).where(sql`${t.deadlineAt} IS NOT NULL`),
  ],
);

/** The lines and units a case covers. `unitNos` index the line's units (0-based) and its unit shares. */
export const afterSaleCaseItems = sqliteTable(
  "after_sale_case_items",
  {
    caseId: integer("case_id")
      .notNull()
      .references(() => afterSaleCases.id),
    orderItemId: integer("order_item_id")
      .notNull()
      .references(() => orderItems.id),
    quantity: integer("quantity").notNull(),
    unitNos: text("unit_nos", { mode: "json" }).$type<number[]>().notNull(),
    /** What these units cost the shopper (goods net of discounts), in fen. */
    goodsFen: integer("goods_fen").notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.orderItemId] })],
);

/**
 * Which units of which line are in a case. The primary key is the atomic guard: two cases that want
 * the same unit cannot both commit. Deleted when the case is refused, cancelled or closed (and when a
 * repair is done), so those units can be applied for again.
 */
export const afterSaleUnitClaims = sqliteTable(
  "after_sale_unit_claims",
  {
    orderItemId: integer("order_item_id")
      .notNull()
      .references(() => orderItems.id),
    unitNo: integer("unit_no").notNull(),
    caseId: integer("case_id")
      .notNull()
      .references(() => afterSaleCases.id),
  },
  (t) => [
    primaryKey({ columns: [t.orderItemId, t.unitNo] }),
    index("after_sale_unit_claims_case").on(t.caseId),
  ],
);

/** The case timeline. Status changes carry seq (= the case's new version), unique per case; notes have null. */
export const afterSaleCaseEvents = sqliteTable(
  "after_sale_case_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => afterSaleCases.id),
    seq: integer("seq"),
    kind: text("kind").notNull(),
    fromStatus: text("from_status").$type<CaseStatus>(),
    toStatus: text("to_status").$type<CaseStatus>(),
    actorKind: text("actor_kind").$type<ActorKind>().notNull(),
    actorId: integer("actor_id"),
    reason: text("reason").notNull().default(""),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("after_sale_case_events_seq").on(t.caseId, t.seq),
    index("after_sale_case_events_case").on(t.caseId, t.id),
  ],
);
