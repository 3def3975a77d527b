/**
 * Promotions and coupons in a real browser: the merchant sets up a limited-time price, a 满减 promotion
 * and coupons through the admin API; the shopper claims in the coupon centre and on the product page,
 * sees the tags and the limited-time price, the cart's next-tier hint, the coupon the checkout applies
 * by itself (and the unusable one with its reason), pays at the simulator's Alipay cashier, and finds
 * every discount on the order. Every number the page shows is compared with what the API computes.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shopperToken, staffToken } from "../../test/harness";
import {
  assertPrerequisites,
  expectToast,
  fill,
  launchBrowser,
  phone,
  type PhonePage,
  screenshot,
  startStoreStack,
  storeHelpers,
  type StoreStack,
  tid,
  yuan,
} from "./helpers";

let store: StoreStack;
let browser: Browser;
const { api, open, sessionToken, addAddress } = storeHelpers(() => store);
let merchant: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  assertPrerequisites();
  [store, browser] = await Promise.all([startStoreStack({ catalog: true }), launchBrowser()]);
  merchant = await staffToken(store.stack, "merchant_admin", "e2e-merchant");
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await store?.close();
});

/** Text without the whitespace the templates put between a price's parts. */
const text = async (l: ReturnType<typeof tid>) => ((await l.textContent()) ?? "").replace(/\s+/g, "");

type Sku = { id: number; priceFen: number; promoPriceFen: number | null };
type Product = { id: number; name: string; promotionTags: string[]; promoPriceFen: number | null; skus: Sku[] };
type Claimable = { templateId: number; state: string; stateText: string };
type Quote = {
  payableFen: number;
  discountFen: number;
  promotionHint: { text: string } | null;
  adjustments: { kind: string; label: string; amountFen: number }[];
  coupon: {
    selectedId: number | null;
    options: { couponId: number; name: string; applicable: boolean; savingFen: number; reason: string | null }[];
  };
};

/** What the merchant set up (ids), shared by the steps below. */
const setup = {
  product: undefined as unknown as Product,
  /** 满减 coupon the order can use (centre and product page). */
  usable: 0,
  /** A big 满减 coupon only the product page offers: never reachable by one fridge. */
  tooBig: 0,
  /** One coupon in total: someone else takes it while the shopper looks at the centre. */
  scarce: 0,
  promotionName: "冰箱节满减",
};

