import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { shoppers, staff } from "../../auth/schema";
import type { RepairActor, RepairStatus } from "./state-machine";

/** One part the technician used: name, quantity and unit price (fen, what the shopper would pay). */
export interface RepairPart {
  name: string;
  quantity: number;
  unitFen: number;
}

/**
 * A product bought elsewhere, registered by the shopper with its serial number, purchase date and
 * invoice photo. Once the merchant approves it, its warranty runs from `purchased_at` and it can get
 * repair work orders. A serial can be registered (pending or approved) by one shopper at a time.
 */
export const productRegistrations = sqliteTable(
  "product_registrations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopperId: integer("shopper_id")
      .notNull()
      .references(() => shoppers.id),
    serialNo: text("serial_no").notNull(),
    productName: text("product_name").notNull(),
    /** Warranty policy slug (after-sales/warranty-policies.ts), or null for the 三包 baseline. */
    policySlug: text("policy_slug"),
    /** Start of the purchase day (Beijing), UTC epoch ms; the invoice date. */
    purchasedAt: integer("purchased_at").notNull(),
    /** R2 keys from POST /api/after-sales/photos. */
    invoicePhotoKey: text("invoice_photo_key").notNull(),
    status: text("status", { enum: ["pending", "approved", "rejected"] }).notNull(),
    rejectReason: text("reject_reason"),
    reviewedBy: integer("reviewed_by").references(() => staff.id),
    reviewedAt: integer("reviewed_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("product_registrations_live_serial").on(t.serialNo).where(sql`status <> 'rejected'`),
    index("product_registrations_shopper").on(t.shopperId, t.createdAt),
    index("product_registrations_status").on(t.status, t.createdAt),
  ],
);

/** A repair work order (维修工单): opened by a repair case, an agent in a chat, or for a registered product. */
export const repairWorkOrders = sqliteTable(
  "repair_work_orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** "RW" + digits; also the charge's sourceRef. */
    workOrderNo: text("work_order_no").notNull().unique(),
    shopperId: integer("shopper_id")
      .notNull()
      .references(() => shoppers.id),
    source: text("source", { enum: ["case", "agent", "registration"] }).notNull(),
    /** One work order per after-sales case (openRepairWorkOrder is idempotent by it). */
    caseNo: text("case_no").unique(),
    orderId: integer("order_id"),
    orderNo: text("order_no"),
    orderItemId: integer("order_item_id"),
    registrationId: integer("registration_id").references(() => productRegistrations.id),
    /** The chat the agent opened it from. */
    conversationId: integer("conversation_id"),
    openedBy: integer("opened_by").references(() => staff.id),
    productName: text("product_name").notNull(),
    image: text("image"),
    serialNo: text("serial_no"),
    problem: text("problem").notNull(),
    photos: text("photos", { mode: "json" }).$type<string[]>().notNull(),
    contactName: text("contact_name").notNull(),
    phone: text("phone").notNull(),
    address: text("address").notNull(),
    status: text("status").$type<RepairStatus>().notNull(),
    /** Bumped by every change; the change's event row has seq = the new version (unique). */
    version: integer("version").notNull().default(0),
    // Warranty as decided by the server when the work order was opened.
    inWarranty: integer("in_warranty", { mode: "boolean" }).notNull(),
    warrantyStartsAt: integer("warranty_starts_at"),
    warrantyEndsAt: integer("warranty_ends_at"),
    warrantyNote: text("warranty_note").notNull(),
    technicianId: integer("technician_id").references(() => staff.id),
    appointmentAt: integer("appointment_at"),
    arrivedAt: integer("arrived_at"),
    doneAt: integer("done_at"),
    confirmedAt: integer("confirmed_at"),
    parts: text("parts", { mode: "json" }).$type<RepairPart[]>().notNull(),
    partsFen: integer("parts_fen").notNull().default(0),
    laborFen: integer("labor_fen").notNull().default(0),
    /** What the shopper owes: 0 in warranty; parts + labour out of it (paid as a charge). */
    chargeFen: integer("charge_fen").notNull().default(0),
    chargeNo: text("charge_no"),
    resolution: text("resolution"),
    cancelReason: text("cancel_reason"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("repair_work_orders_shopper").on(t.shopperId, t.createdAt),
    index("repair_work_orders_technician").on(t.technicianId, t.status),
    index("repair_work_orders_status").on(t.status, t.createdAt),
    check("repair_work_orders_subject", sql`order_item_id IS NOT NULL OR registration_id IS NOT NULL`),
  ],
);

/** The work order's timeline; (work_order_id, seq) is unique, so of two racing changes one fails whole. */
export const repairWorkOrderEvents = sqliteTable(
  "repair_work_order_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workOrderId: integer("work_order_id")
      .notNull()
      .references(() => repairWorkOrders.id),
    seq: integer("seq").notNull(),
    action: text("action").notNull(),
    fromStatus: text("from_status").$type<RepairStatus>(),
    toStatus: text("to_status").$type<RepairStatus>().notNull(),
    actorKind: text("actor_kind").$type<RepairActor>().notNull(),
    actorId: integer("actor_id"),
    note: text("note").notNull().default(""),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("repair_work_order_events_seq").on(t.workOrderId, t.seq)],
);
