import { describe, expect, it } from "vitest";
import { buildIndex, calibrate, search } from "./retrieval";
import { FAQ_ENTRIES } from "./seed/faq-entries";
import { normalize, tokenize } from "./tokenize";
import type { FaqEntry } from "./types";

describe("normalize (the text intent patterns read)", () => {
  it("normalises width, traditional characters, spelling variants and Chinese numerals", () => {
    expect(normalize("ＡＢＣ 退貨")).toBe("abc 退货");
    expect(normalize("质保几天")).toBe("保修多久");
    expect(normalize("七天无理由")).toBe("7天无理由");
    expect(normalize("十五天")).toBe("15天");
  });
  it("emits words, sub-word bigrams and number+unit tokens, never a bigram across a stop word", () => {
    const tokens = tokenize("空调1.5匹，7天退货");
    expect(tokens).toEqual(expect.arrayContaining(["空调", "#空调", "1.5", "1.5匹", "7", "7天", "退货"]));
    expect(tokenize("请问退货")).not.toContain("#问退");
  });
});

const entry = (id: string, question: string, keywords: string[] = [], enabled = true): FaqEntry => ({
  id,
  question,
  answer: `${question}的答案`,
  keywords,
  category: "测试",
  enabled,
});

describe("search", () => {
  const index = buildIndex(FAQ_ENTRIES);

  it("ranks the right seed entry first for colloquial questions", () => {
    // Action words outweigh product names: returning a fridge is not a fridge-warranty question.
    const fridgeReturn = search(index, "冰箱想退货", 10).map((h) => h.entry.id);
    expect(fridgeReturn.indexOf("return-7day")).toBeLessThan(fridgeReturn.indexOf("warranty-fridge") >>> 0);
    expect(fridgeReturn[0]).not.toBe("warranty-fridge");
    expect(search(index, "冰箱坏了找谁修")[0]?.entry.id).toBe("repair-request");
    // Negation: "没收到" is the not-received entry, not a delivery-time one.
    expect(search(index, "显示签收了但是我没收到")[0]?.entry.id).toBe("order-not-received");
    expect(search(index, "七天无理由退货怎么申请")[0]?.entry.id).toBe("return-7day");
    expect(search(index, "開專票")[0]?.entry.id).toBe("invoice-vat-special");
    expect(search(index, "空调装机铜管怎么收费")[0]?.entry.id).toBe("install-ac");
  });

  it("gives an in-scope question more confidence than an off-topic one", () => {
    const inScope = search(index, "退款几天到账")[0]!.confidence;
    const offTopic = search(index, "今天天气怎么样")[0]?.confidence ?? 0;
    expect(inScope).toBeGreaterThan(offTopic * 2);
  });

  it("skips disabled entries and excluded ids", () => {
    const small = buildIndex([
      entry("a", "空调移机收费"),
      entry("b", "空调移机多少钱", [], false),
      entry("c", "空调保修"),
    ]);
    expect(small.docs.map((d) => d.entry.id)).toEqual(["a", "c"]);
    expect(search(small, "空调移机", 3, { excludeIds: ["a"] }).map((h) => h.entry.id)).toEqual(["c"]);
  });

  it("returns nothing for an empty query or an empty index", () => {
    expect(search(index, "？？")).toEqual([]);
    expect(search(buildIndex([]), "退货")).toEqual([]);
  });

  it("calibrates into 0..1 and damps close races", () => {
    expect(calibrate(2, 1)).toBe(1);
    expect(calibrate(-1, 1)).toBe(0);
    expect(calibrate(0.8, 0)).toBeLessThan(calibrate(0.8, 0.9));
  });
});
