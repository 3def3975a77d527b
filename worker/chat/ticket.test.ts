import { describe, expect, it } from "vitest";
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
