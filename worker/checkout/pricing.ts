import { fenToYuan } from "../shared/money";

// Checkout pricing as a pipeline of pure steps `(ctx) => ctx`. Each step may only add adjustments
// (never rewrite earlier ones), so freight templates, coupons, 满减 and points can be inserted as
// further steps without touching the others. All amounts are integer fen.

export interface PricingItem {
  skuId: number;
  productId: number;
  name: string;
  specs: Record<string, string>;
  image: string | null;
  unitPriceFen: number;
  quantity: number;
  weightG: number;
}

export interface PricedLine extends PricingItem {
  lineTotalFen: number;
}

export type AdjustmentKind = "shipping" | "discount";

export interface Adjustment {
  /** Which step produced it, e.g. "shipping.flat", later "coupon", "full_reduction", "points". */
  step: string;
  kind: AdjustmentKind;
  /** Shown to the shopper: "运费", "满999包邮", "优惠券 …". */
  label: string;
  /** Positive for charges (shipping), negative for discounts. */
  amountFen: number;
  /** Set when the adjustment applies to a single line (e.g. a product coupon). */
  skuId?: number;
}

/** The merchant's shipping rule (row in shop_settings): free at or above a threshold, else a flat fee. */
export interface ShippingRule {
  flatFeeFen: number;
  /** null = never free. */
  freeOverFen: number | null;
}

export interface PricingInput {
  items: PricingItem[];
  shipping: ShippingRule;
}

export interface PricingContext {
  readonly input: PricingInput;
  lines: PricedLine[];
  adjustments: Adjustment[];
}

export type PricingStep = (ctx: PricingContext) => PricingContext;

export interface Quote {
  lines: PricedLine[];
  adjustments: Adjustment[];
  itemsTotalFen: number;
  shippingFen: number;
  discountFen: number;
  payableFen: number;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export const itemsTotal = (ctx: PricingContext) => sum(ctx.lines.map((l) => l.lineTotalFen));
/** Negative total of all discounts so far. */
export const discountTotal = (ctx: PricingContext) =>
  sum(ctx.adjustments.filter((a) => a.kind === "discount").map((a) => a.amountFen));

export const lineItemsStep: PricingStep = (ctx) => ({
  ...ctx,
  lines: ctx.input.items.map((i) => ({ ...i, lineTotalFen: i.unitPriceFen * i.quantity })),
});

/** Placeholder for coupons / 满减 / points; runs before shipping so free-shipping thresholds see discounted goods. */
export const discountsStep: PricingStep = (ctx) => ctx;

export const shippingStep: PricingStep = (ctx) => {
  const { flatFeeFen, freeOverFen } = ctx.input.shipping;
  if (ctx.lines.length === 0) return ctx;
  const goods = itemsTotal(ctx) + discountTotal(ctx);
  const free = freeOverFen !== null && goods >= freeOverFen;
  const adjustment: Adjustment = free
    ? { step: "shipping.rule", kind: "shipping", label: `满${fenToYuan(freeOverFen!)}元包邮`, amountFen: 0 }
    : { step: "shipping.rule", kind: "shipping", label: "运费", amountFen: flatFeeFen };
  return { ...ctx, adjustments: [...ctx.adjustments, adjustment] };
};

export const DEFAULT_PIPELINE: readonly PricingStep[] = [lineItemsStep, discountsStep, shippingStep];

export function runPricing(input: PricingInput, steps: readonly PricingStep[] = DEFAULT_PIPELINE): Quote {
  const ctx = steps.reduce<PricingContext>((c, step) => step(c), { input, lines: [], adjustments: [] });
  const itemsTotalFen = itemsTotal(ctx);
  const shippingFen = sum(ctx.adjustments.filter((a) => a.kind === "shipping").map((a) => a.amountFen));
  const discounts = discountTotal(ctx);
  // A discount can never make the goods cost less than nothing; shipping is still owed.
  const discountFen = Math.min(Math.abs(discounts), itemsTotalFen);
  return {
    lines: ctx.lines,
    adjustments: ctx.adjustments,
    itemsTotalFen,
    shippingFen,
    discountFen,
    payableFen: itemsTotalFen - discountFen + shippingFen,
  };
}
