// Automatic promotions: the merchant's CRUD, loading what the pricing steps need, and what shoppers see
// (tags and limited-time prices on product cards and pages, the active list). The rules are pure
// (promotion-rules.ts).
import { z } from "@hono/zod-openapi";
import {
  and,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  type SQL,
  type SQLWrapper,
  sql,
} from "drizzle-orm";
import type { BatchResponse } from "drizzle-orm/batch";
import { categories, products, skus } from "../catalog/schema";
import { type BatchRead, batchRead, type Ids, inIds, noIds, runRead } from "../db/batch-reads";
import type { Db } from "../db/client";
import { AppError, badRequest, conflict, notFound } from "../shared/errors";
import { fen } from "../shared/validation";
import {
  applicationOrder,
  bestLimitedTimePrices,
  inScope,
  isActive,
  type LimitedTimePrice,
  limitedTimeStepName,
  type Promotion,
  type PromotionRule,
  type PromotionScope,
  promotionDescription,
  promotionStepName,
  promotionTags,
} from "./promotion-rules";
import { promotionSkuPrices, promotions } from "./promotion-schema";

// ---------- input ----------

const MAX_TIERS = 5;
const positiveFen = (what: string) =>
  fen.refine((v) => v > 0, `${what}必须大于 0`).openapi({ description: `${what}（分）` });
const epochMs = (what: string) =>
  z
    .number({ error: `请填写${what}` })
    .int(`${what}须为毫秒时间戳`)
    .min(0, `${what}须为毫秒时间戳`)
    .openapi({ description: `${what}（UTC 毫秒）` });
const ids = (what: string) =>
  z
    .array(z.number().int().positive(`${what}编号无效`))
    .max(500, `${what}最多 500 个`)
    .refine((xs) => new Set(xs).size === xs.length, `${what}有重复`);

const common = {
  name: z.string().trim().min(1, "请填写活动名称").max(40, "活动名称最多 40 个字"),
  startsAt: epochMs("开始时间"),
  endsAt: epochMs("结束时间"),
  priority: z
    .number()
    .int("优先级须为整数")
    .min(0, "优先级不能小于 0")
    .max(1000, "优先级不能大于 1000")
    .default(0)
    .openapi({ description: "数字大的先计算；相同时先创建的先计算" }),
  stacksWithOtherPromotions: z
    .boolean()
    .default(true)
    .openapi({ description: "false：本活动生效后，后面的促销不再计算；已有其他促销生效时本活动不参与" }),
  stacksWithCoupons: z
    .boolean()
    .default(true)
    .openapi({ description: "false：本活动生效时订单不能再用优惠券" }),
};

const scopeInput = z
  .object({
    kind: z
      .enum(["all", "categories", "products"])
      .openapi({ description: "全店 / 指定分类（含子分类）/ 指定商品" }),
    ids: ids("分类或商品").default([]),
    excludeProductIds: ids("排除商品").default([]),
  })
  .refine((s) => s.kind === "all" || s.ids.length > 0, "请选择参与活动的分类或商品")
  .refine((s) => s.kind !== "all" || s.ids.length === 0, "全店活动不需要选择分类或商品")
  .openapi("PromotionScopeInput");

