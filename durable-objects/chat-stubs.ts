/** Addresses of the chat Durable Objects, and the verified identity the worker hands them. */
import type { Env } from "../worker/env";

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

export const roomStub = (env: Env, conversationId: number) =>
  env.CHAT_ROOM.get(env.CHAT_ROOM.idFromName(`conversation:${conversationId}`));

/** The one lobby: queues are small and every agent needs the whole picture. */
export const lobbyStub = (env: Env) => env.AGENT_LOBBY.get(env.AGENT_LOBBY.idFromName("lobby"));

/** A JSON error response in the API's shape, for the objects' fetch handlers. */
export const jsonError = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });
