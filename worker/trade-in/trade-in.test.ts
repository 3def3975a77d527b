import { describe, expect, it } from "vitest";
import { lineItemsStep, type PricingItem, runPricing, shippingStep } from "../checkout/pricing";
import { limitedTimePriceStep } from "../marketing/promotion-rules";
import type { ValuationEntry } from "./model";
import { deductionsBySku, TRADE_IN_KIND, tradeInStep } from "./step";
import {
  capFen,
  deductionOf,
  optionsFor,
  type ResolvedTradeIn,
  resolveDeclarations,
  settlementOf,
  valuationOf,
} from "./valuation";

const AC: ValuationEntry = {
  slug: "air_conditioner",
  name: "空调",
  categoryIds: [10],
  capPercent: 30,
  bands: [
    { maxAgeYears: 3, goodFen: 60000, fairFen: 40000, brokenFen: 15000 },
    { maxAgeYears: 6, goodFen: 40000, fairFen: 25000, brokenFen: 10000 },
    { maxAgeYears: 10, goodFen: 20000, fairFen: 12000, brokenFen: 5000 },
  ],
  active: true,
};
const FRIDGE: ValuationEntry = {
  ...AC,
  slug: "refrigerator",
  name: "冰箱",
  categoryIds: [20],
  bands: [AC.bands[0]!],
};
const table = new Map([
  [AC.slug, AC],
  [FRIDGE.slug, FRIDGE],
]);

describe("valuation table lookups", () => {
  it("picks the first band the age fits in, by condition", () => {
    expect(valuationOf(AC, 0, "good")).toBe(60000);
    expect(valuationOf(AC, 3, "fair")).toBe(40000); // band edge is inclusive
    expect(valuationOf(AC, 4, "fair")).toBe(25000);
    expect(valuationOf(AC, 10, "broken")).toBe(5000);
  });

  it("values an appliance older than every band by the last band", () => {
    expect(valuationOf(AC, 25, "good")).toBe(20000);
  });

  it("caps the deduction at the share of one new unit (floor), never below 0", () => {
    expect(capFen(30, 99_999)).toBe(29_999);
    expect(deductionOf(60000, 30, 100_000)).toBe(30000);
    expect(deductionOf(20000, 30, 100_000)).toBe(20000);
    expect(capFen(30, -5)).toBe(0);
  });
});

describe("declarations against the lines", () => {
  const lines = [
    { skuId: 1, name: "格力空调", categoryIds: [11, 10] },
    { skuId: 2, name: "海尔冰箱", categoryIds: [20] },
  ];

  it("accepts an old kind the line's category (or its parent) takes", () => {
    const r = resolveDeclarations(
      [{ skuId: 1, categorySlug: "air_conditioner", ageYears: 5, condition: "good" }],
      lines,
      table,
    );
    expect(r.problems).toEqual([]);
    expect(r.accepted).toEqual([
      expect.objectContaining({ skuId: 1, name: "空调", valuationFen: 40000, capPercent: 30 }),
    ]);
  });

  it("refuses other lines' kinds, unknown or inactive kinds and lines not in the order, in Chinese", () => {
    const inactive = new Map([...table, ["tv", { ...AC, slug: "tv", name: "电视", active: false }]]);
    const r = resolveDeclarations(
      [
        { skuId: 2, categorySlug: "air_conditioner", ageYears: 1, condition: "good" },
        { skuId: 1, categorySlug: "tv", ageYears: 1, condition: "good" },
        { skuId: 1, categorySlug: "boat", ageYears: 1, condition: "good" },
        { skuId: 9, categorySlug: "air_conditioner", ageYears: 1, condition: "good" },
      ],
      lines,
      inactive,
    );
    expect(r.accepted).toEqual([]);
    expect(r.problems).toEqual([
      "以旧换新：海尔冰箱不支持抵换旧空调",
      "以旧换新：暂不回收该品类的旧机（tv）",
      "以旧换新：暂不回收该品类的旧机（boat）",
      "以旧换新：所选新机不在本单中",
    ]);
  });

  it("lists the kinds each line accepts", () => {
    expect(optionsFor(lines[0]!, table)).toEqual([{ slug: "air_conditioner", name: "空调" }]);
    expect(optionsFor({ skuId: 3, name: "电饭煲", categoryIds: [99] }, table)).toEqual([]);
  });
});

