/**
 * The agent workbench and agent accounts: the database side (conversations, accounts, capacity) and
 * the lobby / room Durable Objects. Routes validate input and call one function here.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { CAPACITY_HEADER, type ChatPrincipal } from "../../durable-objects/chat-handshake";
import { shoppers, staff } from "../auth/schema";
import { recentOrders } from "../chat/orders-context";
import { roomStub } from "../chat/room-client";
import { chatAgents, conversations, DEFAULT_AGENT_CAPACITY } from "../chat/schema";
import { agentCapacity, forwardSocket, roomError } from "../chat/service";
import type { Db } from "../db/client";
import type { Env } from "../env";
import { AppError, forbidden, notFound } from "../shared/errors";
import { hashPassword } from "../shared/password";
import { lobbyStub } from "./lobby-client";

/** The signed-in agent as the lobby and rooms know them. */
export interface AgentRef {
  id: number;
  name: string;
}

const lobbyError = (r: { code: string; message: string }) =>
  new AppError(r.code === "AGENT_NOT_FOUND" ? 404 : 409, r.code, r.message);

// ---------------------------------------------------------------- workbench

/** Upgrades to the lobby WebSocket (queue and presence); the lobby learns the agent's capacity. */
export async function connectLobby(db: Db, env: Env, who: ChatPrincipal): Promise<Response> {
  if (who.role !== "agent") throw forbidden("仅限客服使用");
  const capacity = await agentCapacity(db, who.id);
  return forwardSocket(lobbyStub(env), "https://agent-lobby/ws", who, {
    [CAPACITY_HEADER]: String(capacity),
  });
}

/** The queue, agents' presence and this agent's conversations. */
export async function lobbySnapshot(env: Env, agentId: number) {
  const { type: _type, ...snapshot } = await lobbyStub(env).snapshot(agentId);
  return snapshot;
}

/** Conversations this agent handled, most recently active first. */
export async function agentConversations(db: Db, agentId: number, status?: "assigned" | "closed") {
  return db
    .select({
      id: conversations.id,
      status: conversations.status,
      shopperId: conversations.shopperId,
      shopperName: shoppers.nickname,
      escalationReason: conversations.escalationReason,
      csat: conversations.csat,
      assignedAt: conversations.assignedAt,
      closedAt: conversations.closedAt,
    })
    .from(conversations)
    .leftJoin(shoppers, eq(shoppers.id, conversations.shopperId))
    .where(and(eq(conversations.agentId, agentId), status ? eq(conversations.status, status) : undefined))
    .orderBy(desc(conversations.updatedAt))
    .limit(100);
}

/** The shopper and their recent orders, for the agent the conversation is assigned to only. */
export async function conversationContext(db: Db, env: Env, agentId: number, conversationId: number) {
  const room = await roomStub(env, conversationId).summary();
  if (!room) throw notFound("会话不存在");
  if (room.agent?.id !== agentId) throw forbidden("该会话不在您的接待列表中");
  const shopper = await db.query.shoppers.findFirst({ where: eq(shoppers.id, room.shopperId) });
  return {
    conversation: room,
    shopper: { id: room.shopperId, nickname: shopper?.nickname ?? room.shopperName },
    orders: await recentOrders(db, room.shopperId).catch(() => []),
  };
}

/** Takes a queued conversation, within the agent's capacity. */
export async function claimConversation(db: Db, env: Env, me: AgentRef, conversationId: number) {
  const capacity = await agentCapacity(db, me.id);
  const r = await lobbyStub(env).claim(conversationId, { id: me.id, name: me.name, capacity });
  if (!r.ok) throw lobbyError(r);
}

/** Hands a conversation this agent holds to another online agent. */
export async function transferConversation(
  env: Env,
  fromAgentId: number,
  conversationId: number,
  toAgentId: number,
) {
  const r = await lobbyStub(env).transfer(conversationId, fromAgentId, toAgentId);
  if (!r.ok) throw lobbyError(r);
}

/** Ends the conversation; the shopper is then invited to rate it. */
export async function closeConversation(env: Env, me: AgentRef, conversationId: number) {
  const r = await roomStub(env, conversationId).close({ role: "agent", id: me.id, name: me.name });
  if (!r.ok) throw roomError(r);
}

// ---------------------------------------------------------------- accounts (merchant admin)

/**
 * Agent accounts with their concurrent-conversation limit and, from the lobby, whether they are online
 * (a workbench open), taking chats (not 离开) and how many chats they hold now.
 */
export async function listAgents(db: Db, env: Env) {
  const [rows, lobby] = await Promise.all([agentRows(db), lobbyStub(env).snapshot(0)]);
  const presence = new Map(lobby.agents.map((a) => [a.id, a]));
  return rows.map((r) => {
    const p = presence.get(r.id);
    return { ...r, online: p?.online ?? false, available: p?.available ?? false, load: p?.load ?? 0 };
  });
}

async function agentRows(db: Db) {
  const rows = await db
    .select({
      id: staff.id,
      username: staff.username,
      name: staff.displayName,
      disabled: staff.disabled,
      capacity: chatAgents.capacity,
    })
    .from(staff)
    .leftJoin(chatAgents, eq(chatAgents.staffId, staff.id))
    .where(eq(staff.role, "agent"))
    .orderBy(staff.id);
  return rows.map((r) => ({ ...r, capacity: r.capacity ?? DEFAULT_AGENT_CAPACITY }));
}

export async function createAgent(
  db: Db,
  input: { username: string; name: string; password: string; capacity?: number | undefined },
) {
  const now = Date.now();
  const passwordHash = await hashPassword(input.password);
  const cap = input.capacity ?? DEFAULT_AGENT_CAPACITY;
  // One atomic batch: no half-created agent. A taken username fails the batch with a 409 (DUPLICATE).
  const [inserted] = await db.batch([
    db
      .insert(staff)
      .values({
        username: input.username,
        displayName: input.name,
        role: "agent",
        passwordHash,
        createdAt: now,
      })
      .returning({ id: staff.id }),
    db.run(sql`INSERT INTO chat_agents (staff_id, capacity, updated_at)
               SELECT id, ${cap}, ${now} FROM staff WHERE username = ${input.username}`),
  ]);
  return { id: inserted[0]!.id, username: input.username, name: input.name, capacity: cap };
}

/** Stores the agent's limit and tells the lobby, which may then assign queued conversations. */
export async function setAgentCapacity(db: Db, env: Env, id: number, capacity: number) {
  const agent = await db.query.staff.findFirst({ where: and(eq(staff.id, id), eq(staff.role, "agent")) });
  if (!agent) throw notFound("客服不存在");
  const now = Date.now();
  await db
    .insert(chatAgents)
    .values({ staffId: id, capacity, updatedAt: now })
    .onConflictDoUpdate({ target: chatAgents.staffId, set: { capacity, updatedAt: now } });
  await lobbyStub(env).setCapacity(id, agent.displayName, capacity);
  return { id, capacity };
}
