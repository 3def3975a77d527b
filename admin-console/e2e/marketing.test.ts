/**
 * The console's 营销 / 物流 / 库存流水 pages in Debian chromium at 1440×900 against the real stack: a merchant
 * creates a coupon template (the form refuses a 减 above its 满 before sending; the API's 结束时间已过 shows
 * under 有效期) and the shopper's 领券中心 then offers it, grants it to one shopper, stops it after a
 * confirmation (the centre drops it), creates a freight template with a
 * region rule picked in the cascader (yuan typed, fen stored); an operations account sees no 营销 or
 * 运费模板 menu (the API answers 403) but reads a SKU's ledger with the adjustment's reason.
 * Screenshots: docs/screenshots/admin-coupons.png, admin-freight.png.
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
} from "./kit";

const MERCHANT = { username: "mkt-merchant", password: "mkt-pass-123", displayName: "店长 张三" };
const OPS = { username: "mkt-ops", password: "mkt-pass-456", displayName: "运营 小王" };

let store: StoreStack;
let browser: Browser;
let page: Page;
let merchantToken: string;

const api = stackApi(() => store);
const login = (who: Staff) => staffToken(store, who);

/** Signs in in a fresh browser context (one page at a time; its errors are collected). */
async function signInFresh(who: Staff) {
  await page?.context().close();
  const opened = await desktop(browser);
  page = opened.page;
  page.on("pageerror", (e) => errors.push(String(e)));
  await signIn(page, store.stack.baseUrl, who);
}
const visibleBoxButton = (text: string) =>
  page.locator(".el-message-box:visible .el-message-box__btns button", { hasText: text }).last();

interface Template {
  id: number;
  name: string;
  status: string;
  amountOffFen: number | null;
  thresholdFen: number;
  totalQuantity: number;
  issued: number;
}
const templates = async () =>
  (await api<{ items: Template[] }>("/api/admin/marketing/coupons", { token: merchantToken })).items;
const centre = async () =>
  (await api<{ items: { templateId: number; label: string }[] }>("/api/coupons/centre")).items;

const errors: string[] = [];

beforeAll(async () => {
  assertPrerequisites();
  assertConsoleBuilt();
  [store, browser] = await Promise.all([
    startStoreStack({ catalog: true, logistics: true }),
    launchBrowser(),
  ]);
  await ensureStaff(store.stack.sql, [
    { ...MERCHANT, role: "merchant_admin" },
    { ...OPS, role: "operations" },
  ]);
  merchantToken = await login(MERCHANT);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await store?.close();
});

