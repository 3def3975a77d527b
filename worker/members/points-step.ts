// 积分抵扣 as a checkout pricing step: after freight and trade-in (points are like cash: free-shipping
// and promotion thresholds never see them), before installation fees. The server decides the amount
// from the balance and the rules; the shopper only opts in.
import { goodsNetByLine, type PricingStep, type Quote } from "../checkout/pricing";
import { type PointsRules, pointsFor, type RedemptionOffer, redemptionOffer } from "./points-rules";

export const POINTS_STEP = "points";

export const pointsStep =
  (opts: { balance: number; rules: PointsRules; use: boolean }): PricingStep =>
  (ctx) => {
    if (!opts.use) return ctx;
    const net = goodsNetByLine(ctx.lines, ctx.adjustments).reduce((a, b) => a + b, 0);
    const offer = redemptionOffer(opts.balance, net, opts.rules);
    if (!offer.usable) return ctx;
    const points = pointsFor(offer.maxDiscountFen, opts.rules);
    return {
      ...ctx,
      adjustments: [
        ...ctx.adjustments,
        {
          step: POINTS_STEP,
          kind: "points",
          label: `积分抵扣（${points}积分）`,
          amountFen: -offer.maxDiscountFen,
        },
      ],
    };
  };

/** The discount the points step gave (positive fen) in a priced order. */
export const pointsDiscountOf = (adjustments: readonly { step: string; amountFen: number }[]) =>
  -adjustments.filter((a) => a.step === POINTS_STEP).reduce((s, a) => s + a.amountFen, 0);

/** What the checkout shows next to the 积分抵扣 switch, from the final quote. */
export function pointsQuote(quote: Quote, balance: number, rules: PointsRules, use: boolean) {
  const discountFen = pointsDiscountOf(quote.adjustments);
  const others = quote.adjustments.filter((a) => a.step !== POINTS_STEP);
  const net = goodsNetByLine(quote.lines, others).reduce((a, b) => a + b, 0);
  const offer: RedemptionOffer = redemptionOffer(balance, net, rules);
  return {
    balance,
    redeemPointsPerYuan: rules.redeemPointsPerYuan,
    usable: offer.usable,
    reason: offer.usable ? null : offer.reason,
    maxPoints: offer.maxPoints,
    maxDiscountFen: offer.maxDiscountFen,
    selected: use && discountFen > 0,
    usedPoints: discountFen > 0 ? pointsFor(discountFen, rules) : 0,
    discountFen,
  };
}
