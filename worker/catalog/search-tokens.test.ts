import { describe, expect, it } from "vitest";
import { queryTokens, tokenize, toMatchExpression } from "./search-tokens";

describe("tokenize", () => {
  it("splits CJK runs into bigrams and keeps ASCII words", () => {
    expect(tokenize("海尔冰箱 BCD-520W")).toEqual(["海尔", "尔冰", "冰箱", "bcd", "520w"]);
  });
  it("keeps a single CJK character and numbers with decimals", () => {
    expect(tokenize("1.5匹 空")).toEqual(["1d5", "匹", "空"]);
  });
  it("folds full-width digits", () => {
    expect(tokenize("６５英寸")).toEqual(["65", "英寸"]);
  });
});

describe("queries", () => {
  it("maps 65寸 to 65英寸 and 彩电 to 电视", () => {
    expect(queryTokens("65寸彩电")).toEqual(["65", "英寸", "寸电", "电视"]);
    expect(queryTokens("65英寸")).toEqual(["65", "英寸"]);
  });
  it("drops bigrams missing from the index and ANDs the rest", () => {
    const vocab = new Set(["海尔", "冰箱"]);
    expect(toMatchExpression(queryTokens("海尔冰箱"), (t) => vocab.has(t))).toBe('"海尔" AND "冰箱"');
    expect(toMatchExpression(queryTokens("索尼"), (t) => vocab.has(t))).toBeUndefined();
  });
  it("quotes tokens so FTS syntax in the query is inert", () => {
    expect(toMatchExpression(['a"b'], () => true)).toBe('"a""b"');
  });
});
