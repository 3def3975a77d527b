import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { orders } from "../orders/schema";
import type { ChargeBy, FreeShippingRule, FreightRule } from "./freight";
import type { DeliveryZone } from "./promise";

/**
 * 运费模板: charge by piece, weight or volume; a default rule and per-region rules; conditional free
 * shipping per region; regions not delivered to. Rules are small lists read whole with the template,
 * so they are JSON columns (one row, one round trip) rather than child tables.
 */
export const freightTemplates = sqliteTable("freight_templates", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  chargeBy: text("charge_by").$type<ChargeBy>().notNull(),
  /** The rule for regions no other rule names. */
  defaultRule: text("default_rule", { mode: "json" }).$type<Omit<FreightRule, "regions">>().notNull(),
  regionRules: text("region_rules", { mode: "json" }).$type<FreightRule[]>().notNull().default([]),
  freeRules: text("free_rules", { mode: "json" }).$type<FreeShippingRule[]>().notNull().default([]),
  /** Region codes not delivered to (province, city or district). */
  undeliverable: text("undeliverable", { mode: "json" }).$type<string[]>().notNull().default([]),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** 配送范围与时间: one row (id = 1): daily cut-off, lead days per region, days without delivery. */
export const deliverySettings = sqliteTable("delivery_settings", {
  id: integer("id").primaryKey(),
  /** Orders paid before this time of day (Beijing, minutes after midnight) leave the warehouse the same day. */
  cutoffMinute: integer("cutoff_minute").notNull(),
  /** Days from dispatch to delivery where no zone says otherwise. */
  defaultLeadDays: integer("default_lead_days").notNull(),
  zones: text("zones", { mode: "json" }).$type<DeliveryZone[]>().notNull().default([]),
  /** YYYY-MM-DD (Beijing) on which nothing is delivered (春节…). */
  noDeliveryDates: text("no_delivery_dates", { mode: "json" }).$type<string[]>().notNull().default([]),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * 包裹: the parcels an order shipped in (1–5), each tracked at 快递100 by (carrier, waybill). Written in
 * the "ship" event's batch; subscribed after the commit; state and traces follow 快递100's pushes.
 */
export const orderParcels = sqliteTable(
  "order_parcels",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    /** 快递100 company code (worker/logistics/carriers.ts). */
    carrierCode: text("carrier_code").notNull(),
    carrierName: text("carrier_name").notNull(),
    trackingNo: text("tracking_no").notNull(),
    /** Last four digits of the receiver's phone: 顺丰 only shows traces to subscriptions that carry it. */
    receiverPhoneTail: text("receiver_phone_tail").notNull().default(""),
    /** 快递100 state (0 在途, 1 揽收, 3 签收, 14 拒签…); null until the first push. */
    state: integer("state"),
    stateText: text("state_text").notNull(),
    /** 快递100 monitoring: polling, shutdown (finished), abort (gave up, e.g. no trace for 3 days). */
    monitorStatus: text("monitor_status"),
    monitorMessage: text("monitor_message"),
    subscribedAt: integer("subscribed_at"),
    subscribeAttempts: integer("subscribe_attempts").notNull().default(0),
    lastError: text("last_error"),
    /** When the carrier reported it signed for (the 签收 trace's time). */
    signedAt: integer("signed_at"),
    /** When the order side was told that all of the order's parcels were signed for (logistics hook). */
    signReportedAt: integer("sign_reported_at"),
    /** Time of the newest trace stored; an older push never moves the state back. */
    lastTraceAt: integer("last_trace_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("order_parcels_carrier_tracking").on(t.carrierCode, t.trackingNo),
    index("order_parcels_order").on(t.orderId),
  ],
);

/** 物流轨迹: one row per trace line; 快递100 pushes the whole history each time, stored once. */
export const parcelTraces = sqliteTable(
  "parcel_traces",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    parcelId: integer("parcel_id")
      .notNull()
      .references(() => orderParcels.id),
    /** UTC epoch ms (快递100 sends Beijing time). */
    time: integer("time").notNull(),
    context: text("context").notNull(),
    /** The trace's status word (在途, 派件, 签收…), when 快递100 sends one. */
    status: text("status").notNull().default(""),
    areaName: text("area_name").notNull().default(""),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("parcel_traces_parcel_time_context").on(t.parcelId, t.time, t.context)],
);
