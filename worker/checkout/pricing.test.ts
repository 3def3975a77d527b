import { describe, expect, it } from "vitest";
import {
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
      { step: "shipping.rule", kind: "shipping", label: "运费", amountFen: 1000 },
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
  });
});
