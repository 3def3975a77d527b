import { describe, expect, it } from "vitest";
import { formatFen, parseYuan, priceParts } from "./money";

describe("money formatting", () => {
  it("formats fen as yuan with two decimals", () => {
    expect(formatFen(129900)).toBe("¥1299.00");
    expect(formatFen(5)).toBe("¥0.05");
    expect(formatFen(-250)).toBe("¥-2.50");
    expect(formatFen(null)).toBe("");
    expect(priceParts(399990)).toEqual(["3999", "90"]);
  });

  it("parses typed yuan exactly, rejecting bad input", () => {
    expect(parseYuan("19.9")).toBe(1990);
    expect(parseYuan(" 3000 ")).toBe(300000);
    expect(parseYuan("")).toBeUndefined();
    expect(parseYuan("1.234")).toBeUndefined();
    expect(parseYuan("abc")).toBeUndefined();
  });
});
