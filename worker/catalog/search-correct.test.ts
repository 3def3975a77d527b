import { describe, expect, it } from "vitest";
import { correctQuery, vocabularyWords } from "./search-correct";
import { applySynonyms } from "./search-tokens";

const VOCAB = [
  "空调",
  "挂式空调",
  "冰箱",
  "冷柜",
  "洗衣机",
  "滚筒洗衣机",
  "电视",
  "Mini LED电视",
  "海尔",
  "格力",
  "美的",
  "挂机",
];

describe("typo correction (homophones of catalog words)", () => {
  it("corrects 空凋 to 空调 (调 also reads diao) and keeps the rest of the query", () => {
    expect(correctQuery("空凋", VOCAB)).toBe("空调");
    expect(correctQuery("格力空凋 1.5匹", VOCAB)).toBe("格力空调 1.5匹");
  });
  it("corrects brand and category homophones, with 模糊音 folded", () => {
    expect(correctQuery("冰相", VOCAB)).toBe("冰箱");
    expect(correctQuery("洗依机", VOCAB)).toBe("洗衣机");
    expect(correctQuery("格历空调", VOCAB)).toBe("格力空调");
    expect(correctQuery("海儿冰箱", VOCAB)).toBe("海尔冰箱");
  });
  it("leaves correct queries, unknown words and ASCII alone", () => {
    expect(correctQuery("海尔冰箱", VOCAB)).toBeUndefined();
    expect(correctQuery("量子波动速读机", VOCAB)).toBeUndefined();
    expect(correctQuery("xiaomi 65", VOCAB)).toBeUndefined();
  });
  it("takes the CJK words of the vocabulary, longest first", () => {
    expect(vocabularyWords(["Mini LED电视", "滚筒洗衣机", "空调"])).toEqual(["滚筒洗衣机", "电视", "空调"]);
  });
});

describe("synonym table", () => {
  it("says it the way the catalog does: 冰柜 is a 冷柜, 彩电 a 电视", () => {
    expect(applySynonyms("冰柜")).toBe("冷柜");
    expect(applySynonyms("卧式冷冻柜")).toBe("卧式冷柜");
    expect(applySynonyms("65寸彩电")).toBe("65英寸电视");
    expect(applySynonyms("烘干机")).toBe("干衣机");
  });
});
