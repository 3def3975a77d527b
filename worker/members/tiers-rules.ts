// Member tiers (会员等级), pure rules: growth value over a rolling 12 months, the tier it reaches,
// progress to the next one, and the tier's price benefits as pricing steps.
import { type Adjustment, goodsNetByLine, type PricingStep } from "../checkout/pricing";

export const GROWTH_WINDOW_MS = 365 * 24 * 3_600_000;

export interface TierRule {
  level: number;
  name: string;
  /** Growth value (¥1 of completed, non-refunded goods = 1) needed to reach it. */
  minGrowth: number;
  /** Off the goods after promotions, in percent (0 = none). */
  discountPercent: number;
  freeShipping: boolean;
  /** Points earned × this / 100. */
  pointsMultiplierPercent: number;
  /** A coupon template granted once a year on the birthday (null: none). */
  birthdayCouponTemplateId: number | null;
  /** Minutes a waiting chat of this tier is treated as older in the agents' queue. */
  queueBoostMinutes: number;
}

export interface CompletedSpend {
  completedAt: number;
  /** What was paid for goods minus what was refunded of it (fen). */
  netFen: number;
}

/** Growth value at `now`: ¥ of net goods spending on orders completed in the last 12 months. */
export function growthValue(spends: readonly CompletedSpend[], now: number): number {
  const fen = spends
    .filter((s) => s.completedAt > now - GROWTH_WINDOW_MS && s.completedAt <= now)
    .reduce((a, s) => a + Math.max(0, s.netFen), 0);
  return Math.floor(fen / 100);
}

/** Tiers sorted by threshold; the lowest must start at 0 (checked when the merchant saves them). */
export const sortedTiers = (tiers: readonly TierRule[]) =>
  [...tiers].sort((a, b) => a.minGrowth - b.minGrowth);

export function tierFor(tiers: readonly TierRule[], growth: number): TierRule {
  const sorted = sortedTiers(tiers);
  let tier = sorted[0]!;
  for (const t of sorted) if (growth >= t.minGrowth) tier = t;
  return tier;
}

export interface TierProgress {
  tier: TierRule;
  next: TierRule | null;
  growth: number;
  /** Growth still needed for the next tier (0 at the top). */
  toNext: number;
  /** 0–100. */
  percent: number;
}

export function tierProgress(tiers: readonly TierRule[], growth: number): TierProgress {
  const sorted = sortedTiers(tiers);
  const tier = tierFor(sorted, growth);
  const next = sorted.find((t) => t.minGrowth > tier.minGrowth) ?? null;
  if (!next) return { tier, next, growth, toNext: 0, percent: 100 };
  const span = next.minGrowth - tier.minGrowth;
  return {
    tier,
    next,
    growth,
    toNext: next.minGrowth - growth,
    percent: Math.min(100, Math.floor(((growth - tier.minGrowth) * 100) / span)),
  };
}

/** Problems with a tier table (Chinese), empty when it can be saved. */
export function tierTableProblems(tiers: readonly TierRule[]): string[] {
  const out: string[] = [];
  const sorted = sortedTiers(tiers);
  if (sorted[0]?.minGrowth !== 0) out.push("最低等级的成长值门槛必须为 0");
  const levels = new Set(tiers.map((t) => t.level));
  if (levels.size !== tiers.length) out.push("等级编号不能重复");
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.minGrowth === sorted[i - 1]!.minGrowth) out.push("各等级的成长值门槛不能相同");
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.level <= sorted[i - 1]!.level) out.push("等级编号须随成长值门槛递增");
  return [...new Set(out)];
}

/** 会员折扣: the tier's percent off the goods after promotions, before coupons (so coupon thresholds see it). */
export const tierDiscountStep =
  (tier: TierRule | undefined): PricingStep =>
  (ctx) => {
    if (!tier || tier.discountPercent <= 0) return ctx;
    const net = goodsNetByLine(ctx.lines, ctx.adjustments).reduce((a, b) => a + b, 0);
    const off = Math.floor((net * tier.discountPercent) / 100);
    if (off <= 0) return ctx;
    const a: Adjustment = {
      step: "member.discount",
      kind: "discount",
      label: `${tier.name}专享${((100 - tier.discountPercent) / 10).toFixed(1).replace(/\.0$/, "")}折`,
      amountFen: -off,
    };
    return { ...ctx, adjustments: [...ctx.adjustments, a] };
  };

/** 会员包邮: right after freight, takes back every line's freight share (kind "shipping", so 运费 reads 0). */
export const tierFreeShippingStep =
  (tier: TierRule | undefined): PricingStep =>
  (ctx) => {
    if (!tier?.freeShipping) return ctx;
    const freight = ctx.adjustments.filter((a) => a.kind === "shipping");
    const total = freight.reduce((s, a) => s + a.amountFen, 0);
    if (total <= 0) return ctx;
    const allocations = ctx.lines.map((l) => ({
      skuId: l.skuId,
      amountFen: -freight.reduce(
        (s, a) => s + (a.allocations?.find((x) => x.skuId === l.skuId)?.amountFen ?? 0),
        0,
      ),
    }));
    const a: Adjustment = {
      step: "member.free_shipping",
      kind: "shipping",
      label: `${tier.name}包邮`,
      amountFen: -total,
      allocations,
    };
    return { ...ctx, adjustments: [...ctx.adjustments, a] };
  };
