/**
 * 问大家 in a real browser: a shopper asks on a product page's 问大家; a buyer of the product answers
 * and the answer shows 已购; a shopper who did not buy it is refused with the server's message in place.
 * The shop answers from the console's 问答管理, and the asker's message center has one notice for both
 * answers that opens the question.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desktop, shot, signIn, staffToken, tid as shopTid } from "../../admin-console/e2e/kit";
import { ensureStaff } from "../../dev/seed/staff";
import {
  assertPrerequisites,
  fill,
  launchBrowser,
  phone,
  screenshot,
  startStoreStack,
  storeHelpers,
  type StoreStack,
  tid,
} from "./helpers";

const MERCHANT = { username: "qa-merchant", password: "qa-merchant-123", displayName: "店长 张三" };
let store: StoreStack;
let browser: Browser;
let merchant: string;
const { api, open, payWithAlipay, loginShopper } = storeHelpers(() => store);

beforeAll(async () => {
  assertPrerequisites();
  [store, browser] = await Promise.all([startStoreStack({ catalog: false }), launchBrowser()]);
  await ensureStaff(store.stack.sql, [{ ...MERCHANT, role: "merchant_admin" }]);
  merchant = await staffToken(store, MERCHANT);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await store?.close();
});

/** A new device with a shopper signed in through the login page; returns the page and its token. */
async function signedIn(nickname: string) {
  const device = await phone(browser);
  return { ...device, token: await loginShopper(device.page, nickname) };
}

const typeInto = (page: Page, id: string, text: string) => tid(page, id).locator("textarea").fill(text);

