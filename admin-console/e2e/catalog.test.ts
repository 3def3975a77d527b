/**
 * The console's catalog pages in Debian chromium at 1440×900 against the real stack (worker + H5 and
 * console builds, demo catalog): a merchant creates a product with two SKUs (颜色 × 1) and an uploaded
 * image, puts it on sale, and the store API shows it with the prices typed in yuan; a form with mistakes
 * shows each message under its field (the browser's checks and the API's) and writes nothing.
 * Screenshot: docs/screenshots/admin-product-edit.png.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureStaff } from "../../dev/seed/staff";
import {
  assertPrerequisites,
  launchBrowser,
  SCREENSHOTS,
  type StoreStack,
  startStoreStack,
} from "../../miniprogram-uni/e2e/helpers";
import { type ApiInit, assertConsoleBuilt, stackApi, staffToken } from "./kit";

const MERCHANT = { username: "catalog-merchant", password: "catalog-pass-123", displayName: "店长 王五" };
/** A 1×1 PNG: what the upload route sniffs as image/png. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

let store: StoreStack;
let browser: Browser;
let page: Page;
let token: string;
let takenSkuCode: string;

const call = stackApi(() => store);
const api = <T>(path: string, init: ApiInit = {}) => call<T>(path, { token, ...init });
const productCount = async () =>
  Number((await store.stack.sql.execute("SELECT count(*) AS n FROM products")).rows[0]!.n);

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
/** Visible elements only: el-table keeps a hidden copy of a cell while it re-renders its rows. */
const tid = (id: string) => byTestId(id).locator("visible=true");
/** Element Plus puts a field's attributes on a wrapper around the native input. */
async function fill(id: string, value: string) {
  const el = tid(id).first();
  const tag = await el.evaluate((n) => n.tagName.toLowerCase());
  await (tag === "input" || tag === "textarea" ? el : el.locator("input").first()).fill(value);
}
/** The error text Element Plus shows under the form item that holds `id`. */
const errorUnder = (id: string) =>
  page
    .locator(".el-form-item", { has: tid(id) })
    .last()
    .locator(".el-form-item__error");

async function pickCategory(name: string) {
  await tid("product-category").click();
  await page.getByRole("option", { name, exact: true }).click();
}

