import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { shoppers, staff } from "../auth/schema";
import { categories } from "../catalog/schema";
import { orderItems, orders } from "../orders/schema";
import type { AreaRegion } from "./coverage";
import type { SlotWindow } from "./schedule";
import type { WorkOrderActor, WorkOrderStatus } from "./state-machine";

/** Per category: whether its products are installed, what that includes, and the extras' prices. */
export const installServices = sqliteTable("install_services", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** A product's own category's service wins over its parent category's. */
  categoryId: integer("category_id")
    .notNull()
    .unique()
    .references(() => categories.id, { onDelete: "cascade" }),
  requiresInstallation: integer("requires_installation", { mode: "boolean" }).notNull(),
  includes: text("includes").notNull().default(""),
  bracketFeeFen: integer("bracket_fee_fen"),
  highAltitudeFeeFen: integer("high_altitude_fee_fen"),
  carryFeePerFloorFen: integer("carry_fee_per_floor_fen"),
  carryFreeFloors: integer("carry_free_floors").notNull().default(1),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** A service area: the regions it covers, its daily slot windows and its booking change cut-off. */
export const installAreas = sqliteTable("install_areas", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  regions: text("regions", { mode: "json" }).$type<AreaRegion[]>().notNull(),
  /** The windows "generate slots" uses when the request names none. */
  windows: text("windows", { mode: "json" }).$type<SlotWindow[]>().notNull(),
  /** Bookings change until `cutoff_minute` (Beijing time) `cutoff_days_before` days before the slot. */
  cutoffDaysBefore: integer("cutoff_days_before").notNull().default(1),
  cutoffMinute: integer("cutoff_minute").notNull().default(1080),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** Which installers work in which areas. */
export const installAreaInstallers = sqliteTable(
  "install_area_installers",
  {
    areaId: integer("area_id")
      .notNull()
      .references(() => installAreas.id, { onDelete: "cascade" }),
    staffId: integer("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.areaId, t.staffId] }),
    index("install_area_installers_staff").on(t.staffId),
  ],
);

/**
 * One bookable window of an area on one day. `booked` never exceeds `capacity`: the CHECK makes any
 * statement that would overbook fail, and with it the whole batch it is part of (see booking.ts).
 */
export const installSlots = sqliteTable(
  "install_slots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    areaId: integer("area_id")
      .notNull()
      .references(() => installAreas.id, { onDelete: "cascade" }),
    /** Beijing calendar date, YYYY-MM-DD. */
    date: text("date").notNull(),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    capacity: integer("capacity").notNull(),
    /** Units booked (a work order books its quantity). */
    booked: integer("booked").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("install_slots_area_start").on(t.areaId, t.startsAt),
    index("install_slots_area_date").on(t.areaId, t.date),
    check("install_slots_capacity", sql`${t.booked} >= 0 AND ${t.booked} <= ${t.capacity}`),
  ],
);

/** One per paid order line that needs installing: created by the order-pay subscriber. */
export const installWorkOrders = sqliteTable(
  "install_work_orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    /** Idempotency of the subscriber: one work order per order line, however often the event is seen. */
    orderItemId: integer("order_item_id")
      .notNull()
      .unique()
      .references(() => orderItems.id),
    orderNo: text("order_no").notNull(),
    shopperId: integer("shopper_id")
      .notNull()
      .references(() => shoppers.id),
    status: text("status").$type<WorkOrderStatus>().notNull(),
    /** Bumped by every status change; a change's event row has seq = the new version (unique). */
    version: integer("version").notNull().default(0),
    skuId: integer("sku_id").notNull(),
    productId: integer("product_id").notNull(),
    productName: text("product_name").notNull(),
    specs: text("specs", { mode: "json" }).$type<Record<string, string>>().notNull(),
    image: text("image"),
    quantity: integer("quantity").notNull(),
    /** What the service includes, as the shopper was told when paying. */
    includes: text("includes").notNull().default(""),
    /** The extras paid for this line ("支架 ×1"…), from the order's installation adjustments. */
    extras: text("extras", { mode: "json" }).$type<string[]>().notNull(),
    receiverName: text("receiver_name").notNull(),
    phone: text("phone").notNull(),
    province: text("province").notNull(),
    city: text("city").notNull(),
    district: text("district").notNull(),
    detail: text("detail").notNull(),
    provinceCode: text("province_code"),
    cityCode: text("city_code"),
    districtCode: text("district_code"),
    slotId: integer("slot_id").references(() => installSlots.id),
    installerId: integer("installer_id").references(() => staff.id),
    bookedAt: integer("booked_at"),
    departedAt: integer("departed_at"),
    doneAt: integer("done_at"),
    /** R2 key of the installer's photo of the installed appliance. */
    photoKey: text("photo_key"),
    cancelReason: text("cancel_reason"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("install_work_orders_shopper").on(t.shopperId, t.createdAt),
    index("install_work_orders_slot").on(t.slotId),
    index("install_work_orders_status").on(t.status, t.createdAt),
  ],
);

/** The work order's timeline; (work_order_id, seq) is unique, so of two racing changes one fails whole. */
export const installWorkOrderEvents = sqliteTable(
  "install_work_order_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workOrderId: integer("work_order_id")
      .notNull()
      .references(() => installWorkOrders.id),
    seq: integer("seq").notNull(),
    action: text("action").notNull(),
    fromStatus: text("from_status").$type<WorkOrderStatus>().notNull(),
    toStatus: text("to_status").$type<WorkOrderStatus>().notNull(),
    actorKind: text("actor_kind").$type<WorkOrderActor>().notNull(),
    actorId: integer("actor_id"),
    /** The slot booked by this change (book, reschedule). */
    slotId: integer("slot_id"),
    note: text("note").notNull().default(""),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("install_work_order_events_seq").on(t.workOrderId, t.seq)],
);

/**
 * One row per installed appliance, by its serial number: the warranty registration. Its coverage starts
 * on the installation day; after-sales looks warranties up by serial here.
 */
export const installedUnits = sqliteTable(
  "installed_units",
  {
    serialNo: text("serial_no").primaryKey(),
    workOrderId: integer("work_order_id")
      .notNull()
      .references(() => installWorkOrders.id),
    orderItemId: integer("order_item_id").notNull(),
    productId: integer("product_id").notNull(),
    installedAt: integer("installed_at").notNull(),
  },
  (t) => [index("installed_units_work_order").on(t.workOrderId)],
);
