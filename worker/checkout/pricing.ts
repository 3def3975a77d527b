import { computeFreight, type FreightTemplate, type LineShipping } from "../logistics/freight";
import { allocateFen } from "../shared/allocate";

// Checkout pricing as a pipeline of pure steps `(ctx) => ctx`. Each step may only add adjustments
// (never rewrite earlier ones), so freight templates, coupons, 满减, installation fees and points are
// further steps that do not touch the others. All amounts are integer fen.
//
// Adjustment kinds are open: every adjustment counts in the payable amount by its sign (charges
// positive, discounts negative). After each step the pipeline caps a discount at what the goods still
// cost and splits every adjustment over the lines (largest remainder), so each line knows what it
// paid: discounts in proportion to the line's goods amount after earlier discounts, charges in
// proportion to the line total (a step may set its own split, e.g. freight by weight).

export interface PricingItem {
  skuId: number;
  productId: number;
  name: string;
  specs: Record<string, string>;
  image: string | null;
  unitPriceFen: number;
  quantity: number;
  weightG: number;
  volumeCm3?: number;
  /** The product's category and its parent: what coupon and promotion scopes match. */
  categoryIds?: number[];
  /** Absent: the shop's default rule. */
  shipping?: LineShipping;
}

export interface PricedLine extends PricingItem {
  lineTotalFen: number;
}

/** "shipping" and "discount" today; installation, carrying, coupon… as they come. */
export type AdjustmentKind = string;

export interface LineAllocation {
  skuId: number;
  amountFen: number;
}

export interface Adjustment {
  /** Which step produced it, e.g. "shipping.rule", later "coupon", "full_reduction", "points". */
  step: string;
  kind: AdjustmentKind;
  /** Shown to the shopper: "运费", "满999包邮", "优惠券 …". */
  label: string;
  /** Positive for charges, negative for discounts. */
  amountFen: number;
  /** Set when the adjustment applies to a single line (e.g. a product coupon). */
  skuId?: number;
  /** The amount split over the lines; sums to `amountFen`. Filled in by the pipeline when a step leaves it out. */
  allocations?: LineAllocation[];
}

/** The merchant's shipping rule (row in shop_settings): free at or above a threshold, else a flat fee. */
export interface ShippingRule {
  flatFeeFen: number;
  /** null = never free. */
  freeOverFen: number | null;
}

/** Where the goods go: freight and delivery rules depend on it. */
export interface Destination {
  province: string;
  city: string;
  district: string;
  /** GB/T 2260 district code; freight and delivery rules match on it. Absent for old addresses. */
  districtCode?: string | null;
}

export interface PricingInput {
  items: PricingItem[];
  shipping: ShippingRule;
  /** null until the shopper has an address (the quote then says so). */
  destination?: Destination | null;
  /** Who is buying: member prices, coupons and points depend on it. */
  shopperId?: number;
  /** The freight templates the lines name. */
  freightTemplates?: ReadonlyMap<number, FreightTemplate>;
}

/** A line that cannot be sold as asked, and why (Chinese, for the shopper). */
export interface LineFlag {
  skuId: number;
  code: "UNDELIVERABLE";
  message: string;
}

export interface PricingContext {
  readonly input: PricingInput;
  lines: PricedLine[];
  adjustments: Adjustment[];
  flags?: LineFlag[];
  /** Set by a promotion step when an applied promotion does not stack with coupons: that promotion's name. */
  couponsBlocked?: string;
}

export type PricingStep = (ctx: PricingContext) => PricingContext;

/** What one line pays in the end: its total plus its share of every adjustment. */
export interface LinePayment {
  skuId: number;
  lineTotalFen: number;
  allocations: { step: string; kind: AdjustmentKind; amountFen: number }[];
  payableFen: number;
}

