import { index, integer, primaryKey, sqliteTable } from "drizzle-orm/sqlite-core";
import { shoppers } from "../auth/schema";
import { skus } from "../catalog/schema";

/** Server-side cart: one row per shopper and SKU. Prices are never stored here; they are read at quote time. */
export const cartItems = sqliteTable(
  "cart_items",
  {
    shopperId: integer("shopper_id")
      .notNull()
      .references(() => shoppers.id),
    skuId: integer("sku_id")
      .notNull()
      .references(() => skus.id),
    quantity: integer("quantity").notNull(),
    /** Ticked for checkout. */
    selected: integer("selected", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopperId, t.skuId] }),
    index("cart_items_shopper_created").on(t.shopperId, t.createdAt),
  ],
);
