// Merchant side of coupons: templates (create, edit what may change, stop, expire now), the usage report.
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { categories, products } from "../catalog/schema";
import type { Db } from "../db/client";
import { AppError, badRequest, notFound } from "../shared/errors";
import {
  adminTemplateView,
  type CouponTemplateInput,
  type CouponTemplatePatch,
  type CouponTemplateRow,
} from "./coupon-model";
import { couponTemplates, shopperCoupons } from "./schema";

// Table names spelled out: drizzle leaves columns unqualified in single-table queries, and an unqualified
// "id" inside the subquery would be the subquery's own.
const issuedSql = sql<number>`(SELECT count(*) FROM shopper_coupons c WHERE c.template_id = coupon_templates.id)`;
const usedSql = sql<number>`(SELECT count(*) FROM coupon_redemptions r WHERE r.template_id = coupon_templates.id)`;

async function loadWithCounts(db: Db, id: number) {
  const row = await db
    .select({ t: couponTemplates, issued: issuedSql, used: usedSql })
    .from(couponTemplates)
    .where(eq(couponTemplates.id, id))
    .get();
  if (!row) throw notFound("优惠券不存在");
  return row;
}

export async function getTemplate(db: Db, id: number) {
  const { t, issued, used } = await loadWithCounts(db, id);
  return adminTemplateView(t, { issued, used });
}

export async function listTemplates(db: Db, q: { status?: CouponTemplateRow["status"] | undefined }) {
  const rows = await db
    .select({ t: couponTemplates, issued: issuedSql, used: usedSql })
    .from(couponTemplates)
    .where(q.status ? eq(couponTemplates.status, q.status) : undefined)
    .orderBy(desc(couponTemplates.id))
    .limit(500);
  return rows.map((r) => adminTemplateView(r.t, { issued: r.issued, used: r.used }));
}

/** Scope ids must name existing categories / products: a typo would make a coupon nobody can use. */
async function checkScopeIds(db: Db, input: CouponTemplateInput) {
  const missing = async (ids: readonly number[], table: typeof categories | typeof products) => {
    if (ids.length === 0) return [];
    const found = new Set(
      (
        await db
          .select({ id: table.id })
          .from(table)
          .where(inArray(table.id, [...ids]))
      ).map((r) => r.id),
    );
    return ids.filter((id) => !found.has(id));
  };
  const [badCategories, badScopeProducts, badExcluded] = await Promise.all([
    missing(input.scope === "categories" ? input.scopeIds : [], categories),
    missing(input.scope === "products" ? input.scopeIds : [], products),
    missing(input.excludedProductIds, products),
  ]);
  if (badCategories.length) throw badRequest(`分类不存在：${badCategories.join("、")}`);
  const badProducts = [...badScopeProducts, ...badExcluded];
  if (badProducts.length) throw badRequest(`商品不存在：${badProducts.join("、")}`);
}

