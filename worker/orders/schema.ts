import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { AddressSnapshot } from "../addresses/snapshot";
import { shoppers } from "../auth/schema";
import type { Adjustment, LinePayment } from "../checkout/pricing";
import type { DeliveryPromise } from "../logistics/promise";
import type { ActorKind, OrderStatus } from "./state-machine";

export type StockState = "reserved" | "confirmed" | "released";

export const orders = sqliteTable(
  "orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Public order number, also the gateways' out_trade_no: digits only, 22 chars. */
    orderNo: text("order_no").notNull().unique(),
    shopperId: integer("shopper_id")
      .notNull()
      .references(() => shoppers.id),
    status: text("status").$type<OrderStatus>().notNull(),
    /** Bumped by every status change; transitions compare-and-set on it. */
    version: integer("version").notNull(),
    itemsTotalFen: integer("items_total_fen").notNull(),
    shippingFen: integer("shipping_fen").notNull(),
    discountFen: integer("discount_fen").notNull(),
    payableFen: integer("payable_fen").notNull(),
    /** "A ×1" or "A 等3件": what notices, payment descriptions and lists call the order. */
    itemsSummary: text("items_summary").notNull().default(""),
    adjustments: text("adjustments", { mode: "json" }).$type<Adjustment[]>().notNull(),
    address: text("address", { mode: "json" }).$type<AddressSnapshot>().notNull(),
    /** The 预计送达 the order was sold with. */
    deliveryPromise: text("delivery_promise", { mode: "json" }).$type<DeliveryPromise>(),
    /** Copied from the address for merchant search. */
    receiverName: text("receiver_name").notNull(),
    receiverPhone: text("receiver_phone").notNull(),
    shopperRemark: text("shopper_remark").notNull().default(""),
    merchantRemark: text("merchant_remark").notNull().default(""),
    /** Client-supplied key: a retried create returns the same order. */
    idempotencyKey: text("idempotency_key").notNull(),
    /** Whether the inventory reservation is still held, turned into a sale, or given back. */
    stockState: text("stock_state").$type<StockState>().notNull(),
    /** Unpaid orders are cancelled after this time. */
    payDeadline: integer("pay_deadline").notNull(),
    paymentMethod: text("payment_method"),
    transactionId: text("transaction_id"),
    paidAt: integer("paid_at"),
    carrier: text("carrier"),
    trackingNo: text("tracking_no"),
    shippedAt: integer("shipped_at"),
    /** When the carrier reported the (first) parcel signed for; the auto-complete countdown restarts then. */
    deliveredAt: integer("delivered_at"),
    /** Shipped orders complete automatically after this time. */
    autoCompleteAt: integer("auto_complete_at"),
    completedAt: integer("completed_at"),
    cancelledAt: integer("cancelled_at"),
    cancelReason: text("cancel_reason"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("orders_shopper_idempotency").on(t.shopperId, t.idempotencyKey),
    index("orders_shopper_status_created").on(t.shopperId, t.status, t.createdAt),
    index("orders_shopper_created").on(t.shopperId, t.createdAt),
    index("orders_status_deadline").on(t.status, t.payDeadline),
    index("orders_status_autocomplete").on(t.status, t.autoCompleteAt),
    index("orders_stock_state").on(t.stockState, t.status),
    index("orders_created").on(t.createdAt),
  ],
);

/** Snapshots: what the shopper bought, as it was at the time (name, spec, price, image). */
export const orderItems = sqliteTable(
  "order_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    skuId: integer("sku_id").notNull(),
    productId: integer("product_id").notNull(),
    name: text("name").notNull(),
    specs: text("specs", { mode: "json" }).$type<Record<string, string>>().notNull(),
    image: text("image"),
    unitPriceFen: integer("unit_price_fen").notNull(),
    quantity: integer("quantity").notNull(),
    lineTotalFen: integer("line_total_fen").notNull(),
    /** This line's share of every adjustment (freight, discounts…), in fen; refunds start from it. */
    allocations: text("allocations", { mode: "json" })
      .$type<LinePayment["allocations"]>()
      .notNull()
      .default([]),
    /** What the shopper paid for this line: line total + its allocations. */
    payableFen: integer("payable_fen").notNull().default(0),
  },
  (t) => [index("order_items_order").on(t.orderId)],
);

/** The timeline. Status changes carry `seq` (= the order's new version), unique per order: a lost race fails. */
export const orderEvents = sqliteTable(
  "order_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    seq: integer("seq"),
    /** An OrderAction for status changes, an OrderNoteKind otherwise. */
    kind: text("kind").notNull(),
    fromStatus: text("from_status").$type<OrderStatus>(),
    toStatus: text("to_status").$type<OrderStatus>(),
    actorKind: text("actor_kind").$type<ActorKind>().notNull(),
    actorId: integer("actor_id"),
    reason: text("reason").notNull().default(""),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
    /** Set on notes that must be recorded once (a refund's outcome): a second writer's batch fails on it. */
    dedupeKey: text("dedupe_key"),
    createdAt: integer("created_at").notNull(),
    /**
     * The outbox: 'pending' while a subscriber that reacts after commit still has to see this event,
     * 'none' when no such subscriber cares, 'done', or 'dead' after too many failed attempts.
     */
    delivery: text("delivery").$type<EventDelivery>().notNull().default("none"),
    deliveryAttempts: integer("delivery_attempts").notNull().default(0),
    /** Not before this time (backoff after a failure). */
    nextDeliveryAt: integer("next_delivery_at").notNull().default(0),
    /** A deliverer holds the event until then; another may take it over afterwards. */
    deliveryLeaseUntil: integer("delivery_lease_until"),
    deliveryError: text("delivery_error"),
  },
  (t) => [
    uniqueIndex("order_events_order_seq").on(t.orderId, t.seq),
    uniqueIndex("order_events_order_dedupe").on(t.orderId, t.dedupeKey),
    index("order_events_order").on(t.orderId, t.id),
    index("order_events_pending_delivery").on(t.nextDeliveryAt).where(sql`${t.delivery} = 'pending'`),
  ],
);

export type EventDelivery = "none" | "pending" | "done" | "dead";

/** Which after-commit subscribers have handled which event: a redelivery skips them. */
export const orderEventReceipts = sqliteTable(
  "order_event_receipts",
  {
    eventId: integer("event_id")
      .notNull()
      .references(() => orderEvents.id),
    subscriber: text("subscriber").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.subscriber] })],
);

/**
 * An order being placed under an Idempotency-Key: claimed before stock is reserved and deleted in the
 * order's own batch (or by the compensation), so concurrent duplicates wait for the first one instead
 * of each reserving stock. The claim carries the order number the stock is held under and the SKUs it
 * may be held on: a retry after a crash reuses the number (the StockCounter's reserve is idempotent by
 * it), and the sweep releases the holds of a claim that never became an order.
 */
export const orderRequests = sqliteTable(
  "order_requests",
  {
    shopperId: integer("shopper_id").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    orderNo: text("order_no"),
    skuIds: text("sku_ids", { mode: "json" }).$type<number[]>(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopperId, t.idempotencyKey] })],
);
