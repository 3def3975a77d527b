import { describe, expect, it } from "vitest";
import {
  lineItemsStep,
  type PricingItem,
  type PricingStep,
  type Quote,
  runPricing,
  shippingStep,
} from "../checkout/pricing";
import {
  automaticPromotionsStep,
  type LimitedTimePrice,
  limitedTimePriceStep,
  nextTierHint,
  type Promotion,
  type PromotionRule,
  type PromotionScope,
  promotionDescription,
  promotionTags,
  zhe,
} from "./promotion-rules";

const NOW = Date.UTC(2026, 5, 18, 4);
const HOUR = 3_600_000;

const item = (skuId: number, unitPriceFen: number, quantity = 1, categoryIds = [1, 100]): PricingItem => ({
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

const ALL: PromotionScope = { kind: "all", ids: [], excludeProductIds: [] };

let nextId = 1;
function promo(rule: PromotionRule, over: Partial<Promotion> = {}): Promotion {
  return {
    id: nextId++,
    name: `活动${nextId}`,
    rule,
    scope: ALL,
    startsAt: NOW - HOUR,
    endsAt: NOW + HOUR,
    priority: 0,
    stacksWithOtherPromotions: true,
    stacksWithCoupons: true,
    ...over,
  };
}

const tiers = (...t: [number, number][]): PromotionRule => ({
  kind: "full_reduction",
  tiers: t.map(([thresholdFen, reduceFen]) => ({ thresholdFen, reduceFen })),
});
const MANJIAN = tiers([300000, 30000], [500000, 60000]);

const limited = (
  skuId: number,
  priceFen: number,
  over: Partial<LimitedTimePrice> = {},
): LimitedTimePrice => ({
  promotionId: 900 + skuId,
  promotionName: "限时特惠",
  skuId,
  productId: skuId * 10,
  priceFen,
  startsAt: NOW - HOUR,
  endsAt: NOW + HOUR,
  stacksWithOtherPromotions: true,
  stacksWithCoupons: true,
  ...over,
});
/** The limited-time promotion itself, as activePromotions lists it next to the 满减. */
const limitedPromotion = (p: LimitedTimePrice): Promotion =>
  promo(
    { kind: "limited_time" },
    {
      id: p.promotionId,
      name: p.promotionName,
      stacksWithOtherPromotions: p.stacksWithOtherPromotions,
      stacksWithCoupons: p.stacksWithCoupons,
    },
  );

const NO_FREIGHT = { flatFeeFen: 0, freeOverFen: null };

function price(
  items: PricingItem[],
  promotions: Promotion[],
  prices: LimitedTimePrice[] = [],
  opts: { now?: number; shipping?: { flatFeeFen: number; freeOverFen: number | null } } = {},
): Quote {
  const now = opts.now ?? NOW;
  const steps: PricingStep[] = [
    lineItemsStep,
    limitedTimePriceStep(prices, now),
    automaticPromotionsStep(promotions, now),
    shippingStep,
  ];
  return runPricing({ items, shipping: opts.shipping ?? NO_FREIGHT }, steps);
}

const promotionAdjustments = (q: Quote) => q.adjustments.filter((a) => a.kind === "promotion");
const shareOf = (q: Quote, step: string, skuId: number) =>
  q.adjustments.find((a) => a.step === step)?.allocations.find((x) => x.skuId === skuId)?.amountFen ?? 0;

describe("labels and tags", () => {
  it("writes tiers, 每满 and 折 the way shoppers read them", () => {
    expect(promotionTags(MANJIAN)).toEqual(["满3000减300", "满5000减600"]);
    expect(
      promotionTags({ kind: "per_full_reduction", everyFen: 100000, reduceFen: 10000, capFen: 50000 }),
    ).toEqual(["每满1000减100"]);
    expect(
      promotionDescription({ kind: "per_full_reduction", everyFen: 100000, reduceFen: 10000, capFen: 50000 }),
    ).toBe("每满1000减100，最多减500");
    expect(
      promotionTags({
        kind: "full_discount",
        by: "quantity",
        tiers: [
          { threshold: 3, payPercent: 85 },
          { threshold: 2, payPercent: 90 },
        ],
      }),
    ).toEqual(["满2件9折", "满3件8.5折"]);
    expect(
      promotionTags({ kind: "full_discount", by: "amount", tiers: [{ threshold: 299950, payPercent: 95 }] }),
    ).toEqual(["满2999.50元9.5折"]);
    expect(promotionTags({ kind: "limited_time" })).toEqual(["限时折扣"]);
    expect([zhe(90), zhe(95), zhe(88), zhe(50)]).toEqual(["9折", "9.5折", "8.8折", "5折"]);
  });
});

describe("满减 tiers", () => {
  it("applies at exactly the threshold, not a fen below, and the highest tier reached", () => {
    const p = promo(MANJIAN);
    expect(promotionAdjustments(price([item(1, 299999)], [p]))).toEqual([]);
    const at = price([item(1, 300000)], [p]);
    expect(promotionAdjustments(at)).toEqual([
      {
        step: `promotion:${p.id}`,
        kind: "promotion",
        label: "满3000减300",
        amountFen: -30000,
        allocations: [{ skuId: 1, amountFen: -30000 }],
      },
    ]);
    expect(at.payableFen).toBe(270000);
    const high = price([item(1, 200000), item(2, 300000)], [p]);
    expect(promotionAdjustments(high).map((a) => [a.label, a.amountFen])).toEqual([["满5000减600", -60000]]);
    // Split 2 : 3 over the lines.
    expect(promotionAdjustments(high)[0]?.allocations).toEqual([
      { skuId: 1, amountFen: -24000 },
      { skuId: 2, amountFen: -36000 },
    ]);
    expect(high.discountFen).toBe(60000);
  });

  it("runs only from its start up to (not including) its end", () => {
    const p = promo(MANJIAN, { startsAt: NOW, endsAt: NOW + HOUR });
    expect(promotionAdjustments(price([item(1, 300000)], [p], [], { now: NOW - 1 }))).toEqual([]);
    expect(promotionAdjustments(price([item(1, 300000)], [p], [], { now: NOW }))).toHaveLength(1);
    expect(promotionAdjustments(price([item(1, 300000)], [p], [], { now: NOW + HOUR }))).toEqual([]);
  });
});

describe("每满减", () => {
  const rule = (capFen: number | null): PromotionRule => ({
    kind: "per_full_reduction",
    everyFen: 100000,
    reduceFen: 10000,
    capFen,
  });

  it("reduces per full step, and stops at the cap", () => {
    expect(price([item(1, 99999)], [promo(rule(null))]).discountFen).toBe(0);
    expect(price([item(1, 100000)], [promo(rule(null))]).discountFen).toBe(10000);
    expect(price([item(1, 359999)], [promo(rule(null))]).discountFen).toBe(30000);
    const capped = price([item(1, 359999)], [promo(rule(25000))]);
    expect(capped.discountFen).toBe(25000);
    expect(promotionAdjustments(capped)[0]?.label).toBe("每满1000减100");
    // Exactly at the cap.
    expect(price([item(1, 250000)], [promo(rule(20000))]).discountFen).toBe(20000);
  });
});

describe("满折", () => {
  it("by pieces: 满2件9折 on the eligible goods", () => {
    const p = promo({ kind: "full_discount", by: "quantity", tiers: [{ threshold: 2, payPercent: 90 }] });
    expect(price([item(1, 100000)], [p]).discountFen).toBe(0);
    const q = price([item(1, 100000, 2)], [p]);
    expect(promotionAdjustments(q)[0]).toMatchObject({ label: "满2件9折", amountFen: -20000 });
  });

  it("floors the discount to the fen and the allocations still sum exactly", () => {
    const p = promo({ kind: "full_discount", by: "amount", tiers: [{ threshold: 10000, payPercent: 95 }] });
    // 5 % of 33333 is 1666.65 → 1666.
    const q = price([item(1, 11111), item(2, 11111), item(3, 11111)], [p]);
    const a = promotionAdjustments(q)[0]!;
    expect(a.amountFen).toBe(-1666);
    expect(a.label).toBe("满100元9.5折");
    expect(a.allocations.map((x) => x.amountFen)).toEqual([-556, -555, -555]);
    expect(q.payableFen).toBe(33333 - 1666);
  });
});

describe("scope", () => {
  it("matches categories by the line's category or its parent, products, and honours exclusions", () => {
    const tv = item(1, 200000, 1, [11, 1]); // 电视 ⊂ 影音 (1)
    const fridge = item(2, 200000, 1, [21, 2]);
    const byParent = promo(tiers([100000, 10000]), {
      scope: { kind: "categories", ids: [1], excludeProductIds: [] },
    });
    const q = price([tv, fridge], [byParent]);
    expect(shareOf(q, `promotion:${byParent.id}`, 1)).toBe(-10000);
    expect(shareOf(q, `promotion:${byParent.id}`, 2)).toBe(0);

    const byProduct = promo(tiers([300000, 30000]), {
      scope: { kind: "products", ids: [10, 20], excludeProductIds: [] },
    });
    expect(price([tv, fridge], [byProduct]).discountFen).toBe(30000);
    // Excluding the fridge takes it out of the threshold as well as the split.
    const excluded = promo(tiers([300000, 30000]), {
      scope: { kind: "all", ids: [], excludeProductIds: [20] },
    });
    expect(price([tv, fridge], [excluded]).discountFen).toBe(0);
  });
});

describe("stacking", () => {
  const a = () => promo(tiers([100000, 10000]), { priority: 10 });
  const b = () =>
    promo(
      { kind: "full_discount", by: "amount", tiers: [{ threshold: 1, payPercent: 90 }] },
      { priority: 5 },
    );

  it("both apply in priority order; the later one on the goods after the earlier", () => {
    const pa = a();
    const pb = b();
    const q = price([item(1, 200000)], [pb, pa]);
    expect(promotionAdjustments(q).map((x) => [x.step, x.amountFen])).toEqual([
      [`promotion:${pa.id}`, -10000],
      [`promotion:${pb.id}`, -19000], // 10 % of 190000
    ]);
  });

  it("an applied promotion that does not stack stops the ones after it", () => {
    const pa = { ...a(), stacksWithOtherPromotions: false };
    const q = price([item(1, 200000)], [pa, b()]);
    expect(promotionAdjustments(q).map((x) => x.step)).toEqual([`promotion:${pa.id}`]);
  });

  it("a non-stacking promotion that is not reached stops nothing", () => {
    const pa = { ...a(), stacksWithOtherPromotions: false };
    const pb = b();
    const q = price([item(1, 50000)], [pa, pb]);
    expect(promotionAdjustments(q).map((x) => x.step)).toEqual([`promotion:${pb.id}`]);
  });

  it("a non-stacking promotion is skipped once another has applied", () => {
    const pa = a();
    const pb = { ...b(), stacksWithOtherPromotions: false };
    const q = price([item(1, 200000)], [pa, pb]);
    expect(promotionAdjustments(q).map((x) => x.step)).toEqual([`promotion:${pa.id}`]);
  });

  it("equal priorities apply in id order", () => {
    const first = promo(tiers([1000, 100]), { stacksWithOtherPromotions: false });
    const second = promo(tiers([1000, 500]), { stacksWithOtherPromotions: false });
    expect(promotionAdjustments(price([item(1, 5000)], [second, first])).map((x) => x.step)).toEqual([
      `promotion:${first.id}`,
    ]);
  });

  it("blocks coupons with the name of an applied promotion that does not stack with them", () => {
    const stacking = price([item(1, 300000)], [promo(MANJIAN)]);
    expect(stacking.couponsBlockedBy).toBeUndefined();
    const p = promo(MANJIAN, { name: "618 满减", stacksWithCoupons: false });
    expect(price([item(1, 300000)], [p]).couponsBlockedBy).toBe("618 满减");
    // Not reached: not applied, coupons stay open.
    expect(price([item(1, 100)], [p]).couponsBlockedBy).toBeUndefined();
  });
});

describe("限时折扣", () => {
  it("one adjustment per discounted line, on that line only; the line total stays the list price", () => {
    const q = price([item(1, 399900, 2), item(2, 10000)], [], [limited(1, 349900)]);
    expect(q.lines[0]?.lineTotalFen).toBe(799800);
    expect(q.adjustments[0]).toEqual({
      step: "limited_time:901",
      kind: "limited_time",
      label: "限时折扣",
      amountFen: -100000,
      skuId: 1,
      allocations: [
        { skuId: 1, amountFen: -100000 },
        { skuId: 2, amountFen: 0 },
      ],
    });
    expect(q.linePayments.map((l) => l.payableFen)).toEqual([699800, 10000]);
    expect(q.discountFen).toBe(100000);
  });

  it("ignores prices out of their window and prices not below the list price", () => {
    expect(price([item(1, 1000)], [], [limited(1, 800, { endsAt: NOW })]).discountFen).toBe(0);
    expect(price([item(1, 1000)], [], [limited(1, 1000)]).discountFen).toBe(0);
    // Two overlapping prices (refused on create, tolerated here): the lower one wins.
    expect(
      price([item(1, 1000)], [], [limited(1, 900), limited(1, 700, { promotionId: 5 })]).discountFen,
    ).toBe(300);
  });

  it("a limited-time price and a 满减 on the same line: the threshold sees the promo price", () => {
    const lt = limited(1, 290000);
    const p = promo(MANJIAN);
    // List 320000 would reach 满3000, the promo price 290000 does not.
    expect(promotionAdjustments(price([item(1, 320000)], [p, limitedPromotion(lt)], [lt]))).toEqual([]);
    const q = price([item(1, 320000), item(2, 20000)], [p, limitedPromotion(lt)], [lt]);
    expect(q.linePayments[0]?.allocations).toEqual([
      { step: "limited_time:901", kind: "limited_time", amountFen: -30000 },
      { step: `promotion:${p.id}`, kind: "promotion", amountFen: -28065 }, // 30000 × 290000 / 310000 = 28064.5, the larger remainder
    ]);
    expect(q.payableFen).toBe(340000 - 30000 - 30000);
  });

  it("a limited-time price that does not stack keeps its line out of 满减", () => {
    const lt = limited(1, 290000, { stacksWithOtherPromotions: false });
    const p = promo(MANJIAN);
    const q = price([item(1, 320000), item(2, 100000)], [p, limitedPromotion(lt)], [lt]);
    expect(promotionAdjustments(q)).toEqual([]); // only 100000 eligible
    const q2 = price([item(1, 320000), item(2, 300000)], [p, limitedPromotion(lt)], [lt]);
    expect(shareOf(q2, `promotion:${p.id}`, 1)).toBe(0);
    expect(shareOf(q2, `promotion:${p.id}`, 2)).toBe(-30000);
  });

  it("blocks coupons when its promotion does not stack with them", () => {
    const q = price(
      [item(1, 1000)],
      [],
      [limited(1, 800, { stacksWithCoupons: false, promotionName: "周末秒杀" })],
    );
    expect(q.couponsBlockedBy).toBe("周末秒杀");
  });
});

describe("freight after promotions", () => {
  it("free-shipping threshold sees the goods after discounts; freight itself is never discounted", () => {
    const p = promo(tiers([100000, 10000]));
    const q = price([item(1, 100000)], [p], [], { shipping: { flatFeeFen: 2000, freeOverFen: 100000 } });
    expect(q.shippingFen).toBe(2000); // 90000 after 满减 is below the threshold
    expect(q.payableFen).toBe(100000 - 10000 + 2000);
  });
});

describe("properties", () => {
  function rng(seed: number) {
    let s = seed >>> 0;
    return () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it("payable never below 0, no line share negative, allocations exact and only on eligible lines", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const r = rng(seed);
      const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
      const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)]!;
      const items = Array.from({ length: int(1, 5) }, (_, i) =>
        item(i + 1, int(1, 500000), int(1, 4), [int(1, 3) * 10 + int(0, 1), int(1, 3)]),
      );
      const rules: PromotionRule[] = [
        tiers([int(1, 300000), int(1, 400000)]),
        {
          kind: "per_full_reduction",
          everyFen: int(1, 200000),
          reduceFen: int(1, 300000),
          capFen: pick([null, int(1, 50000)]),
        },
        {
          kind: "full_discount",
          by: pick(["quantity", "amount"] as const),
          tiers: [{ threshold: int(1, 5), payPercent: int(1, 99) }],
        },
      ];
      const scopes: PromotionScope[] = [
        ALL,
        { kind: "categories", ids: [int(1, 3)], excludeProductIds: [] },
        { kind: "products", ids: [10, 30], excludeProductIds: [] },
        { kind: "all", ids: [], excludeProductIds: [20] },
      ];
      const promotions = Array.from({ length: int(0, 4) }, () =>
        promo(pick(rules), {
          scope: pick(scopes),
          priority: int(0, 3),
          stacksWithOtherPromotions: r() < 0.7,
          stacksWithCoupons: r() < 0.7,
        }),
      );
      const prices = items
        .filter(() => r() < 0.4)
        .map((i) => limited(i.skuId, int(0, i.unitPriceFen), { stacksWithOtherPromotions: r() < 0.5 }));
      const q = price(items, [...promotions, ...prices.map(limitedPromotion)], prices, {
        shipping: { flatFeeFen: int(0, 3000), freeOverFen: pick([null, int(0, 500000)]) },
      });
      const ctx = `seed ${seed}`;
      expect(q.payableFen, ctx).toBeGreaterThanOrEqual(0);
      for (const a of q.adjustments) {
        expect(
          a.allocations.reduce((n, x) => n + x.amountFen, 0),
          ctx,
        ).toBe(a.amountFen);
        if (a.kind === "promotion" || a.kind === "limited_time")
          for (const x of a.allocations) expect(x.amountFen, ctx).toBeLessThanOrEqual(0);
        if (a.kind === "promotion") {
          const p = promotions.find((x) => `promotion:${x.id}` === a.step)!;
          for (const x of a.allocations) {
            const line = q.lines.find((l) => l.skuId === x.skuId)!;
            const inScope =
              !p.scope.excludeProductIds.includes(line.productId) &&
              (p.scope.kind === "all" ||
                (p.scope.kind === "products" && p.scope.ids.includes(line.productId)) ||
                (p.scope.kind === "categories" && line.categoryIds!.some((c) => p.scope.ids.includes(c))));
            if (!inScope) expect(x.amountFen, ctx).toBe(0);
          }
        }
      }
      for (const lp of q.linePayments) {
        const goods =
          lp.lineTotalFen +
          lp.allocations.filter((x) => x.kind !== "shipping").reduce((n, x) => n + x.amountFen, 0);
        expect(goods, ctx).toBeGreaterThanOrEqual(0);
        expect(lp.payableFen, ctx).toBeGreaterThanOrEqual(0);
      }
      expect(
        q.linePayments.reduce((n, l) => n + l.payableFen, 0),
        ctx,
      ).toBe(q.payableFen);
    }
  });
});