beforeAll(async () => {
  assertPrerequisites();
  assertConsoleBuilt();
  [store, browser] = await Promise.all([startStoreStack({ catalog: true }), launchBrowser()]);
  await ensureStaff(store.stack.sql, [{ ...MERCHANT, role: "merchant_admin" }]);
  token = await staffToken(store, MERCHANT);
  // The 冰箱 category's attribute definitions decide which attributes the form asks for.
  const { items } = await api<{
    items: { id: number; name: string; parentId: number | null; icon: string | null; sortOrder: number }[];
  }>("/api/admin/categories");
  const fridge = items.find((c) => c.name === "冰箱" && c.parentId === null)!;
  await api(`/api/admin/categories/${fridge.id}`, {
    method: "PUT",
    json: { ...fridge, attributeKeys: ["capacity_l", "door_type"] },
  });
  const stock = await api<{ items: { skuCode: string }[] }>("/api/admin/inventory/skus?limit=1");
  takenSkuCode = stock.items[0]!.skuCode;

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${store.stack.baseUrl}/admin/`);
  await fill("login-username", MERCHANT.username);
  await fill("login-password", MERCHANT.password);
  await tid("login-submit").click();
  await tid("side-menu").waitFor();
}, 300_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== "fail" || !page) return;
  await page.screenshot({ path: "/tmp/catalog-e2e-fail.png" }).catch(() => undefined);
  await writeFile("/tmp/catalog-e2e-fail.html", await page.content()).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await store?.close();
});

describe("console catalog", () => {
  it("creates a product with two SKUs and an image, puts it on sale, and the store sells it at those prices", async () => {
    await page.goto(`${store.stack.baseUrl}/admin/#/products`);
    await tid("product-new").click();
    await fill("product-name", "E2E 十字对开门冰箱 520L");
    await pickCategory("冰箱");
    await fill("product-brand", "海尔");
    await fill("product-subtitle", "一级能效 双变频");
    // The category's attributes appear once it is chosen.
    await fill("attr-capacity_l", "520");
    await tid("attr-door_type").click();
    await page.getByRole("option", { name: "十字对开门", exact: true }).click();

    await byTestId("image-input").setInputFiles({ name: "fridge.png", mimeType: "image/png", buffer: PNG });
    await tid("product-image").first().waitFor();

    await tid("dim-add").click();
    await fill("dim-name-0", "颜色");
    await fill("dim-values-0", "星空灰，冰川白");
    await tid("sku-code-1").waitFor();
    await fill("sku-code-0", "E2E-FRIDGE-GREY");
    await fill("sku-price-0", "3999");
    await fill("sku-original-0", "4599");
    await fill("sku-stock-0", "20");
    await fill("sku-code-1", "E2E-FRIDGE-WHITE");
    await fill("sku-price-1", "4199.5");
    await fill("sku-stock-1", "5");
    await tid("save-publish").click();

    await page.waitForURL(/#\/products\/\d+\/edit/);
    await expect.poll(async () => (await tid("edit-status").textContent())?.trim()).toBe("在售");
    const id = Number(/products\/(\d+)\/edit/.exec(page.url())![1]);
    // The edit page shows what was saved: prices back in yuan, stock from the counters.
    await expect.poll(() => tid("sku-price-1").inputValue()).toBe("4199.50");
    await expect.poll(() => tid("sku-stock-0").inputValue()).toBe("20");
    await page.mouse.move(0, 0);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: resolve(SCREENSHOTS, "admin-product-edit.png") });

    const res = await store.stack.fetch(`/api/products/${id}`);
    expect(res.status).toBe(200);
    const product = (await res.json()) as {
      name: string;
      priceFen: number;
      originalPriceFen: number | null;
      images: string[];
      specTable: { label: string; value: string }[];
      specOptions: { name: string; values: string[] }[];
      skus: {
        skuCode: string;
        priceFen: number;
        originalPriceFen: number | null;
        specs: Record<string, string>;
      }[];
    };
    expect(product.name).toBe("E2E 十字对开门冰箱 520L");
    expect(product.priceFen).toBe(399_900);
    expect(product.originalPriceFen).toBe(459_900);
    expect(product.skus.map((s) => [s.skuCode, s.specs.颜色, s.priceFen, s.originalPriceFen])).toEqual([
      ["E2E-FRIDGE-GREY", "星空灰", 399_900, 459_900],
      ["E2E-FRIDGE-WHITE", "冰川白", 419_950, null],
    ]);
    expect(product.specOptions).toEqual([{ name: "颜色", values: ["星空灰", "冰川白"] }]);
    expect(product.specTable).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: "总容积", value: "520L" }),
        expect.objectContaining({ label: "门款式", value: "十字对开门" }),
      ]),
    );
    expect(product.images).toHaveLength(1);
    const image = await store.stack.fetch(product.images[0]!);
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
    // The stock typed in the matrix is what the counters hold.
    const admin = await api<{ skus: { id: number; skuCode: string }[] }>(`/api/admin/products/${id}`);
    const available = await Promise.all(
      admin.skus.map((s) =>
        api<{ stock: { available: number } }>(`/api/admin/inventory/skus/${s.id}`).then(
          (r) => r.stock.available,
        ),
      ),
    );
    expect(available).toEqual([20, 5]);
  }, 90_000);

  it("shows each mistake under its field, the browser's and the API's, and writes nothing", async () => {
    const before = await productCount();
    await page.goto(`${store.stack.baseUrl}/admin/#/products/new`);
    await tid("save-draft").click();
    await expect.poll(() => errorUnder("product-name").textContent()).toContain("商品名称为 2–80 个字");
    expect(await errorUnder("sku-code-0").textContent()).toContain("请填写 SKU 编码");
    expect(await errorUnder("sku-price-0").textContent()).toContain("请填写售价");

    // Everything the browser can check is right; the SKU code belongs to another product, which only
    // the API knows: its message appears under that code.
    await fill("product-name", "E2E 校验用电视");
    await pickCategory("电视");
    await fill("product-brand", "海信");
    await fill("sku-code-0", takenSkuCode);
    await fill("sku-price-0", "1999.9");
    await tid("save-draft").click();
    await expect
      .poll(() => errorUnder("sku-code-0").textContent())
      .toContain(`SKU 编码已被其他商品使用：${takenSkuCode}`);
    expect(await tid("form-error").textContent()).toContain("SKU 编码已被其他商品使用");
    await expect.poll(() => errorUnder("product-name").count()).toBe(0);
    expect(page.url()).toMatch(/#\/products\/new$/);
    expect(await productCount()).toBe(before);
  }, 60_000);
});
