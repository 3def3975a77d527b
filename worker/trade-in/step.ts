// The trade-in pricing step (pure). It runs after coupons and freight: the old appliance pays part of
// the price, it is not a discount on the goods, so 满减 tiers, coupon thresholds and free-shipping
// thresholds never see it.
import { type Adjustment, goodsNetByLine, type PricingStep } from "../checkout/pricing";
import type { ResolvedTradeIn } from "./valuation";
import { deductionOf } from "./valuation";

export const TRADE_IN_KIND = "trade_in";
export const tradeInStepName = (slug: string) => `trade_in:${slug}`;
export const tradeInLabel = (name: string) => `以旧换新（旧${name}）`;

/**
 * One negative adjustment per declared line, on that line only: the valuation, at most `capPercent` of
 * what one new unit still costs after the earlier discounts (line net ÷ quantity).
 */
export function tradeInStep(tradeIns: readonly ResolvedTradeIn[]): PricingStep {
  return (ctx) => {
    if (tradeIns.length === 0) return ctx;
    const net = goodsNetByLine(ctx.lines, ctx.adjustments);
    const added: Adjustment[] = [];
    ctx.lines.forEach((line, i) => {
      const t = tradeIns.find((x) => x.skuId === line.skuId);
      if (!t) return;
      const amountFen = deductionOf(t.valuationFen, t.capPercent, Math.floor(net[i]! / line.quantity));
      if (amountFen <= 0) return;
      added.push({
        step: tradeInStepName(t.categorySlug),
        kind: TRADE_IN_KIND,
        label: tradeInLabel(t.name),
        amountFen: -amountFen,
        skuId: line.skuId,
      });
    });
    return added.length ? { ...ctx, adjustments: [...ctx.adjustments, ...added] } : ctx;
  };
}

/** What the quote deducted for each line's old appliance (fen, positive). */
export function deductionsBySku(adjustments: readonly Adjustment[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const a of adjustments)
    if (a.kind === TRADE_IN_KIND && a.skuId !== undefined)
      out.set(a.skuId, (out.get(a.skuId) ?? 0) - a.amountFen);
  return out;
}
