import { describe, expect, it } from "vitest";
import { type Candidate, HALF_LIFE_MS, MAX_PER_CATEGORY, rankRecommendations, type Signal } from "./rank";

const NOW = 1_800_000_000_000;
const FRIDGE = 1;
const TV = 2;
const AC = 3;
const c = (id: number, categoryId: number, brand = "海尔", salesCount = 0): Candidate => ({
  id,
  categoryId,
  brand,
  salesCount,
});
const s = (
  kind: Signal["kind"],
  productId: number,
  categoryId: number,
  ageDays = 0,
  brand = "海尔",
): Signal => ({
  kind,
  productId,
  categoryId,
  brand,
  at: NOW - ageDays * 24 * 3600 * 1000,
});

describe("猜你喜欢", () => {
  it("a new shopper gets the best sellers, labelled 热销", () => {
    const r = rankRecommendations([], [c(1, FRIDGE, "A", 5), c(2, TV, "B", 50), c(3, AC, "C", 20)], {
      now: NOW,
      limit: 3,
    });
    expect(r).toEqual([
      { id: 2, reason: "热销" },
      { id: 3, reason: "热销" },
      { id: 1, reason: "热销" },
    ]);
  });

  it("looking at TVs brings TVs first, above better-selling fridges; the viewed one itself is left out", () => {
    const r = rankRecommendations(
      [s("view", 20, TV, 0, "索尼")],
      [c(10, FRIDGE, "美的", 900), c(20, TV, "索尼", 1), c(21, TV, "TCL", 3)],
      { now: NOW, limit: 3, exclude: [20] },
    );
    expect(r.map((x) => x.id)).toEqual([21, 10]);
    expect(r[0]!.reason).toBe("看过同类");
  });

  it("recent interest outweighs old; a favourite outweighs a view", () => {
    const recentView = rankRecommendations(
      [s("view", 99, TV, 0), s("view", 98, AC, 3 * 7)],
      [c(1, TV), c(2, AC)],
      {
        now: NOW,
        limit: 2,
      },
    );
    expect(recentView.map((x) => x.id)).toEqual([1, 2]);
    const saved = rankRecommendations(
      [s("view", 99, TV, 0), s("favorite", 98, AC, 0)],
      [c(1, TV), c(2, AC)],
      {
        now: NOW,
        limit: 2,
      },
    );
    expect(saved.map((x) => x.id)).toEqual([2, 1]);
    expect(saved[0]!.reason).toBe("收藏过同类");
    expect(HALF_LIFE_MS).toBe(7 * 24 * 3600 * 1000);
  });

  it("what was bought is not offered again, and its category is damped", () => {
    const r = rankRecommendations(
      [s("purchase", 10, FRIDGE, 1), s("view", 30, AC, 1)],
      [c(10, FRIDGE), c(11, FRIDGE), c(30, AC)],
      { now: NOW, limit: 3 },
    );
    expect(r.map((x) => x.id)).toEqual([30, 11]);
  });

  it(`no category takes more than ${MAX_PER_CATEGORY} places while others remain`, () => {
    const tvs = [1, 2, 3, 4, 5].map((id) => c(id, TV, "索尼", 100));
    const r = rankRecommendations([s("view", 99, TV, 0, "索尼")], [...tvs, c(6, FRIDGE, "美的", 1)], {
      now: NOW,
      limit: 5,
    });
    expect(r.slice(0, 4).filter((x) => [1, 2, 3, 4, 5].includes(x.id))).toHaveLength(MAX_PER_CATEGORY);
    expect(r.map((x) => x.id)).toContain(6);
    expect(r).toHaveLength(5);
  });
});
