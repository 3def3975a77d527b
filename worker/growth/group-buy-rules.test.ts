import { describe, expect, it } from "vitest";
import { lineItemsStep, runPricing, shippingStep } from "../checkout/pricing";
import { checkGroupOrder, groupBuyPriceStep, newGroupNo, type OfferFacts } from "./group-buy-rules";
import { decodeScene, encodeScene } from "./share-scene";

const NOW = Date.UTC(2026, 11, 6, 8);
const offer = (over: Partial<OfferFacts> = {}): OfferFacts => ({
  status: "active",
  startsAt: NOW - 1,
  endsAt: NOW + 3600_000,
  perShopperLimit: 2,
  skuPrices: new Map([[10, 99_900]]),
  ...over,
});

describe("group-buy price step", () => {
  const item = (skuId: number, unitPriceFen: number, quantity: number) => ({
    skuId,
    productId: 1,
    name: "冰箱",
    specs: {},
    image: null,
    unitPriceFen,
    quantity,
    weightG: 1000,
  });
  it("charges the group price per unit, on that line, before freight", () => {
    const q = runPricing(
      { items: [item(10, 129_900, 2)], shipping: { flatFeeFen: 1000, freeOverFen: 200_000 } },
      [lineItemsStep, groupBuyPriceStep({ offerId: 3, skuId: 10, priceFen: 99_900 }), shippingStep],
    );
    expect(q.adjustments[0]).toMatchObject({
      step: "group_buy:3",
      kind: "group_buy",
      label: "拼团价",
      amountFen: -60_000,
    });
    expect(q.payableFen).toBe(199_800 + 1000); // below the free-shipping threshold after the group price
    expect(q.linePayments[0]!.payableFen).toBe(q.payableFen);
  });
  it("never raises a price", () => {
    const q = runPricing({ items: [item(10, 50_000, 1)], shipping: { flatFeeFen: 0, freeOverFen: null } }, [
      lineItemsStep,
      groupBuyPriceStep({ offerId: 3, skuId: 10, priceFen: 99_900 }),
    ]);
    expect(q.adjustments).toEqual([]);
  });
});

describe("what a group-buy order may contain", () => {
  it("one SKU of the offer within the limit while it runs", () => {
    expect(checkGroupOrder(offer(), [{ skuId: 10, quantity: 2 }], NOW)).toEqual({
      ok: true,
      skuId: 10,
      quantity: 2,
      priceFen: 99_900,
    });
  });
  it("refuses with clear Chinese messages", () => {
    expect(checkGroupOrder(offer(), undefined, NOW)).toMatchObject({
      status: 400,
      code: "GROUP_BUY_ONE_LINE",
    });
    expect(
      checkGroupOrder(
        offer(),
        [
          { skuId: 10, quantity: 1 },
          { skuId: 11, quantity: 1 },
        ],
        NOW,
      ),
    ).toMatchObject({ code: "GROUP_BUY_ONE_LINE" });
    expect(checkGroupOrder(offer(), [{ skuId: 11, quantity: 1 }], NOW)).toMatchObject({
      status: 400,
      code: "GROUP_BUY_SKU",
    });
    expect(checkGroupOrder(offer(), [{ skuId: 10, quantity: 3 }], NOW)).toMatchObject({
      status: 400,
      message: "拼团每人限购 2 件",
    });
    expect(checkGroupOrder(offer({ status: "stopped" }), [{ skuId: 10, quantity: 1 }], NOW)).toMatchObject({
      status: 409,
      code: "GROUP_BUY_ENDED",
    });
    expect(checkGroupOrder(offer({ endsAt: NOW }), [{ skuId: 10, quantity: 1 }], NOW)).toMatchObject({
      code: "GROUP_BUY_ENDED",
    });
    expect(checkGroupOrder(offer({ startsAt: NOW + 1 }), [{ skuId: 10, quantity: 1 }], NOW)).toMatchObject({
      code: "GROUP_BUY_NOT_STARTED",
    });
  });
});

describe("group numbers", () => {
  it("carry the Beijing date and fit a poster scene with a referrer", () => {
    const no = newGroupNo(Date.UTC(2026, 11, 6, 17)); // already 7 Dec in Beijing
    expect(no).toMatch(/^G261207[2-9A-HJKMNP-Z]{6}$/);
    const ref = { referrer: "ABCD2345", target: { kind: "group" as const, groupNo: no } };
    expect(decodeScene(encodeScene(ref))).toEqual(ref);
  });
});
