import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, shopperToken, startStack } from "../../test/harness";
import { TestSocket } from "../../test/ws-client";
import { issueToken, readToken } from "../shared/auth";
import { issueTicket, readTicket, TICKET_TTL_S } from "./ticket";

const SECRET = "test-secret-test-secret-test-secret!";
const shopper = { kind: "shopper", id: 3, nickname: "小李" } as const;

describe("WebSocket tickets", () => {
  it("round-trip the principal", async () => {
    const now = Math.floor(Date.now() / 1000) * 1000;
    const { ticket, expiresAt } = await issueTicket(shopper, SECRET, now);
    expect(expiresAt).toBe(now + TICKET_TTL_S * 1000);
    expect(await readTicket(ticket, SECRET)).toEqual(shopper);
  });

  it("are not session tokens, and session tokens are not tickets", async () => {
    const { ticket } = await issueTicket(shopper, SECRET);
    expect(await readToken(ticket, SECRET)).toBeUndefined();
    expect(await readTicket(await issueToken(shopper, SECRET), SECRET)).toBeUndefined();
  });

  it("expire after a minute", async () => {
    const { ticket } = await issueTicket(shopper, SECRET, Date.now() - (TICKET_TTL_S + 5) * 1000);
    expect(await readTicket(ticket, SECRET)).toBeUndefined();
  });
});

describe("WebSocket tickets over HTTP: single use", () => {
  let stack: Stack;
  let token: string;
  let path: string;
  beforeAll(async () => {
    stack = await startStack();
    token = await shopperToken(stack, "单次凭证顾客");
    const res = await stack.fetch("/api/chat/conversations", { method: "POST", token });
    const id = ((await res.json()) as { conversation: { id: number } }).conversation.id;
    path = `${stack.baseUrl.replace(/^http/, "ws")}/api/chat/conversations/${id}/ws?ticket=`;
  });
  afterAll(() => stack?.close());

  const newTicket = async () =>
    ((await (await stack.fetch("/api/chat/tickets", { method: "POST", token })).json()) as { ticket: string })
      .ticket;

  it("opens one connection; the same ticket presented again is refused with 401", async () => {
    const ticket = await newTicket();
    const first = await TestSocket.open(path + ticket);
    first.close();
    await expect(TestSocket.open(path + ticket)).rejects.toThrow(/HTTP 401/);
    // A fresh ticket still works.
    (await TestSocket.open(path + (await newTicket()))).close();
  });

  it("of 8 concurrent handshakes with one ticket, exactly one gets through", async () => {
    const ticket = await newTicket();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => TestSocket.open(path + ticket)));
    const opened = results.filter((r) => r.status === "fulfilled");
    expect(opened).toHaveLength(1);
    for (const r of results) if (r.status === "fulfilled") r.value.close();
    for (const r of results)
      if (r.status === "rejected") expect(String((r.reason as Error).message)).toMatch(/HTTP 401/);
  });
});
