import { describe, expect, it } from "vitest";
import {
  checkReview,
  goodRatePercent,
  maskedName,
  REVIEW_WINDOW_MS,
  reviewableOrder,
  statsView,
} from "./rules";

describe("评价 rules", () => {
  it("checks the rating, the length, a reason for a low rating and the photos", () => {
    expect(checkReview({ rating: 5, content: " 很好 ", photos: [] })).toEqual({
      ok: true,
      value: { rating: 5, content: "很好", photos: [] },
    });
    expect(checkReview({ rating: 0, content: "", photos: [] })).toMatchObject({ ok: false, field: "rating" });
    expect(checkReview({ rating: 4.5, content: "", photos: [] })).toMatchObject({
      ok: false,
      field: "rating",
    });
    expect(checkReview({ rating: 1, content: "差", photos: [] })).toMatchObject({
      ok: false,
      field: "content",
    });
    expect(checkReview({ rating: 1, content: "安装师傅迟到三小时", photos: [] }).ok).toBe(true);
    expect(checkReview({ rating: 5, content: "好".repeat(501), photos: [] })).toMatchObject({
      ok: false,
      field: "content",
    });
    expect(checkReview({ rating: 5, content: "", photos: ["a", "a"] })).toMatchObject({
      ok: false,
      field: "photos",
    });
    expect(
      checkReview({ rating: 5, content: "", photos: ["1", "2", "3", "4", "5", "6", "7"] }),
    ).toMatchObject({
      ok: false,
      field: "photos",
    });
  });
  it("only goods that arrived, within 90 days of completion", () => {
    const now = 10 * REVIEW_WINDOW_MS;
    expect(reviewableOrder({ status: "completed", completedAt: now - 1000 }, false, now).ok).toBe(true);
    expect(
      reviewableOrder({ status: "completed", completedAt: now - REVIEW_WINDOW_MS - 1 }, false, now).ok,
    ).toBe(false);
    expect(reviewableOrder({ status: "shipped", completedAt: null }, true, now).ok).toBe(true);
    expect(reviewableOrder({ status: "shipped", completedAt: null }, false, now)).toEqual({
      ok: false,
      message: "收到商品后才能评价",
    });
    expect(reviewableOrder({ status: "paid", completedAt: null }, false, now).ok).toBe(false);
  });
  it("masks names and summarises", () => {
    expect(maskedName("张三丰", false)).toBe("张**丰");
    expect(maskedName("小美", false)).toBe("小*");
    expect(maskedName("Alice", true)).toBe("匿名用户");
    expect(statsView(null)).toEqual({ count: 0, averageRating: null, goodRatePercent: null, withPhotos: 0 });
    expect(statsView({ count: 3, ratingSum: 13, goodCount: 2, withPhotos: 1 })).toEqual({
      count: 3,
      averageRating: 4.3,
      goodRatePercent: 67,
      withPhotos: 1,
    });
  });
  it("rounds 好评率 to a whole percent, null without reviews", () => {
    expect(goodRatePercent(0, 0)).toBeNull();
    expect(goodRatePercent(1, 1)).toBe(100);
    expect(goodRatePercent(1, 0)).toBe(0);
    expect(goodRatePercent(3, 2)).toBe(67);
    expect(goodRatePercent(200, 199)).toBe(100); // 99.5 rounds up
    expect(goodRatePercent(1000, 994)).toBe(99);
    expect(goodRatePercent(12_345, 12_100)).toBe(98);
  });
});
