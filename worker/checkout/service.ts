import { z } from "@hono/zod-openapi";
import { type Address, addressView, shippingAddressQuery } from "../addresses/service";
import { type CheckedLine, checkedLinesFrom, lineView, type RequestedLine } from "../cart/line-check";
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from "../cart/service";
import { batchRead, constRead, readTogether, runRead } from "../db/batch-reads";
import type { Db } from "../db/client";
import { type GroupPrice, groupBuyPriceStep } from "../growth/group-buy-rules";
import { groupBuyChoiceInput, type ResolvedGroupBuy, resolveGroupBuy } from "../growth/group-buy-service";
import {
  type InstallationChoices,
  type InstallationLineInfo,
  installationQuoteLines,
  installationStep,
} from "../installation/fees";
import { installationChoicesInput } from "../installation/model";
import { type DeliveryPromise, deliveryPromise } from "../logistics/promise";
import { cityOf, provinceOf, regionLevel, regionName } from "../logistics/regions";
import { type CouponSnapshot, couponLabel, couponStep, rankCoupons } from "../marketing/coupon-rules";
import {
  automaticPromotionsStep,
  limitedTimePriceStep,
  nextTierHint,
  type PromotionHint,
} from "../marketing/promotion-rules";
import { pointsQuote, pointsStep } from "../members/points-step";
import { tierDiscountStep, tierFreeShippingStep } from "../members/tiers-rules";
import { badRequest, notFound } from "../shared/errors";
import { sumBySku } from "../shared/lines";
import { type TradeInDeclaration, tradeInDeclarationsInput } from "../trade-in/model";
import { checkoutTradeIn, type QuotedTradeIn, quotedTradeIns, tradeInQuoteView } from "../trade-in/service";
import { tradeInStep } from "../trade-in/step";
import {
  goodsNetByLine,
  lineItemsStep,
  type PricingInput,
  type Quote,
  runPricing,
  shippingStep,
} from "./pricing";
import {
  lineRowsRead,
  type PricingInputs,
  pricingInputsRead,
  type QuoteReads,
  quoteRead,
} from "./quote-reads";
import type { ShopSettings } from "./settings";

export const lineInput = z.object({
  skuId: z.number().int().positive(),
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
});

/** Only SKUs and quantities: any price a client sends is not part of the schema and is ignored. */
export const quoteInput = z.object({
  /** "立即购买" lines; omitted = the cart's selected lines. */
  items: z.array(lineInput).min(1).max(MAX_CART_LINES).optional(),
  addressId: z.number().int().positive().optional(),
  /** One of the shopper's coupons; null = use none; omitted = the one that saves most. */
  couponId: z.number().int().positive().nullable().optional(),
  /** 支架 / 高空作业 / 送货上楼: the shopper's installation choices; the fees come from the merchant's services. */
  installation: installationChoicesInput.optional(),
  /** 以旧换新: one old appliance per new line at most; the deduction comes from the valuation table. */
  tradeIns: tradeInDeclarationsInput.optional(),
  /** 拼团: open a group (no groupNo) or join one, at the group price; one "立即购买" line, no coupon or trade-in. */
  groupBuy: groupBuyChoiceInput.optional(),
  /** 积分抵扣: the shopper opts in; the server decides how many points (balance, cap, minimum). */
  usePoints: z.boolean().optional(),
});
export type QuoteInput = z.infer<typeof quoteInput>;

export interface CheckoutQuote {
  fromCart: boolean;
  lines: CheckedLine[];
  quote: Quote;
  address: Address | undefined;
  settings: ShopSettings;
  /** The coupon applied (null: none). */
  couponId: number | null;
  /** The shopper's coupons, best first, each with what it would save or why it does not apply. */
  coupons: RankedCoupon[];
  /** "再买¥120.00可减300": the nearest promotion tier not reached yet. */
  promotionHint: PromotionHint | null;
  /** Per line: whether it needs installing, what that includes, the options and their prices. */
  installation: InstallationLineInfo[];
  /** 以旧换新 as priced (what the order records) and the picker's per-line options. */
  tradeIns: QuotedTradeIn[];
  tradeIn: ReturnType<typeof tradeInQuoteView>;
  /** 拼团: the offer and the group to open or join (null for an ordinary order). */
  groupBuy: ResolvedGroupBuy | null;
  /** 会员: the tier whose benefits priced it, and the 积分抵扣 offer (null without a shopper). */
  member: { tierName: string; points: ReturnType<typeof pointsQuote> } | null;
  /** 预计送达 to the address (null while there is none, or when a line is not delivered there). */
  promise: DeliveryPromise | null;
  /** Reasons the order cannot be placed as is (Chinese, for the shopper). */
  problems: string[];
  /**
   * The subset that placing the order must refuse up front. Stock shortages are left out: the stock
   * figure here is a snapshot that may lag, and the reservation at order time is what decides.
   */
  blocking: string[];
}

