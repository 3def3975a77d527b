// Automatic promotions as pure pricing steps (no I/O): 限时折扣 prices per SKU, then 满减 / 每满减 / 满折.
//
// Order of application in the checkout pipeline (worker/checkout/pricing.ts):
//   1. items               – list prices × quantity (the line total stays the list price)
//   2. limited-time price  – 限时折扣: one negative adjustment per discounted line, on that line only
//   3. automatic promotions – 满减 / 每满减 / 满折 in priority order (higher first, then older first);
//                            thresholds and splits use the eligible goods after the earlier discounts
//   4. coupon              – skipped when an applied promotion does not stack with coupons (couponsBlocked)
//   5. (later) points
//   6. freight             – never discounted; free-shipping thresholds see the goods after all discounts
//
// Stacking: an applied promotion that does not stack with other promotions stops the ones after it, and
// one that does not stack is skipped once another has applied. A limited-time price that does not stack
// keeps its line out of every 满减/满折. Every adjustment carries explicit per-line allocations that never
// exceed what the line still costs, so no line's share goes below 0 and the payable never does either.

import type { Adjustment, PricedLine, PricingContext, PricingStep } from "../checkout/pricing";
import { allocateFen } from "../shared/allocate";
import { fenToYuan } from "../shared/money";

export const PROMOTION_KINDS = [
  "full_reduction",
  "per_full_reduction",
  "full_discount",
  "limited_time",
] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];

/** Which lines a 满减/满折 covers: a line matches a category by its `categoryIds` (category + parent). */
export interface PromotionScope {
  kind: "all" | "categories" | "products";
  /** Category ids or product ids; empty for "all". */
  ids: number[];
  /** Products never covered, whatever the scope says. */
  excludeProductIds: number[];
}

export interface ReductionTier {
  thresholdFen: number;
  reduceFen: number;
}

export interface DiscountTier {
  /** Pieces when `by` is "quantity", fen when "amount". */
  threshold: number;
  /** What the shopper pays, in percent: 90 = 9折, 95 = 9.5折. */
  payPercent: number;
}

export type PromotionRule =
  /** 满减: the highest tier reached applies. */
  | { kind: "full_reduction"; tiers: ReductionTier[] }
  /** 每满减: reduceFen for every full everyFen, at most capFen. */
  | { kind: "per_full_reduction"; everyFen: number; reduceFen: number; capFen: number | null }
  /** 满折: percent off the eligible goods once a piece count or an amount is reached. */
  | { kind: "full_discount"; by: "quantity" | "amount"; tiers: DiscountTier[] }
  /** 限时折扣: the prices per SKU are LimitedTimePrice rows. */
  | { kind: "limited_time" };

export type AutomaticRule = Exclude<PromotionRule, { kind: "limited_time" }>;

export interface Promotion {
  id: number;
  name: string;
  rule: PromotionRule;
  scope: PromotionScope;
  startsAt: number;
  endsAt: number;
  /** Higher applies first; equal priorities apply in id order. */
  priority: number;
  stacksWithOtherPromotions: boolean;
  stacksWithCoupons: boolean;
}

/** A SKU's price during a 限时折扣, with what the steps need of its promotion. */
export interface LimitedTimePrice {
  promotionId: number;
  promotionName: string;
  skuId: number;
  productId: number;
  priceFen: number;
  startsAt: number;
  endsAt: number;
  stacksWithOtherPromotions: boolean;
  stacksWithCoupons: boolean;
}

export const LIMITED_TIME_KIND = "limited_time";
export const LIMITED_TIME_LABEL = "限时折扣";
export const PROMOTION_KIND = "promotion";
/** Adjustment `step` names carry the promotion id, so a usage report can sum order_items.allocations by it. */
export const limitedTimeStepName = (promotionId: number) => `limited_time:${promotionId}`;
export const promotionStepName = (promotionId: number) => `promotion:${promotionId}`;

export const isActive = (p: { startsAt: number; endsAt: number }, now: number) =>
  p.startsAt <= now && now < p.endsAt;

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

// ---------- labels ----------

/** 300000 → "3000", 12050 → "120.50": whole yuan without decimals, as 满减 texts are written. */
export function yuanShort(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : fenToYuan(fen);
}

/** 90 → "9折", 95 → "9.5折", 88 → "8.8折". */
export function zhe(payPercent: number): string {
  return `${payPercent % 10 === 0 ? payPercent / 10 : (payPercent / 10).toFixed(1)}折`;
}

const reductionLabel = (t: ReductionTier) => `满${yuanShort(t.thresholdFen)}减${yuanShort(t.reduceFen)}`;
const perFullLabel = (r: { everyFen: number; reduceFen: number }) =>
  `每满${yuanShort(r.everyFen)}减${yuanShort(r.reduceFen)}`;
