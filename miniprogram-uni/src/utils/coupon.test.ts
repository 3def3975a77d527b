import { describe, expect, it } from "vitest";
import { couponFace, couponRowText, shortYuan } from "./coupon";

const option = (couponId: number, applicable: boolean, savingFen = 0) => ({
  couponId,
  name: `券${couponId}`,
  label: "满3000减300",
  validTo: 0,
  applicable,
  savingFen,
  reason: applicable ? null : "未达到使用门槛（还差¥12.00）",
});

describe("coupon display", () => {
  it("shows the face value without trailing zeros and the condition", () => {
    expect(shortYuan(30000)).toBe("300");
    expect(shortYuan(1990)).toBe("19.9");
    expect(shortYuan(5)).toBe("0.05");
    expect(couponFace({ kind: "amount_off", amountOffFen: 30000, thresholdFen: 300000, payPercent: null })).toEqual({
      value: "300",
      unit: "¥",
      condition: "满3000可用",
    });
    expect(couponFace({ kind: "no_threshold", amountOffFen: 5000, thresholdFen: 0, payPercent: null })).toEqual({
      value: "50",
      unit: "¥",
      condition: "无门槛",
    });
    expect(couponFace({ kind: "percent_off", amountOffFen: null, thresholdFen: 100000, payPercent: 88 }).value).toBe("8.8");
  });

  it("says what the checkout's coupon row shows", () => {
    expect(couponRowText({ selectedId: 2, options: [option(2, true, 30000), option(3, false)] }, null)).toEqual({
      text: "-¥300.00",
      saving: true,
      usable: 1,
    });
    expect(couponRowText({ selectedId: null, options: [option(2, true, 30000)] }, null).text).toBe("不使用优惠券");
    expect(couponRowText({ selectedId: null, options: [option(3, false)] }, null).text).toBe("无可用优惠券");
    expect(couponRowText({ selectedId: null, options: [] }, "618大促").text).toBe("已参加618大促，不与优惠券同享");
  });
});
