// 拼团, pure parts: the group price as a pricing step, what a group-buy order may contain, group numbers.
import type { Adjustment, PricingContext, PricingStep } from "../checkout/pricing";

export const GROUP_BUY_KIND = "group_buy";
export const GROUP_BUY_LABEL = "拼团价";

export interface GroupPrice {
  offerId: number;
  skuId: number;
  priceFen: number;
}

/**
 * Replaces the line's list price by the group price (an adjustment on that line only, like 限时折扣).
 * The group-buy pipeline has no promotions, coupons or trade-ins: the group price is the deal.
 */
export function groupBuyPriceStep(price: GroupPrice): PricingStep {
  return (ctx: PricingContext): PricingContext => {
    const i = ctx.lines.findIndex((l) => l.skuId === price.skuId);
    const line = ctx.lines[i];
    if (!line || price.priceFen >= line.unitPriceFen) return ctx;
    const amountFen = -(line.unitPriceFen - price.priceFen) * line.quantity;
    const adjustment: Adjustment = {
      step: `group_buy:${price.offerId}`,
      kind: GROUP_BUY_KIND,
      label: GROUP_BUY_LABEL,
      amountFen,
      skuId: line.skuId,
      allocations: ctx.lines.map((l, j) => ({ skuId: l.skuId, amountFen: j === i ? amountFen : 0 })),
    };
    return { ...ctx, adjustments: [...ctx.adjustments, adjustment] };
  };
}

export interface OfferFacts {
  status: "active" | "stopped";
  startsAt: number;
  endsAt: number;
  perShopperLimit: number;
  skuPrices: ReadonlyMap<number, number>;
}

export type GroupOrderCheck =
  | { ok: true; skuId: number; quantity: number; priceFen: number }
  | { ok: false; status: 400 | 409; code: string; message: string };

/** A group-buy order is one SKU of the offer, within the per-shopper limit, while the offer runs. */
export function checkGroupOrder(
  offer: OfferFacts,
  lines: readonly { skuId: number; quantity: number }[] | undefined,
  now: number,
): GroupOrderCheck {
  if (lines?.length !== 1)
    return { ok: false, status: 400, code: "GROUP_BUY_ONE_LINE", message: "拼团订单只能购买一个规格的商品" };
  const [{ skuId, quantity }] = lines as [{ skuId: number; quantity: number }];
  const priceFen = offer.skuPrices.get(skuId);
  if (priceFen === undefined)
    return { ok: false, status: 400, code: "GROUP_BUY_SKU", message: "该规格不参加此拼团" };
  if (offer.status !== "active" || now >= offer.endsAt)
    return { ok: false, status: 409, code: "GROUP_BUY_ENDED", message: "拼团活动已结束" };
  if (now < offer.startsAt)
    return { ok: false, status: 409, code: "GROUP_BUY_NOT_STARTED", message: "拼团活动尚未开始" };
  if (quantity > offer.perShopperLimit)
    return {
      ok: false,
      status: 400,
      code: "GROUP_BUY_LIMIT",
      message: `拼团每人限购 ${offer.perShopperLimit} 件`,
    };
  return { ok: true, skuId, quantity, priceFen };
}

/** "G" + yymmdd (Beijing) + 6 random characters: 13 characters, fits a poster scene with a referrer. */
export function newGroupNo(
  now: number,
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
) {
  const d = new Date(now + 8 * 3600_000);
  const ymd = `${String(d.getUTCFullYear() % 100).padStart(2, "0")}${String(d.getUTCMonth() + 1).padStart(2, "0")}${String(d.getUTCDate()).padStart(2, "0")}`;
  const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  return `G${ymd}${[...random(6)].map((b) => alphabet[b % alphabet.length]).join("")}`;
}

/** Why the group object refused a slot, for the shopper. */
export const SLOT_REFUSALS: Record<string, { status: 404 | 409; message: string }> = {
  FULL: { status: 409, message: "该团名额已满，请参加其他团或自己开团" },
  FILLED: { status: 409, message: "该团已成团，请参加其他团或自己开团" },
  EXPIRED: { status: 409, message: "该团已过期，请参加其他团或自己开团" },
  ALREADY_MEMBER: { status: 409, message: "您已在该团中，无需重复参团" },
  NOT_OPEN: { status: 409, message: "团长尚未支付，暂不能参团" },
  UNKNOWN_ORDER: { status: 409, message: "订单不在该团中" },
  UNKNOWN_GROUP: { status: 404, message: "拼团不存在" },
};
