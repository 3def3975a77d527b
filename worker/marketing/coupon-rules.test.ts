import { describe, expect, it } from "vitest";
import {
  type Adjustment,
  lineItemsStep,
  type PricingItem,
  type PricingStep,
  runPricing,
} from "../checkout/pricing";
import {
  type CouponLine,
  type CouponSnapshot,
  couponAdjustment,
  couponLabel,
  couponStep,
  evaluateCoupon,
  rankCoupons,
  validityProblem,
} from "./coupon-rules";

const NOW = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;

const coupon = (over: Partial<CouponSnapshot> = {}): CouponSnapshot => ({
  couponId: 1,
  templateId: 1,
  name: "测试券",
  kind: "amount_off",
  amountOffFen: 30_000,
  thresholdFen: 300_000,
  payPercent: null,
  capFen: null,
  scope: "all",
  scopeIds: [],
  excludedProductIds: [],
  validFrom: NOW - DAY,
  validTo: NOW + DAY,
  ...over,
});

const line = (skuId: number, productId = skuId * 10, categoryIds = [100, 1]): CouponLine => ({
  skuId,
  productId,
  categoryIds,
});

const item = (skuId: number, unitPriceFen: number, quantity = 1, categoryIds = [100, 1]): PricingItem => ({
  skuId,
  productId: skuId * 10,
  name: `商品${skuId}`,
  specs: {},
  image: null,
  unitPriceFen,
  quantity,
  weightG: 1000,
  categoryIds,
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const parts = (a: Adjustment | null) => a?.allocations?.map((x) => x.amountFen);

describe("evaluateCoupon", () => {
  it("满减 applies at the threshold and saves its amount", () => {
    expect(evaluateCoupon(coupon(), [line(1)], [300_000], NOW)).toEqual({
      applicable: true,
      savingFen: 30_000,
      eligibleSkuIds: [1],
      eligibleFen: 300_000,
    });
  });

  it("says how much is missing below the threshold", () => {
    const e = evaluateCoupon(coupon(), [line(1), line(2)], [150_000, 148_800], NOW);
    expect(e).toMatchObject({ applicable: false, reason: "未达到使用门槛（还差¥12.00）" });
  });

  it("measures the threshold on the eligible lines after earlier discounts only", () => {
    const c = coupon({ scope: "categories", scopeIds: [100] });
    // Line 2 is in another category: its ¥3000 does not count toward the threshold.
    const e = evaluateCoupon(c, [line(1), line(2, 20, [200, 2])], [299_999, 300_000], NOW);
    expect(e).toMatchObject({
      applicable: false,
      reason: "未达到使用门槛（还差¥0.01）",
      eligibleSkuIds: [1],
    });
  });

  it("matches categories by the line's category or its parent, products by id, and honours exclusions", () => {
    const byParent = coupon({ scope: "categories", scopeIds: [1], thresholdFen: 0 });
    expect(evaluateCoupon(byParent, [line(1, 10, [100, 1])], [50_000], NOW).applicable).toBe(true);
    const byProduct = coupon({ scope: "products", scopeIds: [20], thresholdFen: 0 });
    expect(evaluateCoupon(byProduct, [line(1), line(2)], [50_000, 50_000], NOW)).toMatchObject({
      eligibleSkuIds: [2],
    });
    const excluded = coupon({ excludedProductIds: [10], thresholdFen: 0 });
    expect(evaluateCoupon(excluded, [line(1)], [50_000], NOW)).toMatchObject({
      applicable: false,
      reason: "不在使用范围",
    });
    const elsewhere = coupon({ scope: "categories", scopeIds: [999] });
    expect(evaluateCoupon(elsewhere, [line(1)], [500_000], NOW)).toMatchObject({ reason: "不在使用范围" });
  });

  it("is not usable before validFrom nor from validTo on", () => {
    expect(validityProblem({ validFrom: NOW, validTo: NOW + 1 }, NOW)).toBeNull();
    expect(validityProblem({ validFrom: NOW, validTo: NOW + 1 }, NOW - 1)).toBe("未到使用时间");
    expect(validityProblem({ validFrom: NOW, validTo: NOW + 1 }, NOW + 1)).toBe("已过期");
    expect(evaluateCoupon(coupon({ validFrom: NOW + 1 }), [line(1)], [900_000], NOW)).toMatchObject({
      reason: "未到使用时间",
    });
    expect(evaluateCoupon(coupon({ validTo: NOW }), [line(1)], [900_000], NOW)).toMatchObject({
      reason: "已过期",
    });
  });

  it("折扣 saves floor(eligible × (100 − payPercent) / 100), capped", () => {
    const c = coupon({ kind: "percent_off", amountOffFen: null, thresholdFen: 0, payPercent: 88 });
    // 12% of 12345 = 1481.4 → 1481 (the shopper is never charged a fraction of a fen).
    expect(evaluateCoupon(c, [line(1)], [12_345], NOW)).toMatchObject({ savingFen: 1481 });
    const capped = { ...c, capFen: 50_000 };
    expect(evaluateCoupon(capped, [line(1)], [1_000_000], NOW)).toMatchObject({ savingFen: 50_000 });
    expect(evaluateCoupon(capped, [line(1)], [100_000], NOW)).toMatchObject({ savingFen: 12_000 });
  });

  it("never saves more than the eligible subtotal", () => {
    const c = coupon({ kind: "no_threshold", thresholdFen: 0, amountOffFen: 5_000 });
    expect(evaluateCoupon(c, [line(1)], [3_000], NOW)).toMatchObject({ savingFen: 3_000 });
    // A 满减 whose amount exceeds its threshold (满10减20) is still bounded by what the lines cost.
    const odd = coupon({ thresholdFen: 1_000, amountOffFen: 2_000 });
    expect(evaluateCoupon(odd, [line(1)], [1_500], NOW)).toMatchObject({ savingFen: 1_500 });
    // Nothing left to discount (an earlier promotion took it all): not applicable rather than ¥0.
    expect(evaluateCoupon(c, [line(1)], [0], NOW)).toMatchObject({ applicable: false });
  });

  it("ranks the biggest saving first and the inapplicable last", () => {
    const small = coupon({ couponId: 1, kind: "no_threshold", thresholdFen: 0, amountOffFen: 1_000 });
    const big = coupon({ couponId: 2 });
    const out = coupon({ couponId: 3, validTo: NOW });
    const ranked = rankCoupons([out, small, big], [line(1)], [400_000], NOW);
    expect(ranked.map((r) => r.coupon.couponId)).toEqual([2, 1, 3]);
  });

  it("labels the kinds the way shoppers read them", () => {
    expect(couponLabel(coupon())).toBe("满3000减300");
    expect(couponLabel(coupon({ kind: "no_threshold", thresholdFen: 0, amountOffFen: 5_050 }))).toBe(
      "无门槛减50.5",
    );
    expect(couponLabel(coupon({ kind: "percent_off", thresholdFen: 0, payPercent: 88, capFen: null }))).toBe(
      "8.8折",
    );
    expect(
      couponLabel(coupon({ kind: "percent_off", thresholdFen: 100_000, payPercent: 90, capFen: 50_000 })),
    ).toBe("满1000享9折，最高减500");
  });
});

describe("coupon allocation", () => {
  it("a ¥10 coupon over three ¥10 items splits 334/333/333 and sums exactly", () => {
    const c = coupon({ kind: "no_threshold", thresholdFen: 0, amountOffFen: 1_000 });
    const a = couponAdjustment(c, [line(1), line(2), line(3)], [1_000, 1_000, 1_000], NOW);
    expect(a).toMatchObject({
      step: "coupon",
      kind: "coupon",
      label: "优惠券 无门槛减10",
      amountFen: -1_000,
    });
    expect(parts(a)).toEqual([-334, -333, -333]);
  });

  it("a coupon larger than its eligible subtotal takes exactly that subtotal, on the eligible lines only", () => {
    const c = coupon({
      kind: "no_threshold",
      thresholdFen: 0,
      amountOffFen: 10_000,
      scope: "products",
      scopeIds: [10, 30],
    });
    const a = couponAdjustment(c, [line(1), line(2), line(3)], [2_999, 5_000, 1], NOW);
    expect(a?.amountFen).toBe(-3_000);
    expect(parts(a)).toEqual([-2_999, 0, -1]);
  });

  it("满5减1 on odd amounts: proportional, whole fen, exact sum", () => {
    const c = coupon({ thresholdFen: 500, amountOffFen: 100 });
    const a = couponAdjustment(c, [line(1), line(2), line(3)], [333, 167, 1], NOW);
    expect(a?.amountFen).toBe(-100);
    // 100 × (333, 167, 1) / 501 = 66.47, 33.33, 0.20 → 66, 33, 0 plus the 1 fen left to the largest remainder (66.47).
    expect(parts(a)).toEqual([-67, -33, 0]);
    expect(sum(parts(a)!)).toBe(-100);
  });

  it("property: savings never exceed the eligible net, allocations sum exactly and stay within each line", () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 500; run++) {
      const n = 1 + rand(5);
      const lines = Array.from({ length: n }, (_, i) => line(i + 1, (i + 1) * 10, [100 + rand(3), 1]));
      const net = lines.map(() => rand(50_000));
      const kind = (["amount_off", "no_threshold", "percent_off"] as const)[rand(3)]!;
      const c = coupon({
        kind,
        amountOffFen: 1 + rand(40_000),
        thresholdFen: kind === "amount_off" ? rand(60_000) : 0,
        payPercent: 1 + rand(99),
        capFen: rand(2) ? null : 1 + rand(20_000),
        scope: rand(2) ? "all" : "categories",
        scopeIds: [100 + rand(3)],
      });
      const e = evaluateCoupon(c, lines, net, NOW);
      const a = couponAdjustment(c, lines, net, NOW);
      if (!e.applicable) {
        expect(a).toBeNull();
        continue;
      }
      expect(e.savingFen).toBeGreaterThan(0);
      expect(e.savingFen).toBeLessThanOrEqual(e.eligibleFen);
      expect(sum(parts(a)!)).toBe(-e.savingFen);
      a!.allocations!.forEach((x, i) => {
        expect(-x.amountFen).toBeLessThanOrEqual(net[i]!);
        if (!e.eligibleSkuIds.includes(x.skuId)) expect(x.amountFen).toBe(0);
      });
    }
  });
});

