import type { ClaimableCoupon, QuoteCoupons } from "@/api/marketing";
import { fenToYuan } from "./money";

/** Yuan without a trailing .00: 30000 → "300", 1990 → "19.9". */
export function shortYuan(fen: number): string {
  return fenToYuan(fen).replace(/\.?0+$/, "");
}

type Terms = Pick<ClaimableCoupon, "kind" | "amountOffFen" | "thresholdFen" | "payPercent">;

/** The ticket's big face: ¥300 / 8.8折, and its condition 满3000可用 / 无门槛. */
export function couponFace(c: Terms): { value: string; unit: "¥" | "折"; condition: string } {
  const condition = c.thresholdFen > 0 ? `满${shortYuan(c.thresholdFen)}可用` : "无门槛";
  if (c.kind === "percent_off" && c.payPercent !== null)
    return { value: String(c.payPercent / 10), unit: "折", condition };
  return { value: shortYuan(c.amountOffFen ?? 0), unit: "¥", condition };
}

/**
 * The checkout's 优惠券 row: the selected coupon's saving, or why there is none
 * (已参加xx，不与优惠券同享 / 不使用优惠券 / 无可用优惠券).
 */
export function couponRowText(
  coupon: QuoteCoupons,
  blockedBy: string | null,
): { text: string; saving: boolean; usable: number } {
  const usable = coupon.options.filter((o) => o.applicable).length;
  if (blockedBy) return { text: `已参加${blockedBy}，不与优惠券同享`, saving: false, usable: 0 };
  const selected = coupon.options.find((o) => o.couponId === coupon.selectedId);
  if (selected) return { text: `-¥${fenToYuan(selected.savingFen)}`, saving: true, usable };
  return { text: usable ? "不使用优惠券" : "无可用优惠券", saving: false, usable };
}
