// Issuing coupons: shoppers claiming (coupon centre, product page), merchant grants, the new-shopper gift,
// and what the shopper sees (the centre, a product's coupons, my coupons).
//
// Why one conditional INSERT and not a counter (or a Durable Object): every issue is
//   INSERT INTO shopper_coupons … SELECT … FROM coupon_templates t
//   WHERE t is active and open on the channel
//     AND (SELECT count(*) … WHERE template_id = t.id) < t.total_quantity
//     AND (SELECT count(*) … WHERE template_id = t.id AND shopper_id = ?) < t.per_shopper_limit
//   RETURNING id
// SQLite (and Turso/libSQL, one writer per database) runs a statement atomically and writes one at a
// time, so the check and the insert are one step: no burst can issue past the total or a shopper past
// the limit, and the issued rows are the only count there is — no second counter to drift, nothing to
// compensate when a request dies half-way. The counts are index range scans (template_id, shopper_id),
// cheap at coupon volumes. A template that had to absorb thousands of claims per second would get a
// Durable Object of its own, like StockCounter per SKU, with the rows written behind it; coupon claims
// are not that hot, and the single writer already orders them.
import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { shoppers } from "../auth/schema";
import { categories, products } from "../catalog/schema";
import type { Db } from "../db/client";
import { AppError, badRequest, notFound } from "../shared/errors";
import { createLogger } from "../shared/log";
import {
  type CouponTemplateRow,
  claimableView,
  DAY_MS,
  type MyCouponTab,
  myCouponView,
  SELF_CLAIM_CHANNELS,
  termsOf,
} from "./coupon-model";
import { lineInScope } from "./coupon-rules";
import { type CouponChannel, couponTemplates, shopperCoupons } from "./schema";

interface IssueOptions {
  /** One template, or every template open on `channels` (the new-shopper gift). */
  templateId?: number;
  shopperId: number;
  /** The template must be open on one of these; the coupon's source is the first it lists. */
  channels: readonly CouponChannel[];
  /** Unique per shopper: a repeated request issues nothing twice. An SQL expression may use `t`. */
  claimKey: string | SQL | null;
  /** Claims obey the per-shopper limit; merchant grants only the total. */
  perShopperLimit: boolean;
  now: number;
}

/** The one statement that issues a coupon if, at that instant, the template still allows it. */
function issueStatement(db: Db, o: IssueOptions) {
  const channels = sql.join(
    o.channels.map((c) => sql`${c}`),
    sql`, `,
  );
  return db.all<{ id: number; shopperId: number; templateId: number }>(sql`
    INSERT INTO shopper_coupons (template_id, shopper_id, source, status, valid_from, valid_to, claimed_at, claim_key)
    SELECT t.id, ${o.shopperId},
      (SELECT value FROM json_each(t.channels) WHERE value IN (${channels}) LIMIT 1),
      'available',
      CASE t.validity WHEN 'fixed' THEN t.valid_from ELSE ${o.now} END,
      CASE t.validity WHEN 'fixed' THEN t.valid_to ELSE ${o.now} + t.valid_days * ${DAY_MS} END,
      ${o.now}, ${o.claimKey}
    FROM coupon_templates t
    WHERE ${o.templateId === undefined ? sql`1` : sql`t.id = ${o.templateId}`}
      AND t.status = 'active'
      AND (t.validity = 'relative' OR t.valid_to > ${o.now})
      AND EXISTS (SELECT 1 FROM json_each(t.channels) WHERE value IN (${channels}))
      AND (SELECT count(*) FROM shopper_coupons c WHERE c.template_id = t.id) < t.total_quantity
      ${
        o.perShopperLimit
          ? sql`AND (SELECT count(*) FROM shopper_coupons c
                     WHERE c.template_id = t.id AND c.shopper_id = ${o.shopperId}) < t.per_shopper_limit`
          : sql``
      }
    ON CONFLICT DO NOTHING
    RETURNING id, shopper_id AS shopperId, template_id AS templateId`);
}

async function loadTemplate(db: Db, id: number) {
  return db.select().from(couponTemplates).where(eq(couponTemplates.id, id)).get();
}

async function myCoupon(db: Db, where: SQL | undefined, now: number) {
  const row = await db
    .select({ c: shopperCoupons, t: couponTemplates })
    .from(shopperCoupons)
    .innerJoin(couponTemplates, eq(couponTemplates.id, shopperCoupons.templateId))
    .where(where)
    .get();
  return row ? myCouponView(row.c, row.t, now) : undefined;
}

const isSelfClaimable = (t: CouponTemplateRow, from: readonly CouponChannel[]) =>
  t.channels.some((c) => from.includes(c));

/**
 * A shopper claims a coupon. With an `Idempotency-Key`, a retried request answers with the coupon the
 * first one issued (`created: false`) instead of issuing a second.
 */
