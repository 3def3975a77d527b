/**
 * Issue 18, what stops a shopper trusting the store (defects 1, 2, 3, 5, 9, 10, 11, 13), in a real
 * browser at 375 px against the whole local stack: the description fits the screen; a sold-out SKU
 * cannot be bought, offers 到货通知 (delivered once through the message centre when the merchant
 * restocks) and 看相似; the H5 checkout offers Alipay and WeChat Pay (H5 微信外, and JSAPI inside
 * WeChat's browser) through the payment simulator, and every payment lands on the pay result page with
 * the gateway's parameters gone from the address bar; 已售 counts paid units; 我的 has order badges and
 * no 客服工作台; the cart tab has a badge; the warranty lookup shows the product's own 整机 term once.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffToken } from "../../test/harness";
import {
  assertPrerequisites,
  expectToast,
  launchBrowser,
  phone,
  type PhonePage,
  screenshot,
  startStoreStack,
  storeHelpers,
  type StoreStack,
  squeeze,
  tid,
  yuan,
} from "./helpers";

let store: StoreStack;
let browser: Browser;
let merchant: string;
const helpers = storeHelpers(() => store);
const { api } = helpers;
/** Opens a route as a fresh load (a hash change to the same page with another id would reuse the page). */
async function open(p: Page, hash: string) {
  await helpers.open(p, hash);
  await p.reload();
}

type Product = {
  id: number;
  name: string;
  salesCount: number;
  warrantyMonths: number;
  category: { id: number; name: string } | null;
  skus: { id: number; availability: { status: string; label: string } }[];
};
type Quote = { payableFen: number; adjustments: { kind: string; amountFen: number }[] };

beforeAll(async () => {
  assertPrerequisites();
  [store, browser] = await Promise.all([startStoreStack({ catalog: true }), launchBrowser()]);
  merchant = await staffToken(store.stack, "merchant_admin", "e2e-merchant");
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await store?.close();
});

/** Logs the page in through the development login (the session the login page would store). */
async function login(p: Page, nickname: string): Promise<string> {
  const s = await api<{ token: string }>("/api/auth/dev-login", { method: "POST", json: { nickname } });
  await open(p, "/");
  await p.evaluate((v) => localStorage.setItem("jd.shopper", v), JSON.stringify(s));
  await p.reload();
  await api("/api/addresses", {
    method: "POST",
    token: s.token,
    json: {
      receiverName: "李四",
      phone: "13900139000",
      provinceCode: "440000",
      cityCode: "440300",
      districtCode: "440305",
      detail: "科技园二路 2 号",
    },
  });
  return s.token;
}

const setAvailable = (skuId: number, available: number) =>
  api(`/api/admin/inventory/skus/${skuId}/adjustments`, {
    method: "POST",
    token: merchant,
    json: { mode: "set", available, reason: "e2e" },
  });

async function productsOf(q: string): Promise<Product[]> {
  const page = await api<{ items: { id: number }[] }>(`/api/products?q=${encodeURIComponent(q)}`);
  return Promise.all(page.items.map((i) => api<Product>(`/api/products/${i.id}`)));
}