describe("promotions and coupons in the H5 store", { timeout: 120_000 }, () => {
  let device: PhonePage;

  beforeAll(async () => {
    device = await phone(browser);
    const cheapest = (await api<{ items: { id: number }[] }>(`/api/products?q=${encodeURIComponent("冰箱")}&sort=price_asc`))
      .items[0]!;
    const before = await api<Product>(`/api/products/${cheapest.id}`);
    const admin = (path: string, json: unknown) =>
      api<{ id: number }>(`/api/admin/marketing${path}`, { method: "POST", token: merchant, json });
    const window = { startsAt: Date.now() - 60_000, endsAt: Date.now() + 24 * HOUR };

    // 限时折扣: 9折 on every SKU (whole yuan), so whichever the picker starts on has a struck list price.
    const limited = before.skus.map((s) => ({ skuId: s.id, priceFen: Math.round((s.priceFen * 0.9) / 100) * 100 }));
    await admin("/promotions", { kind: "limited_time", name: "冰箱限时特惠", ...window, items: limited });
    // 满减 on this product: one fridge reaches the first tier whatever its SKU, never the second.
    const lowest = Math.min(...limited.map((l) => l.priceFen));
    const highest = Math.max(...limited.map((l) => l.priceFen));
    const tier1 = Math.floor(lowest / 10_000) * 10_000;
    const tier2 = (Math.floor(highest / 10_000) + 1) * 10_000 + tier1;
    expect(tier1).toBeGreaterThanOrEqual(50_000);
    await admin("/promotions", {
      kind: "full_reduction",
      name: setup.promotionName,
      ...window,
      tiers: [
        { thresholdFen: tier1, reduceFen: 10_000 },
        { thresholdFen: tier2, reduceFen: 30_000 },
      ],
      scope: { kind: "products", ids: [before.id] },
    });

    const coupon = (json: Record<string, unknown>) =>
      admin("/coupons", { validity: { kind: "relative", days: 7 }, perShopperLimit: 1, ...json }).then((c) => c.id);
    setup.usable = await coupon({
      name: "冰箱立减券",
      kind: "amount_off",
      amountOffFen: 20_000,
      thresholdFen: tier1 - 10_000,
      totalQuantity: 100,
      channels: ["centre", "product_page"],
    });
    setup.tooBig = await coupon({
      name: "大额满减券",
      kind: "amount_off",
      amountOffFen: 1_000_000,
      thresholdFen: 10_000_000,
      scope: "products",
      scopeIds: [before.id],
      totalQuantity: 100,
      channels: ["product_page"],
    });
    setup.scarce = await coupon({
      name: "限量无门槛券",
      kind: "no_threshold",
      amountOffFen: 1_000,
      totalQuantity: 1,
      channels: ["centre"],
    });
    setup.product = await api<Product>(`/api/products/${before.id}`);
    expect(setup.product.promoPriceFen).toBe(lowest);
  });

  it("coupon centre: 立即领取 asks to log in, then claims (已领取); a coupon taken meanwhile toasts 优惠券已抢光", async () => {
    const { page } = device;
    await open(page, "/pages/me/index");
    await page.getByText("领券中心", { exact: true }).click();
    await page.waitForURL(/pages\/coupons\/centre/);
    const centre = await api<{ items: Claimable[] }>("/api/coupons/centre");
    await expect.poll(() => tid(page, "centre-coupon").count()).toBe(centre.items.length);
    expect(centre.items.map((c) => c.templateId).sort()).toEqual([setup.usable, setup.scarce].sort());
    const card = (templateId: number) => page.locator(`[data-testid="centre-coupon"][data-template-id="${templateId}"]`);
    const button = (templateId: number) => card(templateId).locator('[data-testid="coupon-claim"]');
    expect(await button(setup.usable).textContent()).toContain("立即领取");

    await button(setup.usable).click();
    await page.waitForURL(/pages\/login\/index/);
    await fill(page, "nickname", "领券顾客");
    await tid(page, "login-submit").click();
    await page.waitForURL(/pages\/coupons\/centre/);
    await expect.poll(() => button(setup.usable).getAttribute("data-state")).toBe("claimable");
    await button(setup.usable).click();
    await expectToast(page, "领取成功");
    await expect.poll(() => button(setup.usable).textContent()).toContain("已领取");
    const token = await sessionToken(page);

    // Another shopper takes the only 限量无门槛券 while this page still offers it.
    expect(await button(setup.scarce).textContent()).toContain("立即领取");
    const other = await shopperToken(store.stack, "手快的顾客");
    await api(`/api/coupons/${setup.scarce}/claim?from=centre`, { method: "POST", token: other });
    await button(setup.scarce).click();
    await expectToast(page, "优惠券已抢光");
    await expect.poll(() => button(setup.scarce).textContent()).toContain("已抢光");
    const mine = await api<{ items: Claimable[] }>("/api/coupons/centre", { token });
    expect(Object.fromEntries(mine.items.map((c) => [c.templateId, c.state]))).toEqual({
      [setup.usable]: "claimed",
      [setup.scarce]: "sold_out",
    });
    await screenshot(page, "28-coupon-centre");

    await tid(page, "open-my-coupons").click();
    await page.waitForURL(/pages\/coupons\/mine/);
    const list = await api<{ counts: Record<string, number>; items: { name: string }[] }>("/api/coupons/mine?tab=usable", {
      token,
    });
    await expect.poll(() => tid(page, "my-coupon").count()).toBe(list.items.length);
    expect(await text(tid(page, "coupon-tab-usable"))).toBe(`可使用(${list.counts.usable})`);
    expect(await tid(page, "my-coupon").first().textContent()).toContain("冰箱立减券");
    await screenshot(page, "29-my-coupons");
    await tid(page, "coupon-tab-used").click();
    await expect.poll(() => page.locator('[data-state="empty"]').textContent()).toContain("暂无已使用的优惠券");
  });

  it("the product card and page show the promotion tags and the limited-time price; 领券 claims from the product page", async () => {
    const { page } = device;
    const { product } = setup;
    const listing = await api<{ items: (Product & { priceFen: number })[] }>(
      `/api/products?q=${encodeURIComponent(product.name)}`,
    );
    const listed = listing.items.find((i) => i.id === product.id)!;
    expect(listed.promotionTags).toEqual([
      "限时折扣",
      expect.stringMatching(/^满\d+减100$/),
      expect.stringMatching(/^满\d+减300$/),
    ]);
    await open(page, `/pages/search/index?q=${encodeURIComponent(product.name)}`);
    const card = tid(page, "product-card").filter({ hasText: product.name });
    await card.first().waitFor();
    expect(await card.first().locator('[data-testid="product-card-promo"]').allTextContents()).toEqual(listed.promotionTags);
    // The limited-time price, then the list price struck through.
    expect(await text(card.first())).toContain(`${yuan(listed.promoPriceFen!)}${yuan(listed.priceFen)}`);

    await card.first().click();
    await expect.poll(() => tid(page, "product-name").textContent()).toBe(product.name);
    expect(await tid(page, "product-promo-tag").allTextContents()).toEqual(product.promotionTags);
    const price = await text(tid(page, "product-price"));
    expect(product.skus.some((s) => price === `${yuan(s.promoPriceFen!)}${yuan(s.priceFen)}`)).toBe(true);

    const offered = await api<{ items: Claimable[] }>(`/api/coupons/for-product/${product.id}`, {
      token: await sessionToken(page),
    });
    expect(Object.fromEntries(offered.items.map((c) => [c.templateId, c.state]))).toEqual({
      [setup.usable]: "claimed",
      [setup.tooBig]: "claimable",
    });
    await tid(page, "product-promotions").scrollIntoViewIfNeeded();
    await screenshot(page, "30-product-promotions");
    await tid(page, "open-product-coupons").click();
    await tid(page, "product-coupons").waitFor();
    const claimIn = (templateId: number) =>
      page.locator(`[data-testid="product-coupon"][data-template-id="${templateId}"] [data-testid="coupon-claim"]`);
    await expect.poll(() => claimIn(setup.usable).textContent()).toContain("已领取");
    await claimIn(setup.tooBig).click();
    await expectToast(page, "领取成功");
    await expect.poll(() => claimIn(setup.tooBig).textContent()).toContain("已领取");
    await screenshot(page, "31-product-coupons");
    await page.locator(".u-popup__content__close").first().click();
    await tid(page, "product-coupons").waitFor({ state: "hidden" });

    const mine = await api<{ items: { templateId: number; source: string }[] }>("/api/coupons/mine?tab=usable", {
      token: await sessionToken(page),
    });
    expect(mine.items.find((c) => c.templateId === setup.tooBig)?.source).toBe("product_page");
  });

  it("the cart shows the promotion it gets and the next tier's hint (再买¥x可减300)", async () => {
    const { page } = device;
    const token = await sessionToken(page);
    await tid(page, "add-to-cart").click();
    await tid(page, "sku-confirm").click();
    await expectToast(page, "已加入购物车");

    const quote = await api<Quote>("/api/checkout/quote", { method: "POST", token, json: {} });
    expect(quote.promotionHint?.text).toMatch(/^再买¥\d+\.\d{2}可减300$/);
    const promoSaved = -quote.adjustments
      .filter((a) => a.kind === "promotion" || a.kind === "limited_time")
      .reduce((n, a) => n + a.amountFen, 0);
    expect(promoSaved).toBeGreaterThan(10_000);
    await open(page, "/pages/cart/index");
    await expect.poll(() => tid(page, "cart-line").count()).toBe(1);
    await expect.poll(() => text(tid(page, "cart-promo-hint"))).toBe(`促销${quote.promotionHint!.text}`);
    expect(await text(tid(page, "cart-promo-saved"))).toBe(`已减${yuan(promoSaved)}`);
    await screenshot(page, "32-cart-promotion");
  });

  it("checkout applies the best coupon by itself, the picker explains the other, and the order keeps every discount", async () => {
    const { page } = device;
    const token = await sessionToken(page);
    await addAddress(token);
    await tid(page, "cart-checkout").click();
    await page.waitForURL(/pages\/checkout\/index/);

    const best = await api<Quote>("/api/checkout/quote", { method: "POST", token, json: {} });
    const usable = best.coupon.options.find((o) => o.applicable)!;
    const unusable = best.coupon.options.find((o) => !o.applicable)!;
    expect(best.coupon.selectedId).toBe(usable.couponId);
    expect(usable.name).toBe("冰箱立减券");
    expect(unusable.reason).toMatch(/^未达到使用门槛（还差¥\d+\.\d{2}）$/);
    await expect.poll(() => tid(page, "checkout-payable").textContent()).toBe(yuan(best.payableFen));
    expect(await text(tid(page, "checkout-coupon-value"))).toBe(`-${yuan(usable.savingFen)}`);
    // Every discount (限时折扣, 满减, 优惠券) and charge other than freight, as the quote lists them.
    const rows = best.adjustments.filter((a) => a.kind !== "shipping");
    expect(rows.map((a) => a.kind)).toEqual(["limited_time", "promotion", "coupon"]);
    const squeeze = (s: string) => s.replace(/\s+/g, "");
    expect((await tid(page, "checkout-adjustment").allTextContents()).map(squeeze)).toEqual(
      rows.map((a) => squeeze(`${a.label}${a.amountFen < 0 ? "-" : ""}${yuan(Math.abs(a.amountFen))}`)),
    );
    expect(await text(tid(page, "checkout-discount"))).toBe(`已优惠${yuan(best.discountFen)}`);

    await tid(page, "checkout-coupon").click();
    await tid(page, "coupon-picker").waitFor();
    const selected = page.locator('[data-testid="coupon-option"][data-selected="true"]');
    expect(await selected.getAttribute("data-coupon-id")).toBe(String(usable.couponId));
    expect(await selected.textContent()).toContain(`省${yuan(usable.savingFen)}`);
    expect(await tid(page, "coupon-reason").allTextContents()).toEqual([unusable.reason]);
    await screenshot(page, "33-checkout-coupon");

    // 不使用优惠券 re-quotes without it; choosing it again brings the saving back.
    const none = await api<Quote>("/api/checkout/quote", { method: "POST", token, json: { couponId: null } });
    await tid(page, "coupon-none").click();
    await expect.poll(() => tid(page, "checkout-payable").textContent()).toBe(yuan(none.payableFen));
    expect(await text(tid(page, "checkout-coupon-value"))).toBe("不使用优惠券");
    await tid(page, "checkout-coupon").click();
    await page.locator(`[data-testid="coupon-option"][data-coupon-id="${usable.couponId}"]`).click();
    await expect.poll(() => tid(page, "checkout-payable").textContent()).toBe(yuan(best.payableFen));
    expect(await text(tid(page, "checkout-coupon-value"))).toBe(`-${yuan(usable.savingFen)}`);

    await tid(page, "submit-order").click();
    await page.waitForURL(/pages\/pay\/index/);
    expect(await tid(page, "pay-amount").textContent()).toBe(yuan(best.payableFen));
    const payUrl = page.url();
    await tid(page, "pay-now").click();
    await page.waitForURL((u) => u.toString().startsWith(store.sim.url));
    await page.locator("#confirm-pay").click();
    await page.waitForLoadState("load");
    await page.goto(payUrl);
    await page.waitForURL(/pages\/orders\/detail/, { timeout: 20_000 });
    await expect.poll(() => tid(page, "order-status").textContent(), { timeout: 10_000 }).toBe("待发货");

    const orderId = Number(new URLSearchParams(page.url().split("?")[1]).get("id"));
    const order = await api<Quote & { adjustments: Quote["adjustments"] }>(`/api/orders/${orderId}`, { token });
    expect(order.payableFen).toBe(best.payableFen);
    expect(order.adjustments.filter((a) => a.kind !== "shipping")).toEqual(
      rows.map((a) => expect.objectContaining({ kind: a.kind, label: a.label, amountFen: a.amountFen })),
    );
    // The price card: 商品金额, each discount line with its amount, 实付款.
    const priceCard = tid(page, "order-payable").locator("xpath=ancestor::*[contains(@class,'card')][1]");
    const shown = await text(priceCard);
    for (const a of rows) expect(shown).toContain(`${a.label.replace(/\s+/g, "")}-${yuan(-a.amountFen)}`);
    await tid(page, "order-payable").scrollIntoViewIfNeeded();
    await screenshot(page, "34-order-discounts");

    // The coupon is spent on this order; the centre offers nothing more to this shopper.
    const used = await api<{ counts: Record<string, number>; items: { id: number; orderId: number | null }[] }>(
      "/api/coupons/mine?tab=used",
      { token },
    );
    expect(used.items.map((c) => [c.id, c.orderId])).toEqual([[usable.couponId, orderId]]);
    await open(page, "/pages/coupons/mine?tab=used");
    await expect.poll(() => tid(page, "my-coupon").count()).toBe(1);
    expect(await text(tid(page, "coupon-tab-used"))).toBe(`已使用(${used.counts.used})`);
    expect(device.errors).toEqual([]);
    expect(device.external).toEqual([]);
  });
});
