import { describe, expect, it } from "vitest";
import { fenToYuan, yuanToFen } from "./money";

describe("money", () => {
  it("converts yuan strings to fen exactly", () => {
    expect(yuanToFen("0.01")).toBe(1);
    expect(yuanToFen("1.1")).toBe(110);
    expect(yuanToFen("4999")).toBe(499900);
    expect(yuanToFen("19.99")).toBe(1999); // 19.99 * 100 is 1998.9999999999998 in floating point
  });
  it("rejects malformed amounts", () => {
    for (const bad of ["", "1.234", "-1", "1e3", "abc", "1,000"]) expect(yuanToFen(bad)).toBeUndefined();
  });
  it("formats fen as yuan", () => {
    expect(fenToYuan(1999)).toBe("19.99");
    expect(fenToYuan(5)).toBe("0.05");
    expect(fenToYuan(-150)).toBe("-1.50");
  });
});
