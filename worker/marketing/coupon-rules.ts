// Coupon evaluation: whether a coupon applies to the priced lines, what it saves, and the pricing step
// that applies it. Pure: no I/O; time is an argument. Amounts are integer fen.
//
// Money rules: thresholds and savings look at the eligible lines' goods amount still payable after
// earlier discounts (promotions run before coupons); a 折扣 saves floor(eligible × (100 − payPercent) / 100),
// capped; no coupon ever saves more than its eligible subtotal; the saving is split over the eligible
// lines alone, in proportion to what each still costs, by largest remainder (shared/allocate.ts).
import { type Adjustment, goodsNetByLine, type PricedLine, type PricingStep } from "../checkout/pricing";
import { allocateFen } from "../shared/allocate";
import { fenToYuan } from "../shared/money";
import type { CouponKind, CouponScope } from "./schema";

/** The rules of a coupon (its template's, which never change after creation). */
export interface CouponTerms {
  kind: CouponKind;
  amountOffFen: number | null;
  thresholdFen: number;
  payPercent: number | null;
  capFen: number | null;
  scope: CouponScope;
  scopeIds: readonly number[];
  excludedProductIds: readonly number[];
}

/** A shopper's coupon as checkout sees it: which one, its terms and when it may be used. */
export interface CouponSnapshot extends CouponTerms {
  couponId: number;
  templateId: number;
  name: string;
  /** Usable from validFrom (inclusive) until validTo (exclusive), UTC ms. */
  validFrom: number;
  validTo: number;
}

/** What evaluation needs of a line. */
export type CouponLine = Pick<PricedLine, "skuId" | "productId" | "categoryIds">;

export type CouponEvaluation =
  | { applicable: true; savingFen: number; eligibleSkuIds: number[]; eligibleFen: number }
  | { applicable: false; reason: string; eligibleSkuIds: number[]; eligibleFen: number };

/** "3000", "12.5", "0.01": yuan without trailing zeros, for labels. */
export function shortYuan(fen: number): string {
  return fenToYuan(fen).replace(/\.?0+$/, "");
}

/** 88 → "8.8折", 90 → "9折". */
export function zheLabel(payPercent: number): string {
  const tenths = payPercent % 10;
  return `${Math.floor(payPercent / 10)}${tenths ? `.${tenths}` : ""}折`;
}

/** "满3000减300", "无门槛减50", "满1000享8.8折，最高减500". */
export function couponLabel(t: CouponTerms): string {
  const over = t.thresholdFen > 0 ? `满${shortYuan(t.thresholdFen)}` : "";
  if (t.kind === "percent_off") {
    const cap = t.capFen !== null ? `，最高减${shortYuan(t.capFen)}` : "";
    return `${over}${over ? "享" : ""}${zheLabel(t.payPercent ?? 100)}${cap}`;
  }
  if (t.kind === "no_threshold") return `无门槛减${shortYuan(t.amountOffFen ?? 0)}`;
  return `${over}减${shortYuan(t.amountOffFen ?? 0)}`;
}

export const SCOPE_TEXT: Record<CouponScope, string> = {
  all: "全场通用",
  categories: "指定分类可用",
  products: "指定商品可用",
};

/** Whether a line is in the coupon's scope: store-wide, by category (own or parent) or product, minus exclusions. */
export function lineInScope(t: CouponTerms, line: Pick<CouponLine, "productId" | "categoryIds">): boolean {
  if (t.excludedProductIds.includes(line.productId)) return false;
  if (t.scope === "all") return true;
  if (t.scope === "products") return t.scopeIds.includes(line.productId);
  return (line.categoryIds ?? []).some((c) => t.scopeIds.includes(c));
}

/** "未到使用时间" / "已过期", or null while the coupon is within its validity. */
export function validityProblem(
  c: Pick<CouponSnapshot, "validFrom" | "validTo">,
  now: number,
): string | null {
  if (now < c.validFrom) return "未到使用时间";
  if (now >= c.validTo) return "已过期";
  return null;
}