describe("couponStep in the pricing pipeline", () => {
  const noFreight = { flatFeeFen: 0, freeOverFen: 0 };

  it("applies after an earlier discount, on what the eligible lines still cost", () => {
    // A promotion took ¥50 off line 1 first; the coupon's threshold and split then see 2950 + 1000.
    const promotion: PricingStep = (ctx) => ({
      ...ctx,
      adjustments: [
        ...ctx.adjustments,
        { step: "promotion", kind: "discount", label: "促销", amountFen: -5_000, skuId: 1 },
      ],
    });
    const c = coupon({ thresholdFen: 300_000, amountOffFen: 30_000 });
    const items = [item(1, 300_000), item(2, 100_000)];
    const q = runPricing({ items, shipping: noFreight }, [lineItemsStep, promotion, couponStep(c, NOW)]);
    const applied = q.adjustments.find((a) => a.step === "coupon")!;
    expect(applied.amountFen).toBe(-30_000);
    // 30000 split by (295000, 100000).
    expect(applied.allocations.map((x) => x.amountFen)).toEqual([-22_405, -7_595]);
    expect(q.payableFen).toBe(400_000 - 5_000 - 30_000);
    expect(sum(q.linePayments.map((l) => l.payableFen))).toBe(q.payableFen);
  });

  it("leaves the quote as it was when the coupon does not apply", () => {
    const c = coupon({ scope: "categories", scopeIds: [999] });
    const q = runPricing({ items: [item(1, 500_000)], shipping: noFreight }, [
      lineItemsStep,
      couponStep(c, NOW),
    ]);
    expect(q.adjustments).toEqual([]);
    expect(q.payableFen).toBe(500_000);
  });

  it("charges nothing to the lines outside its scope", () => {
    const c = coupon({
      kind: "no_threshold",
      thresholdFen: 0,
      amountOffFen: 1_000,
      scope: "categories",
      scopeIds: [100],
    });
    const q = runPricing(
      { items: [item(1, 1_000), item(2, 1_000, 1, [200, 2]), item(3, 1_000)], shipping: noFreight },
      [lineItemsStep, couponStep(c, NOW)],
    );
    expect(q.linePayments.map((l) => l.payableFen)).toEqual([500, 1_000, 500]);
  });
});
