import { describe, expect, it } from "vitest";
import { lineItemsStep, type PricingItem, runPricing, shippingStep } from "../checkout/pricing";
import {
  deriveLots,
  earnedPoints,
  expiredLots,
  type LedgerEntry,
  lotExpiry,
  type PointsRules,
  pointsFor,
  proportionalShare,
  redemptionOffer,
} from "./points-rules";
import { pointsStep } from "./points-step";
import { DEFAULT_MEMBER_SETTINGS } from "./settings";
import {
  GROWTH_WINDOW_MS,
  growthValue,
  tierDiscountStep,
  tierFor,
  tierFreeShippingStep,
  tierProgress,
  tierTableProblems,
} from "./tiers-rules";

const rules: PointsRules = {
  earnPointsPerYuan: 1,
  redeemPointsPerYuan: 100,
  maxRedeemPercent: 20,
  minBalanceToRedeem: 100,
  returnWindowDays: 7,
};
const tiers = DEFAULT_MEMBER_SETTINGS.tiers;
const DAY = 86_400_000;
let nextId = 1;
const row = (kind: LedgerEntry["kind"], delta: number, expiresAt: number | null = null, frozenDelta = 0) => ({
  id: nextId++,
  kind,
  delta,
  frozenDelta,
  expiresAt,
});

describe("lot expiry (Beijing time)", () => {
  it("ends at the end of the following year in Beijing, also for points earned on 31 Dec after 16:00 UTC", () => {
    // 2026-06-01 Beijing → expires 2028-01-01 00:00 Beijing = 2027-12-31 16:00 UTC.
    expect(lotExpiry(Date.UTC(2026, 5, 1))).toBe(Date.UTC(2027, 11, 31, 16));
    // 2026-12-31 17:00 UTC is already 2027-01-01 01:00 in Beijing: a year later.
    expect(lotExpiry(Date.UTC(2026, 11, 31, 17))).toBe(Date.UTC(2028, 11, 31, 16));
    expect(lotExpiry(Date.UTC(2026, 11, 31, 15))).toBe(Date.UTC(2027, 11, 31, 16));
  });
});

describe("ledger replay: lots, FIFO, debt, expiry", () => {
  it("spends the oldest-expiring lots first and expires only what is left of them", () => {
    const y1 = Date.UTC(2027, 0, 1);
    const y2 = Date.UTC(2028, 0, 1);
    const entries = [
      row("unfreeze", 300, y2),
      row("adjust", 200, y1),
      row("spend", -250),
      row("unfreeze", 100, y2),
    ];
    const s = deriveLots(entries);
    expect(s.available).toBe(350);
    // The y1 lot (200) went first, then 50 of the first y2 lot.
    expect(s.lots.map((l) => [l.amount, l.remaining])).toEqual([
      [200, 0],
      [300, 250],
      [100, 100],
    ]);
    expect(expiredLots(s, y1)).toEqual([]);
    expect(expiredLots(s, y2).map((l) => l.remaining)).toEqual([250, 100]);
    // Writing the expiry rows zeroes the balance, and the lots stay consistent with it.
    const after = deriveLots([...entries, row("expire", -250), row("expire", -100)]);
    expect(after.available).toBe(0);
    expect(after.lots.every((l) => l.remaining === 0)).toBe(true);
  });

  it("a clawback beyond the balance is a debt that the next lot repays first", () => {
    const s = deriveLots([
      row("unfreeze", 100, 10),
      row("spend", -100),
      row("clawback", -60),
      row("unfreeze", 80, 20),
    ]);
    expect(s.available).toBe(20);
    expect(s.debt).toBe(0);
    expect(s.lots.map((l) => l.remaining)).toEqual([0, 20]);
    expect(deriveLots([row("unfreeze", 100, 10), row("spend", -100), row("clawback", -60)]).debt).toBe(60);
  });

  it("the balance always equals the sum of the rows and of the lots left minus the debt (random sequences)", () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 200; run++) {
      const entries: LedgerEntry[] = [];
      let frozen = 0;
      for (let i = 0; i < 30; i++) {
        const op = rand(5);
        if (op === 0) {
          const n = 1 + rand(500);
          entries.push(row("earn", 0, null, n));
          frozen += n;
        } else if (op === 1 && frozen > 0) {
          entries.push(row("unfreeze", frozen, 1000 + rand(100), -frozen));
          frozen = 0;
        } else if (op === 2) entries.push(row("spend", -(1 + rand(300))));
        else if (op === 3) entries.push(row("clawback", -(1 + rand(100))));
        else entries.push(row("adjust", 1 + rand(200), 1000 + rand(100)));
      }
      const s = deriveLots(entries);
      expect(s.available).toBe(entries.reduce((a, e) => a + e.delta, 0));
      expect(s.frozen).toBe(frozen);
      const lotsLeft = s.lots.reduce((a, l) => a + l.remaining, 0);
      expect(lotsLeft - s.debt).toBe(s.available);
      expect(s.lots.every((l) => l.remaining >= 0 && l.remaining <= l.amount)).toBe(true);
      expect(lotsLeft > 0 && s.debt > 0).toBe(false);
    }
  });
});

