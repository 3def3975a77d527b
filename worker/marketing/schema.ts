import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { shoppers, staff } from "../auth/schema";
import { orders } from "../orders/schema";

// ---------- coupons (owned by coupon*.ts; promotions keep their tables in promotion-schema.ts) ----------

export const COUPON_KINDS = ["amount_off", "no_threshold", "percent_off"] as const;
/** 满减 (amount off at a threshold), 无门槛 (amount off), 折扣 (pay a percentage, capped). */
export type CouponKind = (typeof COUPON_KINDS)[number];

export const COUPON_SCOPES = ["all", "categories", "products"] as const;
export type CouponScope = (typeof COUPON_SCOPES)[number];

export const COUPON_CHANNELS = ["centre", "product_page", "merchant_grant", "new_shopper"] as const;
/** How a coupon reaches shoppers: 领券中心, 商品详情页, 商家发放, 新人礼包. */
export type CouponChannel = (typeof COUPON_CHANNELS)[number];

export const COUPON_TEMPLATE_STATUSES = ["active", "stopped", "expired"] as const;
export type CouponTemplateStatus = (typeof COUPON_TEMPLATE_STATUSES)[number];

/**
 * A coupon as the merchant defines it. Its rules (kind, amounts, scope, validity) never change after
 * creation, so every coupon issued from it reads its terms here: the template row is the snapshot.
 * Only the name, description, quantity, per-shopper limit and channels may be edited.
 */
export const couponTemplates = sqliteTable(
  "coupon_templates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    kind: text("kind", { enum: COUPON_KINDS }).notNull(),
    /** 满减 / 无门槛: the amount taken off. */
    amountOffFen: integer("amount_off_fen"),
    /** Minimum eligible subtotal (满减; optional for 折扣); 0 = none. */
    thresholdFen: integer("threshold_fen").notNull().default(0),
    /** 折扣: the percentage paid, 88 = 8.8折 (12% off). */
    payPercent: integer("pay_percent"),
    /** 折扣: the most it takes off; null = no cap. */
    capFen: integer("cap_fen"),
    scope: text("scope", { enum: COUPON_SCOPES }).notNull(),
    /** Category ids (a line matches by its category or the parent) or product ids, by `scope`. */
    scopeIds: text("scope_ids", { mode: "json" }).$type<number[]>().notNull(),
    excludedProductIds: text("excluded_product_ids", { mode: "json" }).$type<number[]>().notNull(),
    /** fixed: valid_from..valid_to; relative: valid_days days from claiming. */
    validity: text("validity", { enum: ["fixed", "relative"] }).notNull(),
    validFrom: integer("valid_from"),
    validTo: integer("valid_to"),
    validDays: integer("valid_days"),
    totalQuantity: integer("total_quantity").notNull(),
    perShopperLimit: integer("per_shopper_limit").notNull().default(1),
    channels: text("channels", { mode: "json" }).$type<CouponChannel[]>().notNull(),
    status: text("status", { enum: COUPON_TEMPLATE_STATUSES }).notNull().default("active"),
    stoppedAt: integer("stopped_at"),
    /** "Expire now": unused coupons end at this time (also those an order cancelled later returns). */
    expiredAt: integer("expired_at"),
    createdBy: integer("created_by").references(() => staff.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("coupon_templates_status").on(t.status),
    check("coupon_templates_quantity", sql`${t.totalQuantity} > 0 AND ${t.perShopperLimit} > 0`),
    check("coupon_templates_pay_percent", sql`${t.payPercent} IS NULL OR (${t.payPercent} BETWEEN 1 AND 99)`),
  ],
);

/**
 * One issued coupon. These rows are the only record of how many were issued: claiming inserts with
 * one conditional statement that counts them (coupon-claims.ts), so no counter can drift from them.
 * Expiry is not a status: a coupon is expired when `valid_to` has passed, computed at read time.
 */
export const shopperCoupons = sqliteTable(
  "shopper_coupons",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    templateId: integer("template_id")
      .notNull()
      .references(() => couponTemplates.id),
    shopperId: integer("shopper_id")
      .notNull()
      .references(() => shoppers.id),
    source: text("source", { enum: COUPON_CHANNELS }).notNull(),
    status: text("status", { enum: ["available", "used"] })
      .notNull()
      .default("available"),
    validFrom: integer("valid_from").notNull(),
    validTo: integer("valid_to").notNull(),
    claimedAt: integer("claimed_at").notNull(),
    /** Makes a retried claim, grant or new-shopper gift issue nothing twice (unique per shopper). */
    claimKey: text("claim_key"),
    usedAt: integer("used_at"),
    /** The order that used it; after a cancel returned it, the order it came back from. */
    orderId: integer("order_id").references(() => orders.id),
  },
  (t) => [
    index("shopper_coupons_template_shopper").on(t.templateId, t.shopperId),
    index("shopper_coupons_shopper_status").on(t.shopperId, t.status, t.validTo),
    index("shopper_coupons_order").on(t.orderId),
    uniqueIndex("shopper_coupons_claim_key").on(t.shopperId, t.claimKey),
  ],
);

/**
 * A coupon spent on an order. The primary key is the coupon: two checkouts racing with the same
 * coupon cannot both commit, because the second batch fails on this key and rolls back entirely.
 */
export const couponRedemptions = sqliteTable(
  "coupon_redemptions",
  {
    couponId: integer("coupon_id")
      .primaryKey()
      .references(() => shopperCoupons.id),
    templateId: integer("template_id")
      .notNull()
      .references(() => couponTemplates.id),
    shopperId: integer("shopper_id").notNull(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    savingFen: integer("saving_fen").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("coupon_redemptions_template").on(t.templateId),
    index("coupon_redemptions_order").on(t.orderId),
  ],
);