type Where = Pick<Address, "province" | "city" | "district" | "districtCode">;

export interface PriceOptions {
  shopperId?: number;
  installation?: InstallationChoices;
  /** A coupon of the shopper's; null = none; absent = the one that saves most. */
  couponId?: number | null;
  /** 以旧换新 declarations (checkout only): loads the valuation table and adds the trade-in step. */
  tradeIns?: readonly TradeInDeclaration[];
  /** 拼团: the group price replaces promotions and coupons (growth/group-buy-rules.ts). */
  groupBuy?: GroupPrice;
  /** 积分抵扣 (checkout only). */
  usePoints?: boolean;
}

/**
 * Prices checked lines to a destination with the shop's rules and the inputs read with them
 * (quote-reads.ts): one place for the checkout quote and the product page's "运费 / 预计送达", so the
 * two never disagree. The order of application (README "Promotions and coupons"): limited-time
 * price → automatic promotions → coupon → freight (never discounted) → installation and carrying
 * fees (as chosen).
 */
function priceLines(
  inputs: PricingInputs,
  now: number,
  lines: CheckedLine[],
  where: Where | undefined,
  opts: PriceOptions = {},
) {
  const { settings, rules, templates, services, promos, coupons, member } = inputs;
  const tradeIn =
    opts.tradeIns && inputs.valuations ? checkoutTradeIn(inputs.valuations, opts.tradeIns, lines) : undefined;
  const input: PricingInput = {
    // A template deleted after the line was read falls back to the shop's rule instead of failing.
    items: lines.map((l) =>
      l.shipping.mode === "template" && !templates.has(l.shipping.templateId)
        ? { ...l, shipping: { mode: "shop_default" as const } }
        : l,
    ),
    shipping: settings.shipping,
    destination: where
      ? {
          province: where.province,
          city: where.city,
          district: where.district,
          districtCode: where.districtCode,
        }
      : null,
    ...(opts.shopperId === undefined ? {} : { shopperId: opts.shopperId }),
    freightTemplates: templates,
  };
  const promoted = opts.groupBuy
    ? [lineItemsStep, groupBuyPriceStep(opts.groupBuy)]
    : [
        lineItemsStep,
        limitedTimePriceStep(promos.limitedTimePrices, now),
        automaticPromotionsStep(promos.promotions, now),
        // 会员折扣 after promotions, before coupons (members/tiers-rules.ts).
        tierDiscountStep(member?.tier),
      ];
  // What each coupon would save is judged on the goods after promotions, like the coupon step itself.
  const beforeCoupon = runPricing(input, promoted);
  const ranked = beforeCoupon.couponsBlockedBy
    ? []
    : rankCoupons(
        coupons,
        beforeCoupon.lines,
        goodsNetByLine(beforeCoupon.lines, beforeCoupon.adjustments),
        now,
      );
  const choice = opts.groupBuy ? {} : chooseCoupon(ranked, opts.couponId, beforeCoupon.couponsBlockedBy);
  const quote = runPricing(input, [
    ...promoted,
    ...(choice.coupon ? [couponStep(choice.coupon, now)] : []),
    shippingStep,
    tierFreeShippingStep(member?.tier),
    // After freight: the old appliance pays part of the price; thresholds never see it (trade-in/step.ts).
    tradeInStep(tradeIn?.accepted ?? []),
    // 积分抵扣 after freight and trade-in, like cash (members/points-step.ts).
    pointsStep({
      balance: member?.balance ?? 0,
      rules: member?.settings.points ?? DEFAULT_POINTS_OFF,
      use: Boolean(opts.usePoints && member),
    }),
    installationStep(services, opts.installation ?? {}),
  ]);
  const promise =
    where && quote.flags.length === 0 ? deliveryPromise(now, where.districtCode ?? null, rules) : null;
  return {
    settings,
    quote,
    promise,
    coupon: choice,
    coupons: ranked,
    installation: installationQuoteLines(quote.lines, services),
    promotionHint: nextTierHint(promos.promotions, quote.lines, now, quote.adjustments),
    tradeIn: tradeIn && { ...tradeIn, quoted: quotedTradeIns(tradeIn, quote) },
    member: member && {
      tierName: member.tier.name,
      points: pointsQuote(quote, member.balance, member.settings.points, Boolean(opts.usePoints)),
    },
  };
}

