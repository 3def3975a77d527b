/**
 * 以旧换新 in a real browser: with the demo valuation table seeded, an air conditioner's product page says
 * 支持以旧换新; at checkout the shopper declares the old unit (成色 一般, 3 years) in the popup, the page
 * re-quotes and shows the server's deduction (the 以旧换新 row and the adjustment line equal the API's
 * quote), and the order placed from the page records the declaration with that deduction.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTradeIn } from "../../dev/seed/seed-trade-in";
import { staffToken } from "../../test/harness";
import {
  assertPrerequisites,
  launchBrowser,
  phone,
  type PhonePage,
  screenshot,
  squeeze,
  startStoreStack,
  storeHelpers,
  type StoreStack,
  tid,
  yuan,
} from "./helpers";

let store: StoreStack;
let browser: Browser;
const { api, open, addAddress, loginShopper } = storeHelpers(() => store);

type Quote = {
  payableFen: number;
  adjustments: { kind: string; label: string; amountFen: number }[];
  tradeIn: { lines: { skuId: number; declared: { deductionFen: number } | null }[] };
};

beforeAll(async () => {
  assertPrerequisites();
  [store, browser] = await Promise.all([startStoreStack({ catalog: true }), launchBrowser()]);
  const merchantToken = await staffToken(store.stack, "merchant_admin", "e2e-merchant");
  await seedTradeIn({ baseUrl: store.stack.baseUrl, merchantToken });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await store?.close();
});

describe("以旧换新 in the H5 store", { timeout: 120_000 }, () => {
  let device: PhonePage;
  let skuId: number;
  let productId: number;

  beforeAll(async () => {
    device = await phone(browser);
    const found = await api<{ items: { id: number }[] }>(`/api/products?q=${encodeURIComponent("空调")}&sort=price_asc`);
    productId = found.items[0]!.id;
    skuId = (await api<{ skus: { id: number }[] }>(`/api/products/${productId}`)).skus[0]!.id;
  });

  it("the product page says 支持以旧换新 for an air conditioner", async () => {
    const { page } = device;
    await open(page, `/pages/product/detail?id=${productId}`);
    await expect.poll(() => tid(page, "trade-in").textContent()).toContain("支持以旧换新：旧空调可抵钱，结算时申报");
    // Scroll the row into the upper part of the page (the bottom bar covers the last 60px).
    const row = (await tid(page, "trade-in").boundingBox())!;
    await page.evaluate(
      (by) => (globalThis as unknown as { scrollBy(x: number, y: number): void }).scrollBy(0, by),
      row.y - 400,
    );
    await screenshot(page, "60-product-trade-in");
  });

  it("checkout: declaring the old unit re-quotes with the server's deduction, and the order records it", async () => {
    const { page, errors, external } = device;
    const token = await loginShopper(page, "换新顾客");
    await addAddress(token);
    const items = [{ skuId, quantity: 1 }];
    await open(page, `/pages/checkout/index?items=${encodeURIComponent(JSON.stringify(items))}`);
    const plain = await api<Quote>("/api/checkout/quote", { method: "POST", token, json: { items } });
    await expect.poll(() => tid(page, "checkout-payable").textContent()).toBe(yuan(plain.payableFen));
    expect(squeeze(await tid(page, "checkout-trade-in").textContent())).toBe("以旧换新旧机抵钱，去申报");

    await tid(page, "checkout-trade-in").click();
    await tid(page, "trade-in-picker").waitFor({ state: "visible" });
    await tid(page, "trade-in-switch").click();
    await page.locator('[data-condition="fair"]').click();
    await screenshot(page, "61-checkout-trade-in-declare");
    await tid(page, "trade-in-confirm").click();

    const declared = await api<Quote>("/api/checkout/quote", {
      method: "POST",
      token,
      json: { items, tradeIns: [{ skuId, categorySlug: "air_conditioner", ageYears: 3, condition: "fair" }] },
    });
    const deduction = declared.tradeIn.lines[0]!.declared!.deductionFen;
    expect(deduction).toBeGreaterThan(0);
    expect(declared.payableFen).toBe(plain.payableFen - deduction);
    await expect.poll(() => tid(page, "checkout-payable").textContent()).toBe(yuan(declared.payableFen));
    expect(squeeze(await tid(page, "checkout-trade-in-value").textContent())).toBe(`旧机抵扣-${yuan(deduction)}`);
    const row = tid(page, "checkout-adjustment").and(page.locator('[data-kind="trade_in"]'));
    expect(squeeze(await row.textContent())).toBe(`以旧换新（旧空调）-${yuan(deduction)}`);
    await tid(page, "checkout-trade-in").scrollIntoViewIfNeeded();
    await screenshot(page, "62-checkout-trade-in");

    await tid(page, "submit-order").click();
    await page.waitForURL(/pages\/pay\/index/);
    const orderId = Number(new URLSearchParams(page.url().split("?")[1]).get("id"));
    const order = await api<{ orderNo: string; payableFen: number }>(`/api/orders/${orderId}`, { token });
    expect(order.payableFen).toBe(declared.payableFen);
    const tradeIns = await api<{ items: { name: string; condition: string; ageYears: number; deductedFen: number }[] }>(
      `/api/trade-in/orders/${order.orderNo}`,
      { token },
    );
    expect(tradeIns.items).toEqual([
      expect.objectContaining({ name: "空调", condition: "fair", ageYears: 3, deductedFen: deduction }),
    ]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });
});
