/**
 * The WebSocket handshake between the worker and the chat objects (ChatRoom, AgentLobby): the worker
 * verifies who is connecting and passes it on in headers a client can never set (the worker builds a
 * fresh request), and an object that refuses answers in the API's error shape. Both sides import this.
 */

/** Set by the worker on requests it forwards to a room or the lobby; never taken from a client. */
export const PRINCIPAL_HEADER = "x-chat-principal";
/** Sent by the worker with an agent's lobby connection: their configured capacity. */
export const CAPACITY_HEADER = "x-agent-capacity";

export interface ChatPrincipal {
  role: "shopper" | "agent";
  id: number;
  name: string;
}

export function readPrincipal(headers: Headers): ChatPrincipal | undefined {
  try {
    const p = JSON.parse(headers.get(PRINCIPAL_HEADER) ?? "") as Partial<ChatPrincipal>;
    if (
      (p.role === "shopper" || p.role === "agent") &&
      Number.isSafeInteger(p.id) &&
      typeof p.name === "string"
    )
      return { role: p.role, id: p.id as number, name: p.name };
  } catch {
    // missing or malformed: refused below
  }
  return undefined;
}

/** A JSON error response in the API's shape, for the objects' fetch handlers. */
export const jsonError = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });
