import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { shoppers } from "../auth/schema";
import { products } from "../catalog/schema";
import { orderItems, orders } from "../orders/schema";

/** 评价 (晒单): one per bought order line, by its shopper, once the goods arrived. */
export const reviews = sqliteTable(
  "reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderItemId: integer("order_item_id")
      .notNull()
      .references(() => orderItems.id),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    shopperId: integer("shopper_id")
      .notNull()
      .references(() => shoppers.id),
    /** The bought SKU's specs, shown as 已购：白色 520L. */
    specs: text("specs", { mode: "json" }).$type<Record<string, string>>().notNull(),
    rating: integer("rating").notNull(),
    content: text("content").notNull(),
    /** Keys of shopper photos (after-sales/… uploads, checked to be this shopper's). */
    photos: text("photos", { mode: "json" }).$type<string[]>().notNull(),
    anonymous: integer("anonymous", { mode: "boolean" }).notNull(),
    /** visible, or hidden by the merchant (abuse, ads); hidden ones leave the stats. */
    status: text("status").$type<"visible" | "hidden">().notNull(),
    reply: text("reply"),
    repliedAt: integer("replied_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("reviews_order_item").on(t.orderItemId),
    index("reviews_product_time").on(t.productId, t.status, t.createdAt),
    index("reviews_shopper").on(t.shopperId),
  ],
);

/** Per-product totals of visible reviews, kept in the same batch as every change to them. */
export const productReviewStats = sqliteTable("product_review_stats", {
  productId: integer("product_id")
    .primaryKey()
    .references(() => products.id),
  count: integer("count").notNull(),
  ratingSum: integer("rating_sum").notNull(),
  /** Ratings of 4 or 5 (好评). */
  goodCount: integer("good_count").notNull(),
  withPhotos: integer("with_photos").notNull(),
});