describe("nextTierHint", () => {
  const lines = (items: PricingItem[]) => runPricing({ items, shipping: NO_FREIGHT }, [lineItemsStep]).lines;

  it("names the nearest unreached tier: 再买¥x可减y", () => {
    const p = promo(MANJIAN);
    expect(nextTierHint([p], lines([item(1, 288000)]), NOW)).toEqual({
      promotionId: p.id,
      text: "再买¥120.00可减300",
      shortfallFen: 12000,
    });
    // Past the first tier: the next one.
    expect(nextTierHint([p], lines([item(1, 300000)]), NOW)?.text).toBe("再买¥2000.00可减600");
    expect(nextTierHint([p], lines([item(1, 500000)]), NOW)).toBeNull();
  });

  it("每满 up to the cap, 满件折 by pieces, and the nearest among several", () => {
    const per = promo({ kind: "per_full_reduction", everyFen: 100000, reduceFen: 10000, capFen: 20000 });
    expect(nextTierHint([per], lines([item(1, 150000)]), NOW)?.text).toBe("再买¥500.00可减200");
    expect(nextTierHint([per], lines([item(1, 250000)]), NOW)).toBeNull();
    const pieces = promo({
      kind: "full_discount",
      by: "quantity",
      tiers: [{ threshold: 2, payPercent: 90 }],
    });
    expect(nextTierHint([pieces], lines([item(1, 30000)]), NOW)).toMatchObject({
      text: "再买1件可享9折",
      shortfallFen: 30000,
    });
    const manjian = promo(MANJIAN);
    expect(nextTierHint([manjian, pieces], lines([item(1, 280000)]), NOW)?.promotionId).toBe(manjian.id);
    expect(nextTierHint([manjian, pieces], lines([item(1, 30000)]), NOW)?.promotionId).toBe(pieces.id);
  });

  it("skips promotions with no eligible line, inactive ones, and those a non-stacking promotion stops", () => {
    const other = promo(MANJIAN, { scope: { kind: "products", ids: [999], excludeProductIds: [] } });
    expect(nextTierHint([other], lines([item(1, 1000)]), NOW)).toBeNull();
    expect(nextTierHint([promo(MANJIAN, { startsAt: NOW + 1 })], lines([item(1, 1000)]), NOW)).toBeNull();
    const exclusive = promo(tiers([1000, 100]), { priority: 9, stacksWithOtherPromotions: false });
    expect(nextTierHint([exclusive, promo(MANJIAN)], lines([item(1, 2000)]), NOW)).toBeNull();
  });

  it("measures the goods after limited-time prices when given the quote's adjustments", () => {
    const lt = limited(1, 290000);
    const p = promo(MANJIAN);
    const q = price([item(1, 320000)], [p, limitedPromotion(lt)], [lt]);
    expect(nextTierHint([p], q.lines, NOW)?.text).toBe("再买¥1800.00可减600");
    expect(nextTierHint([p], q.lines, NOW, q.adjustments)?.text).toBe("再买¥100.00可减300");
  });
});
