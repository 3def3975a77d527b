/**
 * The old /agent address redirects to the merchant console's workbench (the browser journey is in
 * admin-console/e2e/service.test.ts), and browsers on an allowed other origin (the H5 build) can open
 * the chat WebSocket with a ticket.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, shopperToken, startStack } from "../../test/harness";
import { TestSocket } from "../../test/ws-client";

let stack: Stack;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  stack = await startStack({ vars: { CORS_ORIGINS: "http://h5.example.test" } });
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await stack.close();
});

describe("agent workbench address and browser WebSockets", () => {
  it("redirects /agent to the console's workbench", async () => {
    const res = await stack.fetch("/agent", { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/admin/#/service/workbench");
  });

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
