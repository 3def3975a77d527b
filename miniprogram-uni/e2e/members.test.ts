/**
 * 会员积分与等级 in a real browser: a shopper's order is paid at the simulator, shipped and received;
 * the completion earns frozen points, which the sweep makes available after the return window (moved
 * into the past in the database); the 我的 page shows the tier, the progress and the points, the points
 * page the history; at checkout the 积分抵扣 switch shows how many points for how much, re-quotes when
 * tapped, and the order placed from the page spends exactly those points. Every number the page shows
 * is compared with what the API computes.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffToken } from "../../test/harness";
import {
  assertPrerequisites,
  launchBrowser,
  phone,
  type PhonePage,
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
const { api, open, payWithAlipay, loginShopper } = storeHelpers(() => store);

type Member = {
  growth: number;
  tier: { name: string };
  nextTier: { name: string } | null;
  toNextTier: number;
  points: { available: number; frozen: number };
};
type Quote = {
  payableFen: number;
  member: { points: { maxPoints: number; maxDiscountFen: number; usedPoints: number; discountFen: number; selected: boolean } };
};

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Placed, paid at the simulator (Alipay H5), shipped and received through the API. */
async function completedOrder(token: string, skuId: number) {
  const res = await store.stack.fetch("/api/orders", {
    method: "POST",
    token,
    json: { items: [{ skuId, quantity: 1 }] },
    headers: { "idempotency-key": `e2e-members-${Date.now()}` },
  });
  expect(res.status).toBe(201);
  const order = (await res.json()) as { id: number; orderNo: string };
  await payWithAlipay(token, order);
  await until("paid", async () => (await api<{ status: string }>(`/api/orders/${order.id}`, { token })).status === "paid");
  await api(`/api/admin/orders/${order.id}/ship`, {
    method: "POST",
    token: merchant,
    json: { carrier: "顺丰速运", trackingNo: `SF${Date.now()}` },
  });
  await api(`/api/orders/${order.id}/confirm-receipt`, { method: "POST", token, json: {} });
  return order;
}

beforeAll(async () => {
  assertPrerequisites();
  [store, browser] = await Promise.all([startStoreStack({ catalog: true }), launchBrowser()]);
  merchant = await staffToken(store.stack, "merchant_admin", "e2e-merchant");
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await store?.close();
});