describe("tradeInStep in the pipeline", () => {
  const item = (skuId: number, unitPriceFen: number, quantity: number): PricingItem => ({
    skuId,
    productId: skuId,
    name: `商品${skuId}`,
    specs: {},
    image: null,
    unitPriceFen,
    quantity,
    weightG: 1000,
    categoryIds: [10],
  });
  const input = (items: PricingItem[]) => ({ items, shipping: { flatFeeFen: 1000, freeOverFen: 100_000 } });
  const declared = (skuId: number, valuationFen: number): ResolvedTradeIn => ({
    skuId,
    categorySlug: "air_conditioner",
    ageYears: 2,
    condition: "good",
    name: "空调",
    valuationFen,
    capPercent: 30,
  });

  it("deducts the valuation from that line only, as a negative trade_in adjustment whose allocations sum to it", () => {
    const q = runPricing(input([item(1, 300_000, 1), item(2, 50_000, 2)]), [
      lineItemsStep,
      shippingStep,
      tradeInStep([declared(1, 40_000)]),
    ]);
    const a = q.adjustments.find((x) => x.kind === TRADE_IN_KIND)!;
    expect(a).toMatchObject({
      amountFen: -40_000,
      label: "以旧换新（旧空调）",
      step: "trade_in:air_conditioner",
      skuId: 1,
    });
    expect(a.allocations).toEqual([
      { skuId: 1, amountFen: -40_000 },
      { skuId: 2, amountFen: 0 },
    ]);
    expect(q.linePayments.map((l) => l.payableFen)).toEqual([260_000, 100_000]);
    expect(q.payableFen).toBe(360_000); // freight free over ¥1000: the trade-in does not change thresholds
    expect(q.linePayments.reduce((s, l) => s + l.payableFen, 0)).toBe(q.payableFen);
    expect(deductionsBySku(q.adjustments)).toEqual(new Map([[1, 40_000]]));
  });

  it("caps at the share of one unit after earlier discounts (a limited-time price), with quantity", () => {
    const limited = limitedTimePriceStep(
      [
        {
          promotionId: 7,
          promotionName: "限时",
          skuId: 1,
          productId: 1,
          priceFen: 100_001,
          startsAt: 0,
          endsAt: Number.MAX_SAFE_INTEGER,
          stacksWithOtherPromotions: true,
          stacksWithCoupons: true,
        },
      ],
      1,
    );
    const q = runPricing(input([item(1, 150_000, 2)]), [
      lineItemsStep,
      limited,
      tradeInStep([declared(1, 60_000)]),
    ]);
    // one unit now costs 100001 → 30% = 30000 (floor)
    expect(q.adjustments.find((x) => x.kind === TRADE_IN_KIND)!.amountFen).toBe(-30_000);
    expect(q.payableFen).toBe(200_002 - 30_000);
  });

  it("adds nothing for an undeclared line or a zero valuation", () => {
    const q = runPricing(input([item(1, 300_000, 1)]), [
      lineItemsStep,
      tradeInStep([declared(1, 0), declared(5, 100)]),
    ]);
    expect(q.adjustments).toEqual([]);
  });
});

describe("settlement of the collection", () => {
  it("refunds a higher valuation, charges a lower one, charges the whole deduction when not collected", () => {
    expect(settlementOf(40_000, 50_000)).toEqual({ kind: "refund", amountFen: 10_000 });
    expect(settlementOf(40_000, 25_000)).toEqual({ kind: "charge", amountFen: 15_000 });
    expect(settlementOf(40_000, 40_000)).toEqual({ kind: "none", amountFen: 0 });
    expect(settlementOf(40_000, null)).toEqual({ kind: "charge", amountFen: 40_000 });
  });
});
