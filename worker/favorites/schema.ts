import { index, integer, primaryKey, sqliteTable } from "drizzle-orm/sqlite-core";
import { shoppers } from "../auth/schema";
import { products } from "../catalog/schema";

/** 收藏: a shopper's saved products (the key makes a repeated save a no-op). */
export const favorites = sqliteTable(
  "favorites",
  {
    shopperId: integer("shopper_id")
      .notNull()
      .references(() => shoppers.id),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopperId, t.productId] }),
    index("favorites_shopper_time").on(t.shopperId, t.createdAt),
  ],
);

/** 足迹: the products a shopper looked at, latest visit only, the newest FOOTPRINTS_KEPT kept. */
export const productViews = sqliteTable(
  "product_views",
  {
    shopperId: integer("shopper_id")
      .notNull()
      .references(() => shoppers.id),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    viewedAt: integer("viewed_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopperId, t.productId] }),
    index("product_views_shopper_time").on(t.shopperId, t.viewedAt),
  ],
);
