import { describe, expect, it } from "vitest";
import { FAQ_ENTRIES } from "./seed/faq-entries";
import { ACTION_WORDS, PRODUCT_WORDS, SYNONYMS } from "./synonyms";
import { createTokenizer, SUBWORD_MARK, tokenKind } from "./tokenize";

const faqTokenizer = createTokenizer(FAQ_ENTRIES.flatMap((e) => e.keywords));
const words = (text: string) => faqTokenizer.words(text);

describe("segmentation (Intl.Segmenter + user dictionary)", () => {
  it("is available in this runtime and segments Chinese into words", () => {
    const icu = [...new Intl.Segmenter("zh", { granularity: "word" }).segment("我想退货")]
      .filter((s) => s.isWordLike)
      .map((s) => s.segment);
    expect(icu.length).toBeGreaterThan(1);
    expect(icu.join("")).toBe("我想退货");
  });

  it("keeps user-dictionary words whole where ICU would split them", () => {
    // ICU alone splits 微信 into 微/信 and 以旧换新 into 以/旧/换/新旧.
    expect(words("微信付款失败")).toEqual(["微信", "付款失败"]);
    expect(words("以旧换新怎么估价")).toEqual(["以旧换新", "估价"]);
    // A keyword from the FAQ is a word only with that FAQ's dictionary.
    expect(createTokenizer(["坏点"]).words("电视有坏点")).toContain("坏点");
    expect(createTokenizer([]).words("电视有坏点")).not.toContain("坏点");
  });

  it("chooses between forward and backward maximum matching by coverage", () => {
    // Forward matching alone would take the keyword 几天到 and leave 账.
    expect(words("退款几天到账")).toEqual(["退款", "多久", "到账"]);
  });

  it("drops stop words and never emits a sub-word bigram across words", () => {
    const tokens = faqTokenizer.tokenize("请问怎么退货呢");
    expect(tokens.filter((t) => !t.startsWith(SUBWORD_MARK))).toEqual(["退货"]);
    expect(tokens).not.toContain(`${SUBWORD_MARK}么退`);
  });
});

describe("function characters and A不A questions", () => {
  it("splits function characters ICU glues to a word, so the word and a negation still count", () => {
    // ICU reads 能送 and 我没 as words: 送 is 配送, and 没 negates what follows.
    expect(createTokenizer().words("我家地址能送吗")).toContain("配送");
    expect(words("物流显示签收但我没拿到")).toContain("不收到");
    expect(words("物流显示签收但我没拿到")).not.toContain("收到");
    expect(words("我要注销账户")).toEqual(["注销", "账号"]);
  });

  it("reads 'A不A' as asking about A, not as a negation", () => {
    expect(words("送货收不收钱")).toEqual(["配送", "收费"]);
    expect(words("包不包邮")).toEqual(words("包邮"));
    expect(words("送不送县城")).not.toContain("不配送");
    // A real negation is kept.
    expect(words("你们不送货吗")).toEqual(["不配送"]);
  });
});

describe("synonyms (whole words, canonical forms)", () => {
  it("maps colloquial words and typos to the FAQ's words", () => {
    expect(words("不喜欢能退吗")).toContain("无理由");
    expect(words("付钱安全吗")).toContain("支付");
    expect(words("有人冒充客服")).toContain("骗子");
    expect(words("优惠卷在哪领")).toContain("优惠券");
    expect(words("质保期多久")).toEqual(expect.arrayContaining(["质保期"]));
  });

  it("knows shop paraphrases that share no character with the FAQ's word", () => {
    expect(words("约安装在哪约")).toEqual(expect.arrayContaining(["预约", "安装"]));
    expect(words("送货改个日子")).toContain("改期");
    expect(words("空调挪个位置")).toContain("移机");
    expect(words("电视支架")).toContain("挂架");
    expect(words("老洗衣机能折多少钱")).toContain("估价");
    expect(words("包裹被人拿走了")).toContain("丢件");
    expect(words("不用你们师傅装")).toEqual(expect.arrayContaining(["自己", "安装"]));
    expect(words("买贵了不想要了")).toContain("价保");
    expect(words("干衣机保修多久")).toContain("烘干机");
  });

  it("rewrites words, not characters: no new pair appears across two words", () => {
    // 卷 → 优惠券 only where 卷 is a word of its own; 试卷 stays itself.
    expect(words("试卷")).not.toContain("优惠券");
    const tokens = faqTokenizer.tokenize("付钱");
    expect(tokens).toEqual(expect.arrayContaining(["支付", `${SUBWORD_MARK}付钱`, `${SUBWORD_MARK}支付`]));
  });

  it("has no variant listed under two canonical words", () => {
    const seen = new Map<string, string>();
    for (const [canonical, variants] of Object.entries(SYNONYMS))
      for (const v of variants) {
        expect(seen.get(v), v).toBeUndefined();
        seen.set(v, canonical);
      }
  });
});

describe("negation", () => {
  it("merges a negation into the word it negates", () => {
    expect(words("还没收到货")).toContain("不收到");
    expect(words("没有收到")).toContain("不收到");
    expect(words("快递显示签收但我没收到")).not.toContain("收到");
    expect(words("已经收到了")).toContain("收到");
    expect(words("已经收到了")).not.toContain("不收到");
  });

  it("treats a dictionary word spelled with its negation the same way", () => {
    // 没收到 is an FAQ keyword: still the negated form of 收到.
    expect(words("没收到")).toEqual(["不收到"]);
    expect(tokenKind("不收到")).toBe("negated");
  });

  it("emits no sub-word bigram of a negated word, so 没收到 never matches 收到", () => {
    expect(faqTokenizer.tokenize("没收到")).toEqual(["不收到"]);
  });
});

describe("token kinds (weights)", () => {
  it("tells actions from product names, characters and sub-words", () => {
    expect(tokenKind("退货")).toBe("action");
    expect(tokenKind("冰箱")).toBe("product");
    expect(tokenKind("铜管")).toBe("word");
    expect(tokenKind("寄")).toBe("char");
    expect(tokenKind(`${SUBWORD_MARK}冰箱`)).toBe("subword");
    for (const w of ACTION_WORDS) expect(PRODUCT_WORDS).not.toContain(w);
  });
});
