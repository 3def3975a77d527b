/**
 * Logistics in the shopper's store, in a real browser against the real local stack with the demo freight
 * templates and delivery rules: the product page's 送至 / 运费 / 预计送达 for three regions (nearby,
 * remote, not delivered to), checkout's promise and undeliverable lines, payment at the simulator's
 * cashier, booking, moving and cancelling the air conditioner's installation, then the merchant ships
 * through the API, the 快递100 simulator pushes the parcel's journey, and the order page shows its trace
 * newest first. Every figure is compared with what the API answers.
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
  [store, browser] = await Promise.all([startStoreStack({ catalog: true, logistics: true, installation: true }), launchBrowser()]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await store?.close();
});



/** Scrolls the page by `dy` CSS pixels (the script runs in the page; this file has no DOM types). */
const scrollPage = (p: Page, dy: number) =>
  p.evaluate((by) => (globalThis as unknown as { scrollBy(x: number, y: number): void }).scrollBy(0, by), dy);

/** A thumb pulling the page down from the top (uni-app H5 listens to touch events for pull-to-refresh). */
async function pullToRefresh(p: Page) {
  await scrollPage(p, -1e6);
  const cdp = await p.context().newCDPSession(p);
  const touch = (type: "touchStart" | "touchMove" | "touchEnd", y: number) =>
    cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x: 187, y }] });
  await touch("touchStart", 120);
  for (let y = 140; y <= 420; y += 20) await touch("touchMove", y);
  await touch("touchEnd", 420);
  await cdp.detach();
}

interface Estimate {
  region: { text: string; districtCode: string | null } | null;
  deliverable: boolean;
  freightFen: number | null;
  freightLabel: string | null;
  deliveryPromise: { date: string; text: string } | null;
}
const NANSHAN = { provinceCode: "440000", cityCode: "440300", districtCode: "440305" };
const TIANSHAN = { provinceCode: "650000", cityCode: "650100", districtCode: "650102" };
const ZHONGXI = { provinceCode: "810000", cityCode: "810100", districtCode: "810101" };

