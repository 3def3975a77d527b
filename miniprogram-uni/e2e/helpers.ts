/**
 * E2E support: the real local stack (worker in workerd serving the H5 build as static assets, libSQL,
 * Durable Objects) plus the local payment simulator, driven in Debian chromium at 375×812.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { type Kuaidi100Simulator, startKuaidi100Simulator } from "../../dev/kuaidi100-simulator/server";
import { seedCatalog } from "../../dev/seed/seed-catalog";
import { seedInstallation } from "../../dev/seed/seed-installation";
import { seedLogistics } from "../../dev/seed/seed-logistics";
import { seedStock } from "../../dev/seed/seed-stock";
import { type PaymentSimulator, startPaymentSimulator } from "../../dev/payment-simulator/server";
import { startForwarder } from "../../test/forwarder";
import { type Stack, staffToken, startStack } from "../../test/harness";
import { createDb } from "../../worker/db/client";
import { seedFaq } from "../../worker/faq/service";
import { seedOutlets } from "../../dev/seed/seed-outlets";
import { fenToYuan } from "../../worker/shared/money";

export const ROOT = resolve(import.meta.dirname, "../..");
export const H5_INDEX = resolve(ROOT, "miniprogram-uni/dist/build/h5/index.html");
export const SCREENSHOTS = resolve(ROOT, "docs/screenshots");

/** The H5 build and chromium are prerequisites (.ci/run installs chromium and builds H5 before tests). */
export function assertPrerequisites() {
  if (!existsSync(H5_INDEX)) throw new Error("H5 build missing: run `npm run build:h5` first");
  if (!existsSync("/usr/bin/chromium")) throw new Error("chromium missing: apt-get install -y chromium");
}

export { launchChromium as launchBrowser } from "../../test/browser";

export interface PhonePage {
  context: BrowserContext;
  page: Page;
  /** Requests that left the machine's loopback (there must be none: no CDN, no third parties). */
  external: string[];
  /** Uncaught page errors. */
  errors: string[];
}

/** A 375×812 phone-sized page (one browser context = one device with its own storage). */
export async function phone(browser: Browser): Promise<PhonePage> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
  });
  const page = await context.newPage();
  const external: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["127.0.0.1", "localhost"].includes(u.hostname) && !u.protocol.startsWith("data")) external.push(r.url());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return { context, page, external, errors };
}

/** The element with this data-testid. */
export const tid = (p: Page, id: string) => p.locator(`[data-testid="${id}"]`);
/** Types into the native field inside a uni-app <input> (the data-testid sits on its wrapper). */
export const fill = (p: Page, id: string, value: string) => tid(p, id).locator("input").fill(value);

export async function screenshot(page: Page, name: string) {
  await mkdir(SCREENSHOTS, { recursive: true });
  // Let images decode and transitions settle so the picture shows what a person would see.
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await page
    .locator(".uni-sample-toast, .uni-toast")
    .first()
    .waitFor({ state: "hidden", timeout: 5_000 })
    .catch(() => undefined);
  await page.waitForTimeout(400);
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
}

