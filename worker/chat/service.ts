/** Chat I/O on the worker side: the conversations table, and the hand-off to rooms and the lobby. */
import { and, desc, eq, gte, isNotNull, isNull, lt, ne, sql } from "drizzle-orm";
import { type ChatPrincipal, PRINCIPAL_HEADER } from "../../durable-objects/chat-handshake";
import type { RoomResult } from "../../durable-objects/chat-room";
import { shoppers, staff } from "../auth/schema";
import type { Db } from "../db/client";
import type { Env } from "../env";
import { AppError, conflict, notFound } from "../shared/errors";
import { csatReport } from "./csat";
import { roomStub } from "./room-client";
import { chatAgents, conversations, DEFAULT_AGENT_CAPACITY } from "./schema";

/** Turns a room's refusal into the API error shape. */
export function roomError(r: Exclude<RoomResult, { ok: true }>): AppError {
  return new AppError(r.status, r.code, r.message);
}

/** The shopper's open conversation, created when there is none. Safe under concurrent calls. */
export async function openConversation(db: Db, env: Env, shopper: { id: number; nickname: string }) {
  const now = Date.now();
  const inserted = await db
    .insert(conversations)
    .values({ shopperId: shopper.id, status: "bot", createdAt: now, updatedAt: now })
    // conversations_one_open: a concurrent open wins, this one resumes it
    .onConflictDoNothing()
    .returning({ id: conversations.id });
  const row = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.shopperId, shopper.id), ne(conversations.status, "closed")))
    .get();
  if (!row) throw new AppError(503, "CHAT_BUSY", "会话创建失败，请重试");
  // Also for a resumed one: creating the room may have failed after the insert last time.
  const room = await roomStub(env, row.id).init({
    conversationId: row.id,
    shopperId: shopper.id,
    shopperName: shopper.nickname || `顾客${shopper.id}`,
  });
  return {
    created: inserted.length > 0,
    conversation: {
      id: row.id,
      status: room.status,
      agent: room.agent,
      queuePosition: room.queuePosition,
      lastId: room.lastId,
      createdAt: row.createdAt,
    },
  };
}

export async function shopperConversations(db: Db, shopperId: number) {
  return db
    .select({
      id: conversations.id,
      status: conversations.status,
      agentId: conversations.agentId,
      csat: conversations.csat,
      createdAt: conversations.createdAt,
      closedAt: conversations.closedAt,
    })
    .from(conversations)
    .where(eq(conversations.shopperId, shopperId))
    .orderBy(desc(conversations.id))
    .limit(50);
}

/** Forwards a WebSocket handshake to a Durable Object with the identity the worker verified. */
export function forwardSocket(
  stub: { fetch(req: Request): Promise<Response> },
  url: string,
  who: ChatPrincipal,
  extraHeaders: Record<string, string> = {},
) {
  // A fresh request: nothing the client sent (such as a forged principal header) reaches the object.
  const headers = { ...extraHeaders, upgrade: "websocket", [PRINCIPAL_HEADER]: JSON.stringify(who) };
  return stub.fetch(new Request(url, { headers }));
}

/** Records the shopper's rating of a closed conversation, once. A repeat of the same rating is a no-op. */
export async function rateConversation(
  db: Db,
  shopperId: number,
  conversationId: number,
  score: number,
  comment: string | undefined,
) {
  const now = Date.now();
  const updated = await db
    .update(conversations)
    .set({ csat: score, csatComment: comment ?? null, ratedAt: now })
    .where(
      and(
        eq(conversations.id, conversationId),
        eq(conversations.shopperId, shopperId),
        eq(conversations.status, "closed"),
        isNull(conversations.csat),
      ),
    )
    .returning({ id: conversations.id });
  if (updated.length > 0) return { conversationId, csat: score };
  const row = await db.select().from(conversations).where(eq(conversations.id, conversationId)).get();
  if (!row || row.shopperId !== shopperId) throw notFound("会话不存在");
  if (row.status !== "closed") throw conflict("会话结束后才能评价", "NOT_CLOSED");
  if (row.csat === score) return { conversationId, csat: score };
  throw conflict("您已评价过本次会话", "ALREADY_RATED");
}

export async function csatReportFor(
  db: Db,
  filter: { from?: number | undefined; to?: number | undefined; agentId?: number | undefined },
) {
  const groups = await db
    .select({ score: conversations.csat, count: sql<number>`count(*)` })
    .from(conversations)
    .where(
      and(
        isNotNull(conversations.csat),
        filter.from !== undefined ? gte(conversations.ratedAt, filter.from) : undefined,
        filter.to !== undefined ? lt(conversations.ratedAt, filter.to) : undefined,
        filter.agentId !== undefined ? eq(conversations.agentId, filter.agentId) : undefined,
      ),
    )
    .groupBy(conversations.csat);
  return csatReport(groups.map((g) => ({ score: Number(g.score), count: Number(g.count) })));
}

/** The newest ratings that carry a comment, with who was rated, for the CSAT report page. */
export async function recentCsatComments(db: Db, limit: number) {
  const rows = await db
    .select({
      conversationId: conversations.id,
      score: conversations.csat,
      comment: conversations.csatComment,
      ratedAt: conversations.ratedAt,
      agentId: conversations.agentId,
      agentName: staff.displayName,
      shopperName: shoppers.nickname,
    })
    .from(conversations)
    .leftJoin(staff, eq(staff.id, conversations.agentId))
    .leftJoin(shoppers, eq(shoppers.id, conversations.shopperId))
    .where(
      and(
        isNotNull(conversations.csat),
        isNotNull(conversations.csatComment),
        ne(conversations.csatComment, ""),
      ),
    )
    .orderBy(desc(conversations.ratedAt), desc(conversations.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, score: Number(r.score), ratedAt: Number(r.ratedAt) }));
}

export async function agentCapacity(db: Db, staffId: number): Promise<number> {
  const row = await db
    .select({ capacity: chatAgents.capacity })
    .from(chatAgents)
    .where(eq(chatAgents.staffId, staffId))
    .get();
  return row?.capacity ?? DEFAULT_AGENT_CAPACITY;
}
