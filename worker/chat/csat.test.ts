import { describe, expect, it } from "vitest";
import { csatReport } from "./csat";

describe("csatReport", () => {
  it("counts, averages and distributes ratings", () => {
    expect(
      csatReport([
        { score: 5, count: 3 },
        { score: 4, count: 1 },
        { score: 1, count: 2 },
      ]),
    ).toEqual({ count: 6, average: 3.5, distribution: { "1": 2, "2": 0, "3": 0, "4": 1, "5": 3 } });
  });

  it("rounds the average and reports null when empty", () => {
    expect(
      csatReport([
        { score: 5, count: 2 },
        { score: 4, count: 1 },
      ]).average,
    ).toBe(4.67);
    expect(csatReport([])).toEqual({
      count: 0,
      average: null,
      distribution: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 },
    });
  });

  it("ignores scores outside 1..5", () => {
    expect(csatReport([{ score: 9, count: 4 }]).count).toBe(0);
  });
});
