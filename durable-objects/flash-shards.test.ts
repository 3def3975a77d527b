import { describe, expect, it } from "vitest";
import {
  homeShard,
  invalidSale,
  isLive,
  planRefill,
  shardName,
  siblingsOf,
  splitUnits,
} from "./flash-shards";
import { adjust, availableOf, emptyState, reserve, type StockState } from "./stock-ledger";

describe("splitUnits", () => {
  it("splits into slices that differ by at most one and add up to the units", () => {
    expect(splitUnits(10, 4)).toEqual([3, 3, 2, 2]);
    expect(splitUnits(3, 8)).toEqual([1, 1, 1, 0, 0, 0, 0, 0]);
    expect(splitUnits(1000, 1)).toEqual([1000]);
    for (const [u, n] of [
      [997, 8],
      [1, 1],
      [64, 7],
    ] as const) {
      const s = splitUnits(u, n);
      expect(s.reduce((a, b) => a + b, 0)).toBe(u);
      expect(Math.max(...s) - Math.min(...s)).toBeLessThanOrEqual(1);
    }
  });
  it("refuses nonsense", () => {
    expect(() => splitUnits(-1, 2)).toThrow(RangeError);
    expect(() => splitUnits(5, 0)).toThrow(RangeError);
  });
});

describe("homeShard", () => {
  it("is stable for an order number and spreads order numbers evenly", () => {
    expect(homeShard("2026120600001", 8)).toBe(homeShard("2026120600001", 8));
    const counts = new Array(8).fill(0);
    for (let i = 0; i < 8000; i++) counts[homeShard(`20261206${String(i).padStart(6, "0")}`, 8)]++;
    for (const c of counts) expect(c).toBeGreaterThan(800);
    for (const c of counts) expect(c).toBeLessThan(1200);
  });
  it("is always 0 for one shard", () => {
    expect(homeShard("anything", 1)).toBe(0);
  });
});

describe("planRefill", () => {
  it("takes nothing when the home shard can serve the need", () => {
    expect(planRefill(0, 3, 2, [3, 5, 5])).toEqual([]);
  });
  it("takes half a sibling's spare units (at least what is missing), next siblings first", () => {
    expect(planRefill(1, 0, 1, [10, 0, 8, 6])).toEqual([{ from: 2, units: 4 }]);
    expect(planRefill(3, 0, 1, [10, 0, 8, 0])).toEqual([{ from: 0, units: 5 }]);
  });
  it("collects from several siblings when one is not enough, never more than a sibling has", () => {
    expect(planRefill(0, 1, 6, [1, 2, 1, 9])).toEqual([
      { from: 1, units: 2 },
      { from: 2, units: 1 },
      { from: 3, units: 5 },
    ]);
    expect(planRefill(0, 0, 5, [0, 1, 1])).toEqual([
      { from: 1, units: 1 },
      { from: 2, units: 1 },
    ]);
  });
  it("finds nothing when every sibling is empty", () => {
    expect(planRefill(2, 0, 1, [0, 0, 0, 0])).toEqual([]);
  });
  it("siblings go round the ring from the next shard", () => {
    expect(siblingsOf(2, 4)).toEqual([3, 0, 1]);
    expect(siblingsOf(0, 1)).toEqual([]);
  });
});

describe("sale rules", () => {
  const now = 1_000_000;
  it("validates units, shards and window", () => {
    const ok = { units: 100, shards: 4, startsAt: now, endsAt: now + 60_000 };
    expect(invalidSale(ok, now)).toBeNull();
    expect(invalidSale({ ...ok, units: 0 }, now)).toMatch(/至少/);
    expect(invalidSale({ ...ok, shards: 33 }, now)).toMatch(/分片数/);
    expect(invalidSale({ ...ok, units: 3 }, now)).toMatch(/不能多于/);
    expect(invalidSale({ ...ok, endsAt: now }, now)).toMatch(/晚于/);
    expect(invalidSale({ ...ok, startsAt: now - 2, endsAt: now - 1 }, now)).toMatch(/已过/);
  });
  it("is live from its start until (not at) its end", () => {
    const w = { startsAt: 10, endsAt: 20 };
    expect([9, 10, 19, 20].map((t) => isLive(w, t))).toEqual([false, true, true, false]);
  });
  it("names shard objects by SKU, sale and shard", () => {
    expect(shardName(7, "ab", 3)).toBe("sku:7:flash:ab:shard:3");
  });
});

/**
 * The whole scheme over the real stock-ledger transitions, in memory: buyers land on their home
 * shard, a dry shard is refilled by planRefill (a take on the sibling, a give on the home shard),
 * and the buyer is refused only when every shard is empty. Whatever the demand, exactly
 * min(units, demand) units are reserved and no shard ever goes negative.
 */
describe("sharded sale, simulated", () => {
  const who = { reason: "t", actor: "t" };
  function sell(units: number, n: number, buyers: number, seed: number) {
    let shards: StockState[] = splitUnits(units, n).map(
      (u) => adjust(emptyState(1, 0), { mode: "set", available: u }, who, 0).state,
    );
    let rnd = seed;
    const qtyOf = () => {
      rnd = (rnd * 1103515245 + 12345) % 2 ** 31;
      return 1 + (rnd % 3);
    };
    let reserved = 0;
    let refused = 0;
    let rebalances = 0;
    for (let b = 0; b < buyers; b++) {
      const orderNo = `o${seed}-${b}`;
      const qty = qtyOf();
      const k = homeShard(orderNo, n);
      for (let round = 0; ; round++) {
        const t = reserve(shards[k]!, undefined, { orderNo, qty, ttlMs: 1000 }, 1);
        if (t.result.ok) {
          shards[k] = t.state;
          reserved += qty;
          break;
        }
        const plan = planRefill(k, availableOf(shards[k]!), qty, shards.map(availableOf));
        if (!plan.length || round > n) {
          // Refused: then no shard could serve this quantity.
          expect(shards.map(availableOf).reduce((a, x) => a + x, 0)).toBeLessThan(qty);
          refused++;
          break;
        }
        for (const take of plan) {
          shards = shards.map((s, i) =>
            i === take.from
              ? adjust(s, { mode: "delta", delta: -take.units }, who, 1).state
              : i === k
                ? adjust(s, { mode: "restock", quantity: take.units }, who, 1).state
                : s,
          );
          rebalances++;
        }
      }
    }
    const left = shards.map(availableOf).reduce((a, x) => a + x, 0);
    return { reserved, refused, rebalances, left };
  }

  it.each([1, 2, 4, 8])("%i shards: sells every unit, no more, when demand exceeds supply", (n) => {
    for (const seed of [1, 2, 3]) {
      const r = sell(200, n, 400, seed);
      expect(r.reserved + r.left).toBe(200);
      // Only a quantity larger than what is left can be refused: at most 2 units (qty ≤ 3) stay unsold.
      expect(r.left).toBeLessThanOrEqual(2);
      expect(r.refused).toBeGreaterThan(0);
      if (n === 1) expect(r.rebalances).toBe(0);
    }
  });

  it("refuses nobody when supply covers demand", () => {
    const r = sell(1000, 8, 200, 7);
    expect(r.refused).toBe(0);
    expect(r.reserved + r.left).toBe(1000);
  });
});