let orderSeq = 0;
async function placeOrder(token: string, skuId: number) {
  const res = await store.stack.fetch("/api/orders", {
    method: "POST",
    token,
    json: { items: [{ skuId, quantity: 1 }] },
    headers: { "idempotency-key": `e2e-trust-${skuId}-${++orderSeq}` },
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`order: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: number; orderNo: string; payableFen: number };
}

/** Public product reads may come from the edge cache for a few seconds (shared/edge-cache.ts STOCK_TTL_S). */
const CACHED = { timeout: 20_000, interval: 500 };

/** Reloads the page until `read` gives `want` (a page showing an edge-cached read may lag a few seconds). */
async function reloadUntil(p: Page, read: () => Promise<string | null>, want: string) {
  await expect
    .poll(async () => {
      const got = (await read().catch(() => null))?.trim();
      if (got !== want) await p.reload();
      return got;
    }, CACHED)
    .toBe(want);
}

/**
 * The product page's availability label once it matches: public product reads may be served from the
 * edge cache for a few seconds (shared/edge-cache.ts STOCK_TTL_S), so the page is reloaded until then.
 */
async function availabilityShown(p: Page, productId: number, matches: (label: string) => boolean) {
  await open(p, `/pages/product/detail?id=${productId}`);
  await expect
    .poll(
      async () => {
        const label = (await tid(p, "sku-availability").textContent({ timeout: 5_000 }).catch(() => ""))?.trim() ?? "";
        if (matches(label)) return true;
        await p.reload();
        return false;
      },
      CACHED,
    )
    .toBe(true);
}

/** The gateway's parameters (Alipay's signed return) must not stay in the address bar. */
const queryOf = (p: Page) => new URL(p.url()).search;

describe("a store the shopper can trust", { timeout: 120_000 }, () => {
  let device: PhonePage;
  let token: string;
  let ac: Product;

  beforeAll(async () => {
    device = await phone(browser);
    token = await login(device.page, "信任顾客");
    // An air conditioner with the brand's 6-year whole-unit promise: bought, paid, received below.
    ac = (await productsOf("空调")).find((p) => p.warrantyMonths === 72 && p.skus.length > 0)!;
    expect(ac).toBeTruthy();
  });

  it("the rich description fits the 375 px screen (the page never pans sideways)", async () => {
    const { page } = device;
    await open(page, `/pages/product/detail?id=${ac.id}`);
    const desc = tid(page, "product-description");
    await desc.locator("img").first().waitFor({ state: "attached" });
    await page.waitForLoadState("networkidle");
    await expect.poll(() => page.evaluate<number>("document.documentElement.scrollWidth")).toBe(375);
    expect(await page.evaluate<number>("document.body.scrollWidth")).toBe(375);
    const img = await desc.locator("img").first().boundingBox();
    const box = await desc.boundingBox();
    expect(img!.x + img!.width).toBeLessThanOrEqual(box!.x + box!.width + 0.5);
    // One warranty wording: the 保障 line and the description say the same term.
    expect(await tid(page, "warranty").textContent()).toContain("整机保修 6 年");
    expect(await desc.textContent()).toContain("整机保修 6 年");
    await screenshot(page, "50-product-description-fits");
  });

  it("a sold-out SKU: 暂时缺货, buy buttons and the picker disabled, 看相似, 到货通知 once after the restock", async () => {
    const { page } = device;
    const fridge = (await productsOf("冰箱")).find((p) => p.skus.length === 1)!;
    const skuId = fridge.skus[0]!.id;
    await setAvailable(skuId, 0);
    await expect
      .poll(async () => (await api<Product>(`/api/products/${fridge.id}`)).skus[0]!.availability.label, CACHED)
      .toBe("暂时缺货");

    await availabilityShown(page, fridge.id, (l) => l === "暂时缺货");
    for (const id of ["add-to-cart", "buy-now"]) expect(await tid(page, id).getAttribute("disabled")).toBe("true");
    await tid(page, "open-sku").click();
    await tid(page, "sku-picker").waitFor();
    for (const id of ["sku-add-cart", "sku-buy"]) expect(await tid(page, id).getAttribute("disabled")).toBe("true");
    await page.locator(".u-popup__content__close").click();
    await tid(page, "sku-picker").waitFor({ state: "hidden" });

    await tid(page, "restock-notify").click();
    await expectToast(page, "已订阅，到货后将通过消息中心通知您");
    await expect.poll(() => tid(page, "restock-notify").textContent()).toContain("已订阅到货通知");
    await screenshot(page, "51-sold-out-restock-notify");

    // The merchant restocks (twice): the shopper hears about it once, in the message centre.
    await setAvailable(skuId, 3);
    await setAvailable(skuId, 8);
    type Notices = { items: { kind: string; title: string; body: string }[] };
    const restockNotices = async () =>
      (await api<Notices>("/api/notifications", { token })).items.filter((n) => n.kind === "back_in_stock");
    await expect.poll(async () => (await restockNotices()).length, { timeout: 20_000 }).toBe(1);
    expect((await restockNotices())[0]!.body).toContain(fridge.name);
    await open(page, "/pages/messages/index");
    await expect.poll(() => tid(page, "notice").first().textContent()).toContain("到货通知");

    // Back in stock: buyable again. 看相似 opens the category's list.
    await availabilityShown(page, fridge.id, (l) => l !== "" && l !== "暂时缺货");
    expect(await tid(page, "add-to-cart").getAttribute("disabled")).not.toBe("true");
    await setAvailable(skuId, 0);
    await expect
      .poll(async () => (await api<Product>(`/api/products/${fridge.id}`)).skus[0]!.availability.status, CACHED)
      .toBe("sold_out");
    await availabilityShown(page, fridge.id, (l) => l === "暂时缺货");
    await tid(page, "similar").click();
    await page.waitForURL(new RegExp(`pages/search/index\\?categoryId=${fridge.category!.id}`));
    await tid(page, "product-card").first().waitFor();
    expect((await restockNotices()).length).toBe(1);
  });

  it("checkout offers Alipay and WeChat Pay with 运费 ¥0 (包邮); WeChat H5 lands on 支付成功; 已售 counts it", async () => {
    const { page } = device;
    await open(page, `/pages/product/detail?id=${ac.id}`);
    await tid(page, "buy-now").click();
    await tid(page, "sku-confirm").click();
    await page.waitForURL(/pages\/checkout\/index\?items=/);
    const skuId = JSON.parse(decodeURIComponent(new URL(page.url().replace("#", "")).searchParams.get("items")!))[0]
      .skuId as number;
    const quote = await api<Quote>("/api/checkout/quote", {
      method: "POST",
      token,
      json: { items: [{ skuId, quantity: 1 }] },
    });
    await expect.poll(() => tid(page, "checkout-payable").textContent()).toBe(yuan(quote.payableFen));
    expect(await tid(page, "checkout-pay-method").evaluateAll((els) => els.map((e) => e.getAttribute("data-method"))))
      .toEqual(["alipay", "wechat"]);
    expect(quote.adjustments.find((a) => a.kind === "shipping")?.amountFen ?? 0).toBe(0);
    expect(squeeze(await tid(page, "checkout-shipping").textContent())).toBe("运费¥0(包邮)");
    await tid(page, "checkout-pay-method").filter({ hasText: "微信支付" }).click();
    await screenshot(page, "52-checkout-two-gateways");
    await tid(page, "submit-order").click();
    await page.waitForURL(/pages\/pay\/index/);

    // WeChat H5 (微信外): the simulator's h5_url cashier, then back to redirect_url = the result page.
    await tid(page, "pay-now").click();
    await page.waitForURL((u) => u.toString().startsWith(store.sim.url));
    expect(new URL(page.url()).searchParams.get("redirect_url")).toContain("/#/pages/pay/result?id=");
    await page.locator("#confirm-pay").click();
    await page.waitForURL(/pages\/pay\/result/);
    await expect.poll(() => tid(page, "pay-result-title").textContent(), { timeout: 20_000 }).toBe("支付成功");
    expect(await tid(page, "pay-result-amount").textContent()).toBe(yuan(quote.payableFen));
    expect(queryOf(page)).toBe("");
    await screenshot(page, "53-pay-result");

    await tid(page, "pay-result-view-order").click();
    await page.waitForURL(/pages\/orders\/detail/);
    await expect.poll(() => tid(page, "order-timeline").textContent()).toContain("发起支付（微信支付）");

    // 已售: the paid unit counts on the product page.
    await expect.poll(async () => (await api<Product>(`/api/products/${ac.id}`)).salesCount, CACHED).toBe(1);
    await open(page, `/pages/product/detail?id=${ac.id}`);
    await reloadUntil(page, () => tid(page, "product-sold").textContent({ timeout: 3_000 }), "已售 1");
  });

  it("Alipay H5: back from the cashier, the signed return parameters are removed; 继续逛 goes home", async () => {
    const { page } = device;
    const other = (await productsOf("洗衣机")).find((p) => p.skus[0]!.availability.status !== "sold_out")!;
    const order = await placeOrder(token, other.skus[0]!.id);
    await open(page, `/pages/pay/index?id=${order.id}`);
    await expect.poll(() => tid(page, "pay-amount").textContent()).toBe(yuan(order.payableFen));
    await tid(page, "pay-now").click();
    await page.waitForURL((u) => u.toString().startsWith(store.sim.url));
    await page.locator("#confirm-pay").click();
    await page.waitForURL(/pages\/pay\/result/);
    await expect.poll(() => tid(page, "pay-result-title").textContent(), { timeout: 20_000 }).toBe("支付成功");
    await expect.poll(() => queryOf(page)).toBe("");
    expect(page.url()).not.toContain("sign");
    await tid(page, "pay-result-continue").click();
    await tid(page, "home-category").first().waitFor();
  });

  it("inside WeChat's browser only WeChat Pay is offered, through JSAPI (WeixinJSBridge)", async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
      locale: "zh-CN",
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50",
    });
    const page = await context.newPage();
    // WeChat's pay sheet: the shopper confirms the prepay at the (simulated) gateway.
    await page.exposeFunction("simWechatPay", async (pkg: string) => {
      const prepayId = pkg.replace("prepay_id=", "");
      const trades = (await (await fetch(`${store.sim.url}/_sim/trades`)).json()) as {
        method: string;
        outTradeNo: string;
        prepayIds: string[];
      }[];
      const trade = trades.find((t) => t.method === "wechat" && t.prepayIds.includes(prepayId));
      if (!trade) return false;
      const paid = await fetch(`${store.sim.url}/_sim/pay`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ method: "wechat", outTradeNo: trade.outTradeNo, wait: true }),
      });
      return paid.ok;
    });
    await page.addInitScript(() => {
      const w = globalThis as unknown as { simWechatPay(pkg: string): Promise<boolean>; WeixinJSBridge: unknown };
      w.WeixinJSBridge = {
        invoke(_api: string, params: { package: string; paySign: string }, done: (r: { err_msg: string }) => void) {
          if (!params.paySign) return done({ err_msg: "get_brand_wcpay_request:fail" });
          w.simWechatPay(params.package).then((ok) =>
            done({ err_msg: ok ? "get_brand_wcpay_request:ok" : "get_brand_wcpay_request:fail" }),
          );
        },
      };
    });
    const wxToken = await login(page, "微信内顾客");
    const tv = (await productsOf("电视")).find((p) => p.skus[0]!.availability.status !== "sold_out")!;
    const order = await placeOrder(wxToken, tv.skus[0]!.id);
    await open(page, `/pages/pay/index?id=${order.id}`);
    await expect.poll(() => tid(page, "pay-method").count()).toBe(1);
    expect(await tid(page, "pay-method").getAttribute("data-method")).toBe("wechat");
    await tid(page, "pay-now").click();
    await page.waitForURL(/pages\/pay\/result/, { timeout: 20_000 });
    await expect.poll(() => tid(page, "pay-result-title").textContent(), { timeout: 20_000 }).toBe("支付成功");
    const paid = await api<{ status: string; paymentMethod: string | null }>(`/api/orders/${order.id}`, {
      token: wxToken,
    });
    expect(paid.status).toBe("paid");
    await context.close();
  });

  it("我的: order badges from the server's counts, no 客服工作台; the cart tab shows the cart's units", async () => {
    const { page } = device;
    const fridge = (await productsOf("冰箱")).find((p) => p.skus.some((s) => s.availability.status !== "sold_out"))!;
    const sku = fridge.skus.find((s) => s.availability.status !== "sold_out")!;
    await placeOrder(token, sku.id); // one 待付款
    await api("/api/cart/items", { method: "POST", token, json: { skuId: sku.id, quantity: 2 } });
    const counts = await api<{ unpaid: number; to_ship: number; to_receive: number }>("/api/orders/counts", { token });
    expect(counts.unpaid).toBeGreaterThan(0);

    await open(page, "/pages/me/index");
    await expect.poll(() => tid(page, "me-badge-unpaid").textContent()).toBe(String(counts.unpaid));
    expect(await tid(page, "me-badge-to_ship").textContent()).toBe(String(counts.to_ship));
    expect(await page.getByText("客服工作台").count()).toBe(0);
    const cart = await api<{ items: { quantity: number }[] }>("/api/cart", { token });
    const units = cart.items.reduce((n, i) => n + i.quantity, 0);
    await expect.poll(() => page.locator(".uni-tabbar__badge").textContent()).toBe(String(units));
    await screenshot(page, "54-me-badges");
  });

  it("已售 is rounded on cards (已售 1000+) and the 销量 sort puts the best seller first", async () => {
    const { page } = device;
    const fridge = (await productsOf("冰箱"))[0]!;
    await store.stack.sql.execute({ sql: "UPDATE products SET sales_count = 1234 WHERE id = ?", args: [fridge.id] });
    await expect
      .poll(async () => (await api<{ items: { id: number }[] }>("/api/products?sort=sales")).items[0]!.id, CACHED)
      .toBe(fridge.id);
    await open(page, `/pages/search/index?q=${encodeURIComponent("冰箱")}`);
    await tid(page, "product-card").first().waitFor();
    const card = tid(page, "product-card").filter({ hasText: fridge.name }).first();
    await reloadUntil(page, () => card.locator('[data-testid="product-card-sold"]').textContent({ timeout: 3_000 }), "已售 1000+");
  });

  it("warranty lookup: the product's own 整机 term once, the product name apart from its order; the policy agrees", async () => {
    const { page } = device;
    const orders = await api<{ items: { id: number; status: string; items: { productId?: number; name: string }[] }[] }>(
      "/api/orders?tab=to_ship",
      { token },
    );
    const acOrder = orders.items.find((o) => o.items.some((i) => i.name === ac.name))!;
    await api(`/api/admin/orders/${acOrder.id}/ship`, {
      method: "POST",
      token: merchant,
      json: { carrier: "顺丰速运", trackingNo: "SF2026120601" },
    });
    await api(`/api/orders/${acOrder.id}/confirm-receipt`, { method: "POST", token, json: {} });

    await open(page, "/pages/service/warranty");
    await tid(page, "warranty-check").first().waitFor();
    await page.locator(".wr__item").filter({ hasText: ac.name }).locator('[data-testid="warranty-check"]').click();
    await tid(page, "warranty-result").waitFor();
    const parts = (await tid(page, "warranty-coverage").locator(".wr__cov-part").allTextContents()).map((t) => t.trim());
    expect(parts.filter((p) => p === "整机")).toHaveLength(1);
    const whole = (await tid(page, "warranty-coverage").first().textContent()) ?? "";
    const sixYears = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 6;
    expect(whole).toContain(String(sixYears));
    const name = await tid(page, "warranty-result-product").boundingBox();
    const orderLine = await tid(page, "warranty-result-order").boundingBox();
    expect(orderLine!.y).toBeGreaterThanOrEqual(name!.y + name!.height - 1);
    expect(await tid(page, "warranty-result-order").textContent()).toMatch(/^订单 \d+/);

    const acPolicy = tid(page, "warranty-policy").filter({ hasText: "空调" }).first();
    expect(await acPolicy.textContent()).toContain("整机 1 年起");
    await acPolicy.click();
    expect(await acPolicy.textContent()).toContain("以商品详情页「保障」所示期限为准");
    await screenshot(page, "55-warranty-lookup");
    expect(device.errors).toEqual([]);
    expect(device.external).toEqual([]);
  });
});
