import { describe, expect, it } from "vitest";
import { cardReviewsLabel, reviewCountText } from "./review-label";

describe("card review line", () => {
  it("counts exactly below 1万, then in 万 rounded down to one decimal", () => {
    expect(reviewCountText(0)).toBe("0");
    expect(reviewCountText(9_999)).toBe("9999");
    expect(reviewCountText(10_000)).toBe("1万");
    expect(reviewCountText(12_345)).toBe("1.2万");
    expect(reviewCountText(19_999)).toBe("1.9万");
    expect(reviewCountText(99_999)).toBe("9.9万");
    expect(reviewCountText(1_000_000)).toBe("100万");
  });
  it("shows 暂无评价 without reviews and the good rate otherwise", () => {
    expect(cardReviewsLabel(0, null)).toBe("暂无评价");
    expect(cardReviewsLabel(undefined, undefined)).toBe("暂无评价");
    expect(cardReviewsLabel(3, 67)).toBe("3条评价 · 好评67%");
    expect(cardReviewsLabel(12_345, 98)).toBe("1.2万条评价 · 好评98%");
    expect(cardReviewsLabel(5, 0)).toBe("5条评价 · 好评0%");
  });
});