describe("问大家 in the H5 store", { timeout: 120_000 }, () => {
  it("a shopper asks; a buyer's answer shows 已购; a non-buyer is told only buyers may answer", async () => {
    const category = await api<{ id: number }>("/api/admin/categories", {
      method: "POST",
      token: merchant,
      json: { name: "空调" },
    });
    const product = await api<{ id: number; skus: { id: number }[] }>("/api/admin/products", {
      method: "POST",
      token: merchant,
      json: {
        categoryId: category.id,
        name: "问答测试空调 1.5 匹",
        brand: "格力",
        status: "on_sale",
        attributes: {},
        skus: [{ skuCode: "QA-1", specs: { 匹数: "1.5 匹" }, priceFen: 329_900 }],
      },
    });
    const skuId = product.skus[0]!.id;
    await api(`/api/admin/inventory/skus/${skuId}/adjustments`, {
      method: "POST",
      token: merchant,
      json: { mode: "set", available: 5, reason: "e2e" },
    });

    // The asker.
    const asker = await signedIn("想买空调");
    await open(asker.page, `/pages/questions/index?productId=${product.id}`);
    await expect.poll(() => tid(asker.page, "qa-total").textContent()).toBe("问大家（0）");
    await typeInto(asker.page, "ask-input", "噪音大");
    await tid(asker.page, "ask-submit").click();
    await expect.poll(() => tid(asker.page, "ask-error").textContent()).toBe("问题请写 5–100 个字");
    await typeInto(asker.page, "ask-input", "晚上睡觉开着噪音大吗？");
    await tid(asker.page, "ask-submit").click();
    await expect.poll(() => tid(asker.page, "qa-total").textContent()).toBe("问大家（1）");
    const { items } = await api<{ items: { id: number }[] }>(`/api/products/${product.id}/questions`);
    const qid = items[0]!.id;
    expect(await tid(asker.page, `question-${qid}`).locator('[data-testid="question-content"]').textContent()).toBe(
      "晚上睡觉开着噪音大吗？",
    );

    // A shopper who never bought it: refused with the server's message, nothing written.
    const looker = await signedIn("路过的人");
    await open(looker.page, `/pages/questions/index?productId=${product.id}`);
    await tid(looker.page, `answer-open-${qid}`).click();
    await typeInto(looker.page, "answer-input", "应该还行吧");
    await tid(looker.page, "answer-submit").click();
    await expect.poll(() => tid(looker.page, "answer-error").textContent()).toBe("只有购买过该商品的用户才能回答");
    expect((await api<{ answerCount: number }>(`/api/questions/${qid}`)).answerCount).toBe(0);

    // A buyer (paid order with this product) answers: the answer shows 已购.
    const buyer = await signedIn("老用户");
    await api("/api/addresses", {
      method: "POST",
      token: buyer.token,
      json: {
        receiverName: "李四",
        phone: "13800138001",
        provinceCode: "440000",
        cityCode: "440300",
        districtCode: "440305",
        detail: "科技园二路 2 号",
        isDefault: true,
      },
    });
    const placed = await store.stack.fetch("/api/orders", {
      method: "POST",
      token: buyer.token,
      json: { items: [{ skuId, quantity: 1 }] },
      headers: { "idempotency-key": "e2e-qa-order" },
    });
    expect(placed.status).toBe(201);
    await payWithAlipay(buyer.token, (await placed.json()) as { id: number; orderNo: string });
    await open(buyer.page, `/pages/questions/index?productId=${product.id}`);
    await tid(buyer.page, `answer-open-${qid}`).click();
    await typeInto(buyer.page, "answer-input", "睡眠模式几乎听不到，放心买");
    await tid(buyer.page, "answer-submit").click();
    const answer = tid(buyer.page, `question-${qid}`).locator('[data-testid="qa-answer"]');
    await expect.poll(() => answer.count()).toBe(1);
    expect(await answer.locator('[data-testid="qa-badge-buyer"]').textContent()).toBe("已购");
    expect(await answer.textContent()).toContain("睡眠模式几乎听不到，放心买");
    await screenshot(buyer.page, "72-questions");

    // The shop answers from the console's 问答管理 (the prompt refuses an empty answer before sending).
    const consolePage = await desktop(browser);
    await signIn(consolePage.page, store.stack.baseUrl, MERCHANT, "/admin/#/questions");
    const shop = consolePage.page;
    await shopTid(shop, `question-answer-${qid}`).click();
    const box = shop.locator(".el-message-box");
    await box.locator("textarea").fill("室内机最低 18 分贝");
    await box.locator(".el-button--primary").click();
    await box.waitFor({ state: "hidden" });
    await expect.poll(async () => (await api<{ answerCount: number }>(`/api/questions/${qid}`)).answerCount).toBe(2);
    await shot(shop, "admin-questions");
    expect(consolePage.errors).toEqual([]);

    // The asker's message center has one notice for both answers; it opens the question, the shop's
    // answer with 商家.
    await open(asker.page, "/pages/messages/index");
    const notice = tid(asker.page, "notice").filter({ hasText: "你的提问有新回答" });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toContain("室内机最低 18 分贝");
    await notice.click();
    await asker.page.waitForURL(new RegExp(`pages/questions/detail\\?id=${qid}`));
    await expect.poll(() => tid(asker.page, "answer-count").textContent()).toBe("共 2 个回答");
    expect(await tid(asker.page, "qa-badge-merchant").textContent()).toBe("商家");

    // The shop hides the question (after confirming) and shows it again: shoppers lose it and get it back.
    const questionStatus = async () => (await store.stack.fetch(`/api/questions/${qid}`)).status;
    const row = shop.locator(".el-table__row").filter({ has: shopTid(shop, `question-answer-${qid}`) });
    for (const [label, confirmText, tag, status] of [
      ["隐藏", "隐藏", "已隐藏", 404],
      ["恢复", "恢复", "显示中", 200],
    ] as const) {
      const toggle = shopTid(shop, `question-visibility-${qid}`);
      expect(await toggle.textContent()).toContain(label);
      await toggle.click();
      const confirm = shop.locator(".el-message-box");
      await confirm.locator(".el-button--primary", { hasText: confirmText }).click();
      await confirm.waitFor({ state: "hidden" });
      await expect.poll(() => row.locator(".el-tag").first().textContent()).toContain(tag);
      expect(await questionStatus()).toBe(status);
    }
    expect(consolePage.errors).toEqual([]);
    expect([...asker.errors, ...looker.errors, ...buyer.errors]).toEqual([]);
  });
});
