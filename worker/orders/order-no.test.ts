import { describe, expect, it } from "vitest";
import { newOrderNo, ORDER_NO_PATTERN } from "./order-no";

describe("order numbers", () => {
  it("start with the Beijing date and time and fit out_trade_no rules", () => {
    const no = newOrderNo(Date.UTC(2026, 10, 27, 16, 5, 9), () => new Uint32Array([123, 4_000_000_007]));
    expect(no).toBe("202611280005090012300007");
    expect(no).toMatch(ORDER_NO_PATTERN);
    expect(no).toMatch(/^[0-9A-Za-z_\-|*]{6,32}$/);
  });

  it("differ between calls in the same second", () => {
    const now = Date.now();
    const seen = new Set(Array.from({ length: 200 }, () => newOrderNo(now)));
    expect(seen.size).toBe(200);
  });
});