describe("console: marketing, logistics, stock ledger", () => {
  it("creates a coupon template that the shopper's coupon centre then offers, grants it, and stops it after confirming", async () => {
    await signInFresh(MERCHANT);
    await tid(page, "menu-coupons").click();
    await tid(page, "page-empty").waitFor();
    await tid(page, "coupon-create").click();
    await tid(page, "coupon-dialog").waitFor();
    const name = "冰箱满3000减300";
    await fill(page, "coupon-name", name);
    // 减 above 满: refused in the form, nothing sent.
    await fill(page, "coupon-threshold", "100");
    await fill(page, "coupon-amount", "300");
    await tid(page, "coupon-submit").click();
    await expect
      .poll(() => tid(page, "coupon-dialog").locator(".el-form-item__error").allTextContents())
      .toContain("减免金额不能高于使用门槛");
    expect(await templates()).toEqual([]);

    await fill(page, "coupon-threshold", "3000");
    // A fixed validity already over: only the API knows "now"; its message shows under 有效期.
    const dialog = tid(page, "coupon-dialog");
    await dialog.locator(".el-radio", { hasText: "固定时间" }).click();
    const [from, to] = [dialog.locator(".el-range-input").first(), dialog.locator(".el-range-input").last()];
    await from.fill("2020-01-01 00:00");
    await to.fill("2020-01-31 00:00");
    await to.press("Enter");
    await tid(page, "coupon-submit").click();
    await expect
      .poll(() => dialog.locator(".el-form-item__error").allTextContents())
      .toContain("结束时间已过");
    expect(await tid(page, "coupon-error").textContent()).toContain("结束时间已过");
    expect(await templates()).toEqual([]);
    await dialog.locator(".el-radio", { hasText: "领取后" }).click();
    await fill(page, "coupon-total", "500");
    await dialog.locator(".el-checkbox", { hasText: "商家发放" }).click();
    await tid(page, "coupon-submit").click();
    await tid(page, "coupon-dialog").waitFor({ state: "hidden" });
    await tid(page, `coupon-row-${name}`).waitFor();
    const [created] = await templates();
    expect(created).toMatchObject({
      name,
      status: "active",
      thresholdFen: 300_000,
      amountOffFen: 30_000,
      totalQuantity: 500,
    });
    // The shopper side offers it at once, with the label built from fen.
    expect(await centre()).toContainEqual(
      expect.objectContaining({ templateId: created!.id, label: "满3000减300" }),
    );
    await shot(page, "admin-coupons");

    // 发放 to one shopper by customer number: it lands in their 我的优惠券, the issued count follows.
    const shopper = await api<{ token: string; shopper: { id: number } }>("/api/auth/dev-login", {
      json: { nickname: "营销顾客" },
    });
    await tid(page, `coupon-grant-${created!.id}`).click();
    await page.locator(".el-message-box:visible input").fill(String(shopper.shopper.id));
    await visibleBoxButton("发放").click();
    await expect.poll(async () => (await templates())[0]!.issued).toBe(1);
    const mine = await api<{ items: { templateId: number; source: string }[] }>("/api/coupons/mine", {
      token: shopper.token,
    });
    expect(mine.items).toContainEqual(
      expect.objectContaining({ templateId: created!.id, source: "merchant_grant" }),
    );

    // 停止发放: a dismissed confirmation sends nothing; a confirmed one stops it and the centre drops it.
    await tid(page, `coupon-stop-${created!.id}`).click();
    await visibleBoxButton("取消").click();
    await expect.poll(() => page.locator(".el-message-box:visible").count()).toBe(0);
    expect((await templates())[0]!.status).toBe("active");
    await tid(page, `coupon-stop-${created!.id}`).click();
    await visibleBoxButton("停止发放").click();
    await expect.poll(() => tid(page, `coupon-status-${created!.id}`).textContent()).toBe("已停止发放");
    expect((await templates())[0]!.status).toBe("stopped");
    expect((await centre()).map((c) => c.templateId)).not.toContain(created!.id);
    expect(errors).toEqual([]);
  }, 120_000);

  it("creates a freight template with a region rule picked in the cascader, fees typed in yuan", async () => {
    await signInFresh(MERCHANT);
    await tid(page, "menu-freight-templates").click();
    await tid(page, "freight-table").waitFor();
    await tid(page, "freight-create").click();
    await tid(page, "freight-dialog").waitFor();
    await fill(page, "freight-name", "大件物流（e2e）");
    await fill(page, "freight-first-fee", "25.5");
    await page.getByRole("button", { name: "+ 为指定地区设置运费" }).click();
    await tid(page, "freight-dialog").locator(".el-cascader").first().click();
    const panel = page.locator(".el-cascader__dropdown:visible");
    await panel.locator(".el-cascader-node", { hasText: "广东省" }).locator(".el-checkbox").click();
    await page.keyboard.press("Escape");
    await tid(page, "freight-submit").click();
    await tid(page, "freight-dialog").waitFor({ state: "hidden" });
    await expect.poll(() => tid(page, "freight-table").textContent()).toContain("大件物流（e2e）");
    const { items } = await api<{
      items: { name: string; defaultRule: { firstFeeFen: number }; regionRules: { regions: string[] }[] }[];
    }>("/api/admin/logistics/freight-templates", { token: merchantToken });
    const saved = items.find((t) => t.name === "大件物流（e2e）");
    expect(saved?.defaultRule.firstFeeFen).toBe(2550);
    expect(saved?.regionRules.map((r) => r.regions)).toEqual([["440000"]]);
    expect(await tid(page, "freight-table").textContent()).toContain("广东省");
    await shot(page, "admin-freight");
    expect(errors).toEqual([]);
  }, 120_000);

  it("shows operations no marketing or freight pages (the API refuses them) but the ledger with its reasons", async () => {
    const stock = await api<{ items: { skuId: number; available: number }[] }>(
      "/api/admin/inventory/skus?limit=20",
      { token: merchantToken },
    );
    const sku = stock.items.find((s) => s.available > 5)!;
    const adjusted = await api<{ stock: { available: number } }>(
      `/api/admin/inventory/skus/${sku.skuId}/adjustments`,
      { token: merchantToken, json: { mode: "delta", delta: -2, reason: "月末盘点：两台样机" } },
    );

    await signInFresh(OPS);
    await tid(page, "menu-stock-ledger").waitFor();
    for (const entry of ["coupons", "promotions", "group-buys", "flash-sales", "freight-templates"])
      expect(await tid(page, `menu-${entry}`).count()).toBe(0);
    await page.goto(`${store.stack.baseUrl}/admin/#/marketing/coupons`);
    await expect.poll(() => page.url()).not.toContain("marketing");
    const opsToken = await login(OPS);
    for (const path of [
      "/api/admin/marketing/coupons",
      "/api/admin/marketing/promotions",
      "/api/admin/group-buys",
      "/api/admin/logistics/freight-templates",
    ])
      expect((await store.stack.fetch(path, { token: opsToken })).status).toBe(403);

    await page.goto(`${store.stack.baseUrl}/admin/#/stock/ledger?skuId=${sku.skuId}`);
    await tid(page, "ledger-table").waitFor();
    const first = tid(page, "ledger-table").locator(".el-table__body tr").first();
    await expect.poll(() => first.textContent()).toContain("月末盘点：两台样机");
    expect(await first.textContent()).toContain("盘点调整");
    await expect
      .poll(() => tid(page, "ledger-levels").textContent())
      .toContain(`可售 ${adjusted.stock.available}`);
    expect(errors).toEqual([]);
  }, 120_000);
});
