import { describe, expect, it } from "vitest";
import {
  type Adjustment,
  discountsStep,
  lineItemsStep,
  type PricingItem,
  type PricingStep,
  runPricing,
  shippingStep,
} from "./pricing";

const item = (skuId: number, unitPriceFen: number, quantity: number): PricingItem => ({
  skuId,
  productId: skuId * 10,
  name: `商品${skuId}`,
  specs: {},
  image: null,
  unitPriceFen,
  quantity,
  weightG: 1000,
});

describe("pricing pipeline", () => {
  it("sums lines and charges the flat fee below the free-shipping threshold", () => {
    const q = runPricing({
      items: [item(1, 1999, 2), item(2, 500, 1)],
      shipping: { flatFeeFen: 1000, freeOverFen: 10000 },
    });
    expect(q.lines.map((l) => l.lineTotalFen)).toEqual([3998, 500]);
    expect(q.itemsTotalFen).toBe(4498);
    expect(q.shippingFen).toBe(1000);
    expect(q.discountFen).toBe(0);
    expect(q.payableFen).toBe(5498);
    expect(q.adjustments).toEqual([
      {
        step: "shipping.rule",
        kind: "shipping",
        label: "运费",
        amountFen: 1000,
        // Split by line total (3998 : 500), largest remainder.
        allocations: [
          { skuId: 1, amountFen: 889 },
          { skuId: 2, amountFen: 111 },
        ],
      },
    ]);
  });

  it("ships free at exactly the threshold, and never when the threshold is null", () => {
    const at = runPricing({ items: [item(1, 5000, 2)], shipping: { flatFeeFen: 800, freeOverFen: 10000 } });
    expect(at.shippingFen).toBe(0);
    expect(at.payableFen).toBe(10000);
    expect(at.adjustments[0]?.label).toBe("满100.00元包邮");
    const never = runPricing({
      items: [item(1, 999999, 1)],
      shipping: { flatFeeFen: 800, freeOverFen: null },
    });
    expect(never.shippingFen).toBe(800);
  });

  it("charges no shipping for an empty order", () => {
    const q = runPricing({ items: [], shipping: { flatFeeFen: 800, freeOverFen: null } });
    expect(q).toMatchObject({ itemsTotalFen: 0, shippingFen: 0, payableFen: 0 });
  });

  it("lets a later discount step plug in: free-shipping threshold sees discounted goods", () => {
    const tenOff: PricingStep = (ctx) => ({
      ...ctx,
      adjustments: [
        ...ctx.adjustments,
        { step: "coupon", kind: "discount", label: "优惠券", amountFen: -1000 },
      ],
    });
    const input = { items: [item(1, 10000, 1)], shipping: { flatFeeFen: 600, freeOverFen: 10000 } };
    const q = runPricing(input, [lineItemsStep, discountsStep, tenOff, shippingStep]);
    expect(q.discountFen).toBe(1000);
    expect(q.shippingFen).toBe(600); // 9000 after the coupon is below the threshold
    expect(q.payableFen).toBe(10000 - 1000 + 600);
    expect(q.adjustments.map((a) => a.step)).toEqual(["coupon", "shipping.rule"]);
  });

  it("caps discounts at the goods total", () => {
    const huge: PricingStep = (ctx) => ({
      ...ctx,
      adjustments: [
        ...ctx.adjustments,
        { step: "points", kind: "discount", label: "积分", amountFen: -99999 },
      ],
    });
    const q = runPricing({ items: [item(1, 300, 1)], shipping: { flatFeeFen: 500, freeOverFen: null } }, [
      lineItemsStep,
      huge,
      shippingStep,
    ]);
    expect(q.discountFen).toBe(300);
    expect(q.payableFen).toBe(500);
    // The cap shows in the adjustment itself, not only in the totals.
    expect(q.adjustments[0]).toMatchObject({ step: "points", amountFen: -300 });
    expect(q.linePayments).toEqual([
      {
        skuId: 1,
        lineTotalFen: 300,
        allocations: [
          { step: "points", kind: "discount", amountFen: -300 },
          { step: "shipping.rule", kind: "shipping", amountFen: 500 },
        ],
        payableFen: 500,
      },
    ]);
  });

  const push =
    (a: Adjustment): PricingStep =>
    (ctx) => ({ ...ctx, adjustments: [...ctx.adjustments, a] });

  it("counts every adjustment kind by its sign: a new charge kind is in the payable amount", () => {
    const install = push({ step: "installation", kind: "installation", label: "安装费", amountFen: 15000 });
    const q = runPricing(
      { items: [item(1, 300000, 1), item(2, 5000, 2)], shipping: { flatFeeFen: 0, freeOverFen: 0 } },
      [lineItemsStep, install, shippingStep],
    );
    expect(q.otherChargesFen).toBe(15000);
    expect(q.payableFen).toBe(310000 + 15000);
    expect(q.linePayments.reduce((n, l) => n + l.payableFen, 0)).toBe(q.payableFen);
  });

  it("a line-scoped discount lands on its line only, capped at that line", () => {
    const coupon = push({ step: "coupon", kind: "discount", label: "单品券", amountFen: -9000, skuId: 2 });
    const q = runPricing(
      { items: [item(1, 10000, 1), item(2, 3000, 2)], shipping: { flatFeeFen: 0, freeOverFen: null } },
      [lineItemsStep, coupon],
    );
    expect(q.adjustments[0]?.allocations).toEqual([
      { skuId: 1, amountFen: 0 },
      { skuId: 2, amountFen: -6000 },
    ]);
    expect(q.linePayments.map((l) => l.payableFen)).toEqual([10000, 0]);
  });

  it("a second discount is split over what the lines still cost after the first", () => {
    const first = push({ step: "a", kind: "discount", label: "A", amountFen: -5000, skuId: 1 });
    const second = push({ step: "b", kind: "discount", label: "B", amountFen: -1000 });
    const q = runPricing(
      { items: [item(1, 5000, 1), item(2, 5000, 1)], shipping: { flatFeeFen: 0, freeOverFen: null } },
      [lineItemsStep, first, second],
    );
    // Line 1 is already free: all of B falls on line 2.
    expect(q.adjustments[1]?.allocations).toEqual([
      { skuId: 1, amountFen: 0 },
      { skuId: 2, amountFen: -1000 },
    ]);
  });

  it("rejects a step whose own allocations do not add up", () => {
    const bad = push({
      step: "bad",
      kind: "discount",
      label: "x",
      amountFen: -10,
      allocations: [{ skuId: 1, amountFen: -9 }],
    });
    expect(() =>
      runPricing({ items: [item(1, 100, 1)], shipping: { flatFeeFen: 0, freeOverFen: null } }, [
        lineItemsStep,
        bad,
      ]),
    ).toThrow(/allocations sum/);
  });

  it("property: line payables sum to the payable amount and no line pays less than nothing", () => {
    for (let seed = 1; seed <= 200; seed++) {
      let s = seed;
      const r = () => {
        s = (s * 1103515245 + 12345) % 2147483648;
        return s / 2147483648;
      };
      const items = Array.from({ length: 1 + Math.floor(r() * 5) }, (_, i) =>
        item(i + 1, Math.floor(r() * 500000), 1 + Math.floor(r() * 3)),
      );
      const steps: PricingStep[] = [lineItemsStep];
      for (let k = 0; k < 3; k++)
        steps.push(
          push({
            step: `d${k}`,
            kind: "discount",
            label: "d",
            amountFen: -Math.floor(r() * 400000),
            ...(r() < 0.3 ? { skuId: 1 + Math.floor(r() * items.length) } : {}),
          }),
        );
      steps.push(push({ step: "fee", kind: "installation", label: "f", amountFen: Math.floor(r() * 9000) }));
      steps.push(shippingStep);
      const q = runPricing({ items, shipping: { flatFeeFen: 1500, freeOverFen: 99900 } }, steps);
      expect(
        q.linePayments.reduce((n, l) => n + l.payableFen, 0),
        `seed ${seed}`,
      ).toBe(q.payableFen);
      for (const a of q.adjustments)
        expect(
          a.allocations.reduce((n, x) => n + x.amountFen, 0),
          `seed ${seed}`,
        ).toBe(a.amountFen);
      for (const l of q.linePayments) {
        const goods =
          l.lineTotalFen + l.allocations.filter((x) => x.amountFen < 0).reduce((n, x) => n + x.amountFen, 0);
        expect(goods, `seed ${seed}`).toBeGreaterThanOrEqual(0);
      }
      expect(q.payableFen).toBe(q.itemsTotalFen - q.discountFen + q.shippingFen + q.otherChargesFen);
    }
  });
});
