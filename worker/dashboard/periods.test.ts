import { describe, expect, it } from "vitest";
import { averageFen, beijingDay, dashboardPeriods } from "./periods";

describe("dashboard periods (Beijing time)", () => {
  it("starts today at Beijing midnight, not UTC midnight", () => {
    // 2026-03-01 01:30 Beijing = 2026-02-28 17:30 UTC
    const now = Date.parse("2026-02-28T17:30:00Z");
    const p = dashboardPeriods(now);
    expect(new Date(p.todayStart).toISOString()).toBe("2026-02-28T16:00:00.000Z");
    expect(new Date(p.yesterdayStart).toISOString()).toBe("2026-02-27T16:00:00.000Z");
    // The month is March in Beijing, so it starts today and yesterday is in the previous month.
    expect(p.monthStart).toBe(p.todayStart);
    expect(p.from).toBe(p.chartStart);
  });

  it("lists 14 chart days ending today", () => {
    const p = dashboardPeriods(Date.parse("2026-12-06T03:00:00Z"));
    expect(p.chartDays).toHaveLength(14);
    expect(p.chartDays.at(-1)).toBe("2026-12-06");
    expect(p.chartDays[0]).toBe("2026-11-23");
    expect(beijingDay(p.chartStart)).toBe("2026-11-23");
    expect(new Date(p.monthStart).toISOString()).toBe("2026-11-30T16:00:00.000Z");
  });

  it("averages with rounding and no division by zero", () => {
    expect(averageFen(1000, 3)).toBe(333);
    expect(averageFen(0, 0)).toBe(0);
  });
});
