import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { shoppers } from "../../auth/schema";
import { orderItems, orders } from "../../orders/schema";

/**
 * 价保 applications: at most one per order line (the unique index decides between concurrent
 * applications), with the prices compared frozen at the time. The refund itself is the payments
 * domain's (source "price_protection", sourceRef = the order item id), so it is paid at most once.
 */
export const priceProtectionClaims = sqliteTable(
  "price_protection_claims",
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
    paidUnitFen: integer("paid_unit_fen").notNull(),
    currentUnitFen: integer("current_unit_fen").notNull(),
    /** "list" or "limited_time": what set the current price. */
    priceSource: text("price_source").$type<"list" | "limited_time">().notNull(),
    units: integer("units").notNull(),
    amountFen: integer("amount_fen").notNull(),
    /** What each compensated unit got (by unit number): a later return of that unit refunds that much less. */
    unitAmounts: text("unit_amounts", { mode: "json" })
      .$type<{ unitNo: number; amountFen: number }[]>()
      .notNull()
      .default([]),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("price_protection_claims_item").on(t.orderItemId)],
);