export async function claimCoupon(
  db: Db,
  shopperId: number,
  templateId: number,
  opts: { from?: (typeof SELF_CLAIM_CHANNELS)[number] | undefined; idempotencyKey?: string | undefined },
) {
  const now = Date.now();
  const channels = opts.from ? [opts.from] : SELF_CLAIM_CHANNELS;
  const claimKey = opts.idempotencyKey ? `claim:${opts.idempotencyKey}` : null;
  const [issued] = await issueStatement(db, {
    templateId,
    shopperId,
    channels,
    claimKey,
    perShopperLimit: true,
    now,
  });
  if (issued) return { created: true, coupon: (await myCoupon(db, eq(shopperCoupons.id, issued.id), now))! };

  if (claimKey) {
    const replay = await myCoupon(
      db,
      and(eq(shopperCoupons.shopperId, shopperId), eq(shopperCoupons.claimKey, claimKey)),
      now,
    );
    if (replay && replay.templateId === templateId) return { created: false, coupon: replay };
    if (replay) throw new AppError(409, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key 已用于领取其他优惠券");
  }
  throw await whyNotIssued(db, shopperId, templateId, channels, now);
}

/** The reason a claim issued nothing, read after the fact (the statement itself only says no). */
async function whyNotIssued(
  db: Db,
  shopperId: number,
  templateId: number,
  channels: readonly CouponChannel[],
  now: number,
): Promise<AppError> {
  const t = await loadTemplate(db, templateId);
  if (!t || !isSelfClaimable(t, channels)) return notFound("优惠券不存在");
  if (t.status === "stopped") return new AppError(409, "COUPON_STOPPED", "优惠券已停止发放");
  if (t.status === "expired" || (t.validity === "fixed" && (t.validTo ?? 0) <= now))
    return new AppError(409, "COUPON_EXPIRED", "优惠券已过期");
  const [counts] = await db
    .select({
      issued: sql<number>`count(*)`,
      mine: sql<number>`coalesce(sum(${shopperCoupons.shopperId} = ${shopperId}), 0)`,
    })
    .from(shopperCoupons)
    .where(eq(shopperCoupons.templateId, templateId));
  if ((counts?.mine ?? 0) >= t.perShopperLimit)
    return new AppError(409, "CLAIM_LIMIT_REACHED", `已领取，每人限领 ${t.perShopperLimit} 张`);
  if ((counts?.issued ?? 0) >= t.totalQuantity) return new AppError(409, "SOLD_OUT", "优惠券已抢光");
  return new AppError(409, "CLAIM_FAILED", "领取失败，请重试");
}

/**
 * The merchant issues a coupon to shoppers: the same total as claims (each insert checks it, in order,
 * in one batch), not the per-shopper claim limit (a grant is the merchant's own decision). With an
 * `Idempotency-Key`, repeating the request issues nothing twice.
 */
export async function grantCoupon(
  db: Db,
  templateId: number,
  shopperIds: readonly number[],
  idempotencyKey?: string,
) {
  const t = await loadTemplate(db, templateId);
  if (!t) throw notFound("优惠券不存在");
  if (!t.channels.includes("merchant_grant"))
    throw new AppError(409, "CHANNEL_CLOSED", "该优惠券未开放商家发放，请先在发放渠道中勾选");
  if (t.status !== "active")
    throw new AppError(
      409,
      "COUPON_NOT_ACTIVE",
      t.status === "stopped" ? "优惠券已停止发放" : "优惠券已失效",
    );
  const known = new Set(
    (
      await db
        .select({ id: shoppers.id })
        .from(shoppers)
        .where(inArray(shoppers.id, [...shopperIds]))
    ).map((r) => r.id),
  );
  const unknown = shopperIds.filter((id) => !known.has(id));
  if (unknown.length) throw badRequest(`顾客不存在：${unknown.join("、")}`);

  const now = Date.now();
  const claimKey = idempotencyKey ? `grant:${idempotencyKey}` : null;
  const [first, ...rest] = shopperIds.map((shopperId) =>
    issueStatement(db, {
      templateId,
      shopperId,
      channels: ["merchant_grant"],
      claimKey,
      perShopperLimit: false,
      now,
    }),
  );
  const results = await db.batch([first!, ...rest]);
  const granted = results.flatMap((r) => r.map((x) => x.shopperId));
  const notGranted = shopperIds.filter((id) => !granted.includes(id));
  const replayedIds = new Set(
    claimKey && notGranted.length
      ? (
          await db
            .select({ shopperId: shopperCoupons.shopperId })
            .from(shopperCoupons)
            .where(and(inArray(shopperCoupons.shopperId, notGranted), eq(shopperCoupons.claimKey, claimKey)))
        ).map((r) => r.shopperId)
      : [],
  );
  // Every list in the order the merchant gave the shoppers (the database returns them by row id).
  const replayed = notGranted.filter((id) => replayedIds.has(id));
  return {
    granted,
    alreadyGranted: replayed,
    soldOut: notGranted.filter((id) => !replayed.includes(id)),
  };
}

/**
 * The new-shopper gift: every active template open on the new_shopper channel, issued to a shopper who
 * just signed up, in one statement; each template's total holds, and the claim key `gift:<template>`
 * makes a repeated call issue nothing twice. Returns the coupon ids issued.
 */
export async function grantNewShopperGifts(db: Db, shopperId: number, now = Date.now()): Promise<number[]> {
  const rows = await issueStatement(db, {
    shopperId,
    channels: ["new_shopper"],
    claimKey: sql`'gift:' || t.id`,
    perShopperLimit: false,
    now,
  });
  return rows.map((r) => r.id);
}

/**
 * Called by the logins when they have just created the shopper. A failure is logged, never fails the
 * login: the shopper loses a gift, not the sign-in.
 */
export async function welcomeNewShopper(db: Db, shopperId: number, now = Date.now()): Promise<void> {
  try {
    await grantNewShopperGifts(db, shopperId, now);
  } catch (err) {
    createLogger(undefined).error("new-shopper coupons not granted", { shopperId, err: String(err) });
  }
}

/** Templates open for claiming on a channel, with the issued count and the shopper's own count (0 when anonymous). */
async function openTemplates(db: Db, channel: CouponChannel, shopperId: number | undefined, now: number) {
  return db
    .select({
      t: couponTemplates,
      // Spelled out: drizzle leaves single-table columns unqualified, and "id" in here would be c.id.
      issued: sql<number>`(SELECT count(*) FROM shopper_coupons c WHERE c.template_id = coupon_templates.id)`,
      mine: sql<number>`(SELECT count(*) FROM shopper_coupons c
                         WHERE c.template_id = coupon_templates.id AND c.shopper_id = ${shopperId ?? 0})`,
    })
    .from(couponTemplates)
    .where(
      and(
        eq(couponTemplates.status, "active"),
        sql`(${couponTemplates.validity} = 'relative' OR ${couponTemplates.validTo} > ${now})`,
        sql`EXISTS (SELECT 1 FROM json_each(${couponTemplates.channels}) WHERE value = ${channel})`,
      ),
    )
    .orderBy(desc(couponTemplates.id))
    .limit(200);
}

/** 领券中心: claimable templates with 立即领取 / 已领 / 已抢光 for this shopper. */
export async function couponCentre(db: Db, shopperId: number | undefined) {
  const rows = await openTemplates(db, "centre", shopperId, Date.now());
  return { items: rows.map((r) => claimableView(r.t, r.issued, r.mine)) };
}

/** The coupons a product page offers: open on the product page and covering this product. */
export async function couponsForProduct(db: Db, productId: number, shopperId: number | undefined) {
  const product = await db
    .select({ id: products.id, categoryId: products.categoryId, parentId: categories.parentId })
    .from(products)
    .leftJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.id, productId), eq(products.status, "on_sale")))
    .get();
  if (!product) throw notFound("商品不存在");
  const line = {
    productId: product.id,
    categoryIds: [product.categoryId, ...(product.parentId ? [product.parentId] : [])],
  };
  const rows = await openTemplates(db, "product_page", shopperId, Date.now());
  return {
    items: rows
      .filter((r) => lineInScope(termsOf(r.t), line))
      .map((r) => claimableView(r.t, r.issued, r.mine)),
  };
}

