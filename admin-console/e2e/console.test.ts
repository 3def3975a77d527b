/**
 * The merchant console in Debian chromium at 1440×900, served by the worker at /admin from the same
 * assets directory as the H5 store: a merchant logs in (a wrong password shows the API's message), the
 * dashboard shows today's paid orders, ships one with two parcels from the orders page, adjusts stock
 * with a reason, approves an after-sales case; an agent logs in and sees neither the stock nor the
 * dashboard menu (and the API refuses them). Screenshots: docs/screenshots/admin-*.png.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureStaff } from "../../dev/seed/staff";
import {
  assertPrerequisites,
  launchBrowser,
  type StoreStack,
  startStoreStack,
} from "../../miniprogram-uni/e2e/helpers";
import { shopperToken } from "../../test/harness";
import {
  assertConsoleBuilt,
  desktop,
  fill,
  type Staff,
  shot,
  signIn,
  stackApi,
  staffToken,
  tid,
  until,
} from "./kit";

const MERCHANT = { username: "console-merchant", password: "console-pass-123", displayName: "店长 张三" };
const AGENT = { username: "console-agent", password: "console-pass-456", displayName: "客服 小美" };

let store: StoreStack;
let browser: Browser;
let merchantToken: string;

const api = stackApi(() => store);
const login = (username: string, password: string) => staffToken(store, { username, password });

/** A shopper with an address pays an order for one unit of `skuId` (WeChat Pay at the simulator). */
async function paidOrder(nickname: string, skuId: number) {
  const token = await shopperToken(store.stack, nickname);
  const address = await api<{ id: number }>("/api/addresses", {
    token,
    json: {
      receiverName: "李四",
      phone: "13900139000",
      provinceCode: "440000",
      cityCode: "440300",
      districtCode: "440305",
      detail: "科技园 2 号",
    },
  });
  const res = await store.stack.fetch("/api/orders", {
    method: "POST",
    token,
    json: { items: [{ skuId, quantity: 1 }], addressId: address.id },
    headers: { "idempotency-key": `console-${skuId}-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  });
  const order = (await res.json()) as { id: number; orderNo: string };
  if (res.status !== 201) throw new Error(`order: ${res.status} ${JSON.stringify(order)}`);
  await api(`/api/orders/${order.id}/pay`, { token, json: { method: "wechat", channel: "miniprogram" } });
  const paid = await fetch(`${store.sim.url}/_sim/pay`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ method: "wechat", outTradeNo: order.orderNo, wait: true }),
  });
  expect(paid.status).toBe(200);
  await until(
    "the order to be paid",
    async () => {
      const o = await api<{ status: string }>(`/api/orders/${order.id}`, { token });
      return o.status === "paid";
    },
    20_000,
  );
  return { ...order, token };
}

/** A desktop page that also records every request leaving this machine (there must be none). */
async function desktopPage() {
  const opened = await desktop(browser);
  const external: string[] = [];
  opened.page.on("request", (r) => {
    const u = new URL(r.url());
    if (
      !["127.0.0.1", "localhost"].includes(u.hostname) &&
      !u.protocol.startsWith("data") &&
      u.protocol !== "blob:"
    )
      external.push(r.url());
  });
  return { ...opened, external };
}
const signInAs = (p: Page, who: Staff) => signIn(p, store.stack.baseUrl, who);

let shipOrder: { id: number; orderNo: string };
let caseNo: string;
let sku: { skuId: number; skuCode: string; available: number };

beforeAll(async () => {
  assertPrerequisites();
  assertConsoleBuilt();
  [store, browser] = await Promise.all([startStoreStack({ catalog: true }), launchBrowser()]);
  await ensureStaff(store.stack.sql, [
    { ...MERCHANT, role: "merchant_admin" },
    { ...AGENT, role: "agent" },
  ]);
  merchantToken = await login(MERCHANT.username, MERCHANT.password);
  const stock = await api<{ items: { skuId: number; skuCode: string; available: number }[] }>(
    "/api/admin/inventory/skus?limit=100",
    { token: merchantToken },
  );
  sku = stock.items.find((s) => s.available > 5)!;
  // One order to ship; one delivered order with a 退货退款 case waiting for review.
  shipOrder = await paidOrder("后台顾客甲", sku.skuId);
  const returned = await paidOrder("后台顾客乙", sku.skuId);
  await api(`/api/admin/orders/${returned.id}/ship`, {
    token: merchantToken,
    json: { carrier: "顺丰速运", trackingNo: "SF2026120600001" },
  });
  await api(`/api/orders/${returned.id}/confirm-receipt`, { token: returned.token, json: {} });
  const detail = await api<{ items: { id: number }[] }>(`/api/orders/${returned.id}`, {
    token: returned.token,
  });
  const applied = await api<{ caseNo: string }>("/api/after-sales/cases", {
    token: returned.token,
    json: {
      orderNo: returned.orderNo,
      type: "return_refund",
      reasonCode: "quality",
      description: "压缩机噪音很大",
      items: [{ orderItemId: detail.items[0]!.id, quantity: 1 }],
    },
  });
  caseNo = applied.caseNo;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await store?.close();
});

describe("merchant console at /admin", () => {
  it("logs the merchant in (the API's message on a wrong password) and shows today's paid orders", async () => {
    const { page, context, errors, external } = await desktopPage();
    // What the first visit downloads (uncompressed): the shell plus the login page's chunks only.
    const loaded = new Map<string, Promise<number>>();
    page.on("response", (r) => {
      if (new URL(r.url()).pathname.startsWith("/admin/"))
        loaded.set(
          r.url(),
          r.body().then(
            (b) => b.length,
            () => 0,
          ),
        );
    });
    const bytes = async () => (await Promise.all([...loaded.values()])).reduce((a, b) => a + b, 0);
    await page.goto(`${store.stack.baseUrl}/admin/`);
    await tid(page, "login-submit").waitFor();
    await page.waitForLoadState("networkidle");
    const loginBytes = await bytes();
    expect([...loaded.keys()].some((u) => /SalesChart|echarts/i.test(u))).toBe(false);
    expect(loginBytes).toBeLessThan(450_000);
    await tid(page, "login-submit").click();
    await expect.poll(() => page.locator(".el-form-item__error").first().textContent()).toBe("请输入账号");
    await fill(page, "login-username", MERCHANT.username);
    await fill(page, "login-password", "wrong-password");
    await tid(page, "login-submit").click();
    const refused = await store.stack.fetch("/api/auth/staff-login", {
      method: "POST",
      json: { username: MERCHANT.username, password: "wrong-password" },
    });
    const message = ((await refused.json()) as { error: { message: string } }).error.message;
    await expect.poll(() => tid(page, "login-error").textContent()).toContain(message);
    await shot(page, "admin-login");

    await fill(page, "login-password", MERCHANT.password);
    await tid(page, "login-submit").click();
    await tid(page, "period-today").waitFor();
    expect(page.url()).toContain("#/dashboard");
    const dashboard = await api<{
      today: { paidOrders: number };
      todo: { toShip: number; afterSalesToReview: number };
    }>("/api/admin/dashboard", { token: merchantToken });
    expect(dashboard.today.paidOrders).toBe(2);
    await expect
      .poll(() => tid(page, "period-today").locator('[data-testid="paid-orders"]').textContent())
      .toBe("2");
    expect(await tid(page, "todo-toShip").locator(".todo-n").textContent()).toBe(
      String(dashboard.todo.toShip),
    );
    expect(await tid(page, "todo-afterSalesToReview").locator(".todo-n").textContent()).toBe("1");
    await tid(page, "sales-chart").locator("canvas").first().waitFor();
    await page.waitForLoadState("networkidle");
    console.log(
      `console first load: login page ${Math.round(loginBytes / 1024)} KiB, dashboard with chart ${Math.round((await bytes()) / 1024)} KiB (uncompressed, ${loaded.size} files)`,
    );
    // The session lives in this tab's sessionStorage only.
    expect(await page.evaluate<string | null>('sessionStorage.getItem("jiadian-admin-session")')).toContain(
      "token",
    );
    expect(await page.evaluate<number>("localStorage.length")).toBe(0);
    await shot(page, "admin-dashboard");

    // An expired access token is renewed with the refresh token and the request sent again…
    const stored = () => page.evaluate<string | null>('sessionStorage.getItem("jiadian-admin-session")');
    const tamper = (patch: string) =>
      page.evaluate(
        `(() => { const s = JSON.parse(sessionStorage.getItem("jiadian-admin-session")); Object.assign(s, ${patch}); sessionStorage.setItem("jiadian-admin-session", JSON.stringify(s)); })()`,
      );
    await tamper('{ token: "expired" }');
    await page.reload();
    await expect
      .poll(() => tid(page, "period-today").locator('[data-testid="paid-orders"]').textContent())
      .toBe("2");
    expect(JSON.parse((await stored())!).token).not.toBe("expired");
    // …and without a usable refresh token, a 401 leads back to the login page.
    await tamper('{ token: "expired", refreshToken: "revoked" }');
    await page.reload();
    await tid(page, "login-submit").waitFor();
    expect(page.url()).toContain("redirect=");
    expect(await stored()).toBeNull();
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  }, 120_000);

  it("ships a paid order in two parcels from the orders page", async () => {
    const { page, context, errors } = await desktopPage();
    await signInAs(page, MERCHANT);
    await tid(page, "menu-orders").click();
    await page.locator(".el-tabs__item", { hasText: "待发货" }).click();
    await tid(page, `order-link-${shipOrder.orderNo}`).waitFor();
    expect(await tid(page, `order-status-${shipOrder.orderNo}`).textContent()).toContain("待发货");
    await shot(page, "admin-orders");

    await tid(page, `order-link-${shipOrder.orderNo}`).click();
    await tid(page, "order-ship").click();
    const dialog = tid(page, "ship-dialog");
    // Validated before sending: nothing chosen yet.
    await tid(page, "ship-submit").click();
    await expect
      .poll(() => page.locator(".el-form-item__error").first().textContent())
      .toBe("请选择快递公司");
    const openDropdowns = page.locator(".el-select__popper:visible");
    const pick = async (i: number, carrier: string) => {
      await expect.poll(() => openDropdowns.count()).toBe(0);
      await tid(page, `ship-carrier-${i}`).click();
      await openDropdowns.last().locator(".el-select-dropdown__item", { hasText: carrier }).first().click();
    };
    await pick(0, "顺丰");
    await fill(page, "ship-waybill-0", "SF1400000000001");
    await tid(page, "ship-add-parcel").click();
    await pick(1, "京东");
    await fill(page, "ship-waybill-1", "JD0000000000002");
    await shot(page, "admin-order-ship");
    await tid(page, "ship-submit").click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => tid(page, "order-status").textContent()).toContain("已发货");
    const shipped = await api<{ status: string; trackingNo: string | null }>(
      `/api/admin/orders/${shipOrder.id}`,
      {
        token: merchantToken,
      },
    );
    expect(shipped.status).toBe("shipped");
    expect(shipped.trackingNo).toBe("SF1400000000001");
    const parcels = await store.stack.sql.execute({
      sql: "SELECT tracking_no FROM order_parcels WHERE order_id = ? ORDER BY tracking_no",
      args: [shipOrder.id],
    });
    expect(parcels.rows.map((r) => r.tracking_no)).toEqual(["JD0000000000002", "SF1400000000001"]);
    await shot(page, "admin-order-detail");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("adjusts a SKU's stock with a reason", async () => {
    const { page, context, errors } = await desktopPage();
    await signInAs(page, MERCHANT);
    await tid(page, "menu-stock").click();
    await tid(page, `stock-adjust-${sku.skuCode}`).click();
    await fill(page, "adjust-amount", "5");
    await tid(page, "adjust-submit").click();
    // The reason is required before anything is sent.
    await expect
      .poll(() => page.locator(".el-form-item__error").first().textContent())
      .toBe("请填写调整原因");
    await fill(page, "adjust-reason", "采购入库");
    const before = (
      await api<{ stock: { available: number } }>(`/api/admin/inventory/skus/${sku.skuId}`, {
        token: merchantToken,
      })
    ).stock.available;
    await tid(page, "adjust-submit").click();
    await tid(page, "adjust-dialog").waitFor({ state: "hidden" });
    await expect
      .poll(() => tid(page, `stock-available-${sku.skuCode}`).textContent())
      .toBe(String(before + 5));
    const after = await api<{ stock: { available: number } }>(`/api/admin/inventory/skus/${sku.skuId}`, {
      token: merchantToken,
    });
    expect(after.stock.available).toBe(before + 5);
    await shot(page, "admin-stock");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("approves an after-sales case after confirming", async () => {
    const { page, context, errors } = await desktopPage();
    await signInAs(page, MERCHANT);
    await tid(page, "menu-after-sales").click();
    await tid(page, `case-link-${caseNo}`).click();
    await tid(page, "case-approve").click();
    await page.locator(".el-message-box").waitFor();
    await shot(page, "admin-after-sales-confirm");
    await page.locator(".el-message-box__btns button", { hasText: "同意" }).click();
    await expect.poll(() => tid(page, "case-status").textContent()).toContain("待寄回");
    const c = await api<{ status: string }>(`/api/admin/after-sales/cases/${caseNo}`, {
      token: merchantToken,
    });
    expect(c.status).toBe("approved");
    await shot(page, "admin-after-sales-case");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("takes a product off the shelf after confirming, and puts it back", async () => {
    const { page, context, errors } = await desktopPage();
    await signInAs(page, MERCHANT);
    await tid(page, "menu-products").click();
    const products = await api<{ items: { id: number; status: string }[] }>(
      "/api/admin/products?status=on_sale",
      {
        token: merchantToken,
      },
    );
    const id = products.items[0]!.id;
    const status = async () =>
      (await api<{ status: string }>(`/api/admin/products/${id}`, { token: merchantToken })).status;
    await tid(page, `product-off-${id}`).click();
    await page.locator(".el-message-box").waitFor();
    await page.locator(".el-message-box__btns button", { hasText: "取消" }).click();
    expect(await status()).toBe("on_sale"); // dismissed: nothing sent
    await expect.poll(() => page.locator(".el-message-box:visible").count()).toBe(0);
    await tid(page, `product-off-${id}`).click();
    await page
      .locator(".el-message-box:visible .el-message-box__btns button", { hasText: "下架" })
      .last()
      .click();
    await expect.poll(() => tid(page, `product-status-${id}`).textContent()).toContain("已下架");
    expect(await status()).toBe("off_shelf");
    await shot(page, "admin-products");
    await tid(page, `product-on-${id}`).click();
    await expect.poll(() => tid(page, `product-status-${id}`).textContent()).toContain("在售");
    expect(await status()).toBe("on_sale");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("shows an agent no stock or dashboard menu, and sends them away from the stock page", async () => {
    const { page, context, errors } = await desktopPage();
    await signInAs(page, AGENT);
    await tid(page, "menu-orders").waitFor();
    expect(await tid(page, "menu-after-sales").count()).toBe(1);
    expect(await tid(page, "menu-stock").count()).toBe(0);
    expect(await tid(page, "menu-dashboard").count()).toBe(0);
    expect(await tid(page, "menu-products").count()).toBe(0);
    expect(page.url()).toContain("#/orders");
    // Agents only see the orders of shoppers in their own chats (none here), and cannot export.
    await tid(page, "page-empty").waitFor();
    expect(await tid(page, "order-export").count()).toBe(0);
    // An order outside their chats: the page shows the API's message instead of the order.
    await page.goto(`${store.stack.baseUrl}/admin/#/orders/${shipOrder.id}`);
    await expect.poll(() => tid(page, "page-error").textContent()).toContain("订单不存在");
    expect(await tid(page, "order-ship").count()).toBe(0);
    await page.goto(`${store.stack.baseUrl}/admin/#/stock`);
    await expect.poll(() => page.url()).toContain("#/orders");
    const agentToken = await login(AGENT.username, AGENT.password);
    expect((await store.stack.fetch("/api/admin/inventory/skus", { token: agentToken })).status).toBe(403);
    await shot(page, "admin-agent");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