/** What the coupon would save on `eligibleFen` (≤ eligibleFen), ignoring threshold and scope. */
export function rawSaving(t: CouponTerms, eligibleFen: number): number {
  const off =
    t.kind === "percent_off"
      ? Math.min(
          Math.floor((eligibleFen * (100 - (t.payPercent ?? 100))) / 100),
          t.capFen ?? Number.POSITIVE_INFINITY,
        )
      : (t.amountOffFen ?? 0);
  return Math.max(0, Math.min(off, eligibleFen));
}

/**
 * Whether `coupon` applies at `now` to the lines, whose goods amounts still payable after earlier
 * discounts are `netFen` (aligned with `lines`), and what it saves.
 */
export function evaluateCoupon(
  coupon: CouponSnapshot,
  lines: readonly CouponLine[],
  netFen: readonly number[],
  now: number,
): CouponEvaluation {
  if (netFen.length !== lines.length) throw new RangeError("netFen must be aligned with lines");
  const eligible = lines.flatMap((l, i) =>
    lineInScope(coupon, l) ? [{ skuId: l.skuId, net: netFen[i]! }] : [],
  );
  const eligibleSkuIds = eligible.map((e) => e.skuId);
  const eligibleFen = eligible.reduce((a, e) => a + e.net, 0);
  const no = (reason: string) => ({ applicable: false as const, reason, eligibleSkuIds, eligibleFen });
  const timing = validityProblem(coupon, now);
  if (timing) return no(timing);
  if (eligible.length === 0) return no("不在使用范围");
  if (eligibleFen < coupon.thresholdFen)
    return no(`未达到使用门槛（还差¥${fenToYuan(coupon.thresholdFen - eligibleFen)}）`);
  const savingFen = rawSaving(coupon, eligibleFen);
  if (savingFen === 0) return no("可优惠金额为0");
  return { applicable: true, savingFen, eligibleSkuIds, eligibleFen };
}

/** Every coupon evaluated against the same lines, the biggest saving first, then the ones that do not apply. */
export function rankCoupons<C extends CouponSnapshot>(
  coupons: readonly C[],
  lines: readonly CouponLine[],
  netFen: readonly number[],
  now: number,
): { coupon: C; evaluation: CouponEvaluation }[] {
  const saving = (e: CouponEvaluation) => (e.applicable ? e.savingFen : -1);
  return coupons
    .map((coupon) => ({ coupon, evaluation: evaluateCoupon(coupon, lines, netFen, now) }))
    .sort(
      (a, b) => saving(b.evaluation) - saving(a.evaluation) || a.coupon.validTo - b.coupon.validTo, // same saving: the one expiring first
    );
}

/** The adjustment a coupon adds, allocated to its eligible lines only; null when it does not apply. */
export function couponAdjustment(
  coupon: CouponSnapshot,
  lines: readonly CouponLine[],
  netFen: readonly number[],
  now: number,
): Adjustment | null {
  const e = evaluateCoupon(coupon, lines, netFen, now);
  if (!e.applicable) return null;
  const weights = lines.map((l, i) => (lineInScope(coupon, l) ? netFen[i]! : 0));
  const parts = allocateFen(-e.savingFen, weights);
  return {
    step: "coupon",
    kind: "coupon",
    label: `优惠券 ${couponLabel(coupon)}`,
    amountFen: -e.savingFen,
    allocations: lines.map((l, i) => ({ skuId: l.skuId, amountFen: parts[i]! })),
  };
}

/**
 * The pricing step for the coupon the shopper chose: appends its adjustment, or leaves the context
 * as it is when the coupon does not apply (the quote tells why through `evaluateCoupon`).
 */
export function couponStep(coupon: CouponSnapshot, now: number = Date.now()): PricingStep {
  return (ctx) => {
    const adjustment = couponAdjustment(coupon, ctx.lines, goodsNetByLine(ctx.lines, ctx.adjustments), now);
    return adjustment ? { ...ctx, adjustments: [...ctx.adjustments, adjustment] } : ctx;
  };
}