/** 我的优惠券 by tab (可使用 / 已使用 / 已过期), with every tab's count; expiry is valid_to against now. */
export async function myCoupons(db: Db, shopperId: number, tab: MyCouponTab, now = Date.now()) {
  const c = shopperCoupons;
  const byTab: Record<MyCouponTab, SQL> = {
    usable: sql`${c.status} = 'available' AND ${c.validTo} > ${now}`,
    used: sql`${c.status} = 'used'`,
    expired: sql`${c.status} = 'available' AND ${c.validTo} <= ${now}`,
  };
  const order = { usable: c.validTo, used: desc(c.usedAt), expired: desc(c.validTo) }[tab];
  const [rows, counts] = await db.batch([
    db
      .select({ c, t: couponTemplates })
      .from(c)
      .innerJoin(couponTemplates, eq(couponTemplates.id, c.templateId))
      .where(and(eq(c.shopperId, shopperId), byTab[tab]))
      .orderBy(order, desc(c.id))
      .limit(200),
    db
      .select({
        usable: sql<number>`coalesce(sum(${byTab.usable}), 0)`,
        used: sql<number>`coalesce(sum(${byTab.used}), 0)`,
        expired: sql<number>`coalesce(sum(${byTab.expired}), 0)`,
      })
      .from(c)
      .where(eq(c.shopperId, shopperId)),
  ]);
  return {
    tab,
    counts: counts[0] ?? { usable: 0, used: 0, expired: 0 },
    items: rows.map((r) => myCouponView(r.c, r.t, now)),
  };
}
