/**
 * Short-lived, single-use WebSocket tickets. Browsers cannot set Authorization on a WebSocket
 * handshake, and a session token in a URL ends up in logs for its whole 30-day life; a ticket in the
 * URL lives a minute and opens one connection: the handshake claims its id in used_chat_tickets, so a
 * ticket copied from a log or a proxy is refused. Signed with a key derived from the session secret,
 * so a ticket is never accepted as a session token and a session token is never accepted as a ticket.
 */
import { lt } from "drizzle-orm";
import { sign, verify } from "hono/jwt";
import type { Db } from "../db/client";
import { type Principal, readToken } from "../shared/auth";
import { usedChatTickets } from "./schema";

export const TICKET_TTL_S = 60;

const ticketKey = (sessionSecret: string) => `${sessionSecret}:chat-ws-ticket`;

export async function issueTicket(
  principal: Principal,
  sessionSecret: string,
  nowMs = Date.now(),
): Promise<{ ticket: string; expiresAt: number }> {
  const iat = Math.floor(nowMs / 1000);
  const exp = iat + TICKET_TTL_S;
  return {
    ticket: await sign(
      { ...principal, iat, exp, jti: crypto.randomUUID() },
      ticketKey(sessionSecret),
      "HS256",
    ),
    expiresAt: exp * 1000,
  };
}

/** The principal a ticket names, if it is genuine and unexpired (does not consume it). */
export const readTicket = (ticket: string, sessionSecret: string) =>
  readToken(ticket, ticketKey(sessionSecret));

/**
 * Checks the ticket and consumes it: the first presentation returns its principal, every later one
 * (or a concurrent duplicate) undefined. Expired claims are cleared in the same batch.
 */
export async function redeemTicket(
  db: Db,
  ticket: string,
  sessionSecret: string,
  nowMs = Date.now(),
): Promise<Principal | undefined> {
  const principal = await readTicket(ticket, sessionSecret);
  if (!principal) return undefined;
  const { jti, exp } = (await verify(ticket, ticketKey(sessionSecret), "HS256")) as {
    jti?: unknown;
    exp: number;
  };
  if (typeof jti !== "string") return undefined; // issued before tickets were single-use
  const [, claimed] = await db.batch([
    db.delete(usedChatTickets).where(lt(usedChatTickets.expiresAt, nowMs)),
    db
      .insert(usedChatTickets)
      .values({ jti, expiresAt: exp * 1000 })
      .onConflictDoNothing()
      .returning({ jti: usedChatTickets.jti }),
  ]);
  return claimed.length === 1 ? principal : undefined;
}
