/**
 * The shopper's store in a real browser: the H5 build served by the worker (Workers static assets) in
 * workerd, the demo catalog seeded through the admin API, Alipay H5 through the local payment simulator.
 * Every number the page shows is compared with what the API computes.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffToken } from "../../test/harness";
import { fenToYuan } from "../../worker/shared/money";
import {
  assertPrerequisites,
  expectToast,
  fill,
  launchBrowser,
  phone,
  type PhonePage,
  pickRegion,
  screenshot,
  startStoreStack,
  storeHelpers,
  type StoreStack,
  tid,
  yuan,
} from "./helpers";

let store: StoreStack;
let browser: Browser;
const { api, open, sessionToken } = storeHelpers(() => store);

beforeAll(async () => {
  assertPrerequisites();
  [store, browser] = await Promise.all([startStoreStack({ catalog: true, services: true }), launchBrowser()]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await store?.close();
});




// Browser steps on a busy 2-core CI box: generous per-step time, never a timed assertion.
describe("shopper in the H5 store", { timeout: 90_000 }, () => {
  let device: PhonePage;
  beforeAll(async () => {
    device = await phone(browser);
  });

  it("home shows the server's banners, categories and recommendations, with no third-party requests", async () => {
    const home = await api<{ banners: unknown[]; recommended: { name: string }[] }>("/api/home");
    const cats = await api<{ items: { name: string }[] }>("/api/categories");
    const { page } = device;
    await open(page, "/");
    await tid(page, "product-card").first().waitFor();
    // The curated 为你推荐 grid (猜你喜欢 below it has cards of its own).
    await expect
      .poll(() => page.locator('.pgrid [data-testid="product-card"]').count())
      .toBe(home.recommended.length);
    await tid(page, "guess-you-like").waitFor();
    expect(await tid(page, "product-card").first().textContent()).toContain(home.recommended[0]!.name);
    expect(await tid(page, "home-category").count()).toBe(Math.min(10, cats.items.length));
    expect(await page.locator(".home__banner uni-swiper-item, .home__banner .uni-swiper-slide-frame > *").count()).toBeGreaterThan(0);
    await screenshot(page, "01-home");
    expect(device.external).toEqual([]);
  });

  it("product detail: gallery, SKU price and availability, spec table, warranty", async () => {
    const { page } = device;
    const first = (await api<{ recommended: { id: number }[] }>("/api/home")).recommended[0]!;
    const product = await api<{
      name: string;
      warrantyMonths: number;
      specTable: { label: string; value: string }[];
      skus: { priceFen: number; specs: Record<string, string>; availability: { label: string } }[];
    }>(`/api/products/${first.id}`);
    await tid(page, "product-card").first().click();
    await expect.poll(() => tid(page, "product-name").textContent()).toBe(product.name);
    const table = (await tid(page, "spec-table").textContent()) ?? "";
    for (const row of product.specTable) expect(table).toContain(row.value);
    expect(await tid(page, "warranty").textContent()).toContain(
      product.warrantyMonths % 12 === 0 ? `${product.warrantyMonths / 12} 年` : `${product.warrantyMonths} 个月`,
    );
    expect(await tid(page, "sku-availability").textContent()).toBe(product.skus[0]!.availability.label);
    await screenshot(page, "02-product-detail");
  });

  it("adding to cart asks to log in, then adds the chosen SKU", async () => {
    const { page } = device;
    await tid(page, "add-to-cart").click();
    await tid(page, "sku-confirm").click();
    await page.waitForURL(/pages\/login\/index/);
    await screenshot(page, "03-login");
    await fill(page, "nickname", "端到端顾客");
    await tid(page, "login-submit").click();
    // Back on the product, the SKU picker is still open with the same choice: one more tap adds it.
    await page.waitForURL(/pages\/product\/detail/);
    await tid(page, "sku-picker").waitFor();
    await screenshot(page, "04-sku-picker");
    await tid(page, "sku-confirm").click();
    await expectToast(page, "已加入购物车");

    const cart = await api<{ items: { name: string; quantity: number }[]; summary: { selectedTotalFen: number } }>(
      "/api/cart",
      { token: await sessionToken(page) },
    );
    expect(cart.items).toHaveLength(1);
    expect(cart.items[0]!.quantity).toBe(1);

    await open(page, "/pages/cart/index");
    await expect.poll(() => tid(page, "cart-line").count()).toBe(1);
    expect(await tid(page, "cart-total").textContent()).toBe(yuan(cart.summary.selectedTotalFen));
    await screenshot(page, "05-cart");

    // +1 on the line: the server re-prices the cart and the page shows its total.
    await tid(page, "cart-line").locator(".u-number-box__plus").click();
    await expect
      .poll(async () => (await api<typeof cart>("/api/cart", { token: await sessionToken(page) })).items[0]!.quantity)
      .toBe(2);
    const after = await api<typeof cart>("/api/cart", { token: await sessionToken(page) });
    expect(after.summary.selectedTotalFen).toBe(2 * cart.summary.selectedTotalFen);
    await expect.poll(() => tid(page, "cart-total").textContent()).toBe(yuan(after.summary.selectedTotalFen));
  });

  it("checkout needs an address, shows the server's quote, and places one order", async () => {
    const { page } = device;
    const token = await sessionToken(page);
    await tid(page, "cart-checkout").click();
    await page.waitForURL(/pages\/checkout\/index/);
    await expect.poll(() => tid(page, "checkout-problems").textContent()).toContain("请先添加收货地址");

    await tid(page, "checkout-address").click();
    await tid(page, "add-address").click();
    await fill(page, "addr-name", "张三");
    await fill(page, "addr-phone", "123");
    await tid(page, "addr-save").click();
    await expectToast(page, "请填写正确的手机号码");
    await fill(page, "addr-phone", "13800138000");
    await pickRegion(page, "region-picker", ["广东省", "深圳市", "南山区"]);
    await expect.poll(() => tid(page, "region-picker-value").textContent()).toContain("广东省 深圳市 南山区");
    await fill(page, "addr-detail", "科技园一路 1 号");
    await tid(page, "addr-save").click();
    await tid(page, "address-item").first().waitFor();
    await tid(page, "address-item").first().click();
    await page.waitForURL(/pages\/checkout\/index/);

    const quote = await api<{ payableFen: number; itemsTotalFen: number; shippingFen: number }>(
      "/api/checkout/quote",
      { method: "POST", token, json: {} },
    );
    expect(quote.payableFen).toBe(quote.itemsTotalFen + quote.shippingFen);
    await expect.poll(() => tid(page, "checkout-payable").textContent()).toBe(yuan(quote.payableFen));
    expect(await tid(page, "checkout-address").textContent()).toContain("13800138000");
    await screenshot(page, "06-checkout");

    await tid(page, "submit-order").click();
    await page.waitForURL(/pages\/pay\/index/);
    expect(await tid(page, "pay-amount").textContent()).toBe(yuan(quote.payableFen));
    const orders = await api<{ items: { status: string; payableFen: number }[] }>("/api/orders", { token });
    expect(orders.items.map((o) => [o.status, o.payableFen])).toEqual([["pending_payment", quote.payableFen]]);
    await screenshot(page, "07-pay");
  });

  it("pays with Alipay H5 at the simulator's cashier → 待发货; the merchant ships → 已发货 with tracking", async () => {
    const { page } = device;
    const payUrl = page.url();
    await tid(page, "pay-now").click();
    await page.waitForURL((u) => u.toString().startsWith(store.sim.url));
    await page.locator("#confirm-pay").click();
    await page.waitForLoadState("load");
    // Back in the store: the pay page notices the redirect and waits for the gateway's notification.
    await page.goto(payUrl);
    await page.waitForURL(/pages\/orders\/detail/, { timeout: 20_000 });
    await expect.poll(() => tid(page, "order-status").textContent(), { timeout: 10_000 }).toBe("待发货");
    const timeline = (await tid(page, "order-timeline").textContent()) ?? "";
    expect(timeline).toContain("支付");
    await screenshot(page, "08-order-detail");

    // The merchant ships through the API; the shopper's order page shows 已发货 and the tracking number.
    const orderId = Number(new URLSearchParams(page.url().split("?")[1]).get("id"));
    const merchant = await staffToken(store.stack, "merchant_admin", "e2e-merchant");
    await api(`/api/admin/orders/${orderId}/ship`, {
      method: "POST",
      token: merchant,
      json: { carrier: "顺丰速运", trackingNo: "SF1234567890" },
    });
    await page.reload();
    await expect.poll(() => tid(page, "order-status").textContent(), { timeout: 10_000 }).toBe("已发货");
    expect(await tid(page, "order-tracking").textContent()).toContain("SF1234567890");

    await open(page, "/pages/orders/list?tab=to_receive");
    await expect.poll(() => tid(page, "order-card").count()).toBe(1);
    await screenshot(page, "09-orders");
    expect(device.external).toEqual([]);
  });

  it("立即购买 checks out just that SKU (the cart is untouched); the unpaid order can be cancelled", async () => {
    const { page } = device;
    const token = await sessionToken(page);
    const home = await api<{ recommended: { id: number }[] }>("/api/home");
    const productId = home.recommended[1]!.id;
    const product = await api<{ name: string; skus: { id: number; priceFen: number }[] }>(`/api/products/${productId}`);
    const cartBefore = await api<{ items: unknown[] }>("/api/cart", { token });

    await open(page, `/pages/product/detail?id=${productId}`);
    await expect.poll(() => tid(page, "product-name").textContent()).toBe(product.name);
    await tid(page, "buy-now").click();
    await tid(page, "sku-confirm").click();
    await page.waitForURL(/pages\/checkout\/index\?items=/);
    const quote = await api<{ items: { skuId: number; quantity: number }[]; payableFen: number }>(
      "/api/checkout/quote",
      { method: "POST", token, json: { items: [{ skuId: product.skus[0]!.id, quantity: 1 }] } },
    );
    expect(quote.items.map((i) => [i.skuId, i.quantity])).toEqual([[product.skus[0]!.id, 1]]);
    await expect.poll(() => tid(page, "checkout-payable").textContent()).toBe(yuan(quote.payableFen));

    // The first submit reaches the server but its response is lost; submitting again must not order twice.
    let lost = false;
    await page.route("**/api/orders", async (route) => {
      if (lost || route.request().method() !== "POST") return route.continue();
      lost = true;
      await route.fetch();
      await route.abort("connectionreset");
    });
    await tid(page, "submit-order").click();
    await expectToast(page, "网络连接失败，请检查网络后重试");
    expect(lost).toBe(true);
    await tid(page, "submit-order").click();
    await page.waitForURL(/pages\/pay\/index/);
    await page.unroute("**/api/orders");
    expect(await tid(page, "pay-amount").textContent()).toBe(yuan(quote.payableFen));
    expect((await api<{ items: unknown[] }>("/api/cart", { token })).items).toHaveLength(cartBefore.items.length);

    const unpaid = await api<{ items: { id: number; status: string }[] }>("/api/orders?tab=unpaid", { token });
    expect(unpaid.items).toHaveLength(1);
    await open(page, `/pages/orders/detail?id=${unpaid.items[0]!.id}`);
    await expect.poll(() => tid(page, "order-status").textContent()).toBe("待付款");
    await tid(page, "order-cancel").click();
    await page.locator(".uni-modal__btn_primary").click();
    await expect.poll(() => tid(page, "order-status").textContent()).toBe("已取消");
    expect((await api<{ items: unknown[] }>("/api/orders?tab=unpaid", { token })).items).toHaveLength(0);
    await screenshot(page, "22-order-cancelled");
  });

  it("search: sorting by price and the price filter match the API", async () => {
    const { page } = device;
    type List = { items: { name: string; priceFen: number }[] };
    const asc = await api<List>(`/api/products?q=${encodeURIComponent("冰箱")}&sort=price_asc`);
    expect(asc.items.length).toBeGreaterThan(1);
    await open(page, `/pages/search/index?q=${encodeURIComponent("冰箱")}`);
    await tid(page, "product-card").first().waitFor();
    await tid(page, "sort-price").click();
    await expect
      .poll(async () => (await tid(page, "product-card-name").allTextContents()).map((t) => t.trim()))
      .toEqual(asc.items.map((i) => i.name));

    const min = asc.items[0]!.priceFen;
    const max = asc.items[asc.items.length - 1]!.priceFen - 1;
    const filtered = await api<List>(
      `/api/products?q=${encodeURIComponent("冰箱")}&sort=price_asc&priceMin=${min + 1}&priceMax=${max}`,
    );
    await tid(page, "open-filter").click();
    await tid(page, "filter-panel").waitFor();
    await fill(page, "price-min", fenToYuan(min + 1));
    await fill(page, "price-max", fenToYuan(max));
    await screenshot(page, "10-search-filter");
    await tid(page, "apply-filter").click();
    await expect
      .poll(async () => (await tid(page, "product-card-name").allTextContents()).map((t) => t.trim()))
      .toEqual(filtered.items.map((i) => i.name));
    expect(filtered.items.length).toBeLessThan(asc.items.length);
    await screenshot(page, "11-search");
  });

  it("the product list loads the next cursor page when scrolled to the bottom, until the end", async () => {
    const { page } = await phone(browser);
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const pg: { items: { name: string }[]; nextCursor: string | null } = await api(`/api/products?sort=newest${q}`);
      names.push(...pg.items.map((i) => i.name));
      cursor = pg.nextCursor;
    } while (cursor);
    expect(names.length).toBeGreaterThan(20); // more than one page

    await open(page, "/pages/search/index");
    await expect.poll(() => tid(page, "product-card-name").count()).toBe(20);
    await expect
      .poll(
        async () => {
          // Like a thumb: move up a little, then flick to the end (reach-bottom fires on entering the zone).
          await page.mouse.wheel(0, -400);
          await page.mouse.wheel(0, 20_000);
          await page.waitForTimeout(300);
          return tid(page, "product-card-name").count();
        },
        { timeout: 30_000 },
      )
      .toBe(names.length);
    expect(await tid(page, "product-card-name").allTextContents()).toEqual(names);
    await expect.poll(() => page.getByText("没有更多了").count()).toBe(1);
  });

  it("shows the API's Chinese error message and an empty state", async () => {
    const { page } = await phone(browser);
    await open(page, "/pages/product/detail?id=999999");
    await expect.poll(() => page.locator('[data-state="error"]').textContent()).toContain("商品不存在或已下架");
    await open(page, `/pages/search/index?q=${encodeURIComponent("不存在的商品名称")}`);
    await expect.poll(() => page.locator('[data-state="empty"]').count()).toBe(1);
  });

  it("service pages show the API's FAQ, warranty policies and repair outlets; 我的 shows the shopper", async () => {
    const { page } = device;
    const faq = await api<{ categories: { name: string; items: { question: string }[] }[] }>("/api/faq");
    expect(faq.categories.length).toBeGreaterThan(0);
    await open(page, "/pages/service/faq");
    await expect
      .poll(() => tid(page, "faq-item").count())
      .toBe(faq.categories.reduce((n, c) => n + c.items.length, 0));
    await fill(page, "faq-search", "空调保修");
    await tid(page, "faq-search").locator("input").press("Enter");
    const hits = await api<{ items: { question: string }[] }>(`/api/faq/search?q=${encodeURIComponent("空调保修")}`);
    await expect.poll(() => tid(page, "faq-result").allTextContents()).toEqual(hits.items.map((h) => h.question));
    await screenshot(page, "16-faq");

    const policies = await api<{ items: { category: string }[] }>("/api/after-sales/warranty-policies");
    await open(page, "/pages/service/warranty");
    await expect.poll(() => tid(page, "warranty-policy").count()).toBe(policies.items.length);
    await tid(page, "warranty-policy").first().click();
    await screenshot(page, "17-warranty");

    const cities = await api<{ items: { city: string; count: number }[] }>("/api/after-sales/outlets/cities");
    const city = cities.items[0]!;
    await open(page, "/pages/service/outlets");
    await tid(page, "outlet-city").first().waitFor();
    await tid(page, "outlet-city").filter({ hasText: city.city }).click();
    await expect.poll(() => tid(page, "outlet").count()).toBe(Math.min(city.count, 20));
    await screenshot(page, "18-outlets");

    const notices = await api<{ items: { title: string }[]; unread: number }>("/api/notifications", {
      token: await sessionToken(page),
    });
    await open(page, "/pages/messages/index");
    if (notices.items.length) {
      await expect.poll(() => tid(page, "notice").allTextContents()).toHaveLength(notices.items.length);
      expect((await tid(page, "notice").first().textContent()) ?? "").toContain(notices.items[0]!.title);
    } else await expect.poll(() => page.locator('[data-state="empty"]').count()).toBe(1);
    await screenshot(page, "21-messages");

    await open(page, "/pages/me/index");
    await expect.poll(() => tid(page, "me-nickname").textContent()).toBe("端到端顾客");
    await screenshot(page, "19-me");
    await open(page, "/pages/category/index");
    await tid(page, "category-child").first().waitFor();
    await screenshot(page, "20-category");
    expect(device.errors).toEqual([]);
  });
});