/** Waits until uni-app shows a toast with exactly this text (an earlier toast may still be fading). */
export async function expectToast(page: Page, text: string) {
  await page
    .locator(".uni-simple-toast__text, .uni-toast__content", { hasText: new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`) })
    .first()
    .waitFor({ state: "visible", timeout: 10_000 });
}


export interface StoreStack {
  stack: Stack;
  sim: PaymentSimulator;
  /** The 快递100 simulator (with `logistics`): parcels move only when the test calls `advance`. */
  kuaidi100?: Kuaidi100Simulator;
  close(): Promise<void>;
}

/**
 * The whole store: worker + H5 + payment simulator, optionally with the demo catalog and stock.
 * `services` seeds the FAQ and the repair outlets, as `npm start` does. `logistics` seeds the freight
 * templates and delivery rules (with the catalog) and runs the 快递100 simulator, whose pushes reach the
 * worker through the same forwarder as the payment notifications. `installation` seeds the installation
 * services, service areas, installers and the next 14 days' slots (with the catalog).
 */
export async function startStoreStack(opts: {
  catalog: boolean;
  services?: boolean;
  logistics?: boolean;
  installation?: boolean;
}): Promise<StoreStack> {
  const forwarder = await startForwarder();
  const sim = await startPaymentSimulator({ port: 0, notifyBaseUrl: forwarder.url });
  const kuaidi100 = opts.logistics ? await startKuaidi100Simulator({ stepMs: 0 }) : undefined;
  const tracking = kuaidi100 ? { ...kuaidi100.config, TRACKING_CALLBACK_BASE_URL: forwarder.url } : {};
  const stack = await startStack({ vars: { ...sim.config, ...tracking } });
  forwarder.setTarget(stack.baseUrl);
  if (opts.services) {
    const db = createDb(stack.vars.LIBSQL_URL!);
    await seedFaq(db);
    await seedOutlets(db);
  }
  if (opts.catalog) {
    const merchantToken = await staffToken(stack, "merchant_admin", "e2e-merchant");
    const api = { baseUrl: stack.baseUrl, merchantToken };
    const catalog = await seedCatalog(api, () => undefined);
    await seedStock(api, catalog.skus);
    if (opts.logistics) await seedLogistics(api);
    if (opts.installation) await seedInstallation(api);
  }
  return {
    stack,
    sim,
    kuaidi100,
    async close() {
      await stack.close();
      await sim.close();
      await kuaidi100?.close();
      await forwarder.close();
    },
  };
}

/**
 * The page-side helpers every browser suite uses, bound to its store (read when called, so the suite can
 * start the store in beforeAll): the API as a shopper or the merchant, open a route, the page's session token.
 */
export function storeHelpers(current: () => StoreStack) {
  async function api<T>(path: string, init: { token?: string; json?: unknown; method?: string } = {}): Promise<T> {
    const res = await current().stack.fetch(path, init);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
  const open = (p: Page, hash: string) => p.goto(`${current().stack.baseUrl}/#${hash}`);
  /** The token the page got at login (uni.setStorageSync keeps the session JSON in localStorage). */
  async function sessionToken(p: Page): Promise<string> {
    const raw = await p.evaluate(() => localStorage.getItem("jd.shopper"));
    const token = raw ? (JSON.parse(raw) as { token?: string }).token : undefined;
    if (!token) throw new Error("no shopper session in storage");
    return token;
  }
  /**
   * Pays an order through the API and the simulated Alipay H5 cashier (opening the cashier is what
   * creates the trade at the gateway); the simulator then notifies the worker.
   */
  async function payWithAlipay(token: string, order: { id: number; orderNo: string }) {
    const started = await api<{ payment: { redirectUrl?: string } }>(`/api/orders/${order.id}/pay`, {
      method: "POST",
      token,
      json: { method: "alipay", channel: "h5" },
    });
    await fetch(started.payment.redirectUrl!, { redirect: "manual" });
    const paid = await fetch(`${current().sim.url}/_sim/pay`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ method: "alipay", outTradeNo: order.orderNo, wait: true }),
    });
    expect(paid.status).toBe(200);
  }
  /** Logs in on the login page with the development login; returns the session's token. */
  async function loginShopper(p: Page, nickname: string): Promise<string> {
    await open(p, "/pages/login/index");
    await fill(p, "nickname", nickname);
    await tid(p, "login-submit").click();
    await p.waitForURL((u) => !u.toString().includes("pages/login"));
    return sessionToken(p);
  }
  /** The shopper's default address in 深圳市南山区 (where every demo product delivers). */
  async function addAddress(token: string, receiverName = "张三") {
    return api<{ id: number }>("/api/addresses", {
      method: "POST",
      token,
      json: {
        receiverName,
        phone: "13800138000",
        provinceCode: "440000",
        cityCode: "440300",
        districtCode: "440305",
        detail: "科技园一路 1 号",
        isDefault: true,
      },
    });
  }
  return { api, open, sessionToken, payWithAlipay, loginShopper, addAddress };
}

/**
 * Opens the region picker from `trigger` and chooses 省 / 市 / 区县 (one wheel step = one entry), then
 * waits for the popup to be gone (a tap on its closing overlay would not reach the page).
 */
export async function pickRegion(p: Page, trigger: string, names: string[]) {
  await tid(p, trigger).click();
  const columns = p.locator(".u-picker__view__column");
  for (const [i, name] of names.entries()) {
    const column = columns.nth(i);
    const items = column.locator(".u-picker__view__column__item");
    const selected = async () =>
      (await column.locator(".u-picker__view__column__item--selected").textContent())?.trim();
    await items.filter({ hasText: name }).first().waitFor({ state: "attached" });
    const texts = (await items.allTextContents()).map((t) => t.trim());
    const steps = texts.indexOf(name) - texts.indexOf((await selected()) ?? "");
    await column.hover();
    for (let n = 0; n < Math.abs(steps); n++) await p.mouse.wheel(0, steps > 0 ? 60 : -60);
    await expect.poll(selected).toBe(name);
  }
  await p.locator(".u-toolbar__wrapper__confirm").click();
  await columns.first().waitFor({ state: "detached" });
}

/** How the store shows an amount: ¥1,234.50 → "¥1234.50" (fenToYuan). */
export const yuan = (fen: number) => `¥${fenToYuan(fen)}`;

/** Text without whitespace and the icon font's private-use glyphs, for comparing what a page shows. */
export const squeeze = (s: string | null) => (s ?? "").replace(/[\s\uE000-\uF8FF]+/g, "");
