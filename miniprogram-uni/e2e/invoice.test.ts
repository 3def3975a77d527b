/**
 * 电子发票 in a real browser: from a paid order's details the shopper opens 发票, asks for a company
 * invoice (a wrong tax number is shown under its field, nothing is sent on), the merchant issues it
 * with the tax platform's PDF, and the shopper sees 已开票 with the number and downloads the same PDF.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffToken } from "../../test/harness";
import {
  assertPrerequisites,
  fill,
  launchBrowser,
  phone,
  type PhonePage,
  SCREENSHOTS,
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
let merchant: string;
const { api, open, payWithAlipay, addAddress, loginShopper } = storeHelpers(() => store);
const PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

beforeAll(async () => {
  assertPrerequisites();
  [store, browser] = await Promise.all([startStoreStack({ catalog: false }), launchBrowser()]);
  merchant = await staffToken(store.stack, "merchant_admin", "e2e-merchant");
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await store?.close();
});

describe("电子发票 in the H5 store", { timeout: 120_000 }, () => {
  let device: PhonePage;
  beforeAll(async () => {
    device = await phone(browser);
  });

  it("ask for a company invoice on a paid order, then download it once issued", async () => {
    const { page, errors } = device;
    const category = await api<{ id: number }>("/api/admin/categories", {
      method: "POST",
      token: merchant,
      json: { name: "冰箱" },
    });
    const product = await api<{ skus: { id: number }[] }>("/api/admin/products", {
      method: "POST",
      token: merchant,
      json: {
        categoryId: category.id,
        name: "开票测试冰箱",
        brand: "海尔",
        status: "on_sale",
        attributes: {},
        skus: [{ skuCode: "INV-1", specs: { 颜色: "白" }, priceFen: 329_900 }],
      },
    });
    const skuId = product.skus[0]!.id;
    await api(`/api/admin/inventory/skus/${skuId}/adjustments`, {
      method: "POST",
      token: merchant,
      json: { mode: "set", available: 5, reason: "e2e" },
    });

    const token = await loginShopper(page, "开票顾客");
    await addAddress(token);
    const placed = await store.stack.fetch("/api/orders", {
      method: "POST",
      token,
      json: { items: [{ skuId, quantity: 1 }] },
      headers: { "idempotency-key": "e2e-invoice-order" },
    });
    expect(placed.status).toBe(201);
    const order = (await placed.json()) as { id: number; orderNo: string; payableFen: number };
    await payWithAlipay(token, order);

    await open(page, `/pages/orders/detail?id=${order.id}`);
    await expect.poll(async () => squeeze(await tid(page, "order-invoice").textContent())).toBe("发票申请开票›");
    await tid(page, "order-invoice").click();
    await tid(page, "invoice-form").waitFor();
    expect(squeeze(await page.locator(".inv__amount").textContent())).toBe(`开票金额${yuan(order.payableFen)}`);

    await tid(page, "invoice-kind-company").click();
    await fill(page, "invoice-title", "深圳家电科技有限公司");
    // The form's own check: a company needs a tax number.
    await tid(page, "invoice-submit").click();
    await expect.poll(() => tid(page, "invoice-error-taxNo").textContent()).toBe("企业抬头须填写纳税人识别号");
    // The server's check: the credit code's check character is wrong; the message sits under the field.
    await fill(page, "invoice-taxno", "91350100M000100Y44");
    await tid(page, "invoice-submit").click();
    await expect.poll(() => tid(page, "invoice-error-taxNo").textContent()).toContain("纳税人识别号格式不正确");
    expect((await api<{ invoice: unknown }>(`/api/orders/${order.id}/invoice`, { token })).invoice).toBeNull();

    await fill(page, "invoice-taxno", "91350100M000100Y43");
    await tid(page, "invoice-submit").click();
    await expect.poll(() => tid(page, "invoice-status").textContent()).toBe("开票中");
    await screenshot(page, "70-invoice-requested");

    // The merchant issues it in the console's 发票管理 (same worker, /admin), uploading the PDF.
    const desk = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    const admin = await desk.newPage();
    await admin.goto(`${store.stack.baseUrl}/admin/#/invoices`);
    await consoleField(admin, "login-username").fill("e2e-merchant");
    await consoleField(admin, "login-password").fill("test-password-123");
    await tid(admin, "login-submit").click();
    await tid(admin, "invoice-table").waitFor();
    const { items } = await api<{ items: { id: number; orderNo: string }[] }>("/api/admin/invoices?status=requested", {
      token: merchant,
    });
    const invoiceId = items.find((i) => i.orderNo === order.orderNo)!.id;
    await tid(admin, `invoice-issue-${invoiceId}`).click();
    await consoleField(admin, "invoice-no-input").fill("2431200000001234567"); // 19 digits
    await admin.locator('[data-testid="invoice-file"] input[type=file]').setInputFiles({
      name: "fp.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(PDF),
    });
    await tid(admin, "invoice-issue-confirm").click();
    await expect
      .poll(() => admin.locator(".el-form-item__error").first().textContent())
      .toContain("发票号码应为 20 位");
    await consoleField(admin, "invoice-no-input").fill("24312000000012345678");
    await tid(admin, "invoice-issue-confirm").click();
    await tid(admin, "invoice-issue-dialog").locator(".el-dialog").waitFor({ state: "hidden" });
    await expect
      .poll(async () => (await api<{ items: { id: number }[] }>("/api/admin/invoices?status=issued", { token: merchant })).items.map((i) => i.id))
      .toContain(invoiceId);
    await admin.getByRole("tab", { name: "已开票" }).click();
    await tid(admin, `invoice-amount-${invoiceId}`).waitFor();
    await admin.screenshot({ path: `${SCREENSHOTS}/admin-invoices.png` });
    // The console's 评价管理 sits in the 商品 section of the same menu.
    await tid(admin, "menu-reviews").waitFor();
    await desk.close();

    await page.reload();
    await expect.poll(() => tid(page, "invoice-status").textContent()).toBe("已开票");
    expect(await tid(page, "invoice-no").textContent()).toBe("24312000000012345678");
    const [download] = await Promise.all([page.waitForEvent("download"), tid(page, "invoice-download").click()]);
    expect(download.suggestedFilename()).toBe(`invoice-${order.orderNo}.pdf`);
    const saved = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of saved) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe(PDF);
    await screenshot(page, "71-invoice-issued");
    expect(errors).toEqual([]);
  });
});

/** Element Plus puts a field's data-testid on the native input itself, or on a wrapper around it. */
function consoleField(p: Parameters<typeof tid>[0], id: string) {
  return p.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();
}