const increasing = (xs: readonly number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

const reductionTiers = z
  .array(z.object({ thresholdFen: positiveFen("满减门槛"), reduceFen: positiveFen("减免金额") }))
  .min(1, "请至少设置一档满减")
  .max(MAX_TIERS, `满减最多 ${MAX_TIERS} 档`)
  .refine((ts) => ts.every((t) => t.reduceFen < t.thresholdFen), "减免金额须小于门槛金额")
  .refine(
    (ts) => increasing(ts.map((t) => t.thresholdFen)) && increasing(ts.map((t) => t.reduceFen)),
    "各档门槛须从低到高排列，减免金额也须逐档增加",
  );

const discountTiers = z
  .array(
    z.object({
      threshold: z
        .number()
        .int("门槛须为整数")
        .positive("门槛必须大于 0")
        .openapi({ description: "按件：件数；按金额：分" }),
      payPercent: z
        .number()
        .int("折扣须为整数百分比，如 9.5 折填 95")
        .min(1, "折扣须在 0.1 折到 9.9 折之间")
        .max(99, "折扣须在 0.1 折到 9.9 折之间")
        .openapi({ description: "实付百分比：9 折 = 90，9.5 折 = 95" }),
    }),
  )
  .min(1, "请至少设置一档折扣")
  .max(MAX_TIERS, `满折最多 ${MAX_TIERS} 档`)
  .refine(
    (ts) => increasing(ts.map((t) => t.threshold)) && increasing(ts.map((t) => -t.payPercent)),
    "各档门槛须从低到高排列，折扣也须逐档加深",
  );

export const promotionInput = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("full_reduction"), ...common, tiers: reductionTiers, scope: scopeInput }),
    z.object({
      kind: z.literal("per_full_reduction"),
      ...common,
      everyFen: positiveFen("每满金额"),
      reduceFen: positiveFen("每满减免金额"),
      capFen: positiveFen("最多减免金额").nullable().default(null),
      scope: scopeInput,
    }),
    z.object({
      kind: z.literal("full_discount"),
      ...common,
      by: z.enum(["quantity", "amount"]).openapi({ description: "按件数（满2件9折）或按金额（满¥x 9.5折）" }),
      tiers: discountTiers,
      scope: scopeInput,
    }),
    z.object({
      kind: z.literal("limited_time"),
      ...common,
      items: z
        .array(
          z.object({ skuId: z.number().int().positive("SKU 编号无效"), priceFen: positiveFen("限时价") }),
        )
        .min(1, "请至少选择一个 SKU")
        .max(200, "一个限时折扣最多 200 个 SKU")
        .refine((xs) => new Set(xs.map((x) => x.skuId)).size === xs.length, "SKU 重复"),
    }),
  ])
  .superRefine((p, ctx) => {
    if (p.endsAt <= p.startsAt)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "结束时间须晚于开始时间" });
    if (p.kind === "per_full_reduction") {
      if (p.reduceFen >= p.everyFen)
        ctx.addIssue({ code: "custom", path: ["reduceFen"], message: "减免金额须小于每满金额" });
      if (p.capFen !== null && p.capFen < p.reduceFen)
        ctx.addIssue({ code: "custom", path: ["capFen"], message: "最多减免金额不能小于每满减免金额" });
    }
  })
  .openapi("PromotionInput");
export type PromotionInput = z.infer<typeof promotionInput>;

export const promotionListQuery = z.object({
  status: z
    .enum(["scheduled", "active", "ended", "stopped", "all"])
    .default("all")
    .openapi({ description: "未开始 / 进行中 / 已结束 / 已停止 / 全部" }),
  kind: z.enum(["full_reduction", "per_full_reduction", "full_discount", "limited_time"]).optional(),
});

// ---------- rows and views ----------

type Row = typeof promotions.$inferSelect;
type PriceRow = typeof promotionSkuPrices.$inferSelect;

export type PromotionStatus = "scheduled" | "active" | "ended" | "stopped";

export function promotionStatus(
  p: Pick<Row, "startsAt" | "endsAt" | "stoppedAt">,
  now: number,
): PromotionStatus {
  if (p.stoppedAt !== null) return "stopped";
  if (now < p.startsAt) return "scheduled";
  return now < p.endsAt ? "active" : "ended";
}

const asPromotion = (r: Row): Promotion => ({
  id: r.id,
  name: r.name,
  rule: r.rule,
  scope: r.scope,
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  priority: r.priority,
  stacksWithOtherPromotions: r.stacksWithOtherPromotions,
  stacksWithCoupons: r.stacksWithCoupons,
});

