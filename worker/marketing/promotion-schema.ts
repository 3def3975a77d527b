import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { products, skus } from "../catalog/schema";
import type { PromotionKind, PromotionRule, PromotionScope } from "./promotion-rules";

/**
 * 自动促销: 满减 (tiers), 每满减, 满折 and 限时折扣. The rule and scope are small and always read with the
 * row, so they are JSON columns; active promotions are few, so the quote loads them whole and matches
 * scopes in code. A promotion is never deleted once it has started (orders name it in their
 * adjustments' `step`, "promotion:<id>"): it is stopped (`stopped_at`) instead.
 */
export const promotions = sqliteTable(
  "promotions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    kind: text("kind").$type<PromotionKind>().notNull(),
    /** The tiers (满减, 满折) or the step and cap (每满减); `{ kind: "limited_time" }` for 限时折扣. */
    rule: text("rule", { mode: "json" }).$type<PromotionRule>().notNull(),
    /** Whole store, categories or products, with excluded products (限时折扣: the SKUs below instead). */
    scope: text("scope", { mode: "json" }).$type<PromotionScope>().notNull(),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    /** Higher applies first. */
    priority: integer("priority").notNull().default(0),
    stacksWithOtherPromotions: integer("stacks_with_other_promotions", { mode: "boolean" }).notNull(),
    stacksWithCoupons: integer("stacks_with_coupons", { mode: "boolean" }).notNull(),
    /** Set when the merchant stops it early; it is then over, whatever `ends_at` says. */
    stoppedAt: integer("stopped_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("promotions_window_idx").on(t.endsAt, t.startsAt)],
);

/** 限时折扣 prices: one per SKU per promotion; product_id lets listings find a product's prices directly. */
export const promotionSkuPrices = sqliteTable(
  "promotion_sku_prices",
  {
    promotionId: integer("promotion_id")
      .notNull()
      .references(() => promotions.id),
    skuId: integer("sku_id")
      .notNull()
      .references(() => skus.id),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    priceFen: integer("price_fen").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.promotionId, t.skuId] }),
    index("promotion_sku_prices_sku_idx").on(t.skuId),
    index("promotion_sku_prices_product_idx").on(t.productId),
  ],
);