const discountLabel = (by: "quantity" | "amount", t: DiscountTier) =>
  by === "quantity"
    ? `满${t.threshold}件${zhe(t.payPercent)}`
    : `满${yuanShort(t.threshold)}元${zhe(t.payPercent)}`;

/** The short tags a shopper sees on a product card, one per tier: "满3000减300", "每满1000减100", "满2件9折", "限时折扣". */
export function promotionTags(rule: PromotionRule): string[] {
  switch (rule.kind) {
    case "full_reduction":
      return byThreshold(rule.tiers, (t) => t.thresholdFen).map(reductionLabel);
    case "per_full_reduction":
      return [perFullLabel(rule)];
    case "full_discount":
      return byThreshold(rule.tiers, (t) => t.threshold).map((t) => discountLabel(rule.by, t));
    case "limited_time":
      return [LIMITED_TIME_LABEL];
  }
}

/** The whole rule in one sentence (tags leave the cap out). */
export function promotionDescription(rule: PromotionRule): string {
  if (rule.kind === "per_full_reduction" && rule.capFen !== null)
    return `${perFullLabel(rule)}，最多减${yuanShort(rule.capFen)}`;
  return promotionTags(rule).join("，");
}

const byThreshold = <T>(tiers: readonly T[], key: (t: T) => number) =>
  [...tiers].sort((a, b) => key(a) - key(b));

// ---------- scope ----------

export function inScope(
  scope: PromotionScope,
  line: { productId: number; categoryIds?: readonly number[] | undefined },
): boolean {
  if (scope.excludeProductIds.includes(line.productId)) return false;
  switch (scope.kind) {
    case "all":
      return true;
    case "products":
      return scope.ids.includes(line.productId);
    case "categories":
      return (line.categoryIds ?? []).some((c) => scope.ids.includes(c));
  }
}

// ---------- evaluation ----------

/** What a rule gives on `baseFen` of eligible goods (`quantity` pieces); amount ≤ baseFen. */
function reach(
  rule: AutomaticRule,
  baseFen: number,
  quantity: number,
): { amountFen: number; label: string } | null {
  switch (rule.kind) {
    case "full_reduction": {
      const tier = byThreshold(rule.tiers, (t) => t.thresholdFen)
        .filter((t) => t.thresholdFen <= baseFen)
        .pop();
      return tier ? { amountFen: Math.min(tier.reduceFen, baseFen), label: reductionLabel(tier) } : null;
    }
    case "per_full_reduction": {
      const times = Math.floor(baseFen / rule.everyFen);
      if (times === 0) return null;
      const amount = Math.min(times * rule.reduceFen, rule.capFen ?? Number.MAX_SAFE_INTEGER, baseFen);
      return { amountFen: amount, label: perFullLabel(rule) };
    }
    case "full_discount": {
      const metric = rule.by === "quantity" ? quantity : baseFen;
      const tier = byThreshold(rule.tiers, (t) => t.threshold)
        .filter((t) => t.threshold <= metric)
        .pop();
      if (!tier) return null;
      // Floor to the fen: the discount never exceeds the exact percentage.
      return {
        amountFen: Math.floor((baseFen * (100 - tier.payPercent)) / 100),
        label: discountLabel(rule.by, tier),
      };
    }
  }
}

interface WalkLine {
  productId: number;
  categoryIds?: readonly number[] | undefined;
  quantity: number;
  unitPriceFen: number;
  /** Goods amount after the discounts so far. */
  netFen: number;
  /** Carries a limited-time price that does not stack with other promotions. */
  exclusive: boolean;
}

interface Considered {
  promotion: Promotion & { rule: AutomaticRule };
  eligible: boolean[];
  baseFen: number;
  quantity: number;
}

interface Applied {
  promotion: Promotion;
  label: string;
  amountFen: number;
  /** Per line (in the order of the lines), ≤ 0, each at most what the line still cost. */
  parts: number[];
}

const isAutomatic = (p: Promotion): p is Promotion & { rule: AutomaticRule } =>
  p.rule.kind !== "limited_time";

/** Active 满减/每满减/满折 in the order they apply: priority descending, then id. */
export function applicationOrder(promotions: readonly Promotion[], now: number) {
  return promotions
    .filter(isAutomatic)
    .filter((p) => isActive(p, now))
    .sort((a, b) => b.priority - a.priority || a.id - b.id);
}

/**
 * Walks the promotions in application order over the lines. `considered` lists the promotions that
 * were evaluated (not stopped or skipped by stacking, with at least one eligible line), `applied` those
 * that gave a discount.
 */