function adminView(r: Row, prices: PriceRow[], now: number) {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    status: promotionStatus(r, now),
    rule: r.rule,
    scope: r.scope,
    items: prices.map((p) => ({ skuId: p.skuId, productId: p.productId, priceFen: p.priceFen })),
    tags: promotionTags(r.rule),
    description: promotionDescription(r.rule),
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    priority: r.priority,
    stacksWithOtherPromotions: r.stacksWithOtherPromotions,
    stacksWithCoupons: r.stacksWithCoupons,
    stoppedAt: r.stoppedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
export type PromotionAdminView = ReturnType<typeof adminView>;

function ruleOf(input: PromotionInput): PromotionRule {
  switch (input.kind) {
    case "full_reduction":
      return { kind: "full_reduction", tiers: input.tiers };
    case "per_full_reduction":
      return {
        kind: "per_full_reduction",
        everyFen: input.everyFen,
        reduceFen: input.reduceFen,
        capFen: input.capFen,
      };
    case "full_discount":
      return { kind: "full_discount", by: input.by, tiers: input.tiers };
    case "limited_time":
      return { kind: "limited_time" };
  }
}

// ---------- merchant: writes ----------

/** Everything the database must confirm before a write; throws 400/409 with nothing written. */
async function checkReferences(db: Db, input: PromotionInput, selfId?: number) {
  const errors: string[] = [];
  if (input.kind !== "limited_time") {
    const { scope } = input;
    const productIds = [...(scope.kind === "products" ? scope.ids : []), ...scope.excludeProductIds];
    const [cats, prods] = await Promise.all([
      scope.kind === "categories"
        ? db.select({ id: categories.id }).from(categories).where(inArray(categories.id, scope.ids))
        : [],
      productIds.length
        ? db.select({ id: products.id }).from(products).where(inArray(products.id, productIds))
        : [],
    ]);
    const missing = (want: number[], found: { id: number }[]) =>
      want.filter((id) => !found.some((f) => f.id === id));
    if (scope.kind === "categories" && missing(scope.ids, cats).length)
      errors.push(`分类不存在：${missing(scope.ids, cats).join("，")}`);
    if (missing(productIds, prods).length)
      errors.push(`商品不存在：${missing(productIds, prods).join("，")}`);
    if (errors.length) throw new AppError(400, "INVALID_REFERENCE", errors[0]!, errors);
    return { scope: scope as PromotionScope, prices: [] as Omit<PriceRow, "promotionId">[] };
  }
  const skuIds = input.items.map((i) => i.skuId);
  const found = await db
    .select({ id: skus.id, productId: skus.productId, priceFen: skus.priceFen })
    .from(skus)
    .where(inArray(skus.id, skuIds));
  const prices: Omit<PriceRow, "promotionId">[] = [];
  for (const item of input.items) {
    const sku = found.find((s) => s.id === item.skuId);
    if (!sku) errors.push(`SKU 不存在：${item.skuId}`);
    else if (item.priceFen >= sku.priceFen)
      errors.push(`SKU ${item.skuId} 的限时价须低于售价 ${(sku.priceFen / 100).toFixed(2)} 元`);
    else prices.push({ skuId: sku.id, productId: sku.productId, priceFen: item.priceFen });
  }
  if (errors.length) throw new AppError(400, "INVALID_REFERENCE", errors[0]!, errors);
  // One limited-time price per SKU at any moment: overlapping windows would leave the price ambiguous.
  const overlapping = await db
    .select({ promotionId: promotionSkuPrices.promotionId, skuId: promotionSkuPrices.skuId })
    .from(promotionSkuPrices)
    .innerJoin(promotions, eq(promotions.id, promotionSkuPrices.promotionId))
    .where(
      and(
        inArray(promotionSkuPrices.skuId, skuIds),
        isNull(promotions.stoppedAt),
        // Windows [start, end) overlap when each starts before the other ends.
        gt(promotions.endsAt, input.startsAt),
        lt(promotions.startsAt, input.endsAt),
        selfId === undefined ? undefined : ne(promotions.id, selfId),
      ),
    )
    .limit(1);
  const clash = overlapping[0];
  if (clash)
    throw conflict(
      `SKU ${clash.skuId} 在该时段已有限时折扣（活动 ${clash.promotionId}），请调整时间或先停止该活动`,
      "PROMOTION_OVERLAP",
    );
  const productIds = [...new Set(prices.map((p) => p.productId))];
  return { scope: { kind: "products", ids: productIds, excludeProductIds: [] } as PromotionScope, prices };
}

function rowValues(input: PromotionInput, scope: PromotionScope, now: number) {
  return {
    name: input.name,
    kind: input.kind,
    rule: ruleOf(input),
    scope,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    priority: input.priority,
    stacksWithOtherPromotions: input.stacksWithOtherPromotions,
    stacksWithCoupons: input.stacksWithCoupons,
    updatedAt: now,
  };
}

export async function createPromotion(db: Db, input: PromotionInput, now = Date.now()) {
  if (input.endsAt <= now) throw badRequest("结束时间须晚于当前时间", undefined, "VALIDATION_FAILED");
  const { scope, prices } = await checkReferences(db, input);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(promotions)
      .values({ ...rowValues(input, scope, now), createdAt: now })
      .returning({ id: promotions.id });
    if (prices.length)
      await tx.insert(promotionSkuPrices).values(prices.map((p) => ({ ...p, promotionId: row!.id })));
    return row!.id;
  });
  return getPromotion(db, id, now);
}

