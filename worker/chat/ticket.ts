/**
 * Short-lived WebSocket tickets. Browsers cannot set Authorization on a WebSocket handshake, and a
 * session token in a URL ends up in logs for its whole 30-day life; a ticket in the URL lives a minute.
 * Signed with a key derived from the session secret, so a ticket is never accepted as a session token
 * and a session token is never accepted as a ticket.
 */
import { sign } from "hono/jwt";
import { type Principal, readToken } from "../shared/auth";

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
    ticket: await sign({ ...principal, iat, exp }, ticketKey(sessionSecret), "HS256"),
    expiresAt: exp * 1000,
  };
}

export const readTicket = (ticket: string, sessionSecret: string) =>
  readToken(ticket, ticketKey(sessionSecret));