export async function createTemplate(db: Db, staffId: number, input: CouponTemplateInput) {
  await checkScopeIds(db, input);
  const now = Date.now();
  const v = input.validity;
  const [row] = await db
    .insert(couponTemplates)
    .values({
      name: input.name,
      description: input.description,
      kind: input.kind,
      amountOffFen: input.amountOffFen ?? null,
      thresholdFen: input.thresholdFen ?? 0,
      payPercent: input.payPercent ?? null,
      capFen: input.capFen ?? null,
      scope: input.scope,
      scopeIds: input.scopeIds,
      excludedProductIds: input.excludedProductIds,
      validity: v.kind,
      validFrom: v.kind === "fixed" ? v.validFrom : null,
      validTo: v.kind === "fixed" ? v.validTo : null,
      validDays: v.kind === "relative" ? v.days : null,
      totalQuantity: input.totalQuantity,
      perShopperLimit: input.perShopperLimit,
      channels: input.channels,
      createdBy: staffId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return adminTemplateView(row!, { issued: 0, used: 0 });
}

/** The total never drops below what was issued: checked in the UPDATE itself, so a claim cannot slip in between. */
export async function updateTemplate(db: Db, id: number, patch: CouponTemplatePatch) {
  const updated = await db
    .update(couponTemplates)
    .set({ ...patch, updatedAt: Date.now() })
    .where(
      and(
        eq(couponTemplates.id, id),
        patch.totalQuantity === undefined ? undefined : sql`${issuedSql} <= ${patch.totalQuantity}`,
      ),
    )
    .returning({ id: couponTemplates.id });
  if (updated.length === 0) {
    const { issued } = await loadWithCounts(db, id);
    throw new AppError(409, "QUANTITY_BELOW_ISSUED", `发放总量不能少于已领取的 ${issued} 张`);
  }
  return getTemplate(db, id);
}

/** No more claims or grants; coupons already issued stay usable until they expire. */
export async function stopTemplate(db: Db, id: number) {
  const now = Date.now();
  const done = await db
    .update(couponTemplates)
    .set({ status: "stopped", stoppedAt: now, updatedAt: now })
    .where(and(eq(couponTemplates.id, id), eq(couponTemplates.status, "active")))
    .returning({ id: couponTemplates.id });
  if (done.length === 0) {
    const { t } = await loadWithCounts(db, id);
    throw new AppError(
      409,
      "COUPON_NOT_ACTIVE",
      t.status === "stopped" ? "优惠券已停止发放" : "优惠券已失效",
    );
  }
  return getTemplate(db, id);
}

/**
 * Ends the template now: no more claims, and every unused coupon of it expires now (one batch). Coupons
 * held by unpaid orders are capped at `expired_at` when a cancel returns them (coupon-redemption.ts).
 * Repeating it changes nothing.
 */
export async function expireTemplate(db: Db, id: number) {
  const now = Date.now();
  await loadWithCounts(db, id);
  await db.batch([
    db
      .update(couponTemplates)
      .set({ status: "expired", expiredAt: now, updatedAt: now })
      .where(and(eq(couponTemplates.id, id), ne(couponTemplates.status, "expired"))),
    db
      .update(shopperCoupons)
      .set({
        validTo: sql`min(${shopperCoupons.validTo}, (SELECT expired_at FROM coupon_templates WHERE id = ${id}))`,
      })
      .where(
        and(
          eq(shopperCoupons.templateId, id),
          eq(shopperCoupons.status, "available"),
          sql`${shopperCoupons.validTo} > ${now}`,
        ),
      ),
  ]);
  return getTemplate(db, id);
}

/** Issued (claimed or granted), used, expired unused, still usable, and the money saved on orders. */
export async function templateReport(db: Db, id: number, now = Date.now()) {
  const { t } = await loadWithCounts(db, id);
  const [counts, bySource] = await db.batch([
    db
      .select({
        issued: sql<number>`count(*)`,
        used: sql<number>`coalesce(sum(${shopperCoupons.status} = 'used'), 0)`,
        expiredUnused: sql<number>`coalesce(sum(${shopperCoupons.status} = 'available' AND ${shopperCoupons.validTo} <= ${now}), 0)`,
        savedFen: sql<number>`(SELECT coalesce(sum(r.saving_fen), 0) FROM coupon_redemptions r WHERE r.template_id = ${id})`,
        orders: sql<number>`(SELECT count(DISTINCT r.order_id) FROM coupon_redemptions r WHERE r.template_id = ${id})`,
      })
      .from(shopperCoupons)
      .where(eq(shopperCoupons.templateId, id)),
    db
      .select({ source: shopperCoupons.source, n: sql<number>`count(*)` })
      .from(shopperCoupons)
      .where(eq(shopperCoupons.templateId, id))
      .groupBy(shopperCoupons.source),
  ]);
  const c = counts[0]!;
  return {
    templateId: t.id,
    name: t.name,
    status: t.status,
    totalQuantity: t.totalQuantity,
    issued: c.issued,
    used: c.used,
    expiredUnused: c.expiredUnused,
    usable: c.issued - c.used - c.expiredUnused,
    remaining: Math.max(0, t.totalQuantity - c.issued),
    useRatePercent: c.issued ? Math.round((c.used * 1000) / c.issued) / 10 : 0,
    savedFen: c.savedFen,
    orders: c.orders,
    bySource: bySource.map((r) => ({ source: r.source, issued: r.n })),
  };
}