async function loadRow(db: Db, id: number) {
  const row = await db.select().from(promotions).where(eq(promotions.id, id)).get();
  if (!row) throw notFound("活动不存在");
  return row;
}

/** Replaces a promotion that has not ended or been stopped (orders already placed keep what they got). */
export async function updatePromotion(db: Db, id: number, input: PromotionInput, now = Date.now()) {
  const current = await loadRow(db, id);
  const status = promotionStatus(current, now);
  if (status === "stopped" || status === "ended")
    throw conflict("活动已结束或已停止，不能修改", "PROMOTION_CLOSED");
  if (input.endsAt <= now) throw badRequest("结束时间须晚于当前时间", undefined, "VALIDATION_FAILED");
  const { scope, prices } = await checkReferences(db, input, id);
  await db.transaction(async (tx) => {
    await tx
      .update(promotions)
      .set(rowValues(input, scope, now))
      .where(eq(promotions.id, id));
    await tx.delete(promotionSkuPrices).where(eq(promotionSkuPrices.promotionId, id));
    if (prices.length)
      await tx.insert(promotionSkuPrices).values(prices.map((p) => ({ ...p, promotionId: id })));
  });
  return getPromotion(db, id, now);
}

/** Ends a promotion now. Stopping a stopped one changes nothing; an ended one is 409. */
export async function stopPromotion(db: Db, id: number, now = Date.now()) {
  const current = await loadRow(db, id);
  const status = promotionStatus(current, now);
  if (status === "ended") throw conflict("活动已结束", "PROMOTION_CLOSED");
  if (status !== "stopped")
    await db.update(promotions).set({ stoppedAt: now, updatedAt: now }).where(eq(promotions.id, id));
  return getPromotion(db, id, now);
}

/** Only a promotion that never started can be deleted; one that ran may be on orders, so it is stopped instead. */
export async function deletePromotion(db: Db, id: number, now = Date.now()) {
  const current = await loadRow(db, id);
  if (current.startsAt <= now) throw conflict("活动已开始，不能删除；请使用“停止活动”", "PROMOTION_STARTED");
  await db.batch([
    db.delete(promotionSkuPrices).where(eq(promotionSkuPrices.promotionId, id)),
    db.delete(promotions).where(eq(promotions.id, id)),
  ]);
}

// ---------- merchant: reads ----------

