import { describe, expect, it } from "vitest";
import { deliveryPromise, type PromiseRules } from "./promise";

/** A Beijing wall-clock time as UTC epoch ms. */
const bj = (iso: string) => Date.parse(`${iso}+08:00`);

const rules: PromiseRules = {
  cutoffMinute: 16 * 60, // 16:00
  defaultLeadDays: 2,
  zones: [
    { regions: ["440300"], leadDays: 0 }, // 深圳 warehouse: same day
    { regions: ["440000"], leadDays: 1 }, // rest of 广东: next day
    { regions: ["650000", "540000"], leadDays: 6 }, // 新疆, 西藏
  ],
  noDeliveryDates: ["2027-02-06", "2027-02-07"],
};

describe("deliveryPromise", () => {
  it("before the cut-off dispatches today; the zone's lead time applies", () => {
    expect(deliveryPromise(bj("2026-12-07T10:00:00"), "440305", rules)).toEqual({
      date: "2026-12-07",
      text: "预计今天送达",
      dispatchToday: true,
    });
    expect(deliveryPromise(bj("2026-12-07T10:00:00"), "440105", rules).text).toBe("预计明天送达");
    expect(deliveryPromise(bj("2026-12-07T10:00:00"), "110105", rules).text).toBe("预计后天送达");
  });

  it("from the cut-off on dispatches tomorrow, also across midnight UTC", () => {
    // 16:00 Beijing is 08:00 UTC; 23:30 Beijing is already the next day in Beijing but not in UTC.
    expect(deliveryPromise(bj("2026-12-07T16:00:00"), "440305", rules)).toMatchObject({
      date: "2026-12-08",
      dispatchToday: false,
    });
    expect(deliveryPromise(bj("2026-12-07T15:59:59"), "440305", rules).date).toBe("2026-12-07");
    expect(deliveryPromise(bj("2026-12-08T00:30:00"), "440305", rules).date).toBe("2026-12-08");
  });

  it("remote regions get their own lead time and a dated text with the weekday", () => {
    expect(deliveryPromise(bj("2026-12-07T09:00:00"), "650102", rules)).toMatchObject({
      date: "2026-12-13",
      text: "预计12月13日（周日）送达",
    });
  });

  it("skips days without deliveries", () => {
    expect(deliveryPromise(bj("2027-02-04T09:00:00"), "110105", rules).date).toBe("2027-02-08");
  });

  it("without an address the default lead time applies", () => {
    expect(deliveryPromise(bj("2026-12-07T09:00:00"), null, rules).date).toBe("2026-12-09");
  });
});