describe("会员积分与等级 in the H5 store", { timeout: 120_000 }, () => {
  let device: PhonePage;
  let token: string;
  let skuId: number;
  let earned: number;

  beforeAll(async () => {
    device = await phone(browser);
    const productId = (await api<{ recommended: { id: number }[] }>("/api/home")).recommended[0]!.id;
    skuId = (await api<{ skus: { id: number }[] }>(`/api/products/${productId}`)).skus[0]!.id;
  });

  it("a completed order earns points: frozen first, then available after the return window; 我的 shows tier and points", async () => {
    const { page } = device;
    token = await loginShopper(page, "积分顾客");
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
        isDefault: true,
      },
    });
    const order = await completedOrder(token, skuId);
    const frozen = await until("points earned", async () => {
      const m = await api<Member>("/api/members/me", { token });
      return m.points.frozen > 0 && m;
    });
    earned = frozen.points.frozen;

    await open(page, "/pages/me/index");
    await expect.poll(() => tid(page, "me-points-frozen").textContent()).toBe(String(earned));
    expect(await tid(page, "me-points").textContent()).toBe("0");

    // Seven days later (the return window moved into the past), the sweep makes them available.
    await store.stack.sql.execute({
      sql: "UPDATE points_ledger SET available_at = ? WHERE order_id = ? AND kind = 'earn'",
      args: [Date.now() - 1, order.id],
    });
    await api("/api/admin/orders/sweep", { method: "POST", token: merchant, json: {} });
    const m = await api<Member>("/api/members/me", { token });
    expect(m.points).toMatchObject({ available: earned, frozen: 0 });

    await page.reload();
    await expect.poll(() => tid(page, "me-points").textContent()).toBe(String(earned));
    expect(await tid(page, "me-tier").textContent()).toBe(m.tier.name);
    expect(squeeze(await tid(page, "me-next-tier").textContent())).toBe(
      m.nextTier ? `再消费¥${m.toNextTier}升级${m.nextTier.name}` : "已是最高等级",
    );
    await screenshot(page, "70-me-member");

    await tid(page, "me-member").click();
    await page.waitForURL(/pages\/members\/points/);
    await expect.poll(() => tid(page, "points-available").textContent()).toBe(String(earned));
    const rows = tid(page, "points-history-item");
    await expect.poll(() => rows.count()).toBe(2);
    expect(squeeze(await rows.nth(0).textContent())).toContain(`退货期已过，积分到账`);
    expect(squeeze(await rows.nth(0).textContent())).toContain(`+${earned}`);
    expect(squeeze(await rows.nth(1).textContent())).toContain(`+${earned}（冻结）`);
    await screenshot(page, "71-points-history");

    // 生日礼: offered until set (once, through the API the picker calls), then shown.
    expect(squeeze(await tid(page, "member-birthday").textContent())).toContain("设置生日");
    await api("/api/members/birthday", { method: "PUT", token, json: { birthday: "05-20" } });
    await page.reload();
    await expect.poll(async () => squeeze(await tid(page, "member-birthday").textContent())).toContain("生日05月20日");
    expect(await tid(page, "member-birthday-set").count()).toBe(0);
  });

  it("checkout: the 积分抵扣 switch shows points for money, re-quotes, and the order spends exactly those points", async () => {
    const { page, errors, external } = device;
    const items = [{ skuId, quantity: 1 }];
    const plain = await api<Quote>("/api/checkout/quote", { method: "POST", token, json: { items } });
    const withPoints = await api<Quote>("/api/checkout/quote", { method: "POST", token, json: { items, usePoints: true } });
    const p = withPoints.member.points;
    expect(p.selected).toBe(true);
    expect(p.usedPoints).toBeGreaterThan(0);
    expect(withPoints.payableFen).toBe(plain.payableFen - p.discountFen);

    await open(page, `/pages/checkout/index?items=${encodeURIComponent(JSON.stringify(items))}`);
    await expect.poll(() => tid(page, "checkout-payable").textContent()).toBe(yuan(plain.payableFen));
    expect(squeeze(await tid(page, "checkout-points-text").textContent())).toBe(
      `可用${plain.member.points.maxPoints}积分抵${yuan(plain.member.points.maxDiscountFen)}`,
    );
    await tid(page, "checkout-points").click();
    await expect.poll(() => tid(page, "checkout-payable").textContent()).toBe(yuan(withPoints.payableFen));
    expect(squeeze(await tid(page, "checkout-points-text").textContent())).toBe(
      `已用${p.usedPoints}积分抵-${yuan(p.discountFen)}`,
    );
    const row = tid(page, "checkout-adjustment").and(page.locator('[data-kind="points"]'));
    expect(squeeze(await row.textContent())).toBe(`积分抵扣（${p.usedPoints}积分）-${yuan(p.discountFen)}`);
    await tid(page, "checkout-points").scrollIntoViewIfNeeded();
    await screenshot(page, "72-checkout-points");

    await tid(page, "submit-order").click();
    await page.waitForURL(/pages\/pay\/index/);
    const orderId = Number(new URLSearchParams(page.url().split("?")[1]).get("id"));
    const order = await api<{ payableFen: number }>(`/api/orders/${orderId}`, { token });
    expect(order.payableFen).toBe(withPoints.payableFen);
    const m = await api<Member>("/api/members/me", { token });
    expect(m.points.available).toBe(earned - p.usedPoints);

    await open(page, "/pages/me/index");
    await expect.poll(() => tid(page, "me-points").textContent()).toBe(String(earned - p.usedPoints));
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });
});