function walk(promotions: readonly Promotion[], lines: readonly WalkLine[], now: number) {
  const net = lines.map((l) => l.netFen);
  const considered: Considered[] = [];
  const applied: Applied[] = [];
  for (const p of applicationOrder(promotions, now)) {
    if (applied.some((a) => !a.promotion.stacksWithOtherPromotions)) break;
    if (!p.stacksWithOtherPromotions && applied.length > 0) continue;
    const eligible = lines.map((l) => !l.exclusive && inScope(p.scope, l));
    if (!eligible.includes(true)) continue;
    const weights = net.map((n, i) => (eligible[i] ? Math.max(n, 0) : 0));
    const baseFen = sum(weights);
    const quantity = sum(lines.map((l, i) => (eligible[i] ? l.quantity : 0)));
    considered.push({ promotion: p, eligible, baseFen, quantity });
    const got = reach(p.rule, baseFen, quantity);
    if (!got || got.amountFen <= 0) continue;
    // Largest remainder with amount ≤ Σ weights: no part exceeds its weight, so no line goes below 0.
    const parts = allocateFen(-got.amountFen, weights);
    parts.forEach((x, i) => {
      net[i]! += x;
    });
    applied.push({ promotion: p, label: got.label, amountFen: -got.amountFen, parts });
  }
  return { considered, applied };
}

/** Each line's goods amount after the negative allocations so far (by position; lines are unique by SKU). */
function netByLine(lines: readonly PricedLine[], adjustments: readonly Adjustment[]): number[] {
  return lines.map((l) => {
    let net = l.lineTotalFen;
    for (const a of adjustments)
      if (a.amountFen < 0) net += a.allocations?.find((x) => x.skuId === l.skuId)?.amountFen ?? 0;
    return Math.max(net, 0);
  });
}

/** SKUs whose limited-time price does not stack with other promotions. */
function exclusiveSkus(adjustments: readonly Adjustment[], promotions: readonly Promotion[]): Set<number> {
  const exclusive = new Set(promotions.filter((p) => !p.stacksWithOtherPromotions).map((p) => p.id));
  const out = new Set<number>();
  for (const a of adjustments) {
    if (a.kind !== LIMITED_TIME_KIND || a.skuId === undefined) continue;
    if (exclusive.has(Number(a.step.slice(a.step.indexOf(":") + 1)))) out.add(a.skuId);
  }
  return out;
}

function walkLines(
  lines: readonly PricedLine[],
  adjustments: readonly Adjustment[],
  promotions: readonly Promotion[],
): WalkLine[] {
  const net = netByLine(lines, adjustments);
  const exclusive = exclusiveSkus(adjustments, promotions);
  return lines.map((l, i) => ({
    productId: l.productId,
    categoryIds: l.categoryIds,
    quantity: l.quantity,
    unitPriceFen: l.unitPriceFen,
    netFen: net[i]!,
    exclusive: exclusive.has(l.skuId),
  }));
}

// ---------- pricing steps ----------

/** The price each SKU sells at now: the lowest active limited-time price (overlaps are refused on create anyway). */
export function bestLimitedTimePrices(prices: readonly LimitedTimePrice[], now: number) {
  const best = new Map<number, LimitedTimePrice>();
  for (const p of prices) {
    if (!isActive(p, now)) continue;
    const cur = best.get(p.skuId);
    if (!cur || p.priceFen < cur.priceFen || (p.priceFen === cur.priceFen && p.promotionId < cur.promotionId))
      best.set(p.skuId, p);
  }
  return best;
}

/**
 * 限时折扣: a negative adjustment per discounted line (list price − promo price) × quantity, allocated to
 * that line only. The line total stays the list price, so refunds and explanations see both.
 */
export function limitedTimePriceStep(prices: readonly LimitedTimePrice[], now: number): PricingStep {
  return (ctx: PricingContext): PricingContext => {
    const best = bestLimitedTimePrices(prices, now);
    const net = netByLine(ctx.lines, ctx.adjustments);
    const added: Adjustment[] = [];
    let couponsBlocked = ctx.couponsBlocked;
    ctx.lines.forEach((line, i) => {
      const price = best.get(line.skuId);
      if (!price || price.priceFen >= line.unitPriceFen) return;
      const amountFen = Math.max(-(line.unitPriceFen - price.priceFen) * line.quantity, -net[i]!);
      if (amountFen === 0) return;
      added.push({
        step: limitedTimeStepName(price.promotionId),
        kind: LIMITED_TIME_KIND,
        label: LIMITED_TIME_LABEL,
        amountFen,
        skuId: line.skuId,
        allocations: ctx.lines.map((l, j) => ({ skuId: l.skuId, amountFen: j === i ? amountFen : 0 })),
      });
      if (!price.stacksWithCoupons) couponsBlocked ??= price.promotionName;
    });
    if (added.length === 0) return ctx;
    return {
      ...ctx,
      adjustments: [...ctx.adjustments, ...added],
      ...(couponsBlocked === undefined ? {} : { couponsBlocked }),
    };
  };
}

