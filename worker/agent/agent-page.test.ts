/**
 * The agent workbench page in a real browser (Debian chromium via playwright-core) against the worker in
 * workerd: login, an escalated chat arriving from the queue, hostile shopper text shown as text, a reply
 * typed in the page reaching the shopper, closing with a CSAT request.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../test/browser";
import { type Stack, shopperToken, staffToken, startStack } from "../../test/harness";
import { TestSocket } from "../../test/ws-client";

let stack: Stack;
let browser: Browser;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  stack = await startStack({ vars: { CORS_ORIGINS: "http://h5.example.test" } });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await browser?.close();
  await stack.close();
});

const HOSTILE = `<img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script>"'&`;

describe("agent workbench page", () => {
  it("serves the page with a nonce-only script policy", async () => {
    const res = await stack.fetch("/agent");
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(await res.text()).toContain(`<script nonce="${nonce}">`);
    expect((await stack.fetch("/agent")).headers.get("content-security-policy")).not.toBe(csp);
  });

  it("takes a chat from the queue, shows hostile text as text, and replies and closes from the page", async () => {
    const admin = await staffToken(stack, "merchant_admin", "page-admin");
    const created = await stack.fetch("/api/admin/chat/agents", {
      method: "POST",
      token: admin,
      json: { username: "page-agent", name: "页面客服", password: "page-password-1", capacity: 2 },
    });
    expect(created.status).toBe(201);

    const shopper = await shopperToken(stack, "页面顾客");
    const open = (await (
      await stack.fetch("/api/chat/conversations", { method: "POST", token: shopper })
    ).json()) as {
      conversation: { id: number };
    };
    const id = open.conversation.id;
    const ws = await TestSocket.open(
      `${stack.baseUrl.replace(/^http/, "ws")}/api/chat/conversations/${id}/ws`,
      {
        authorization: `Bearer ${shopper}`,
      },
    );
    sockets.push(ws);
    await ws.waitFor((f) => f.type === "history", "history");
    ws.send({ type: "message", text: "转人工" });
    await ws.waitFor((f) => f.type === "status" && f.status === "queued", "queued");
    ws.send({ type: "message", text: HOSTILE });
    await ws.message((t) => t === HOSTILE, "hostile text stored");

    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(`${stack.baseUrl}/agent`);
    await page.fill("#username", "page-agent");
    await page.fill("#password", "page-password-1");
    await page.click("#login button[type=submit]");

    // The page opens the assigned chat by itself and renders the history.
    const hostile = page.locator("#messages .msg .text", { hasText: "window.__pwned" });
    await hostile.waitFor({ timeout: 15_000 });
    expect(await hostile.textContent()).toBe(HOSTILE);
    expect(await page.locator("#messages img, #messages script").count()).toBe(0);
    expect(await page.evaluate("typeof window.__pwned")).toBe("undefined");
    expect(await page.locator("#messages .msg.bot").count()).toBeGreaterThan(0);
    expect(await page.locator("#shopper").textContent()).toContain("页面顾客");

    await page.selectOption("#canned", { index: 1 });
    expect(await page.inputValue("#text")).not.toBe("");
    await page.fill("#text", "您好，页面客服为您服务");
    await page.click("#send");
    const reply = await ws.message((t) => t === "您好，页面客服为您服务", "reply from the page");
    expect(reply.message.from.kind).toBe("agent");

    ws.send({ type: "message", text: "谢谢，没问题了" });
    await page.locator("#messages .msg .text", { hasText: "谢谢，没问题了" }).waitFor({ timeout: 10_000 });

    // The 1-hour access token has expired meanwhile: the page renews it with its refresh token.
    await page.evaluate('token = "expired.access.token"');
    await page.click("#close");
    await ws.waitFor((f) => f.type === "csat_request" && f.conversationId === id, "csat request");
    expect(await page.evaluate("token")).not.toBe("expired.access.token");
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it("upgrades WebSockets from an allowed cross-origin page (the H5 build), CORS headers and all", async () => {
    const shopper = await shopperToken(stack, "H5顾客");
    const open = (await (
      await stack.fetch("/api/chat/conversations", { method: "POST", token: shopper })
    ).json()) as {
      conversation: { id: number };
    };
    const { ticket } = (await (
      await stack.fetch("/api/chat/tickets", { method: "POST", token: shopper })
    ).json()) as {
      ticket: string;
    };
    const ws = await TestSocket.open(
      `${stack.baseUrl.replace(/^http/, "ws")}/api/chat/conversations/${open.conversation.id}/ws?ticket=${ticket}`,
      { origin: "http://h5.example.test" },
    );
    sockets.push(ws);
    expect((await ws.waitFor((f) => f.type === "ready", "ready")).role).toBe("shopper");
  });
});
