import { describe, expect, it } from "vitest";
import { checkoutUrl, parseBuyLines } from "./checkout-lines";
import { countdown } from "./format";

describe("buy-now lines in the checkout URL", () => {
  it("round-trips through the URL", () => {
    const url = checkoutUrl([{ skuId: 7, quantity: 2 }]);
    const raw = url.split("items=")[1];
    expect(parseBuyLines(raw)).toEqual([{ skuId: 7, quantity: 2 }]);
    expect(checkoutUrl()).toBe("/pages/checkout/index");
  });

  it("drops malformed lines and rejects garbage (falls back to the cart)", () => {
    expect(parseBuyLines(encodeURIComponent('[{"skuId":1,"quantity":0},{"skuId":"x","quantity":1}]'))).toBeUndefined();
    expect(parseBuyLines("%7Bnot json")).toBeUndefined();
    expect(parseBuyLines(undefined)).toBeUndefined();
    expect(parseBuyLines(encodeURIComponent('[{"skuId":3,"quantity":1},{"skuId":4}]'))).toEqual([
      { skuId: 3, quantity: 1 },
    ]);
  });
});

describe("payment countdown", () => {
  it("formats the time left and is empty once expired", () => {
    expect(countdown(10 * 60_000 + 5_000, 0)).toBe("10:05");
    expect(countdown(3_600_000 + 61_000, 0)).toBe("1:01:01");
    expect(countdown(1000, 1000)).toBe("");
    expect(countdown(null, 0)).toBe("");
  });
});