describe("earning and redeeming", () => {
  it("earns floor(paid yuan × rate × multiplier)", () => {
    expect(earnedPoints(259_999, rules, 100)).toBe(2599);
    expect(earnedPoints(259_999, rules, 150)).toBe(3899);
    expect(earnedPoints(-5, rules, 200)).toBe(0);
  });

  it("caps the discount at the share of the order and the balance; refuses below the minimum or in debt", () => {
    expect(redemptionOffer(5000, 100_000, rules)).toEqual({
      usable: true,
      maxPoints: 5000,
      maxDiscountFen: 5000,
    });
    expect(redemptionOffer(50_000, 100_000, rules)).toEqual({
      usable: true,
      maxPoints: 20_000,
      maxDiscountFen: 20_000,
    });
    expect(redemptionOffer(99, 100_000, rules)).toMatchObject({
      usable: false,
      reason: "积分满 100 才可使用",
    });
    expect(redemptionOffer(-10, 100_000, rules)).toMatchObject({ usable: false });
    // 10 points = ¥1: one point is 10 fen; a discount is never worth more than its points.
    const ten = { ...rules, redeemPointsPerYuan: 10 };
    const o = redemptionOffer(123, 100_000, ten);
    expect(o).toEqual({ usable: true, maxPoints: 123, maxDiscountFen: 1230 });
    const thousand = { ...rules, redeemPointsPerYuan: 1000, minBalanceToRedeem: 0 };
    const t = redemptionOffer(1234, 100_000, thousand);
    expect(t.maxDiscountFen).toBe(123);
    expect(pointsFor(t.maxDiscountFen, thousand)).toBe(1230);
  });

  it("gives back in proportion, cumulatively: all refunds together return exactly the total", () => {
    const parts = [1000, 1000, 1000].map((_, i) => proportionalShare(7, 3000, i * 1000, 1000));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(7);
    expect(proportionalShare(7, 3000, 0, 5000)).toBe(7);
    expect(proportionalShare(0, 3000, 0, 1000)).toBe(0);
  });
});

describe("tiers over a rolling 12 months", () => {
  const now = Date.UTC(2026, 11, 1);
  it("counts only completed spending inside the window, net of refunds, in yuan", () => {
    const spends = [
      { completedAt: now - 10 * DAY, netFen: 150_000 },
      { completedAt: now - GROWTH_WINDOW_MS + DAY, netFen: 100_000 },
      { completedAt: now - GROWTH_WINDOW_MS - DAY, netFen: 900_000 },
      { completedAt: now - DAY, netFen: -5_000 },
    ];
    expect(growthValue(spends, now)).toBe(Math.floor((150_000 + 100_000) / 100));
    expect(tierFor(tiers, 2_500).name).toBe("银卡会员");
    // A year later the old orders fall out and the tier drops.
    expect(growthValue(spends, now + GROWTH_WINDOW_MS)).toBe(0);
  });

  it("reports progress to the next tier and the top", () => {
    expect(tierProgress(tiers, 6_000)).toMatchObject({ toNext: 4_000, percent: 50 });
    expect(tierProgress(tiers, 6_000).next?.name).toBe("金卡会员");
    expect(tierProgress(tiers, 99_999)).toMatchObject({ next: null, toNext: 0, percent: 100 });
  });

  it("checks a tier table", () => {
    expect(tierTableProblems(tiers)).toEqual([]);
    expect(tierTableProblems([{ ...tiers[1]!, minGrowth: 5 }])).toContain("最低等级的成长值门槛必须为 0");
    expect(tierTableProblems([tiers[0]!, { ...tiers[1]!, level: 1 }])).toContain("等级编号不能重复");
  });
});

describe("pricing steps", () => {
  const item = (skuId: number, unitPriceFen: number, quantity: number): PricingItem => ({
    skuId,
    productId: skuId,
    name: `商品${skuId}`,
    specs: {},
    image: null,
    unitPriceFen,
    quantity,
    weightG: 1000,
  });
  const input = {
    items: [item(1, 33_333, 1), item(2, 10_001, 3)],
    shipping: { flatFeeFen: 1500, freeOverFen: null },
  };
  const gold = tiers[2]!;

  it("tier discount, free shipping and points: each allocated over the lines, sums exact", () => {
    const q = runPricing(input, [
      lineItemsStep,
      tierDiscountStep(gold),
      shippingStep,
      tierFreeShippingStep(gold),
      pointsStep({ balance: 4321, rules, use: true }),
    ]);
    const byStep = Object.fromEntries(q.adjustments.map((a) => [a.step, a]));
    expect(byStep["member.discount"]!.amountFen).toBe(-Math.floor((63_336 * 2) / 100));
    expect(byStep["member.discount"]!.label).toBe("金卡会员专享9.8折");
    expect(q.shippingFen).toBe(0);
    expect(byStep.points!.amountFen).toBe(-4321);
    for (const a of q.adjustments)
      expect(a.allocations.reduce((s, x) => s + x.amountFen, 0)).toBe(a.amountFen);
    expect(q.linePayments.reduce((s, l) => s + l.payableFen, 0)).toBe(q.payableFen);
    expect(q.payableFen).toBe(63_336 - 1266 - 4321);
  });

  it("points are capped at the share of the goods and not used unless the shopper opts in", () => {
    const capped = runPricing(input, [lineItemsStep, pointsStep({ balance: 1_000_000, rules, use: true })]);
    expect(capped.adjustments.find((a) => a.step === "points")!.amountFen).toBe(-Math.floor(63_336 * 0.2));
    const off = runPricing(input, [lineItemsStep, pointsStep({ balance: 1_000_000, rules, use: false })]);
    expect(off.adjustments).toEqual([]);
  });
});
