// 分享、老带新与拼团 (issue #14): referral codes, bindings and rewards; group-buy offers, groups and
// their members. The Durable Object per group (durable-objects/group-buy.ts) is the authority for slots;
// these rows are what lists, the ship check and the sweep read.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { shoppers } from "../auth/schema";
import { products, skus } from "../catalog/schema";
import { orders } from "../orders/schema";

/** One referral code per shopper, created on first use. */
export const referralCodes = sqliteTable("referral_codes", {
  shopperId: integer("shopper_id")
    .primaryKey()
    .references(() => shoppers.id),
  code: text("code").notNull().unique(),
  createdAt: integer("created_at").notNull(),
});

/** A new shopper bound to the shopper who referred them: one binding ever (the primary key). */
export const referralBindings = sqliteTable(
  "referral_bindings",
  {
    refereeId: integer("referee_id")
      .primaryKey()
      .references(() => shoppers.id),
    referrerId: integer("referrer_id")
      .notNull()
      .references(() => shoppers.id),
    /** link (H5 / share path) or scene (a scanned mini program code). */
    via: text("via").$type<"link" | "scene">().notNull(),
    boundAt: integer("bound_at").notNull(),
  },
  (t) => [index("referral_bindings_referrer_idx").on(t.referrerId, t.boundAt)],
);

export type ReferralRewardStatus = "pending" | "granting" | "granted" | "cancelled" | "capped";

/** The referrer's reward for one referee: one row per referee ever (exactly once under concurrency). */
export const referralRewards = sqliteTable(
  "referral_rewards",
  {
    refereeId: integer("referee_id")
      .primaryKey()
      .references(() => shoppers.id),
    referrerId: integer("referrer_id")
      .notNull()
      .references(() => shoppers.id),
    /** The referee's first completed order. */
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    status: text("status").$type<ReferralRewardStatus>().notNull(),
    /** Completion + the return window: granted by the sweep after this. */
    dueAt: integer("due_at").notNull(),
    /** Points credited to the referrer (points ledger, kind "referral"), fixed when granting. */
    points: integer("points").notNull().default(0),
    /** Optional coupon template granted as well (unused unless configured). */
    templateId: integer("template_id"),
    couponId: integer("coupon_id"),
    grantedAt: integer("granted_at"),
    note: text("note").notNull().default(""),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("referral_rewards_due_idx").on(t.status, t.dueAt),
    index("referral_rewards_referrer_idx").on(t.referrerId, t.grantedAt),
    index("referral_rewards_order_idx").on(t.orderId),
  ],
);

/** The merchant's referral settings: a single row (id = 1). */
export const referralSettings = sqliteTable("referral_settings", {
  id: integer("id").primaryKey(),
  /** Points a referrer receives per referee (through the points ledger); 0 = no reward. */
  rewardPoints: integer("reward_points").notNull().default(500),
  /** Reserved: a coupon template as the reward instead of points (not offered yet). */
  rewardTemplateId: integer("reward_template_id"),
  dailyCap: integer("daily_cap").notNull(),
  monthlyCap: integer("monthly_cap").notNull(),
  /** A shopper may be bound within this many hours of signing up (and before any order). */
  bindingWindowHours: integer("binding_window_hours").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export type GroupBuyOfferStatus = "active" | "stopped";

/** 拼团活动: a group price per SKU of one product, the group size, how long a group stays open. */
export const groupBuyOffers = sqliteTable(
  "group_buy_offers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    groupSize: integer("group_size").notNull(),
    /** A group opened now must fill within this many minutes. */
    timeLimitMinutes: integer("time_limit_minutes").notNull(),
    /** Units one shopper may buy in one group. */
    perShopperLimit: integer("per_shopper_limit").notNull(),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    status: text("status").$type<GroupBuyOfferStatus>().notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("group_buy_offers_product_idx").on(t.productId, t.endsAt)],
);

export const groupBuyOfferSkus = sqliteTable(
  "group_buy_offer_skus",
  {
    offerId: integer("offer_id")
      .notNull()
      .references(() => groupBuyOffers.id),
    skuId: integer("sku_id")
      .notNull()
      .references(() => skus.id),
    groupPriceFen: integer("group_price_fen").notNull(),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.skuId] }), index("group_buy_offer_skus_sku_idx").on(t.skuId)],
);

/** pending: the opener has not paid yet; open: joinable; filled: ships; expired: refunded; void: never opened. */
export type GroupStatus = "pending" | "open" | "filled" | "expired" | "void";

export const groupBuys = sqliteTable(
  "group_buys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Public number, also the Durable Object's name (`group:<no>`). */
    groupNo: text("group_no").notNull().unique(),
    offerId: integer("offer_id")
      .notNull()
      .references(() => groupBuyOffers.id),
    leaderId: integer("leader_id")
      .notNull()
      .references(() => shoppers.id),
    size: integer("size").notNull(),
    paidCount: integer("paid_count").notNull().default(0),
    status: text("status").$type<GroupStatus>().notNull(),
    expiresAt: integer("expires_at").notNull(),
    filledAt: integer("filled_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("group_buys_offer_idx").on(t.offerId, t.status),
    index("group_buys_due_idx").on(t.status, t.expiresAt),
  ],
);

export type GroupMemberStatus = "held" | "paid" | "cancelled";

/** One row per order placed into a group (the order's group link; the ship check reads it). */
export const groupBuyMembers = sqliteTable(
  "group_buy_members",
  {
    orderId: integer("order_id")
      .primaryKey()
      .references(() => orders.id),
    groupId: integer("group_id")
      .notNull()
      .references(() => groupBuys.id),
    shopperId: integer("shopper_id")
      .notNull()
      .references(() => shoppers.id),
    leader: integer("leader", { mode: "boolean" }).notNull(),
    quantity: integer("quantity").notNull(),
    status: text("status").$type<GroupMemberStatus>().notNull(),
    createdAt: integer("created_at").notNull(),
    paidAt: integer("paid_at"),
  },
  (t) => [
    uniqueIndex("group_buy_members_group_order_idx").on(t.groupId, t.orderId),
    index("group_buy_members_shopper_idx").on(t.shopperId),
  ],
);
