/**
 * 拼团 and 老带新 in a real browser (H5 build served by the worker in workerd, Alipay H5 through the
 * payment simulator): the product page shows 拼团价 and 去开团; the leader opens a group by paying at the
 * group price the server quoted; the group page shows the members, the slots left and the countdown; a
 * friend opens the leader's shared link (it carries the leader's referral code), is bound to the leader
 * as referrer, joins by paying, and the group fills — only then may the merchant ship.
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
  tid,
  yuan,
} from "./helpers";

let store: StoreStack;
let browser: Browser;
let merchant: string;
const { api, open, sessionToken, addAddress, loginShopper } = storeHelpers(() => store);

beforeAll(async () => {
  assertPrerequisites();
  [store, browser] = await Promise.all([startStoreStack({ catalog: true }), launchBrowser()]);
  merchant = await staffToken(store.stack, "merchant_admin", "e2e-merchant");
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await store?.close();
});

/** Logs a new shopper in through the page and gives them a default address. */
async function login(page: Page, nickname: string) {
  const token = await loginShopper(page, nickname);
  await addAddress(token, nickname);
  return token;
}

/** From the checkout page: submit, pay with Alipay H5 at the simulator's cashier, land on 待发货. */
async function submitAndPay(page: Page, payableFen: number) {
  await expect.poll(() => tid(page, "checkout-payable").textContent()).toBe(yuan(payableFen));
  await tid(page, "submit-order").click();
  await page.waitForURL(/pages\/pay\/index/);
  const payUrl = page.url();
  const orderId = Number(new URLSearchParams(payUrl.split("?")[1]).get("id"));
  await tid(page, "pay-now").click();
  await page.waitForURL((u) => u.toString().startsWith(store.sim.url));
  await page.locator("#confirm-pay").click();
  await page.waitForLoadState("load");
  await page.goto(payUrl);
  await page.waitForURL(/pages\/orders\/detail/, { timeout: 20_000 });
  await expect.poll(() => tid(page, "order-status").textContent(), { timeout: 10_000 }).toBe("待发货");
  return orderId;
}