/** Rules that let no points be used (no shopper: the product page's freight quote). */
const DEFAULT_POINTS_OFF = {
  earnPointsPerYuan: 0,
  redeemPointsPerYuan: 100,
  maxRedeemPercent: 0,
  minBalanceToRedeem: 0,
  returnWindowDays: 0,
};

type RankedCoupon = ReturnType<typeof rankCoupons<CouponSnapshot>>[number];

/** The coupon to apply: the shopper's pick (a problem if it cannot be used), none, or the best one. */
function chooseCoupon(
  ranked: RankedCoupon[],
  couponId: number | null | undefined,
  blockedBy: string | undefined,
): { coupon?: CouponSnapshot; problem?: string } {
  if (couponId === null) return {};
  if (couponId === undefined) {
    const best = ranked[0];
    return best?.evaluation.applicable ? { coupon: best.coupon } : {};
  }
  if (blockedBy) return { problem: `已参加的“${blockedBy}”不与优惠券同享` };
  const picked = ranked.find((r) => r.coupon.couponId === couponId);
  if (!picked) return { problem: "所选优惠券不存在、已使用或已过期" };
  if (!picked.evaluation.applicable) return { problem: `所选优惠券暂不可用：${picked.evaluation.reason}` };
  return { coupon: picked.coupon };
}

/**
 * Recomputes everything from the catalog and settings: the same function quotes and places orders. One
 * round trip (quote-reads.ts), plus the 拼团 offer's own reads when joining or opening a group.
 */
export async function buildQuote(db: Db, shopperId: number, input: QuoteInput): Promise<CheckoutQuote> {
  const now = Date.now();
  return quoteFrom(db, shopperId, input, now, await runRead(db, quoteRead(db, shopperId, input, now)));
}

/** The quote from what `quoteRead` read at `now` (placing an order reads it with its claim). */
export async function quoteFrom(
  db: Db,
  shopperId: number,
  input: QuoteInput,
  now: number,
  { cart, address, lineRows, pricing }: QuoteReads,
): Promise<CheckoutQuote> {
  const fromCart = !input.items;
  const requested: RequestedLine[] = sumBySku(input.items ?? cart ?? [], "quantity");
  if (requested.length === 0) throw badRequest("请先选择要购买的商品", undefined, "EMPTY_ORDER");
  const groupBuy = input.groupBuy ? await resolveGroupBuy(db, shopperId, input.groupBuy, input.items) : null;
  for (const l of requested)
    if (l.quantity > MAX_LINE_QUANTITY) throw badRequest(`单件商品最多购买 ${MAX_LINE_QUANTITY} 件`);
  const lines = checkedLinesFrom(requested, lineRows);
  if (input.addressId && !address) throw notFound("收货地址不存在");
  const { settings, quote, promise, installation, promotionHint, coupon, coupons, tradeIn, member } =
    priceLines(pricing, now, lines, address, {
      shopperId,
      ...(input.installation ? { installation: input.installation } : {}),
      ...(input.couponId !== undefined ? { couponId: input.couponId } : {}),
      tradeIns: input.tradeIns ?? [],
      ...(groupBuy ? { groupBuy: groupBuy.price, couponId: null, tradeIns: [] } : {}),
      ...(input.usePoints ? { usePoints: true } : {}),
    });
  const problems: string[] = [];
  const blocking: string[] = [];
  const refuse = (text: string, blocks = true) => {
    problems.push(text);
    if (blocks) blocking.push(text);
  };
  const lineName = (l: CheckedLine) => `${l.name}${Object.values(l.specs).join(" ")}`;
  for (const l of lines) {
    if (!l.unavailable) continue;
    refuse(
      `${lineName(l)}：${lineView(l).unavailableLabel}`,
      l.unavailable !== "out_of_stock" && l.unavailable !== "insufficient_stock",
    );
  }
  for (const f of quote.flags) {
    const l = lines.find((x) => x.skuId === f.skuId);
    refuse(`${l ? lineName(l) : "部分商品"}：${f.message}`);
  }
  if (coupon.problem) refuse(coupon.problem);
  for (const p of tradeIn?.problems ?? []) refuse(p);
  // 积分抵扣 asked for but not possible (balance spent meanwhile, below the minimum, in debt): refuse
  // rather than place the order at a price the shopper did not see.
  if (input.usePoints && member && !member.points.selected)
    refuse(`积分暂不可用：${member.points.reason ?? "本单不能使用积分"}`);
  if (!address) refuse("请先添加收货地址");
  if (quote.payableFen <= 0) refuse("订单金额必须大于 0");
  return {
    fromCart,
    lines,
    quote,
    address,
    settings,
    promise,
    installation,
    promotionHint,
    couponId: coupon.coupon?.couponId ?? null,
    coupons,
    tradeIns: tradeIn?.quoted ?? [],
    tradeIn: tradeInQuoteView(tradeIn?.table, lines, tradeIn?.quoted ?? []),
    groupBuy,
    member: member ?? null,
    problems,
    blocking,
  };
}

