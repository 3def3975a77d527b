/**
 * 客服 in the merchant console, Debian chromium at 1440×900 against the real stack (worker in workerd,
 * the console build served at /admin): a shopper asks for a person over the real chat API and WebSocket;
 * the agent, reaching the workbench through the old /agent address, takes the chat from the queue, sees
 * the shopper's order (and opens it in the scoped order view), answers with a canned reply that the
 * shopper's socket receives, and closes the chat (the shopper is asked to rate it). A merchant edits an
 * FAQ answer and the 试一试 box shows the bot answering with it, and a question that goes to a person.
 * Screenshots: docs/screenshots/admin-workbench.png, admin-faq.png.
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
import { shopperToken } from "../../test/harness";
import { TestSocket } from "../../test/ws-client";
import {
  assertConsoleBuilt,
  desktop,
  field,
  fill,
  type Staff,
  shot,
  signIn,
  stackApi,
  staffToken,
  tid,
  until,
} from "./kit";

const MERCHANT = { username: "cs-merchant", password: "cs-merchant-123", displayName: "店长 张三" };
const AGENT = { username: "cs-agent", password: "cs-agent-4567", displayName: "客服 小美" };
const HOSTILE = `<img src=x onerror="window.__pwned=1">冰箱不制冷了`;

let store: StoreStack;
let browser: Browser;
let merchantToken: string;
const sockets: TestSocket[] = [];

const api = stackApi(() => store);
const login = (who: Staff) => staffToken(store, who);
const newPage = () => desktop(browser);
const signInAt = (p: Page, who: Staff, start?: string) => signIn(p, store.stack.baseUrl, who, start);

/** A shopper with an unpaid order for one unit of some SKU in stock. */
async function shopperWithOrder(nickname: string) {
  const token = await shopperToken(store.stack, nickname);
  const stock = await api<{ items: { skuId: number; available: number }[] }>(
    "/api/admin/inventory/skus?limit=100",
    { token: merchantToken },
  );
  const sku = stock.items.find((s) => s.available > 2)!;
  const address = await api<{ id: number }>("/api/addresses", {
    token,
    json: {
      receiverName: "王五",
      phone: "13700137000",
      provinceCode: "440000",
      cityCode: "440300",
      districtCode: "440305",
      detail: "科技园 3 号",
    },
  });
  const res = await store.stack.fetch("/api/orders", {
    method: "POST",
    token,
    json: { items: [{ skuId: sku.skuId, quantity: 1 }], addressId: address.id },
    headers: { "idempotency-key": `cs-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  });
  const order = (await res.json()) as { id: number; orderNo: string };
  if (res.status !== 201) throw new Error(`order: ${res.status} ${JSON.stringify(order)}`);
  return { token, order };
}

beforeAll(async () => {
  assertPrerequisites();
  assertConsoleBuilt();
  [store, browser] = await Promise.all([startStoreStack({ catalog: true, services: true }), launchBrowser()]);
  await ensureStaff(store.stack.sql, [
    { ...MERCHANT, role: "merchant_admin" },
    { ...AGENT, role: "agent" },
  ]);
  merchantToken = await login(MERCHANT);
}, 300_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await browser?.close();
  await store?.close();
});

describe("客服 in the console", () => {
  it("an agent takes a queued chat, sees the shopper's order, answers with a canned reply and closes it", async () => {
    const { page, context, errors } = await newPage();
    // The old workbench address leads to the console's workbench (after signing in).
    await signInAt(page, AGENT, "/agent");
    await page.waitForURL(/#\/service\/workbench/);
    await expect.poll(() => tid(page, "lobby-state").textContent()).toContain("已连接");
    expect(await tid(page, "menu-service-faq").count()).toBe(0);

    // 离开: nothing is assigned automatically, so the chat waits in the queue for the agent to take it.
    await tid(page, "workbench-available").click();
    const agentId = (await api<{ items: { id: number; username: string; available: boolean }[] }>(
      "/api/admin/chat/agents",
      { token: merchantToken },
    ).then((r) => r.items.find((a) => a.username === AGENT.username)))!.id;
    await until("the agent to be away", async () => {
      const { items } = await api<{ items: { id: number; online: boolean; available: boolean }[] }>(
        "/api/admin/chat/agents",
        { token: merchantToken },
      );
      const me = items.find((a) => a.id === agentId);
      return me?.online && !me.available;
    });

    const { token, order } = await shopperWithOrder("客服顾客小赵");
    const open = await api<{ conversation: { id: number } }>("/api/chat/conversations", { token, json: {} });
    const id = open.conversation.id;
    const ws = await TestSocket.open(
      `${store.stack.baseUrl.replace(/^http/, "ws")}/api/chat/conversations/${id}/ws`,
      { authorization: `Bearer ${token}` },
    );
    sockets.push(ws);
    await ws.waitFor((f) => f.type === "history", "history");
    ws.send({ type: "message", text: HOSTILE });
    await ws.message((t) => t === HOSTILE, "the shopper's question stored");
    ws.send({ type: "message", text: "转人工" });
    await ws.waitFor((f) => f.type === "status" && f.status === "queued", "queued");

    await tid(page, `queue-${id}`).waitFor();
    expect(await tid(page, `queue-${id}`).textContent()).toContain("客服顾客小赵");
    await tid(page, `claim-${id}`).click();
    await ws.waitFor((f) => f.type === "status" && f.status === "assigned", "assigned");

    // The history, the shopper's text shown as text, and the shopper's order beside the chat.
    const question = tid(page, "chat-messages").locator(".msg.shopper .text", { hasText: "冰箱不制冷了" });
    await question.waitFor();
    expect(await question.textContent()).toBe(HOSTILE);
    expect(await tid(page, "chat-messages").locator("img").count()).toBe(0);
    expect(await page.evaluate("typeof window.__pwned")).toBe("undefined");
    await expect.poll(() => tid(page, "shopper-name").textContent()).toContain("客服顾客小赵");
    await tid(page, `context-order-${order.orderNo}`).click();
    const scoped = await api<{ statusText: string }>(`/api/admin/orders/${order.id}`, {
      token: merchantToken,
    });
    await expect.poll(() => tid(page, "drawer-status").textContent()).toBe(scoped.statusText);
    expect(await tid(page, "drawer-item").count()).toBeGreaterThan(0);
    await page.keyboard.press("Escape");
    await tid(page, "drawer-status").waitFor({ state: "hidden" });

    // A canned reply fills the box; sending it reaches the shopper's socket.
    const canned = await api<{ items: { id: number; title: string; text: string }[] }>(
      "/api/agent/canned-replies",
      { token: await login(AGENT) },
    );
    const greeting = canned.items.find((c) => c.title === "问候")!;
    await tid(page, `canned-${greeting.id}`).click();
    expect(await (await field(page, "chat-input")).inputValue()).toBe(greeting.text);
    await tid(page, "chat-send").click();
    const reply = await ws.message((t) => t === greeting.text, "the canned reply");
    expect(reply.message.from).toMatchObject({ kind: "agent", id: agentId });

    ws.send({ type: "message", text: "我的冰箱订单什么时候发货？" });
    await tid(page, "chat-messages").locator(".msg.shopper", { hasText: "什么时候发货" }).waitFor();
    await shot(page, "admin-workbench");

    // The 1-hour access token expired meanwhile: after a reload the ticket requests get a 401, the console
    // renews the token with its refresh token, and the lobby and the chat connect again.
    const stored = () => page.evaluate<string | null>('sessionStorage.getItem("jiadian-admin-session")');
    await page.evaluate(
      '(() => { const s = JSON.parse(sessionStorage.getItem("jiadian-admin-session")); s.token = "expired"; sessionStorage.setItem("jiadian-admin-session", JSON.stringify(s)); })()',
    );
    await page.reload();
    await expect.poll(() => tid(page, "lobby-state").textContent()).toContain("已连接");
    await tid(page, `mine-${id}`).click();
    await tid(page, "chat-messages").locator(".msg.agent", { hasText: greeting.text }).waitFor();
    expect(JSON.parse((await stored())!).token).not.toBe("expired");

    // Closing asks first; a dismissed confirmation sends nothing.
    await tid(page, "close-chat").click();
    await page.locator(".el-message-box__btns .el-button", { hasText: "取消" }).click();
    await page.locator(".el-message-box").waitFor({ state: "hidden" });
    expect(ws.frames.some((f) => f.type === "csat_request")).toBe(false);
    await tid(page, "close-chat").click();
    await page.locator(".el-message-box__btns .el-button--primary").click();
    await ws.waitFor((f) => f.type === "csat_request" && f.conversationId === id, "csat request");
    await expect.poll(() => tid(page, "chat-notice").textContent()).toContain("会话已结束");
    expect(await tid(page, "chat-send").isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("a merchant edits an FAQ answer and 试一试 answers with it; a complaint goes to a person", async () => {
    const { page, context, errors } = await newPage();
    await signInAt(page, MERCHANT);
    expect(await tid(page, "menu-service-workbench").count()).toBe(0);
    await tid(page, "menu-service-faq").click();
    // The search box narrows the list to the entry.
    await fill(page, "faq-search", "空调安装收费");
    await expect.poll(() => page.locator('[data-testid^="faq-row-"]').count()).toBe(1);
    await tid(page, "faq-edit-install-ac").click();
    await tid(page, "faq-dialog").waitFor();
    const edited =
      "空调标准安装免费（挂机含3米铜管、柜机含5米铜管）。超出部分：铜管每米60元，支架80元/个，师傅报价确认后再施工。";
    // Checked before sending: an empty answer is refused under its field.
    await fill(page, "faq-answer", "");
    await tid(page, "faq-save").click();
    await expect.poll(() => page.locator(".el-form-item__error").first().textContent()).toBe("请输入答案");
    await fill(page, "faq-answer", edited);
    await tid(page, "faq-save").click();
    await tid(page, "faq-dialog").waitFor({ state: "hidden" });
    expect(
      (await api<{ answer: string }>("/api/admin/faq/install-ac", { token: merchantToken })).answer,
    ).toBe(edited);

    await fill(page, "try-question", "空调安装铜管超了怎么收费");
    await tid(page, "try-ask").click();
    await expect.poll(() => tid(page, "try-answer").textContent()).toContain("铜管每米60元");
    await tid(page, "try-answers").waitFor();
    await shot(page, "admin-faq");

    await fill(page, "try-question", "你们太坑了，我要投诉");
    await tid(page, "try-ask").click();
    await expect.poll(() => tid(page, "try-escalates").textContent()).toContain("投诉");
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