export interface Quote {
  lines: PricedLine[];
  adjustments: (Adjustment & { allocations: LineAllocation[] })[];
  /** Per line, in the order of `lines`; their `payableFen` sum to the quote's. */
  linePayments: LinePayment[];
  itemsTotalFen: number;
  shippingFen: number;
  flags: LineFlag[];
  /** Positive: the sum of all discounts. */
  discountFen: number;
  /** Charges other than shipping (installation, carrying…). */
  otherChargesFen: number;
  payableFen: number;
  /** The applied promotion that does not stack with coupons (a coupon step must then add nothing). */
  couponsBlockedBy?: string;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export const itemsTotal = (ctx: PricingContext) => sum(ctx.lines.map((l) => l.lineTotalFen));
/** Negative total of all discounts so far. */
export const discountTotal = (ctx: PricingContext) =>
  sum(ctx.adjustments.filter((a) => a.amountFen < 0).map((a) => a.amountFen));

/** Each line's goods amount after the discounts allocated so far (never below 0): what thresholds and discount splits look at. */
export function goodsNetByLine(lines: PricedLine[], adjustments: Adjustment[]): number[] {
  return lines.map((l) => {
    let net = l.lineTotalFen;
    for (const a of adjustments)
      if (a.amountFen < 0) net += a.allocations?.find((x) => x.skuId === l.skuId)?.amountFen ?? 0;
    return net;
  });
}

/**
 * Caps a discount at what its lines still cost and splits it; splits a charge by line totals.
 * An adjustment restricted to one line (`skuId`) is allocated to that line alone.
 */
function settle(lines: PricedLine[], earlier: Adjustment[], a: Adjustment): Adjustment {
  if (lines.length === 0) return { ...a, amountFen: 0, allocations: [] };
  const target = lines.map((l) => a.skuId === undefined || l.skuId === a.skuId);
  if (a.allocations) {
    const given = sum(a.allocations.map((x) => x.amountFen));
    if (given !== a.amountFen) throw new Error(`${a.step}: allocations sum to ${given}, not ${a.amountFen}`);
    return a;
  }
  if (a.amountFen < 0) {
    const net = goodsNetByLine(lines, earlier).map((n, i) => (target[i] ? n : 0));
    const amountFen = Math.max(a.amountFen, -sum(net)) + 0; // + 0: no -0 when nothing is left to discount
    const parts = allocateFen(amountFen, net);
    return { ...a, amountFen, allocations: lines.map((l, i) => ({ skuId: l.skuId, amountFen: parts[i]! })) };
  }
  const parts = allocateFen(
    a.amountFen,
    lines.map((l, i) => (target[i] ? l.lineTotalFen : 0)),
  );
  return { ...a, allocations: lines.map((l, i) => ({ skuId: l.skuId, amountFen: parts[i]! })) };
}

/** Runs one step, then settles (caps and allocates) the adjustments it added. */
function runStep(ctx: PricingContext, step: PricingStep): PricingContext {
  const before = ctx.adjustments.length;
  const next = step(ctx);
  const adjustments = next.adjustments.slice(0, before);
  for (const a of next.adjustments.slice(before)) adjustments.push(settle(next.lines, adjustments, a));
  return { ...next, adjustments };
}

export const lineItemsStep: PricingStep = (ctx) => ({
  ...ctx,
  lines: ctx.input.items.map((i) => ({ ...i, lineTotalFen: i.unitPriceFen * i.quantity })),
});

/** Placeholder for coupons / 满减 / points; runs before shipping so free-shipping thresholds see discounted goods. */
export const discountsStep: PricingStep = (ctx) => ctx;

/**
 * Freight (logistics/freight.ts) to the destination, on the goods after discounts, split over the lines
 * that cause it. Lines the destination is not delivered to are flagged and charged nothing.
 */
export const shippingStep: PricingStep = (ctx) => {
  if (ctx.lines.length === 0) return ctx;
  const net = goodsNetByLine(ctx.lines, ctx.adjustments);
  const q = computeFreight(
    ctx.lines.map((l, i) => ({
      skuId: l.skuId,
      quantity: l.quantity,
      weightG: l.weightG,
      volumeCm3: l.volumeCm3 ?? 0,
      shipping: l.shipping ?? { mode: "shop_default" },
      goodsFen: net[i]!,
    })),
    ctx.input.freightTemplates ?? new Map(),
    ctx.input.destination?.districtCode ?? null,
    ctx.input.shipping,
  );
  const adjustment: Adjustment = {
    step: "shipping.rule",
    kind: "shipping",
    label: q.label,
    amountFen: q.totalFen,
    allocations: q.allocations,
  };
  const flags = q.undeliverable.map(
    (skuId): LineFlag => ({ skuId, code: "UNDELIVERABLE", message: "该地区暂不配送" }),
  );
  return { ...ctx, adjustments: [...ctx.adjustments, adjustment], flags: [...(ctx.flags ?? []), ...flags] };
};

export const DEFAULT_PIPELINE: readonly PricingStep[] = [lineItemsStep, discountsStep, shippingStep];

export function runPricing(input: PricingInput, steps: readonly PricingStep[] = DEFAULT_PIPELINE): Quote {
  const ctx = steps.reduce<PricingContext>(runStep, { input, lines: [], adjustments: [] });
  const adjustments = ctx.adjustments as Quote["adjustments"];
  const itemsTotalFen = itemsTotal(ctx);
  const of = (pick: (a: Adjustment) => boolean) => sum(adjustments.filter(pick).map((a) => a.amountFen));
  const linePayments = ctx.lines.map((l): LinePayment => {
    const allocations = adjustments.map((a) => ({
      step: a.step,
      kind: a.kind,
      amountFen: a.allocations.find((x) => x.skuId === l.skuId)?.amountFen ?? 0,
    }));
    return {
      skuId: l.skuId,
      lineTotalFen: l.lineTotalFen,
      allocations: allocations.filter((x) => x.amountFen !== 0),
      payableFen: l.lineTotalFen + sum(allocations.map((x) => x.amountFen)),
    };
  });
  const shippingFen = of((a) => a.kind === "shipping");
  const discountFen = 0 - of((a) => a.amountFen < 0 && a.kind !== "shipping");
  return {
    lines: ctx.lines,
    adjustments,
    linePayments,
    flags: ctx.flags ?? [],
    itemsTotalFen,
    shippingFen,
    discountFen,
    otherChargesFen: of((a) => a.amountFen > 0 && a.kind !== "shipping"),
    // Every adjustment counts by its sign, whatever its kind.
    payableFen: itemsTotalFen + of(() => true),
    ...(ctx.couponsBlocked === undefined ? {} : { couponsBlockedBy: ctx.couponsBlocked }),
  };
}