export async function getPromotion(db: Db, id: number, now = Date.now()) {
  const [rows, prices] = await db.batch([
    db.select().from(promotions).where(eq(promotions.id, id)),
    db.select().from(promotionSkuPrices).where(eq(promotionSkuPrices.promotionId, id)),
  ]);
  const row = rows[0];
  if (!row) throw notFound("活动不存在");
  return adminView(row, prices, now);
}

export async function listPromotions(db: Db, q: z.infer<typeof promotionListQuery>, now = Date.now()) {
  const where: (SQL | undefined)[] = [q.kind ? eq(promotions.kind, q.kind) : undefined];
  if (q.status === "stopped") where.push(isNotNull(promotions.stoppedAt));
  else if (q.status !== "all") {
    where.push(isNull(promotions.stoppedAt));
    if (q.status === "scheduled") where.push(gt(promotions.startsAt, now));
    if (q.status === "active") where.push(lte(promotions.startsAt, now), gt(promotions.endsAt, now));
    if (q.status === "ended") where.push(lte(promotions.endsAt, now));
  }
  const rows = await db
    .select()
    .from(promotions)
    .where(and(...where))
    .orderBy(desc(promotions.id))
    .limit(200);
  const prices = rows.length
    ? await db
        .select()
        .from(promotionSkuPrices)
        .where(
          inArray(
            promotionSkuPrices.promotionId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return {
    items: rows.map((r) =>
      adminView(
        r,
        prices.filter((p) => p.promotionId === r.id),
        now,
      ),
    ),
  };
}

// ---------- merchant: usage ----------

/**
 * What a promotion gave on orders: the lines whose stored allocations carry its step
 * ("promotion:<id>" or "limited_time:<id>"), summed by order status group. Paid = paid, shipped or
 * completed; pending = awaiting payment; cancelled orders are left out. One query.
 */
export async function promotionReport(db: Db, id: number, now = Date.now()) {
  const row = await loadRow(db, id);
  const step = row.kind === "limited_time" ? limitedTimeStepName(id) : promotionStepName(id);
  const groups = await db.all<{
    paid: number;
    orders: number;
    units: number;
    discount: number;
    goods: number;
    payable: number;
  }>(
    sql`SELECT o.status IN ('paid', 'shipped', 'completed') AS paid, COUNT(DISTINCT o.id) AS orders,
          SUM(oi.quantity) AS units, -SUM(json_extract(a.value, '$.amountFen')) AS discount,
          SUM(oi.line_total_fen) AS goods, SUM(oi.payable_fen) AS payable
        FROM order_items oi JOIN orders o ON o.id = oi.order_id, json_each(oi.allocations) a
        WHERE json_extract(a.value, '$.step') = ${step} AND o.status != 'cancelled'
        GROUP BY 1`,
  );
  const paid = groups.find((g) => Number(g.paid) === 1);
  const pending = groups.find((g) => Number(g.paid) === 0);
  return {
    promotionId: id,
    name: row.name,
    kind: row.kind,
    status: promotionStatus(row, now),
    step,
    paidOrders: Number(paid?.orders ?? 0),
    paidUnits: Number(paid?.units ?? 0),
    /** Positive: what the promotion took off paid orders. */
    discountFen: Number(paid?.discount ?? 0),
    /** List-price total of the discounted lines on paid orders. */
    goodsFen: Number(paid?.goods ?? 0),
    /** What those lines were paid (after every adjustment, freight included). */
    paidFen: Number(paid?.payable ?? 0),
    pendingOrders: Number(pending?.orders ?? 0),
    pendingDiscountFen: Number(pending?.discount ?? 0),
  };
}

// ---------- loading for the quote ----------

const activeNow = (now: number) =>
  and(isNull(promotions.stoppedAt), lte(promotions.startsAt, now), gt(promotions.endsAt, now));

const limitedTimeSelect = {
  promotionId: promotionSkuPrices.promotionId,
  promotionName: promotions.name,
  skuId: promotionSkuPrices.skuId,
  productId: promotionSkuPrices.productId,
  priceFen: promotionSkuPrices.priceFen,
  startsAt: promotions.startsAt,
  endsAt: promotions.endsAt,
  stacksWithOtherPromotions: promotions.stacksWithOtherPromotions,
  stacksWithCoupons: promotions.stacksWithCoupons,
};

export interface ActivePromotions {
  /** Every active promotion, limited-time ones included (their stacking flags matter to 满减/满折). */
  promotions: Promotion[];
  /** The active limited-time prices of the SKUs asked for. */
  limitedTimePrices: LimitedTimePrice[];
}

/**
 * What limitedTimePriceStep and automaticPromotionsStep need for a quote of `skuIds` (a list, or a
 * subquery selecting SKU ids such as the shopper's selected cart lines), as a read that can share a
 * batch: the active promotions, and the active limited-time prices of those SKUs.
 */
export function activePromotionsRead(db: Db, now: number, skuIds: Ids = []): BatchRead<ActivePromotions> {
  const promotionQuery = db.select().from(promotions).where(activeNow(now));
  if (noIds(skuIds))
    return batchRead([promotionQuery], ([rows]) => ({
      promotions: rows.map(asPromotion),
      limitedTimePrices: [],
    }));
  return batchRead(
    [
      promotionQuery,
      db
        .select(limitedTimeSelect)
        .from(promotionSkuPrices)
        .innerJoin(promotions, eq(promotions.id, promotionSkuPrices.promotionId))
        .where(and(activeNow(now), inArray(promotionSkuPrices.skuId, inIds(skuIds)))),
    ],
    ([rows, prices]) => ({ promotions: rows.map(asPromotion), limitedTimePrices: prices }),
  );
}

/** `activePromotionsRead` in one round trip of its own. */
export const activePromotions = (db: Db, now: number, skuIds: readonly number[] = []) =>
  runRead(db, activePromotionsRead(db, now, skuIds));

/** The limited-time price each of `skuIds` sells at now (absent: none). One query. */
export async function limitedTimePrices(
  db: Db,
  skuIds: readonly number[],
  now: number,
): Promise<Map<number, LimitedTimePrice>> {
  if (skuIds.length === 0) return new Map();
  const rows = await db
    .select(limitedTimeSelect)
    .from(promotionSkuPrices)
    .innerJoin(promotions, eq(promotions.id, promotionSkuPrices.promotionId))
    .where(and(activeNow(now), inArray(promotionSkuPrices.skuId, [...new Set(skuIds)])));
  return bestLimitedTimePrices(rows, now);
}

// ---------- shopper display ----------

export interface ProductPromotionDisplay {
  /** "限时折扣" first, then 满减/满折 tags in the order they apply. */
  promotionTags: string[];
  /** The lowest price among the active SKUs after the limited-time discount, when below the list minimum. */
  promoPriceFen: number | null;
  /** Per active SKU with a limited-time price below its list price. */
  skuPromoPrices: Map<number, number>;
}

const NO_PROMOTION: ProductPromotionDisplay = {
  promotionTags: [],
  promoPriceFen: null,
  skuPromoPrices: new Map(),
};

/**
 * Tags and limited-time prices for product cards and pages, in one round trip (one batch: the products'
 * categories, the active promotions, the active limited-time prices of their active SKUs).
 */
export async function promotionDisplayFor(
  db: Db,
  productIds: readonly number[],
  now: number,
): Promise<Map<number, ProductPromotionDisplay>> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return new Map();
  return promotionDisplayFrom(await db.batch(promotionDisplayQueries(db, ids, now)), now);
}

/**
 * The three reads of `promotionDisplayFor`, for a caller that folds them into its own batch (one round
 * trip for a whole product page); `ids` is a non-empty list or a subquery selecting product ids. Turn the results into the display with
 * `promotionDisplayFrom`.
 */
export function promotionDisplayQueries(db: Db, ids: readonly number[] | SQLWrapper, now: number) {
  const idList = Array.isArray(ids) ? [...ids] : (ids as SQLWrapper);
  return [
    db
      .select({
        id: products.id,
        categoryId: products.categoryId,
        parentId: categories.parentId,
        minPriceFen: products.minPriceFen,
      })
      .from(products)
      .leftJoin(categories, eq(categories.id, products.categoryId))
      .where(inArray(products.id, idList)),
    db
      .select()
      .from(promotions)
      .where(and(activeNow(now), ne(promotions.kind, "limited_time"))),
    db
      .select({ ...limitedTimeSelect, listPriceFen: skus.priceFen })
      .from(promotionSkuPrices)
      .innerJoin(promotions, eq(promotions.id, promotionSkuPrices.promotionId))
      .innerJoin(skus, eq(skus.id, promotionSkuPrices.skuId))
      .where(and(activeNow(now), eq(skus.active, true), inArray(promotionSkuPrices.productId, idList))),
  ] as const;
}

export type PromotionDisplayRows = BatchResponse<ReturnType<typeof promotionDisplayQueries>>;

export function promotionDisplayFrom(
  [productRows, promotionRows, priceRows]: PromotionDisplayRows,
  now: number,
): Map<number, ProductPromotionDisplay> {
  const ordered = applicationOrder(promotionRows.map(asPromotion), now);
  const best = bestLimitedTimePrices(priceRows, now);
  const listPrice = new Map(priceRows.map((r) => [r.skuId, r.listPriceFen]));
  const out = new Map<number, ProductPromotionDisplay>();
  for (const p of productRows) {
    const categoryIds = [p.categoryId, ...(p.parentId ? [p.parentId] : [])];
    const skuPromoPrices = new Map<number, number>();
    for (const [skuId, price] of best)
      if (price.productId === p.id && price.priceFen < (listPrice.get(skuId) ?? 0))
        skuPromoPrices.set(skuId, price.priceFen);
    const tags = ordered
      .filter((x) => inScope(x.scope, { productId: p.id, categoryIds }))
      .flatMap((x) => promotionTags(x.rule));
    if (skuPromoPrices.size) tags.unshift(promotionTags({ kind: "limited_time" })[0]!);
    // products.min_price_fen is the lowest active SKU's list price: a promo price is news only below it.
    const minPromo = skuPromoPrices.size ? Math.min(...skuPromoPrices.values()) : null;
    out.set(p.id, {
      promotionTags: [...new Set(tags)],
      promoPriceFen: minPromo !== null && minPromo < p.minPriceFen ? minPromo : null,
      skuPromoPrices,
    });
  }
  return out;
}

export const displayOf = (display: Map<number, ProductPromotionDisplay>, productId: number) =>
  display.get(productId) ?? NO_PROMOTION;

/** Tags per product ("满3000减300", "限时折扣"…), for product cards. */
export async function promotionTagsFor(db: Db, productIds: readonly number[], now: number) {
  const display = await promotionDisplayFor(db, productIds, now);
  return new Map([...display].map(([id, d]) => [id, d.promotionTags]));
}

/** The public list: active promotions with their tags, in the order they apply (限时折扣 first). */
export async function activePromotionsForShoppers(db: Db, now = Date.now()) {
  const rows = await db.select().from(promotions).where(activeNow(now));
  const limited = rows.filter((r) => r.kind === "limited_time").sort((a, b) => a.endsAt - b.endsAt);
  const automatic = applicationOrder(rows.map(asPromotion), now).map((p) => rows.find((r) => r.id === p.id)!);
  return {
    items: [...limited, ...automatic]
      .filter((r) => isActive(r, now))
      .map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind,
        tags: promotionTags(r.rule),
        description: promotionDescription(r.rule),
        scope: r.scope,
        startsAt: r.startsAt,
        endsAt: r.endsAt,
        stacksWithCoupons: r.stacksWithCoupons,
      })),
  };
}
