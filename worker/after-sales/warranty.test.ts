import { describe, expect, it } from "vitest";
import { addChinaMonths, baselinePolicy, policyForCategory, warrantyStatus } from "./warranty";
import { WARRANTY_POLICIES } from "./warranty-policies";

/** Epoch ms of a Beijing wall-clock time. */
const bj = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h - 8, min);
const policy = (slug: string) => WARRANTY_POLICIES.find((p) => p.slug === slug)!;

describe("addChinaMonths", () => {
  it("counts on the Beijing calendar, not the UTC one", () => {
    // 2025-03-10 07:00 Beijing is still 2025-03-09 in UTC.
    expect(addChinaMonths(bj(2025, 3, 10, 7), 12)).toBe(bj(2026, 3, 10));
    expect(addChinaMonths(bj(2025, 3, 10, 23, 59), 12)).toBe(bj(2026, 3, 10));
  });
  it("rolls 29 February and month ends forward", () => {
    expect(addChinaMonths(bj(2024, 2, 29, 12), 12)).toBe(bj(2025, 3, 1));
    expect(addChinaMonths(bj(2025, 1, 31), 1)).toBe(bj(2025, 3, 3));
  });
});

describe("warrantyStatus", () => {
  const delivered = bj(2025, 3, 10, 15);

  it("covers the whole unit for a year and main parts for three", () => {
    const s = warrantyStatus(policy("fridge"), delivered, bj(2025, 9, 1));
    expect(s.wholeUnit).toMatchObject({ part: "整机", months: 12, endsAt: bj(2026, 3, 10), active: true });
    expect(s.mainParts).toMatchObject({
      months: 36,
      endsAt: bj(2028, 3, 10),
      active: true,
      parts: ["压缩机", "冷凝器", "蒸发器"],
    });
    expect(s.extensions).toEqual([
      expect.objectContaining({ part: "变频压缩机", months: 120, note: "部分品牌承诺", active: true }),
    ]);
    expect(s.active).toBe(true);
  });

  it("expires the whole unit at the anniversary while parts stay covered", () => {
    const lastMinute = warrantyStatus(policy("tv"), delivered, bj(2026, 3, 9, 23, 59));
    expect(lastMinute.wholeUnit).toMatchObject({ active: true, daysLeft: 1 });
    const next = warrantyStatus(policy("tv"), delivered, bj(2026, 3, 10));
    expect(next.wholeUnit).toMatchObject({ active: false, daysLeft: 0 });
    expect(next.mainParts?.active).toBe(true);
    expect(next.active).toBe(true);
    expect(warrantyStatus(policy("tv"), delivered, bj(2028, 3, 10)).active).toBe(false);
  });

  it("counts days left from delivery when asked before it", () => {
    const s = warrantyStatus(policy("small-appliance"), delivered, delivered - 86400_000);
    expect(s.wholeUnit.active).toBe(false);
    expect(s.mainParts).toBeUndefined();
    expect(s.wholeUnit.daysLeft).toBe(Math.ceil((bj(2026, 3, 10) - delivered) / 86400_000));
  });

  it("shows 整机 once: the product's own term (空调 72 months), no brand 整机 line beside it", () => {
    const s = warrantyStatus(policy("ac"), delivered, delivered, 72);
    expect(s.wholeUnit).toMatchObject({ part: "整机", months: 72 });
    expect(s.mainParts?.months).toBe(72);
    const parts = [s.wholeUnit, ...(s.mainParts ? [s.mainParts] : []), ...s.extensions].map((c) => c.part);
    expect(parts.filter((p) => p === "整机")).toHaveLength(1);
    expect(s.extensions.map((e) => [e.part, e.months])).toEqual([["压缩机", 120]]);
  });

  it("lets a product's longer promise extend the whole unit, never shorten it", () => {
    expect(warrantyStatus(policy("tv"), delivered, delivered, 36).wholeUnit.endsAt).toBe(bj(2028, 3, 10));
    expect(warrantyStatus(policy("tv"), delivered, delivered, 6).wholeUnit.months).toBe(12);
  });
});

describe("policyForCategory", () => {
  it("maps catalog categories (leaf first, then parent) to policies", () => {
    expect(policyForCategory(["Mini LED电视", "电视"])?.slug).toBe("tv");
    expect(policyForCategory(["干衣机", "洗衣机"])?.slug).toBe("washer");
    expect(policyForCategory(["电热水器", "热水器"])?.slug).toBe("water-heater");
    expect(policyForCategory(["电饭煲", "厨房电器"])?.slug).toBe("small-appliance");
    expect(policyForCategory(["油烟机", "厨房电器"])).toBeUndefined();
  });
  it("falls back to a one-year baseline", () => {
    expect(warrantyStatus(baselinePolicy("油烟机"), 0, 1).wholeUnit.months).toBe(12);
  });
});
