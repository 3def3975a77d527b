import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Read-side copy of each SKU's StockCounter, published by the object after every change. It may lag
 * (publishes are coalesced and retried); it never decides a sale. `version` only moves forward.
 */
export const stockSnapshots = sqliteTable(
  "stock_snapshots",
  {
    skuId: integer("sku_id").primaryKey(),
    onHand: integer("on_hand").notNull(),
    reserved: integer("reserved").notNull(),
    available: integer("available").notNull(),
    sold: integer("sold").notNull(),
    lowStockThreshold: integer("low_stock_threshold"),
    updatedAt: integer("updated_at").notNull(),
    version: integer("version").notNull(),
  },
  (t) => [index("stock_snapshots_available").on(t.available)],
);

/** Units sold per SKU per Beijing-time day (returns subtracted), for sales velocity. */
export const stockSalesDaily = sqliteTable(
  "stock_sales_daily",
  {
    skuId: integer("sku_id").notNull(),
    /** yyyy-MM-dd, Asia/Shanghai. */
    day: text("day").notNull(),
    qty: integer("qty").notNull(),
    version: integer("version").notNull(),
  },
  (t) => [primaryKey({ columns: [t.skuId, t.day] }), index("stock_sales_daily_day").on(t.day)],
);