describe("logistics in the H5 store", { timeout: 120_000 }, () => {
  let device: PhonePage;
  let product: { id: number; name: string; skus: { id: number; priceFen: number }[] };
  let orderId = 0;
  const waybill = `SF${Date.now().toString().slice(-10)}`;

  beforeAll(async () => {
    device = await phone(browser);
    // A large appliance: a wall air conditioner (freight by piece; 新疆 dearer, 香港 not delivered to).
    const tree = await api<{ items: { children: { id: number; name: string }[] }[] }>("/api/categories");
    const wall = tree.items.flatMap((c) => c.children).find((c) => c.name === "挂式空调")!;
    const found = await api<{ items: { id: number }[] }>(`/api/products?categoryId=${wall.id}`);
    product = await api(`/api/products/${found.items[0]!.id}`);
  });

  it("product page: 送至 a region shows the server's freight and 预计送达, and remembers the region", async () => {
    const { page } = device;
    const sku = product.skus[0]!.id;
    const estimate = (r: { districtCode: string }) =>
      api<Estimate>(`/api/delivery/estimate?skuId=${sku}&districtCode=${r.districtCode}`);
    const [near, far, none] = await Promise.all([estimate(NANSHAN), estimate(TIANSHAN), estimate(ZHONGXI)]);
    // What the demo rules say, so the page has something to show in each case.
    expect(near.deliverable && far.deliverable).toBe(true);
    expect(far.freightFen!).toBeGreaterThan(near.freightFen!);
    expect(far.deliveryPromise!.date > near.deliveryPromise!.date).toBe(true);
    expect(none).toMatchObject({ deliverable: false, freightLabel: "该地区暂不配送", deliveryPromise: null });
    const freightText = (e: Estimate) => (e.freightFen ? `运费 ${yuan(e.freightFen)}` : e.freightLabel!);

    await open(page, `/pages/product/detail?id=${product.id}`);
    await expect.poll(() => tid(page, "product-name").textContent()).toBe(product.name);
    await expect.poll(() => tid(page, "delivery-estimate").textContent()).toContain("选择地区");

    await pickRegion(page, "deliver-to", ["广东省", "深圳市", "南山区"]);
    await expect.poll(() => tid(page, "deliver-to").textContent()).toContain("广东省 深圳市 南山区");
    await expect.poll(() => tid(page, "delivery-freight").textContent()).toBe(freightText(near));
    expect(await tid(page, "delivery-promise").textContent()).toBe(near.deliveryPromise!.text);
    await tid(page, "deliver-to").scrollIntoViewIfNeeded();
    await screenshot(page, "23-delivery-estimate");

    await pickRegion(page, "deliver-to", ["新疆维吾尔自治区", "乌鲁木齐市", "天山区"]);
    await expect.poll(() => tid(page, "delivery-freight").textContent()).toBe(freightText(far));
    expect(await tid(page, "delivery-promise").textContent()).toBe(far.deliveryPromise!.text);

    await pickRegion(page, "deliver-to", ["香港特别行政区", "香港岛", "中西区"]);
    await expect.poll(() => tid(page, "delivery-estimate").textContent()).toContain("该地区暂不配送");
    expect(await tid(page, "delivery-freight").count()).toBe(0);
    expect(await tid(page, "delivery-promise").count()).toBe(0);

    // The next product opens with the region picked last.
    const other = (await api<{ items: { id: number }[] }>(`/api/products?q=${encodeURIComponent("冰箱")}`)).items[0]!;
    await open(page, `/pages/product/detail?id=${other.id}`);
    await expect.poll(() => tid(page, "deliver-to").textContent()).toContain("香港特别行政区 香港岛 中西区");
    await expect.poll(() => tid(page, "delivery-estimate").textContent()).toContain("该地区暂不配送");
  });

  it("checkout shows 预计送达 for the address, and refuses an address that is not delivered to", async () => {
    const { page } = device;
    await open(page, `/pages/product/detail?id=${product.id}`);
    await expect.poll(() => tid(page, "product-name").textContent()).toBe(product.name);
    await tid(page, "add-to-cart").click();
    await tid(page, "sku-confirm").click();
    await page.waitForURL(/pages\/login\/index/);
    await fill(page, "nickname", "物流顾客");
    await tid(page, "login-submit").click();
    await page.waitForURL(/pages\/product\/detail/);
    await tid(page, "sku-picker").waitFor();
    await tid(page, "sku-confirm").click();
    await expectToast(page, "已加入购物车");
    const token = await sessionToken(page);

    // A Shenzhen address (the default) and a Hong Kong one.
    const address = { receiverName: "李四", phone: "13900139000", detail: "科技园南区 8 栋" };
    await api("/api/addresses", { method: "POST", token, json: { ...address, ...NANSHAN, isDefault: true } });
    await api("/api/addresses", { method: "POST", token, json: { ...address, ...ZHONGXI, detail: "皇后大道中 1 号" } });

    await open(page, "/pages/cart/index");
    await expect.poll(() => tid(page, "cart-line").count()).toBe(1);
    await tid(page, "cart-checkout").click();
    await page.waitForURL(/pages\/checkout\/index/);
    type Quote = {
      payableFen: number;
      orderable: boolean;
      problems: string[];
      deliveryPromise: { text: string } | null;
      adjustments: { kind: string; label: string; amountFen: number }[];
      items: { deliveryProblem: string | null }[];
    };
    const quote = await api<Quote>("/api/checkout/quote", { method: "POST", token, json: {} });
    expect(quote.orderable).toBe(true);
    await expect.poll(() => tid(page, "checkout-payable").textContent()).toBe(yuan(quote.payableFen));
    expect(await tid(page, "checkout-promise").textContent()).toContain(quote.deliveryPromise!.text);
    const shipping = quote.adjustments.find((a) => a.kind === "shipping")!;
    expect(await tid(page, "checkout-shipping").textContent()).toContain(
      shipping.amountFen ? yuan(shipping.amountFen) : "¥0 (包邮)",
    );
    expect(await tid(page, "submit-order").getAttribute("disabled")).not.toBe("true");
    await screenshot(page, "24-checkout-promise");

    // Choosing the Hong Kong address: the line says why, the order cannot be submitted.
    await tid(page, "checkout-address").click();
    await tid(page, "address-item").filter({ hasText: "皇后大道中" }).click();
    await page.waitForURL(/pages\/checkout\/index/);
    await expect.poll(() => tid(page, "line-delivery-problem").textContent()).toContain("该地区暂不配送");
    expect(await tid(page, "checkout-promise").count()).toBe(0);
    expect(await tid(page, "checkout-blocked").textContent()).toContain("暂不配送");
    expect(await tid(page, "submit-order").getAttribute("disabled")).toBe("true");

    await tid(page, "checkout-address").click();
    await tid(page, "address-item").filter({ hasText: "科技园南区" }).click();
    await page.waitForURL(/pages\/checkout\/index/);
    await expect.poll(() => tid(page, "checkout-promise").textContent()).toContain(quote.deliveryPromise!.text);
    expect(await tid(page, "line-delivery-problem").count()).toBe(0);
    await tid(page, "submit-order").click();
    await page.waitForURL(/pages\/pay\/index/);
    expect(await tid(page, "pay-amount").textContent()).toBe(yuan(quote.payableFen));

    // Pay at the simulator's Alipay H5 cashier; back in the store the order waits for shipping.
    const payUrl = page.url();
    await tid(page, "pay-now").click();
    await page.waitForURL((u) => u.toString().startsWith(store.sim.url));
    await page.locator("#confirm-pay").click();
    await page.waitForLoadState("load");
    await page.goto(payUrl);
    await page.waitForURL(/pages\/orders\/detail/, { timeout: 20_000 });
    await expect.poll(() => tid(page, "order-status").textContent(), { timeout: 10_000 }).toBe("待发货");
    orderId = Number(new URLSearchParams(page.url().split("?")[1]).get("id"));
    const order = await api<{ deliveryPromise: { text: string } | null }>(`/api/orders/${orderId}`, { token });
    expect(order.deliveryPromise?.text).toBe(quote.deliveryPromise!.text);
    expect(await tid(page, "order-promise").textContent()).toContain(order.deliveryPromise!.text);
  });

  it("installation: book a slot (full ones disabled), move it, and see the API's refusal as a toast", async () => {
    const { page } = device;
    const token = await sessionToken(page);
    type WorkOrder = { id: number; orderId: number; status: string; slot: { id: number } | null };
    type Slots = { items: { id: number; date: string; weekday: string; label: string; remaining: number; bookable: boolean }[] };
    // Paying created the air conditioner's work order, waiting for a booking.
    const workOrders = (await api<{ items: WorkOrder[] }>("/api/installation/work-orders", { token })).items;
    const wo = workOrders.find((w) => w.orderId === orderId)!;
    expect(wo.status).toBe("awaiting_booking");
    await expect.poll(() => tid(page, "install-status").textContent()).toBe("待预约");

    // The merchant closes one slot (capacity 0): the page shows it as full and not choosable.
    const merchant = await staffToken(store.stack, "merchant_admin", "e2e-merchant");
    const slots = await api<Slots>(`/api/installation/work-orders/${wo.id}/slots`, { token });
    expect(slots.items.length).toBeGreaterThan(3);
    const [closed, first, second, raced] = slots.items;
    await api(`/api/admin/installation/slots/${closed!.id}`, { method: "PATCH", token: merchant, json: { capacity: 0 } });
    const slotText = (s: Slots["items"][number]) => `${Number(s.date.slice(5, 7))}月${Number(s.date.slice(8))}日 ${s.weekday} ${s.label}`;
    const slot = (s: { id: number }) => page.locator(`[data-testid="install-slot"][data-slot-id="${s.id}"]`);

    await tid(page, "install-book").click();
    await page.waitForURL(/pages\/installation\/book/);
    await expect.poll(() => tid(page, "install-slot").count()).toBe(slots.items.length);
    expect(await slot(closed!).getAttribute("data-bookable")).toBe("0");
    expect(await slot(closed!).textContent()).toContain("已约满");
    expect(await slot(first!).textContent()).toContain(`剩余${first!.remaining}`);
    await slot(closed!).click();
    expect(await tid(page, "install-confirm").getAttribute("disabled")).toBe("true");

    // Someone takes the last place of the chosen slot before the tap: 409, shown as a toast, slot disabled.
    await slot(raced!).click();
    await api(`/api/admin/installation/slots/${raced!.id}`, { method: "PATCH", token: merchant, json: { capacity: 0 } });
    await tid(page, "install-confirm").click();
    await expectToast(page, "该时段已约满，请选择其他时段");
    await expect.poll(() => slot(raced!).getAttribute("data-bookable")).toBe("0");

    await slot(first!).click();
    await screenshot(page, "25-install-booking");
    await tid(page, "install-confirm").click();
    await expectToast(page, "预约成功");
    await page.waitForURL(/pages\/orders\/detail/);
    await expect.poll(() => tid(page, "install-slot-booked").textContent()).toContain(slotText(first!));
    expect(await tid(page, "install-status").textContent()).toBe("已预约");
    // The 送装服务 card just above the action bar.
    const card = (await tid(page, "order-installation").boundingBox())!;
    await scrollPage(page, card.y + card.height - (812 - 80));
    await screenshot(page, "27-install-booked");
    expect((await api<WorkOrder>(`/api/installation/work-orders/${wo.id}`, { token })).slot?.id).toBe(first!.id);

    // 改约 to another day.
    await tid(page, "install-reschedule").click();
    await page.waitForURL(/pages\/installation\/book/);
    await expect.poll(() => slot(first!).textContent()).toContain("当前预约");
    await slot(second!).click();
    await tid(page, "install-confirm").click();
    await expectToast(page, "改约成功");
    await page.waitForURL(/pages\/orders\/detail/);
    await expect.poll(() => tid(page, "install-slot-booked").textContent()).toContain(slotText(second!));
    expect(await tid(page, "install-status").textContent()).toBe("已改约");

    // The booking was cancelled elsewhere meanwhile: 取消预约 on the stale page gets the API's 409 as a toast.
    await api(`/api/installation/work-orders/${wo.id}/cancel-booking`, { method: "POST", token, json: {} });
    await tid(page, "install-cancel").click();
    await page.locator(".uni-modal__btn_primary").click();
    await expectToast(page, "安装工单当前状态为「待预约」，不能取消预约");
    await expect.poll(() => tid(page, "install-status").textContent()).toBe("待预约");
    expect(await tid(page, "install-book").count()).toBe(1);

    // Booked again for the rest of the journey.
    await tid(page, "install-book").click();
    await page.waitForURL(/pages\/installation\/book/);
    await slot(first!).click();
    await tid(page, "install-confirm").click();
    await page.waitForURL(/pages\/orders\/detail/);
    await expect.poll(() => tid(page, "install-status").textContent()).toBe("已预约");
  });

  it("the merchant ships; 快递100 pushes the journey; the order page shows the trace newest first", async () => {
    const { page } = device;
    const token = await sessionToken(page);
    const kuaidi100 = store.kuaidi100!;
    const merchant = await staffToken(store.stack, "merchant_admin", "e2e-merchant");
    await api(`/api/admin/orders/${orderId}/ship`, {
      method: "POST",
      token: merchant,
      json: { parcels: [{ carrierCode: "shunfeng", trackingNo: waybill }] },
    });
    // The ship event's subscriber subscribes the waybill at 快递100 after the commit.
    await expect.poll(() => [...kuaidi100.subscriptions.values()].some((s) => s.number === waybill)).toBe(true);

    await page.reload();
    await expect.poll(() => tid(page, "order-status").textContent(), { timeout: 10_000 }).toBe("已发货");
    await expect.poll(() => tid(page, "parcel").count()).toBe(1);
    expect(await tid(page, "parcel-waybill").textContent()).toBe(waybill);

    // Three steps of the journey, each a signed push the worker stores; pull-to-refresh shows them.
    for (let n = 0; n < 3; n++) expect((await kuaidi100.advance(waybill))?.acknowledged).toBe(true);
    type Parcels = { parcels: { carrierName: string; stateText: string; traces: { time: number; context: string }[] }[] };
    const { parcels } = await api<Parcels>(`/api/logistics/orders/${orderId}/parcels`, { token });
    expect(parcels[0]!.traces).toHaveLength(3);
    const times = parcels[0]!.traces.map((t) => t.time);
    expect(times).toEqual([...times].sort((a, b) => b - a));

    await pullToRefresh(page);
    await expect
      .poll(async () => (await tid(page, "trace-entry").allTextContents()).length, { timeout: 15_000 })
      .toBe(3);
    const shown = await tid(page, "trace-entry").allTextContents();
    parcels[0]!.traces.forEach((t, i) => expect(shown[i]).toContain(t.context));
    expect(await tid(page, "parcel").textContent()).toContain(parcels[0]!.carrierName);
    expect(await tid(page, "parcel-state").textContent()).toBe(parcels[0]!.stateText);
    expect(await tid(page, "order-tracking").textContent()).toContain(parcels[0]!.traces[0]!.context);
    // The 物流信息 card at the top of the screen, under the navigation bar.
    await scrollPage(page, (await tid(page, "order-logistics").boundingBox())!.y - 56);
    await screenshot(page, "26-parcel-trace");
    expect(device.errors).toEqual([]);
    expect(device.external).toEqual([]);
  });
});
