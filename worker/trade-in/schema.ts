import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { shoppers, staff } from "../auth/schema";
import { orderItems, orders } from "../orders/schema";
import type { Condition, TradeInStatus, ValuationBand } from "./model";
import type { Settlement } from "./valuation";

/**
 * 以旧换新估价表: one row per kind of old appliance the shop takes back. The bands are small and always
 * read whole, so they are a JSON column; the table is read whole by every quote that declares a trade-in.
 */
export const tradeInValuations = sqliteTable("trade_in_valuations", {
  slug: text("slug").primaryKey(),
  name: text("name").notNull(),
  /** New products in these catalog categories (own or parent) accept this old kind. */
  categoryIds: text("category_ids", { mode: "json" }).$type<number[]>().notNull(),
  capPercent: integer("cap_percent").notNull(),
  bands: text("bands", { mode: "json" }).$type<ValuationBand[]>().notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * One old appliance declared against one order line, written in the order's own batch. Its deduction
 * is part of the order's price (adjustment kind "trade_in"); at delivery it is collected (and perhaps
 * revalued) or not, and the difference is settled once: a refund (source "trade_in") or a charge
 * (kind "trade_in"), both keyed by the order item id.
 */
export const tradeIns = sqliteTable(
  "trade_ins",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    orderItemId: integer("order_item_id")
      .notNull()
      .references(() => orderItems.id),
    shopperId: integer("shopper_id")
      .notNull()
      .references(() => shoppers.id),
    categorySlug: text("category_slug").notNull(),
    categoryName: text("category_name").notNull(),
    ageYears: integer("age_years").notNull(),
    condition: text("condition").$type<Condition>().notNull(),
    /** The table's value for the declaration, before the cap. */
    declaredValuationFen: integer("declared_valuation_fen").notNull(),
    /** What the order actually deducted (after the cap): the baseline of the settlement. */
    deductedFen: integer("deducted_fen").notNull(),
    /** The most any valuation of this unit may deduct (the cap at order time). */
    capFen: integer("cap_fen").notNull(),
    status: text("status").$type<TradeInStatus>().notNull().default("declared"),
    /** As found at delivery (null until collected; stays null when not collected). */
    finalCondition: text("final_condition").$type<Condition>(),
    finalValuationFen: integer("final_valuation_fen"),
    /** Decided with the collection; the refund / charge is keyed by the order item id. */
    settlementKind: text("settlement_kind").$type<Settlement["kind"]>(),
    settlementFen: integer("settlement_fen"),
    note: text("note").notNull().default(""),
    collectedBy: integer("collected_by").references(() => staff.id),
    collectedAt: integer("collected_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("trade_ins_order_item").on(t.orderItemId),
    index("trade_ins_order").on(t.orderId),
    index("trade_ins_status").on(t.status, t.createdAt),
  ],
);
