import { describe, expect, it } from "vitest";
import {
  answerBadge,
  answerNoticeTail,
  answerRefusal,
  checkAnswer,
  checkQuestion,
  chinaDayStart,
  snippet,
} from "./rules";

describe("问大家 rules", () => {
  it("takes questions of 5–100 and answers of 2–300 characters, trimmed, counting Chinese characters", () => {
    expect(checkQuestion("  这款噪音大吗  ")).toEqual({ ok: true, value: "这款噪音大吗" });
    expect(checkQuestion("噪音大吗")).toMatchObject({ ok: false, field: "content" });
    expect(checkQuestion("问".repeat(100)).ok).toBe(true);
    expect(checkQuestion("问".repeat(101)).ok).toBe(false);
    expect(checkAnswer("不大")).toEqual({ ok: true, value: "不大" });
    expect(checkAnswer(" 好 ")).toMatchObject({
      ok: false,
      field: "content",
      message: "回答请写 2–300 个字",
    });
    expect(checkAnswer("答".repeat(300)).ok).toBe(true);
    expect(checkAnswer("答".repeat(301)).ok).toBe(false);
    // Characters, not UTF-16 units: an emoji counts once.
    expect(checkAnswer("👍").ok).toBe(false);
  });

  it("resets the daily limit at midnight Beijing time", () => {
    const beijingMidnight = Date.UTC(2026, 11, 6, 16, 0, 0); // 2026-12-07 00:00 +08:00
    expect(chinaDayStart(beijingMidnight)).toBe(beijingMidnight);
    expect(chinaDayStart(beijingMidnight + 1000)).toBe(beijingMidnight);
    expect(chinaDayStart(beijingMidnight - 1)).toBe(beijingMidnight - 24 * 3600 * 1000);
  });

  it("lets only buyers answer, never their own question", () => {
    expect(answerRefusal({ asker: false, bought: true })).toBeNull();
    expect(answerRefusal({ asker: false, bought: false })).toBe("只有购买过该商品的用户才能回答");
    expect(answerRefusal({ asker: true, bought: true })).toBe("不能回答自己的提问");
  });

  it("badges the merchant and buyers", () => {
    expect(answerBadge({ staffId: 3, isBuyer: false })).toBe("merchant");
    expect(answerBadge({ staffId: null, isBuyer: true })).toBe("buyer");
    expect(answerBadge({ staffId: null, isBuyer: false })).toBeNull();
  });

  it("quotes the start of a question and an answer in the asker's notice", () => {
    expect(snippet("能放阳台吗", 20)).toBe("能放阳台吗");
    expect(snippet("一二三四五六", 5)).toBe("一二三四五…");
    expect(snippet("😀😀😀", 2)).toBe("😀😀…");
    expect(answerNoticeTail("merchant", "支持以旧换新")).toBe("商家：支持以旧换新");
    expect(answerNoticeTail("buyer", "好".repeat(41))).toBe(`已购用户：${"好".repeat(40)}…`);
  });
});