/**
 * 满减 / 每满减 / 满折 in priority order. `promotions` may include the limited-time ones: their stacking
 * flag decides whether their discounted lines take part. Each adjustment (kind "promotion", step
 * "promotion:<id>", label like "满3000减300") is split over its eligible lines only, in proportion to
 * their goods after earlier discounts.
 */
export function automaticPromotionsStep(promotions: readonly Promotion[], now: number): PricingStep {
  return (ctx: PricingContext): PricingContext => {
    const { applied } = walk(promotions, walkLines(ctx.lines, ctx.adjustments, promotions), now);
    if (applied.length === 0) return ctx;
    const added = applied.map(
      (a): Adjustment => ({
        step: promotionStepName(a.promotion.id),
        kind: PROMOTION_KIND,
        label: a.label,
        amountFen: a.amountFen,
        allocations: ctx.lines.map((l, i) => ({ skuId: l.skuId, amountFen: a.parts[i]! })),
      }),
    );
    const couponsBlocked =
      ctx.couponsBlocked ?? applied.find((a) => !a.promotion.stacksWithCoupons)?.promotion.name;
    return {
      ...ctx,
      adjustments: [...ctx.adjustments, ...added],
      ...(couponsBlocked === undefined ? {} : { couponsBlocked }),
    };
  };
}

// ---------- next-tier hint ----------

export interface PromotionHint {
  promotionId: number;
  /** "再买¥120.00可减100", "再买1件可享9折". */
  text: string;
  /** The least extra spend that reaches the tier (for pieces: the cheapest eligible unit price × pieces). */
  shortfallFen: number;
}

function hintFor(c: Considered, lines: readonly WalkLine[]): PromotionHint | null {
  const rule = c.promotion.rule;
  const id = c.promotion.id;
  const money = (shortfallFen: number, what: string): PromotionHint => ({
    promotionId: id,
    text: `再买¥${fenToYuan(shortfallFen)}${what}`,
    shortfallFen,
  });
  switch (rule.kind) {
    case "full_reduction": {
      const next = byThreshold(rule.tiers, (t) => t.thresholdFen).find((t) => t.thresholdFen > c.baseFen);
      return next ? money(next.thresholdFen - c.baseFen, `可减${yuanShort(next.reduceFen)}`) : null;
    }
    case "per_full_reduction": {
      const cap = rule.capFen ?? Number.MAX_SAFE_INTEGER;
      const times = Math.floor(c.baseFen / rule.everyFen);
      const now = Math.min(times * rule.reduceFen, cap);
      const then = Math.min((times + 1) * rule.reduceFen, cap);
      if (then <= now) return null;
      return money((times + 1) * rule.everyFen - c.baseFen, `可减${yuanShort(then)}`);
    }
    case "full_discount": {
      if (rule.by === "amount") {
        const next = byThreshold(rule.tiers, (t) => t.threshold).find((t) => t.threshold > c.baseFen);
        return next ? money(next.threshold - c.baseFen, `可享${zhe(next.payPercent)}`) : null;
      }
      const next = byThreshold(rule.tiers, (t) => t.threshold).find((t) => t.threshold > c.quantity);
      if (!next) return null;
      const pieces = next.threshold - c.quantity;
      const cheapest = Math.min(...lines.filter((_, i) => c.eligible[i]).map((l) => l.unitPriceFen));
      return {
        promotionId: id,
        text: `再买${pieces}件可享${zhe(next.payPercent)}`,
        shortfallFen: pieces * cheapest,
      };
    }
  }
}

/**
 * The nearest unreached tier among the promotions that apply to the lines (at least one eligible line,
 * not stopped by a non-stacking promotion): the one needing the least extra spend; ties go to the
 * earlier promotion in application order. Pass the quote's adjustments to measure the goods after
 * limited-time prices (other adjustments are ignored: the walk recomputes the promotions); without them
 * lines count at list price. null when every tier is reached or nothing applies.
 */
export function nextTierHint(
  promotions: readonly Promotion[],
  lines: readonly PricedLine[],
  now: number,
  adjustments: readonly Adjustment[] = [],
): PromotionHint | null {
  const limited = adjustments.filter((a) => a.kind === LIMITED_TIME_KIND);
  const walkInput = walkLines(lines, limited, promotions);
  let best: PromotionHint | null = null;
  for (const c of walk(promotions, walkInput, now).considered) {
    const h = hintFor(c, walkInput);
    if (h && (!best || h.shortfallFen < best.shortfallFen)) best = h;
  }
  return best;
}
