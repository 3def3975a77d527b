/**
 * Customer-service chat in two browsers at once: a shopper in the H5 store and an agent in the store's
 * agent desk, over the real WebSockets and Durable Objects in workerd. Bot answer → 转人工 → the agent
 * takes the chat with the shopper's context → messages both ways → close → 满意度评价.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffToken } from "../../test/harness";
import { assertPrerequisites, launchBrowser, type PhonePage, phone, type StoreStack, screenshot, startStoreStack, expectToast, fill, tid, storeHelpers } from "./helpers";

let store: StoreStack;
let browser: Browser;
const { open } = storeHelpers(() => store);
let shopper: PhonePage;
let agent: PhonePage;
let agentToken: string;

const AGENT = { username: "e2e-agent", name: "小李", password: "agent-password-1" };

beforeAll(async () => {
  assertPrerequisites();
  [store, browser] = await Promise.all([startStoreStack({ catalog: false, services: true }), launchBrowser()]);
  const admin = await staffToken(store.stack, "merchant_admin", "e2e-chat-admin");
  const created = await store.stack.fetch("/api/admin/chat/agents", {
    method: "POST",
    token: admin,
    json: { ...AGENT, capacity: 3 },
  });
  if (created.status !== 201) throw new Error(`agent not created: ${created.status} ${await created.text()}`);
  [shopper, agent] = await Promise.all([phone(browser), phone(browser)]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await store?.close();
});

const bubbles = (p: Page, text: string) => tid(p, "chat-message").filter({ hasText: text });

// Browser steps on a busy 2-core CI box: generous per-step time, never a timed assertion.
describe("chat between a shopper and an agent", { timeout: 90_000 }, () => {
  it("the shopper logs in and gets a bot answer", async () => {
    const p = shopper.page;
    await open(p, "/pages/login/index");
    await fill(p, "nickname", "聊天顾客");
    await tid(p, "login-submit").click();
    await p.waitForURL(/pages\/me\/index/);
    expect(await tid(p, "me-nickname").textContent()).toBe("聊天顾客");

    await open(p, "/pages/chat/index");
    await expect.poll(() => tid(p, "chat-status").textContent(), { timeout: 15_000 }).toContain("智能客服");
    await fill(p, "chat-input", "空调保修几年？");
    await tid(p, "chat-send").click();
    await bubbles(p, "空调保修几年？").waitFor();
    // The bot answers from the FAQ (retrieval; no LLM is configured in tests): 空调 整机保修.
    await expect
      .poll(async () => (await p.locator(".bubble--bot").allTextContents()).join("\n"), { timeout: 20_000 })
      .toContain("保修");
    expect(await tid(p, "chat-status").textContent()).toContain("智能客服");
    await screenshot(p, "12-chat-bot");
    expect(await tid(p, "chat-offer-human").count()).toBe(0);

    // A vague question gets a low-confidence answer with 转人工 right under it.
    // (faq-bot/bot.test.ts pins this question to the low-confidence band with the seeded FAQ.)
    await fill(p, "chat-input", "洗衣机声音有点大");
    await tid(p, "chat-send").click();
    await tid(p, "chat-offer-human").waitFor({ timeout: 20_000 });
  });

  it("转人工 queues the chat; the agent logs in and takes it with the shopper's context", async () => {
    const p = shopper.page;
    await tid(p, "chat-handoff").click();
    await expect.poll(() => tid(p, "chat-status").textContent(), { timeout: 10_000 }).toContain("转接人工客服");
    expect(await tid(p, "chat-offer-human").count()).toBe(0);

    const a = agent.page;
    await open(a, "/pages/agent/login");
    await fill(a, "agent-username", AGENT.username);
    await fill(a, "agent-password", "wrong-password");
    await tid(a, "agent-login").click();
    await expectToast(a, "用户名或密码错误");
    await fill(a, "agent-password", AGENT.password);
    await tid(a, "agent-login").click();
    await a.waitForURL(/pages\/agent\/queue/);

    // Online agents are assigned queued chats automatically; a chat still queued can be claimed.
    const entry = tid(a, "agent-mine").or(tid(a, "agent-claim")).first();
    await entry.waitFor({ timeout: 15_000 });
    await screenshot(a, "13-agent-queue");
    await entry.click();
    await a.waitForURL(/pages\/agent\/chat/);
    await expect.poll(() => tid(a, "agent-context").textContent(), { timeout: 10_000 }).toContain("聊天顾客");
    await bubbles(a, "空调保修几年？").waitFor({ timeout: 10_000 });
    await expect.poll(() => tid(p, "chat-status").textContent(), { timeout: 10_000 }).toContain(`客服 ${AGENT.name}`);

    const login = await store.stack.fetch("/api/auth/staff-login", {
      method: "POST",
      json: { username: AGENT.username, password: AGENT.password },
    });
    agentToken = ((await login.json()) as { token: string }).token;
  });

  it("messages flow both ways, including canned replies", async () => {
    const a = agent.page;
    const p = shopper.page;
    await tid(a, "agent-canned").click();
    const canned = tid(a, "canned-item");
    if ((await canned.count()) > 0) {
      await canned.first().click();
      await expect.poll(() => tid(a, "agent-input").locator("input").inputValue()).not.toBe("");
    } else await a.keyboard.press("Escape");
    await fill(a, "agent-input", "您好，客服小李为您服务，请问有什么可以帮您？");
    await tid(a, "agent-send").click();
    await bubbles(p, "客服小李为您服务").waitFor({ timeout: 10_000 });

    await fill(p, "chat-input", "谢谢，我想预约空调安装");
    await tid(p, "chat-send").click();
    await bubbles(a, "我想预约空调安装").waitFor({ timeout: 10_000 });
    await screenshot(a, "14-agent-chat");
    await screenshot(p, "15-chat-agent");
    // Each message is stored once: no duplicate bubbles after the optimistic one is confirmed.
    expect(await bubbles(p, "我想预约空调安装").count()).toBe(1);
  });

  it("the agent closes; the shopper rates the chat", async () => {
    const a = agent.page;
    const p = shopper.page;
    await tid(a, "agent-close").click();
    await a.locator(".uni-modal__btn_primary").click();
    await expect.poll(() => tid(a, "agent-chat-status").textContent(), { timeout: 10_000 }).toContain("会话已结束");
    await tid(p, "csat").waitFor({ timeout: 10_000 });
    // The rating starts empty: choose 5 stars.
    await p.locator(".u-rate__content__item").nth(4).locator(".u-rate__content__item__icon-wrap").first().click();
    await p.locator(".csat__btn").click();
    await expectToast(p, "感谢您的评价");

    const res = await store.stack.fetch("/api/agent/conversations?status=closed", { token: agentToken });
    const { items } = (await res.json()) as { items: { shopperName: string; csat: number | null }[] };
    expect(items.map((c) => [c.shopperName, c.csat])).toEqual([["聊天顾客", 5]]);
    expect(shopper.errors).toEqual([]);
    expect(agent.errors).toEqual([]);
    expect([...shopper.external, ...agent.external]).toEqual([]);
  });
});
