import { describe, expect, it } from "vitest";
import { computeFreight, type FreightLine, type FreightTemplate } from "./freight";

const SZ_NANSHAN = "440305";
const URUMQI = "650102";
const HK = "810101";

const bigAppliances: FreightTemplate = {
  id: 1,
  name: "大家电（按件）",
  chargeBy: "piece",
  defaultRule: { firstUnits: 1, firstFeeFen: 5000, additionalUnits: 1, additionalFeeFen: 3000 },
  regionRules: [
    {
      regions: ["650000", "540000"],
      firstUnits: 1,
      firstFeeFen: 15000,
      additionalUnits: 1,
      additionalFeeFen: 10000,
    },
  ],
  freeRules: [{ regions: ["440000"], minUnits: null, minAmountFen: 199900, match: "all" }],
  undeliverable: ["810000", "820000", "710000"],
};
const smallAppliances: FreightTemplate = {
  id: 2,
  name: "小家电（按重量）",
  chargeBy: "weight",
  defaultRule: { firstUnits: 1000, firstFeeFen: 1200, additionalUnits: 1000, additionalFeeFen: 500 },
  regionRules: [],
  // Free in 广东/上海 from 5 kg or from ¥99.
  freeRules: [{ regions: ["440000", "310000"], minUnits: 5000, minAmountFen: 9900, match: "any" }],
  undeliverable: [],
};
const templates = new Map([bigAppliances, smallAppliances].map((t) => [t.id, t]));
const shop = { flatFeeFen: 1000, freeOverFen: 9900 };

const line = (skuId: number, over: Partial<FreightLine> = {}): FreightLine => ({
  skuId,
  quantity: 1,
  weightG: 1500,
  volumeCm3: 0,
  shipping: { mode: "template", templateId: 1 },
  goodsFen: 100000,
  ...over,
});

describe("computeFreight", () => {
  it("by piece: first + further units, dearer in a named region", () => {
    const two = [line(1, { quantity: 2 })];
    expect(computeFreight(two, templates, "110105", shop).totalFen).toBe(5000 + 3000);
    expect(computeFreight(two, templates, URUMQI, shop).totalFen).toBe(15000 + 10000);
  });

  it("free per region when the goods amount after discounts reaches the threshold", () => {
    expect(computeFreight([line(1, { goodsFen: 199900 })], templates, SZ_NANSHAN, shop)).toMatchObject({
      totalFen: 0,
      label: "包邮",
    });
    expect(computeFreight([line(1, { goodsFen: 199899 })], templates, SZ_NANSHAN, shop).totalFen).toBe(5000);
    // Not in the free region: charged whatever the amount.
    expect(computeFreight([line(1, { goodsFen: 999900 })], templates, "110105", shop).totalFen).toBe(5000);
  });

  it("by weight with an 'any' free rule: either 5 kg or ¥99 is enough", () => {
    const kettle = (over: Partial<FreightLine>) =>
      line(5, { shipping: { mode: "template", templateId: 2 }, goodsFen: 5000, weightG: 1500, ...over });
    // 1.5 kg to Beijing: first kilo 12 + one started further kilo 5.
    expect(computeFreight([kettle({})], templates, "110105", shop).totalFen).toBe(1700);
    // Shanghai: 1.5 kg and ¥50 meet neither condition; ¥99 or 4 × 1.5 kg meets one.
    expect(computeFreight([kettle({})], templates, "310101", shop).totalFen).toBe(1700);
    expect(computeFreight([kettle({ goodsFen: 9900 })], templates, "310101", shop).totalFen).toBe(0);
    expect(computeFreight([kettle({ quantity: 4 })], templates, "310101", shop).totalFen).toBe(0);
  });

  it("several templates: the largest first fee once, the others only further-unit fees, split by units", () => {
    const q = computeFreight(
      [
        line(1, { quantity: 1 }),
        line(2, { quantity: 1, shipping: { mode: "template", templateId: 2 }, weightG: 2500 }),
      ],
      templates,
      "110105",
      shop,
    );
    // Template 1 leads (50 > 12): 5000. Template 2 pays only further kilos for all 2500 g: 3 × 500.
    expect(q.totalFen).toBe(5000 + 1500);
    expect(q.allocations).toEqual([
      { skuId: 1, amountFen: 5000 },
      { skuId: 2, amountFen: 1500 },
    ]);
  });

  it("a group's freight is split over its lines by units (largest remainder), summing to the total", () => {
    const q = computeFreight([line(1, { quantity: 1 }), line(2, { quantity: 2 })], templates, "110105", shop);
    // 3 pieces: 5000 + 2 × 3000 = 11000, split 1 : 2.
    expect(q.totalFen).toBe(11000);
    expect(q.allocations).toEqual([
      { skuId: 1, amountFen: 3667 },
      { skuId: 2, amountFen: 7333 },
    ]);
  });

  it("flags lines that are not delivered to the destination and charges nothing for them", () => {
    const q = computeFreight(
      [line(1), line(2, { shipping: { mode: "template", templateId: 2 } })],
      templates,
      HK,
      shop,
    );
    expect(q.undeliverable).toEqual([1]);
    expect(q.allocations[0]).toEqual({ skuId: 1, amountFen: 0 });
  });

  it("free and fixed-fee products, and the shop's default rule for products without a template", () => {
    const q = computeFreight(
      [
        line(1, { shipping: { mode: "free" } }),
        line(2, { shipping: { mode: "fixed", feeFen: 2000 } }),
        line(3, { shipping: { mode: "shop_default" }, goodsFen: 5000 }),
      ],
      templates,
      SZ_NANSHAN,
      shop,
    );
    expect(q.allocations).toEqual([
      { skuId: 1, amountFen: 0 },
      { skuId: 2, amountFen: 2000 },
      { skuId: 3, amountFen: 1000 },
    ]);
    const onlyDefault = computeFreight(
      [line(3, { shipping: { mode: "shop_default" }, goodsFen: 9900 })],
      templates,
      null,
      shop,
    );
    expect(onlyDefault).toMatchObject({ totalFen: 0, label: "满99.00元包邮" });
  });

  it("without an address the default rules apply and nothing is flagged", () => {
    const q = computeFreight([line(1)], templates, null, shop);
    expect(q).toMatchObject({ totalFen: 5000, undeliverable: [] });
  });
});