export function quoteView(q: CheckoutQuote) {
  const flagged = new Map(q.quote.flags.map((f) => [f.skuId, f.message]));
  return {
    fromCart: q.fromCart,
    items: q.lines.map((l) => ({ ...lineView(l), deliveryProblem: flagged.get(l.skuId) ?? null })),
    adjustments: q.quote.adjustments,
    itemsTotalFen: q.quote.itemsTotalFen,
    shippingFen: q.quote.shippingFen,
    discountFen: q.quote.discountFen,
    otherChargesFen: q.quote.otherChargesFen,
    payableFen: q.quote.payableFen,
    address: q.address ? addressView(q.address) : null,
    deliveryPromise: q.promise,
    installation: q.installation,
    tradeIn: q.tradeIn,
    member: q.member,
    promotionHint: q.promotionHint,
    couponsBlockedBy: q.quote.couponsBlockedBy ?? null,
    coupon: {
      selectedId: q.couponId,
      options: q.coupons.map(({ coupon: c, evaluation: e }) => ({
        couponId: c.couponId,
        name: c.name,
        label: couponLabel(c),
        validTo: c.validTo,
        applicable: e.applicable,
        savingFen: e.applicable ? e.savingFen : 0,
        reason: e.applicable ? null : e.reason,
      })),
    },
    orderable: q.problems.length === 0,
    problems: q.problems,
  };
}

export const productDeliveryQuery = z.object({
  skuId: z.coerce.number().int().positive(),
  /** A district chosen on the product page; otherwise the shopper's default address. */
  districtCode: z
    .string()
    .regex(/^\d{6}$/, "请选择区县")
    .refine((c) => regionLevel(c) === "district", "请选择区县")
    .optional(),
});

/** The product page's "送至 … 运费 … 预计送达": one unit of the SKU priced to the district. */
export async function productDelivery(
  db: Db,
  shopperId: number | undefined,
  q: z.infer<typeof productDeliveryQuery>,
) {
  const now = Date.now();
  // One round trip: the SKU, the shopper's default address (unless a district was chosen), the rules.
  const { lineRows, saved, pricing } = await readTogether(db, {
    lineRows: lineRowsRead(db, [q.skuId]),
    saved:
      q.districtCode || shopperId === undefined
        ? constRead(undefined)
        : batchRead([shippingAddressQuery(db, shopperId)], ([[address]]) => address),
    pricing: pricingInputsRead(db, [q.skuId], now),
  });
  const lines = checkedLinesFrom([{ skuId: q.skuId, quantity: 1 }], lineRows);
  if (lines[0]?.unavailable === "not_found") throw notFound("商品不存在");
  const where: Where | undefined = q.districtCode
    ? {
        province: regionName(provinceOf(q.districtCode)!) ?? "",
        city: regionName(cityOf(q.districtCode)!) ?? "",
        district: regionName(q.districtCode) ?? "",
        districtCode: q.districtCode,
      }
    : saved;
  const { quote, promise } = priceLines(pricing, now, lines, where);
  const deliverable = quote.flags.length === 0;
  return {
    region: where
      ? {
          text: `${where.province} ${where.city} ${where.district}`,
          districtCode: where.districtCode ?? null,
        }
      : null,
    deliverable,
    freightFen: deliverable ? quote.shippingFen : null,
    freightLabel: deliverable
      ? (quote.adjustments.find((a) => a.kind === "shipping")?.label ?? null)
      : "该地区暂不配送",
    deliveryPromise: promise,
  };
}
