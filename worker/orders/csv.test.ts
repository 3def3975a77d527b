import { describe, expect, it } from "vitest";
import { parseCsv } from "../catalog/csv";
import { toCsv } from "./csv";

describe("CSV export", () => {
  it("round-trips through the RFC 4180 parser: commas, quotes, newlines, Chinese", () => {
    const rows = [
      ["订单号", "收货地址", "备注"],
      ["2026112800000012345678", '广东省深圳市南山区"科技园",A栋', "第一行\n第二行"],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it("starts with a BOM and neutralises formulas, but not negative numbers", () => {
    const out = toCsv([['=HYPERLINK("x")', "+1", -150, "@SUM(A1)"]]);
    expect(out.startsWith("\uFEFF")).toBe(true);
    expect(parseCsv(out)[0]).toEqual(['\'=HYPERLINK("x")', "'+1", "-150", "'@SUM(A1)"]);
  });
});
