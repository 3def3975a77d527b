import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * 到货通知: a shopper asked to be told when a sold-out SKU can be bought again. One row per shopper and
 * SKU; subscribing again after a notice starts a new `round`, so the notice key `restock:<id>:<round>`
 * is new each time and the same round is never announced twice.
 */
export const restockSubscriptions = sqliteTable(
  "restock_subscriptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopperId: integer("shopper_id").notNull(),
    skuId: integer("sku_id").notNull(),
    productId: integer("product_id").notNull(),
    /** pending (waiting for stock) | notified */
    status: text("status", { enum: ["pending", "notified"] }).notNull(),
    round: integer("round").notNull().default(1),
    createdAt: integer("created_at").notNull(),
    notifiedAt: integer("notified_at"),
  },
  (t) => [
    uniqueIndex("restock_subscriptions_shopper_sku").on(t.shopperId, t.skuId),
    index("restock_subscriptions_sku_status").on(t.skuId, t.status),
  ],
);
