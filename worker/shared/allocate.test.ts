import { describe, expect, it } from "vitest";
import { allocateFen, unitShares } from "./allocate";

/** A small deterministic PRNG, so a failing case can be replayed from its seed. */
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

describe("allocateFen (largest remainder)", () => {
  it("splits by weight and gives the leftover fen to the largest remainders, earlier line on ties", () => {
    expect(allocateFen(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateFen(1000, [3998, 500])).toEqual([889, 111]);
    expect(allocateFen(-1000, [3998, 500])).toEqual([-889, -111]);
    expect(allocateFen(7, [0, 5, 0])).toEqual([0, 7, 0]);
  });

  it("splits evenly when every weight is 0, and nothing over no lines", () => {
    expect(allocateFen(5, [0, 0])).toEqual([3, 2]);
    expect(allocateFen(0, [])).toEqual([]);
    expect(() => allocateFen(1, [])).toThrow(RangeError);
    expect(() => allocateFen(1.5, [1])).toThrow(RangeError);
    expect(() => allocateFen(1, [-1, 2])).toThrow(RangeError);
  });

  it("stays exact past 2^53 (total × weight)", () => {
    const parts = allocateFen(999_999_999, [999_999_999, 1]);
    expect(parts).toEqual([999_999_998, 1]);
  });

  it("property: parts sum to the total, share its sign, never exceed a weight when |total| ≤ Σweights", () => {
    for (let seed = 1; seed <= 500; seed++) {
      const r = rng(seed);
      const n = 1 + Math.floor(r() * 8);
      const weights = Array.from({ length: n }, () => (r() < 0.15 ? 0 : Math.floor(r() * 2_000_000)));
      const sumW = weights.reduce((a, b) => a + b, 0);
      const bound = sumW > 0 ? sumW : 1_000_000;
      const total = Math.floor(r() * bound) * (r() < 0.5 ? -1 : 1);
      const parts = allocateFen(total, weights);
      expect(
        parts.reduce((a, b) => a + b, 0),
        `seed ${seed}`,
      ).toBe(total);
      for (const [i, p] of parts.entries()) {
        expect(Number.isInteger(p), `seed ${seed}`).toBe(true);
        expect(Math.sign(p) === 0 || Math.sign(p) === Math.sign(total), `seed ${seed}`).toBe(true);
        if (sumW > 0) expect(Math.abs(p), `seed ${seed}`).toBeLessThanOrEqual(weights[i]!);
      }
      // Proportional to within one fen of the exact share.
      if (sumW > 0)
        for (const [i, p] of parts.entries())
          expect(Math.abs(Math.abs(p) - (Math.abs(total) * weights[i]!) / sumW)).toBeLessThan(1);
    }
  });

  it("splits a line's share over its units: ¥10 off three units is 334 + 333 + 333 fen", () => {
    expect(unitShares(-1000, 3)).toEqual([-334, -333, -333]);
    expect(unitShares(500, 1)).toEqual([500]);
    expect(unitShares(0, 2)).toEqual([0, 0]);
  });
});
