import { describe, expect, it } from "vitest";
import {
  evaluatePriceProtection,
  goodsPaidShares,
  PRICE_PROTECTION_DAYS,
  type PriceProtectionCase,
  paidUnitShares,
  priceProtectionDeadline,
} from "./rules";

const DAY = 86_400_000;
const PAID_AT = 1_700_000_000_000;

/** 3 units at a list price of ¥1000, bought at a limited-time ¥900, with a ¥150 coupon over the line and ¥30 freight. */
const line = {
  unitPriceFen: 100_000,
  quantity: 3,
  lineTotalFen: 300_000,
  allocations: [
    { kind: "limited_time", amountFen: -30_000 },
    { kind: "coupon", amountFen: -15_000 },
    { kind: "shipping", amountFen: 3_000 },
  ],
};

const base = (over: Partial<PriceProtectionCase> = {}): PriceProtectionCase => ({
  line,
  orderStatus: "paid",
  paidAt: PAID_AT,
  now: PAID_AT + DAY,
  returnedUnitNos: [],
  current: { priceFen: 85_000, source: "list" },
  alreadyApplied: false,
  ...over,
});

describe("which price is compared", () => {
  it("paid = the unit price minus the line's limited-time discount; coupons and freight left out", () => {
    expect(paidUnitShares(line)).toEqual([90_000, 90_000, 90_000]);
    expect(goodsPaidShares(line)).toEqual([85_000, 85_000, 85_000]);
  });

  it("refunds (paid − current) × units against today's list price", () => {
    const e = evaluatePriceProtection(base());
    expect(e).toMatchObject({ eligible: true, reason: null, paidUnitFen: 90_000, currentUnitFen: 85_000 });
    expect(e.differenceFen).toBe(5_000);
    expect(e.amountFen).toBe(15_000);
    expect(e.units).toBe(3);
  });

  it("a limited-time price that is now lower counts like any current price", () => {
    const e = evaluatePriceProtection(base({ current: { priceFen: 88_000, source: "limited_time" } }));
    expect(e.amountFen).toBe(6_000);
  });

  it("a line bought at list price, compared with a limited-time price now", () => {
    const plain = { unitPriceFen: 50_000, quantity: 1, lineTotalFen: 50_000, allocations: [] };
    const e = evaluatePriceProtection(
      base({ line: plain, current: { priceFen: 45_500, source: "limited_time" } }),
    );
    expect(e).toMatchObject({ eligible: true, amountFen: 4_500 });
  });

  it("is capped at what the kept units paid for their goods after every discount", () => {
    const e = evaluatePriceProtection(base({ current: { priceFen: 1, source: "limited_time" } }));
    expect(e.amountFen).toBe(255_000); // not 3 × 89999
  });

  it("uneven unit shares: each unit compares its own share", () => {
    const odd = {
      unitPriceFen: 1000,
      quantity: 3,
      lineTotalFen: 3000,
      allocations: [{ kind: "limited_time", amountFen: -1 }],
    };
    expect(paidUnitShares(odd)).toEqual([1000, 1000, 999]);
    const e = evaluatePriceProtection(base({ line: odd, current: { priceFen: 999, source: "list" } }));
    expect(e).toMatchObject({ paidUnitFen: 1000, differenceFen: 1, amountFen: 2 });
  });
});

describe("refusals", () => {
  it("a price that did not drop below the paid price", () => {
    for (const priceFen of [90_000, 95_000]) {
      const e = evaluatePriceProtection(base({ current: { priceFen, source: "list" } }));
      expect(e).toMatchObject({ eligible: false, reason: "当前价格未低于您的购买价格", amountFen: 0 });
    }
  });

  it("window: open until just before paidAt + 7 days, closed at the deadline", () => {
    const deadline = priceProtectionDeadline(PAID_AT);
    expect(deadline).toBe(PAID_AT + PRICE_PROTECTION_DAYS * DAY);
    expect(evaluatePriceProtection(base({ now: deadline - 1 })).eligible).toBe(true);
    const late = evaluatePriceProtection(base({ now: deadline }));
    expect(late).toMatchObject({ eligible: false, reason: "已超过价保期限（付款后 7 天内）", deadline });
    expect(evaluatePriceProtection(base({ now: PAID_AT })).eligible).toBe(true);
  });

  it("units in return cases are left out; all returned → refused", () => {
    const e = evaluatePriceProtection(base({ returnedUnitNos: [0] }));
    expect(e).toMatchObject({ eligible: true, units: 2, amountFen: 10_000 });
    // What each kept unit gets, by its number (a later return of it refunds that much less).
    expect(e.unitAmounts).toEqual([
      { unitNo: 1, amountFen: 5_000 },
      { unitNo: 2, amountFen: 5_000 },
    ]);
    const all = evaluatePriceProtection(base({ returnedUnitNos: [0, 1, 2] }));
    expect(all).toMatchObject({
      eligible: false,
      units: 0,
      amountFen: 0,
      reason: "该商品已全部申请退货，不能价保",
    });
  });

  it("unpaid, cancelled, off the shelf, or applied already", () => {
    expect(evaluatePriceProtection(base({ orderStatus: "pending_payment", paidAt: null })).reason).toBe(
      "订单未付款，不能申请价保",
    );
    expect(evaluatePriceProtection(base({ orderStatus: "cancelled" })).reason).toBe(
      "订单已取消，不能申请价保",
    );
    expect(evaluatePriceProtection(base({ current: null })).reason).toBe("该商品已下架，不能价保");
    expect(evaluatePriceProtection(base({ alreadyApplied: true })).reason).toBe("该商品已申请过价保");
  });
});
