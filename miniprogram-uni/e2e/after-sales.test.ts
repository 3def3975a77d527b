/**
 * After-sales in a real browser (issue 13): the shopper buys and pays at the simulator's Alipay cashier,
 * the merchant ships and the order is received; the shopper applies for a 退货退款 with a photo, the
 * merchant approves through the API, the shopper fills in the return waybill, the merchant receives, the
 * refund arrives through the payment simulator and both the case (已退款) and the order's 退款 section show
 * it. A paid order that has not shipped is cancelled on its page and shows its full refund. A repair case
 * shows its work order; a price drop after payment is refunded from the 价保 page; 我的维修 and 登记产品
 * render the server's data.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffToken } from "../../test/harness";
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
const { api, open, payWithAlipay, loginShopper } = storeHelpers(() => store);
let merchant: string;

// A 1×1 PNG: what a phone camera roll would hand over, as far as the server's type sniffing goes.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

beforeAll(async () => {
  assertPrerequisites();
  [store, browser] = await Promise.all([startStoreStack({ catalog: true }), launchBrowser()]);
  merchant = await staffToken(store.stack, "merchant_admin", "e2e-merchant");
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await store?.close();
});

type OrderView = {
  id: number;
  orderNo: string;
  status: string;
  payableFen: number;
  actions: string[];
  items: { id: number; skuId: number }[];
  refunds: { amountFen: number; status: string; statusLabel: string; source: string; reason: string }[];
  refundedFen: number;
};
type CaseView = {
  caseNo: string;
  status: string;
  statusText: string;
  refundFen: number;
  refund: { amountFen: number; status: string; statusText: string };
  items: { orderItemId: number; quantity: number }[];
  photos: { key: string }[];
  workOrderNo: string | null;
};

/** Polls the API until `pick` returns something (refunds and notifications arrive asynchronously). */
async function until<T>(what: string, pick: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await pick();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** An order placed and paid through the API (Alipay H5 at the simulator), for the steps that start after payment. */
async function paidOrderByApi(token: string, skuId: number): Promise<OrderView> {
  const res = await store.stack.fetch("/api/orders", {
    method: "POST",
    token,
    json: { items: [{ skuId, quantity: 1 }] },
    headers: { "idempotency-key": `e2e-as-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  });
  expect(res.status).toBe(201);
  const order = (await res.json()) as OrderView;
  await payWithAlipay(token, order);
  return until("order paid", async () => {
    const o = await api<OrderView>(`/api/orders/${order.id}`, { token });
    return o.status === "paid" && o;
  });
}

async function shipAndReceive(token: string, orderId: number) {
  await api(`/api/admin/orders/${orderId}/ship`, {
    method: "POST",
    token: merchant,
    json: { carrier: "顺丰速运", trackingNo: `SF${Date.now()}` },
  });
  await api(`/api/orders/${orderId}/confirm-receipt`, { method: "POST", token, json: {} });
}

/** A toast whose text contains `part` (validation messages are prefixed with 请求参数有误，<field>：). */
const toastContaining = (p: Page, part: string) =>
  p.locator(".uni-simple-toast__text, .uni-toast__content", { hasText: part }).first().waitFor({ timeout: 10_000 });

const scrollTo = (p: Page, id: string) => tid(p, id).first().scrollIntoViewIfNeeded();

describe("after-sales in the H5 store", { timeout: 120_000 }, () => {
  let device: PhonePage;
  let token: string;
  let skuId: number;
  let order: OrderView;
  let caseNo: string;

  beforeAll(async () => {
    device = await phone(browser);
  });

  it("the shopper buys and pays in the browser; the merchant ships and the order is received", async () => {
    const { page } = device;
    token = await loginShopper(page, "售后顾客");
    await api("/api/addresses", {
      method: "POST",
      token,
      json: {
        receiverName: "李四",
        phone: "13900139000",
        provinceCode: "440000",
        cityCode: "440300",
        districtCode: "440305",
        detail: "科技园二路 2 号",
      },
    });

    const productId = (await api<{ recommended: { id: number }[] }>("/api/home")).recommended[0]!.id;
    const product = await api<{ skus: { id: number }[] }>(`/api/products/${productId}`);
    skuId = product.skus[0]!.id;
    await open(page, `/pages/product/detail?id=${productId}`);
    await tid(page, "buy-now").click();
    await tid(page, "sku-confirm").click();
    await page.waitForURL(/pages\/checkout\/index/);
    await expect.poll(() => tid(page, "checkout-address").textContent()).toContain("13900139000");
    await tid(page, "submit-order").click();
    await page.waitForURL(/pages\/pay\/index/);
    const payUrl = page.url();
    await tid(page, "pay-now").click();
    await page.waitForURL((u) => u.toString().startsWith(store.sim.url));
    await page.locator("#confirm-pay").click();
    await page.waitForLoadState("load");
    await page.goto(payUrl);
    await page.waitForURL(/pages\/orders\/detail/, { timeout: 20_000 });
    await expect.poll(() => tid(page, "order-status").textContent(), { timeout: 10_000 }).toBe("待发货");

    const orderId = Number(new URLSearchParams(page.url().split("?")[1]).get("id"));
    await shipAndReceive(token, orderId);
    order = await api<OrderView>(`/api/orders/${orderId}`, { token });
    expect(order.status).toBe("completed");
    await page.reload();
    await expect.poll(() => tid(page, "order-status").textContent(), { timeout: 10_000 }).toBe("已完成");
  });

  it("applies for 退货退款 with a photo: types and amounts from the server's eligibility", async () => {
    const { page } = device;
    type Eligibility = {
      items: { orderItemId: number; available: number; unitRefundFen: number; types: { type: string; allowed: boolean; reason?: string }[] }[];
    };
    const eligibility = await api<Eligibility>(`/api/after-sales/orders/${order.orderNo}/eligibility`, { token });
    const line = eligibility.items[0]!;
    expect(line.types.find((t) => t.type === "return_refund")?.allowed).toBe(true);
    const refundOnly = line.types.find((t) => t.type === "refund_only")!;
    expect(refundOnly.allowed).toBe(false);

    await tid(page, "order-after-sale").click();
    await page.waitForURL(/pages\/after-sales\/apply/);
    // 仅退款 is not offered for a received order; 退货退款 is picked with the only line selected.
    await expect.poll(() => tid(page, "as-type-refund_only").getAttribute("class")).toContain("ap__type--off");
    await tid(page, "as-type-return_refund").click();
    await expect.poll(() => tid(page, "as-line").count()).toBe(eligibility.items.length);
    await expect.poll(() => tid(page, "as-estimate").textContent()).toBe(yuan(line.unitRefundFen));

    // 七天无理由 needs the unused declaration: submitting without it is refused on the page.
    await tid(page, "as-reason-no_reason").click();
    await tid(page, "as-unused").waitFor();
    await tid(page, "as-description").locator("textarea").fill("包装未拆，不想要了");

    // A photo from the "camera roll": uploaded to the server, shown as a thumbnail, removable.
    for (let n = 0; n < 2; n++) {
      const chooser = page.waitForEvent("filechooser");
      await tid(page, "as-photo-add").click();
      await (await chooser).setFiles({ name: `photo-${n}.png`, mimeType: "image/png", buffer: PNG });
      await expect.poll(() => tid(page, "as-photo").count()).toBe(n + 1);
    }
    await tid(page, "as-photo-remove").first().click();
    await expect.poll(() => tid(page, "as-photo").count()).toBe(1);

    await tid(page, "as-submit").click();
    await expectToast(page, "七天无理由退货需确认商品未使用");
    await tid(page, "as-unused").click();
    await screenshot(page, "40-after-sales-apply");
    await tid(page, "as-submit").click();
    await page.waitForURL(/pages\/after-sales\/detail/);
    caseNo = new URLSearchParams(page.url().split("?")[1]).get("no")!;
    await expect.poll(() => tid(page, "case-status").textContent()).toBe("待审核");

    const created = await api<CaseView>(`/api/after-sales/cases/${caseNo}`, { token });
    expect(created.status).toBe("applied");
    expect(created.items.map((i) => [i.orderItemId, i.quantity])).toEqual([[line.orderItemId, 1]]);
    expect(created.photos).toHaveLength(1);
    expect(await tid(page, "case-photo").count()).toBe(1);
    expect(await tid(page, "case-refund-amount").textContent()).toBe(yuan(created.refund.amountFen));
  });

  it("the merchant approves; the shopper fills in the return waybill; the merchant receives; the refund arrives", async () => {
    const { page } = device;
    await api(`/api/admin/after-sales/cases/${caseNo}/approve`, { method: "POST", token: merchant, json: {} });
    await page.reload();
    await expect.poll(() => tid(page, "case-status").textContent(), { timeout: 10_000 }).toBe("待寄回");
    await tid(page, "case-return-address").waitFor();
    await tid(page, "case-ship-form").scrollIntoViewIfNeeded();
    await fill(page, "ship-tracking", "SF12");
    await tid(page, "ship-submit").click();
    await toastContaining(page, "运单号"); // the server's message, nothing recorded
    expect((await api<CaseView>(`/api/after-sales/cases/${caseNo}`, { token })).status).toBe("approved");
    await fill(page, "ship-tracking", "SF1122334455");
    await screenshot(page, "41-after-sales-return");
    await tid(page, "ship-submit").click();
    await expect.poll(() => tid(page, "case-status").textContent()).toBe("已寄回");
    expect(await tid(page, "case-return-shipment").textContent()).toContain("SF1122334455");

    const shipped = await api<CaseView>(`/api/after-sales/cases/${caseNo}`, { token });
    expect(shipped.status).toBe("return_shipped");
    await api(`/api/admin/after-sales/cases/${caseNo}/receive`, {
      method: "POST",
      token: merchant,
      json: { items: shipped.items.map((i) => ({ orderItemId: i.orderItemId, receivedQty: i.quantity, damagedQty: 0 })) },
    });
    const refunded = await until("case refunded", async () => {
      const c = await api<CaseView>(`/api/after-sales/cases/${caseNo}`, { token });
      return c.status === "refunded" && c;
    });
    // The gateway really refunded that amount on the order's trade.
    const trade = (await (await fetch(`${store.sim.url}/_sim/trades/alipay/${order.orderNo}`)).json()) as {
      refunds: { refundFen: number; status: string }[];
    };
    expect(trade.refunds.map((r) => [r.refundFen, r.status])).toEqual([[refunded.refund.amountFen, "SUCCESS"]]);

    await page.reload();
    await expect.poll(() => tid(page, "case-status").textContent(), { timeout: 10_000 }).toBe("已退款");
    expect(await tid(page, "case-refund-status").textContent()).toBe("退款成功");
    expect(await tid(page, "case-refund-amount").textContent()).toBe(yuan(refunded.refund.amountFen));
    await screenshot(page, "42-after-sales-refunded");

    // The order lists the refund with its amount and state.
    await open(page, `/pages/orders/detail?id=${order.id}`);
    await tid(page, "order-refunds").waitFor();
    const view = await api<OrderView>(`/api/orders/${order.id}`, { token });
    expect(view.refunds.map((r) => [r.source, r.amountFen, r.status])).toEqual([
      ["after_sale", refunded.refund.amountFen, "succeeded"],
    ]);
    expect(view.refundedFen).toBe(refunded.refund.amountFen);
    expect(await tid(page, "refund-amount").allTextContents()).toEqual([yuan(refunded.refund.amountFen)]);
    expect(await tid(page, "refund-status").allTextContents()).toEqual([view.refunds[0]!.statusLabel]);
    await scrollTo(page, "order-refunds");
    await screenshot(page, "43-order-refunds");

    // 我的 → 售后/退款 lists the case.
    await open(page, "/pages/me/index");
    await page.getByText("售后/退款", { exact: true }).click();
    await page.waitForURL(/pages\/after-sales\/list/);
    await expect.poll(() => tid(page, "case-card").count()).toBe(1);
    expect(await tid(page, "case-status").textContent()).toBe("已退款");
    await screenshot(page, "44-after-sales-list");
  });

  it("a paid order not yet shipped is cancelled on its page and shows its full refund", async () => {
    const { page } = device;
    const paid = await paidOrderByApi(token, skuId);
    expect(paid.actions).toContain("cancel_paid");
    // A hash change to a page already in the history reuses it: load the new order afresh.
    await open(page, `/pages/orders/detail?id=${paid.id}`);
    await page.reload();
    await expect.poll(() => tid(page, "order-status").textContent()).toBe("待发货");
    await tid(page, "order-cancel").click();
    await expect.poll(() => page.locator(".uni-modal__bd").textContent()).toContain(`${yuan(paid.payableFen)} 将全额原路退回`);
    await page.locator(".uni-modal__btn_primary").click();
    await expect.poll(() => tid(page, "order-status").textContent(), { timeout: 10_000 }).toBe("已取消");

    const cancelled = await until("refund succeeded", async () => {
      const o = await api<OrderView>(`/api/orders/${paid.id}`, { token });
      return o.refunds[0]?.status === "succeeded" && o;
    });
    expect(cancelled.refunds.map((r) => [r.source, r.amountFen])).toEqual([["order_cancel", paid.payableFen]]);
    await page.reload();
    await expect.poll(() => tid(page, "refund-status").allTextContents(), { timeout: 10_000 }).toEqual([
      cancelled.refunds[0]!.statusLabel,
    ]);
    expect(await tid(page, "refund-amount").allTextContents()).toEqual([yuan(paid.payableFen)]);
    await scrollTo(page, "order-refunds");
    await screenshot(page, "45-order-cancel-paid-refund");
    expect(device.errors).toEqual([]);
  });

  it("价保 refunds a price drop from its page; a repair case shows its work order; 我的维修 and 登记产品 show the server's data", async () => {
    const { page } = device;
    const bought = await paidOrderByApi(token, skuId);
    await shipAndReceive(token, bought.id);

    // 价保: the price drops (a limited-time price) after payment; the order page offers 价格保护, the
    // 价保 page shows paid vs current price, and 申请价保 refunds the difference once.
    type PP = {
      lines: { eligible: boolean; reason: string | null; paidUnitFen: number; refundFen: number; applied: unknown }[];
    };
    const before = await api<PP>(`/api/after-sales/price-protection/orders/${bought.orderNo}`, { token });
    expect(before.lines.map((l) => l.eligible)).toEqual([false]);
    const paidUnit = before.lines[0]!.paidUnitFen;
    const dropped = Math.round((paidUnit * 0.9) / 100) * 100;
    await api("/api/admin/marketing/promotions", {
      method: "POST",
      token: merchant,
      json: {
        kind: "limited_time",
        name: "电视限时降价",
        startsAt: Date.now() - 60_000,
        endsAt: Date.now() + 3_600_000,
        items: [{ skuId, priceFen: dropped }],
      },
    });
    const pp = await api<PP>(`/api/after-sales/price-protection/orders/${bought.orderNo}`, { token });
    expect(pp.lines[0]).toMatchObject({ eligible: true, refundFen: paidUnit - dropped });
    await open(page, `/pages/orders/detail?id=${bought.id}`);
    await page.reload();
    await tid(page, "order-price-protection").click();
    await page.waitForURL(/pages\/price-protection\/index/);
    await expect.poll(() => tid(page, "pp-line").count()).toBe(pp.lines.length);
    const lineText = (await tid(page, "pp-line").first().textContent()) ?? "";
    expect(lineText).toContain(yuan(paidUnit));
    expect(lineText).toContain(yuan(dropped));
    await screenshot(page, "46-price-protection");
    await tid(page, "pp-apply").click();
    await expect.poll(() => page.locator(".uni-modal__bd").textContent()).toContain(yuan(paidUnit - dropped));
    await page.locator(".uni-modal__btn_primary").click();
    await tid(page, "pp-applied").waitFor();
    expect(await tid(page, "pp-applied").textContent()).toContain(yuan(paidUnit - dropped));
    const refund = await until("价保 refund", async () => {
      const o = await api<OrderView>(`/api/orders/${bought.id}`, { token });
      return o.refunds.find((r) => r.source === "price_protection" && r.status === "succeeded");
    });
    expect(refund.amountFen).toBe(paidUnit - dropped);

    // A repair under warranty, applied through the API and approved: the case follows its work order.
    const created = await api<CaseView>("/api/after-sales/cases", {
      method: "POST",
      token,
      json: {
        orderNo: bought.orderNo,
        type: "repair",
        reasonCode: "quality",
        description: "开机无反应",
        items: [{ orderItemId: bought.items[0]!.id, quantity: 1 }],
      },
    });
    const approved = await api<CaseView>(`/api/admin/after-sales/cases/${created.caseNo}/approve`, {
      method: "POST",
      token: merchant,
      json: {},
    });
    const workOrderNo = await until("work order", async () => {
      const c = await api<CaseView>(`/api/after-sales/cases/${approved.caseNo}`, { token });
      return c.workOrderNo ?? undefined;
    });
    await open(page, `/pages/after-sales/detail?no=${created.caseNo}`);
    await tid(page, "case-work-order").click();
    await page.waitForURL(/pages\/repairs\/detail/);
    const repair = await api<{ statusLabel: string }>(`/api/after-sales/repairs/${workOrderNo}`, { token });
    await expect.poll(() => tid(page, "repair-status").textContent()).toBe(repair.statusLabel);
    await screenshot(page, "47-repair-detail");

    await open(page, "/pages/me/index");
    await page.getByText("我的维修", { exact: true }).click();
    await page.waitForURL(/pages\/repairs\/list/);
    await expect.poll(() => tid(page, "repair-card").count()).toBe(1);
    expect(await tid(page, "repair-status").textContent()).toBe(repair.statusLabel);

    // 登记产品: a bad serial gets the server's message; a good one is listed as 待审核.
    await open(page, "/pages/repairs/register");
    await fill(page, "reg-serial", "S/N");
    await fill(page, "reg-name", "外购 滚筒洗衣机");
    const chooser = page.waitForEvent("filechooser");
    await tid(page, "reg-invoice").click();
    await (await chooser).setFiles({ name: "invoice.png", mimeType: "image/png", buffer: PNG });
    await tid(page, "reg-invoice").locator("img, uni-image").first().waitFor();
    await tid(page, "reg-date").click();
    await page.locator(".uni-picker-action-confirm").click();
    await tid(page, "reg-submit").click();
    await toastContaining(page, "序列号应为 6–40 位字母、数字或短横线");
    expect(await api<{ items: unknown[] }>("/api/after-sales/registrations", { token })).toEqual({ items: [] });
    await fill(page, "reg-serial", "WM2025-000123");
    await tid(page, "reg-submit").click();
    await expect.poll(() => tid(page, "registration").count()).toBe(1);
    expect(await tid(page, "registration").textContent()).toContain("待审核");
    await screenshot(page, "48-register-product");
    expect(device.errors).toEqual([]);
    expect(device.external).toEqual([]);
  });
});