describe("拼团 in the H5 store", { timeout: 180_000 }, () => {
  let leader: PhonePage;
  let friend: PhonePage;
  let productId: number;
  let skuId: number;
  let offerId: number;
  let groupPriceFen: number;
  let groupNo: string;
  let sharedPath: string;
  let leaderOrderId: number;

  beforeAll(async () => {
    [leader, friend] = await Promise.all([phone(browser), phone(browser)]);
    const found = await api<{ items: { id: number }[] }>(`/api/products?q=${encodeURIComponent("冰箱")}`);
    productId = found.items[0]!.id;
    const sku = (await api<{ skus: { id: number; priceFen: number }[] }>(`/api/products/${productId}`)).skus[0]!;
    skuId = sku.id;
    groupPriceFen = sku.priceFen - 10_000;
    const offer = await api<{ id: number }>("/api/admin/group-buys", {
      method: "POST",
      token: merchant,
      json: {
        name: "冰箱两人团",
        productId,
        skus: [{ skuId, groupPriceFen }],
        groupSize: 2,
        timeLimitMinutes: 24 * 60,
        perShopperLimit: 1,
        startsAt: Date.now() - 60_000,
        endsAt: Date.now() + 7 * 86_400_000,
      },
    });
    offerId = offer.id;
  });

  it("the product page shows 拼团价 and 去开团; the leader opens a group by paying the group price", async () => {
    const { page, errors, external } = leader;
    const token = await login(page, "拼团团长");
    await open(page, `/pages/product/detail?id=${productId}`);
    await expect.poll(() => tid(page, "group-buy-price").textContent()).toBe(`拼团价 ${yuan(groupPriceFen)}`);
    await tid(page, "group-buy-panel").scrollIntoViewIfNeeded();
    await screenshot(page, "80-product-group-buy");

    await tid(page, "group-open").click();
    await page.waitForURL(/pages\/checkout\/index.*groupOfferId=/);
    const quote = await api<{ payableFen: number; adjustments: { kind: string; amountFen: number }[] }>(
      "/api/checkout/quote",
      { method: "POST", token, json: { items: [{ skuId, quantity: 1 }], groupBuy: { offerId } } },
    );
    expect(quote.adjustments).toContainEqual(expect.objectContaining({ kind: "group_buy", amountFen: -10_000 }));
    leaderOrderId = await submitAndPay(page, quote.payableFen);

    const mine = await api<{ items: { groupNo: string; orderId: number }[] }>("/api/group-buys/mine", { token });
    expect(mine.items[0]!.orderId).toBe(leaderOrderId);
    groupNo = mine.items[0]!.groupNo;
    // From the paid order to its group.
    await tid(page, "order-group").click();
    await page.waitForURL(new RegExp(`pages/group-buy/group\\?groupNo=${groupNo}`));
    await expect.poll(() => tid(page, "group-status").textContent(), { timeout: 10_000 }).toBe("拼团中");
    expect(await tid(page, "group-slots").textContent()).toMatch(/还差\s*1\s*人成团/);
    expect(await tid(page, "group-countdown").textContent()).toMatch(/^2[34]:\d\d:\d\d$/);
    expect(await tid(page, "group-member").count()).toBe(1);
    await tid(page, "group-share").click();
    await expectToast(page, "链接已复制，快去邀请好友吧");
    await screenshot(page, "81-group-open");

    // The link the leader shares carries the leader's referral code.
    const share = await api<{ path: string; referralCode: string }>(`/api/share/info?groupNo=${groupNo}`, { token });
    expect(share.path).toBe(`pages/group-buy/group?groupNo=${groupNo}&ref=${share.referralCode}`);
    sharedPath = `/${share.path}`;
    // Unfilled: the merchant cannot ship yet.
    const ship = await store.stack.fetch(`/api/admin/orders/${leaderOrderId}/ship`, {
      method: "POST",
      token: merchant,
      json: { carrier: "顺丰速运", trackingNo: "SF7000000001" },
    });
    expect(ship.status).toBe(409);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });

  it("a friend opens the shared link: bound to the leader as referrer, joins by paying, the group fills", async () => {
    const { page, errors, external } = friend;
    const token = await login(page, "拼团好友");
    await open(page, sharedPath);
    await expect.poll(() => tid(page, "group-status").textContent(), { timeout: 10_000 }).toBe("拼团中");
    // 老带新: the friend (a new shopper) is now bound to the leader.
    await expect
      .poll(async () => (await api<{ boundToReferrer: boolean }>("/api/referrals/me", { token })).boundToReferrer)
      .toBe(true);
    const leaderToken = await sessionToken(leader.page);
    expect((await api<{ invitedCount: number }>("/api/referrals/me", { token: leaderToken })).invitedCount).toBe(1);
    await screenshot(page, "82-group-join");

    await tid(page, "group-join").click();
    await page.waitForURL(/pages\/checkout\/index.*groupNo=/);
    const quote = await api<{ payableFen: number }>("/api/checkout/quote", {
      method: "POST",
      token,
      json: { items: [{ skuId, quantity: 1 }], groupBuy: { offerId, groupNo } },
    });
    const friendOrderId = await submitAndPay(page, quote.payableFen);

    await open(page, `/pages/group-buy/group?groupNo=${groupNo}`);
    await expect.poll(() => tid(page, "group-status").textContent(), { timeout: 10_000 }).toBe("已成团");
    expect(await tid(page, "group-member").count()).toBe(2);
    await screenshot(page, "83-group-filled");

    for (const [id, no] of [
      [leaderOrderId, "SF7000000002"],
      [friendOrderId, "SF7000000003"],
    ] as const) {
      const ship = await store.stack.fetch(`/api/admin/orders/${id}/ship`, {
        method: "POST",
        token: merchant,
        json: { carrier: "顺丰速运", trackingNo: no },
      });
      expect(ship.status).toBe(200);
    }
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });
});
