/**
 * ChatRoom: one customer-service conversation. Holds the message history in its SQLite storage, the
 * sockets of the shopper and the assigned agent (WebSocket Hibernation API), and the conversation's
 * status (bot → queued → assigned → closed), which it mirrors into libSQL's `conversations` row.
 *
 * Other objects are told about changes through a small outbox (`pending`) retried by the alarm, so a
 * failed call to the lobby or libSQL is repeated rather than lost. Every such call is idempotent.
 */
import { DurableObject } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import type { BotReply } from "../faq-bot/bot";
import { lobbyStub } from "../worker/agent/lobby-client";
import {
  type AgentInfo,
  CHAT_LIMITS,
  type ChatMessage,
  CLOSE_CODES,
  type ConversationStatus,
  PING_FRAME,
  PONG_FRAME,
  type SenderKind,
  type ServerFrame,
} from "../worker/chat/protocol";
import { conversations } from "../worker/chat/schema";
import { createDb, type Db } from "../worker/db/client";
import type { Env } from "../worker/env";
import { queueBoostMs } from "../worker/members/service";
import { createLogger, type Logger } from "../worker/shared/log";
import { createRoomBot, type RoomBot } from "./chat-bot";
import { type Bucket, fullBucket, parseClientFrame, takeToken } from "./chat-frames";
import { type ChatPrincipal, jsonError, readPrincipal } from "./chat-handshake";
import { type MessageRow, rowToMessage, toChatTurns } from "./chat-transcript";

export const BOT_NAME = "智能客服";
const SYSTEM_NAME = "系统消息";
const GREETING =
  "您好，我是家电商城智能客服，可以为您解答配送、安装、退换货、保修等问题。如需人工服务，请回复“转人工”。";
const BOT_FAILURE_TEXT = "抱歉，智能客服暂时无法回答，正在为您转接人工客服，请稍候。";
/** A frame this large is not a mistake: the socket is closed instead of answered. */
const HARD_FRAME_BYTES = 64 * 1024;
const RETRY_MS = 3_000;
const BOT_HISTORY_TURNS = 12;

interface RoomState {
  conversationId: number;
  shopperId: number;
  shopperName: string;
  status: ConversationStatus;
  agent: AgentInfo | null;
  queuePosition: number | null;
  escalationReason: string | null;
  queuedAt: number | null;
  assignedAt: number | null;
  closedAt: number | null;
  updatedAt: number;
  /** Bumped on every change; libSQL holds `mirroredVersion`. */
  version: number;
  mirroredVersion: number;
  /** The lobby must still be told to queue / to forget this conversation. */
  pendingEnqueue: boolean;
  pendingRelease: boolean;
}

interface Attachment extends ChatPrincipal {
  bucket: Bucket;
}

export interface RoomSummary {
  conversationId: number;
  shopperId: number;
  shopperName: string;
  status: ConversationStatus;
  agent: AgentInfo | null;
  queuePosition: number | null;
  lastId: number;
}

export type RoomResult = { ok: true } | { ok: false; status: 403 | 404 | 409; code: string; message: string };

export class ChatRoom extends DurableObject<Env> {
  private state: RoomState | undefined;
  private readonly db: Db;
  private readonly log: Logger;
  private bot: RoomBot | undefined;
  /** Bot turns run one after another (answers keep the order of questions) but never block sockets. */
  private botChain: Promise<void> = Promise.resolve();
  private flushChain: Promise<void> = Promise.resolve();
  /** When this instance was constructed: a later value means the object hibernated and woke up. */
  private readonly instanceStartedAt = Date.now();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // One client per instance: a room makes a handful of concurrent calls at most, far below the client's
    // queueing limit (the reason the worker uses a client per request), and the FAQ index cache is per client.
    this.db = createDb(env.LIBSQL_URL, env.LIBSQL_AUTH_TOKEN);
    this.log = createLogger(env.LOG_LEVEL, { do: "ChatRoom" });
    const sql = ctx.storage.sql;
    sql.exec(`CREATE TABLE IF NOT EXISTS messages (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL, sender_id INTEGER, sender_name TEXT NOT NULL, text TEXT NOT NULL,
      client_msg_id TEXT, sources TEXT, at INTEGER NOT NULL, offer_human INTEGER)`);
    // Rooms created before the column existed.
    if (!sql.exec("SELECT 1 FROM pragma_table_info('messages') WHERE name = 'offer_human'").toArray().length)
      sql.exec("ALTER TABLE messages ADD COLUMN offer_human INTEGER");
    sql.exec(`CREATE UNIQUE INDEX IF NOT EXISTS messages_client_id
      ON messages (kind, sender_id, client_msg_id) WHERE client_msg_id IS NOT NULL`);
    sql.exec("CREATE TABLE IF NOT EXISTS room (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
    const row = sql.exec<{ v: string }>("SELECT v FROM room WHERE k = 'state'").toArray()[0];
    this.state = row ? (JSON.parse(row.v) as RoomState) : undefined;
    // Heartbeats are answered by the runtime: a hibernating room is not woken for them.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING_FRAME, PONG_FRAME));
  }

  // ------------------------------------------------------------------ RPC (worker and lobby)

  /** Creates the room for a new conversation; a no-op when it exists. */
  async init(input: {
    conversationId: number;
    shopperId: number;
    shopperName: string;
  }): Promise<RoomSummary> {
    if (!this.state) {
      const now = Date.now();
      this.state = {
        ...input,
        status: "bot",
        agent: null,
        queuePosition: null,
        escalationReason: null,
        queuedAt: null,
        assignedAt: null,
        closedAt: null,
        updatedAt: now,
        version: 1,
        // The worker inserted the row as "bot": nothing to mirror yet.
        mirroredVersion: 1,
        pendingEnqueue: false,
        pendingRelease: false,
      };
      this.save();
      this.append("bot", null, BOT_NAME, GREETING);
    }
    return this.summary()!;
  }

  summary(): RoomSummary | undefined {
    const s = this.state;
    if (!s) return undefined;
    const last = this.ctx.storage.sql.exec<{ id: number }>("SELECT MAX(id) AS id FROM messages").one();
    return {
      conversationId: s.conversationId,
      shopperId: s.shopperId,
      shopperName: s.shopperName,
      status: s.status,
      agent: s.agent,
      queuePosition: s.queuePosition,
      lastId: last.id ?? 0,
    };
  }

  /** Operational facts (not on the public API): open sockets, and since when this instance runs. */
  diagnostics(): { instanceStartedAt: number; sockets: number } {
    return { instanceStartedAt: this.instanceStartedAt, sockets: this.ctx.getWebSockets().length };
  }

  /** Messages after `after` for someone allowed in (HTTP history). */
  history(
    who: ChatPrincipal,
    after: number,
    limit: number,
  ): { ok: true; messages: ChatMessage[]; hasMore: boolean } | Exclude<RoomResult, { ok: true }> {
    const denied = this.denied(who);
    if (denied) return denied;
    return { ok: true, ...this.page(after, limit) };
  }

  /** The lobby gave this conversation to `agent`. Idempotent; false when the room cannot take one. */
  async assigned(agent: AgentInfo, transferredFrom: number | null): Promise<boolean> {
    const s = this.state;
    if (!s || s.status === "closed") return false;
    if (s.status === "assigned" && s.agent?.id === agent.id) return true;
    const previous = s.agent;
    this.update({ status: "assigned", agent, queuePosition: null, assignedAt: Date.now() });
    this.append(
      "system",
      null,
      SYSTEM_NAME,
      transferredFrom === null ? `客服 ${agent.name} 已接入，为您服务` : `已为您转接至客服 ${agent.name}`,
    );
    this.broadcastStatus();
    // The previous agent's view of the room ends with the assignment.
    if (previous && previous.id !== agent.id)
      for (const ws of this.ctx.getWebSockets(`agent:${previous.id}`))
        safeClose(ws, CLOSE_CODES.unassigned, "transferred");
    void this.flush();
    return true;
  }

  /** The lobby's queue moved. */
  async queuePosition(position: number): Promise<void> {
    const s = this.state;
    if (s?.status !== "queued" || s.queuePosition === position) return;
    this.update({ queuePosition: position });
    this.broadcastStatus();
  }

  /** Ends the conversation (its agent, or the shopper). Idempotent. */
  async close(by: ChatPrincipal): Promise<RoomResult> {
    const s = this.state;
    if (!s) return { ok: false, status: 404, code: "NOT_FOUND", message: "会话不存在" };
    if (by.role === "shopper" && by.id !== s.shopperId)
      return { ok: false, status: 403, code: "FORBIDDEN", message: "没有权限执行此操作" };
    if (by.role === "agent" && s.agent?.id !== by.id)
      return { ok: false, status: 409, code: "NOT_ASSIGNED", message: "该会话不在您的接待列表中" };
    if (s.status !== "closed") {
      this.update({ status: "closed", closedAt: Date.now(), queuePosition: null, pendingRelease: true });
      this.append(
        "system",
        null,
        SYSTEM_NAME,
        by.role === "agent" ? "客服已结束本次会话，感谢您的咨询。请为本次服务评分。" : "您已结束本次会话。",
      );
      this.broadcastStatus();
      this.broadcast({ type: "csat_request", conversationId: s.conversationId });
    }
    await this.flush();
    return { ok: true };
  }

  // ------------------------------------------------------------------ WebSocket

  override async fetch(request: Request): Promise<Response> {
    const who = readPrincipal(request.headers);
    if (!who) return jsonError(400, "BAD_REQUEST", "缺少身份信息");
    const denied = this.denied(who);
    if (denied) return jsonError(denied.status, denied.code, denied.message);
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket")
      return jsonError(426, "UPGRADE_REQUIRED", "请使用 WebSocket 连接");
    const afterParam = Number(new URL(request.url).searchParams.get("after") ?? 0);
    const after = Number.isSafeInteger(afterParam) && afterParam > 0 ? afterParam : 0;

    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    this.ctx.acceptWebSocket(server, [`${who.role}:${who.id}`]);
    server.serializeAttachment({ ...who, bucket: fullBucket(Date.now()) } satisfies Attachment);
    const summary = this.summary()!;
    this.send(server, {
      type: "ready",
      conversationId: summary.conversationId,
      role: who.role,
      status: summary.status,
      agent: summary.agent,
      queuePosition: summary.queuePosition,
      lastId: summary.lastId,
    });
    this.send(server, { type: "history", ...this.page(after, CHAT_LIMITS.historyPage) });
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    // UTF-16 length is a lower bound of the UTF-8 size: good enough for a hard stop.
    const size = typeof data === "string" ? data.length : data.byteLength;
    if (size > HARD_FRAME_BYTES) return safeClose(ws, CLOSE_CODES.tooLarge, "frame too large");
    const att = ws.deserializeAttachment() as Attachment;
    const { bucket, allowed } = takeToken(att.bucket, Date.now());
    ws.serializeAttachment({ ...att, bucket } satisfies Attachment);
    if (!allowed)
      return this.send(ws, { type: "error", code: "RATE_LIMITED", message: "发送太频繁，请稍后再试" });
    if (this.denied(att)) {
      this.send(ws, { type: "error", code: "NOT_ALLOWED", message: "您已不在此会话中" });
      return safeClose(ws, CLOSE_CODES.unassigned, "not assigned");
    }
    const parsed = parseClientFrame(data);
    if (!parsed.ok) return this.send(ws, { type: "error", code: parsed.code, message: parsed.message });
    const frame = parsed.frame;
    switch (frame.type) {
      case "message":
        return this.onMessage(ws, att, frame.text, frame.clientMsgId);
      case "sync":
        return this.send(ws, { type: "history", ...this.page(frame.after, CHAT_LIMITS.historyPage) });
      case "handoff":
        if (att.role === "shopper" && this.state?.status === "bot") {
          this.append("bot", null, BOT_NAME, "好的，正在为您转接人工客服，请稍候。");
          await this.escalate("explicit");
        }
        return;
      case "ping":
        return this.send(ws, { type: "pong" });
    }
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    safeClose(ws, code === 1005 || code === 1006 ? 1000 : code, reason);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    safeClose(ws, 1011, "error");
  }

  override async alarm(): Promise<void> {
    await this.flush();
  }

  // ------------------------------------------------------------------ internals

  private denied(who: ChatPrincipal): Exclude<RoomResult, { ok: true }> | undefined {
    const s = this.state;
    if (!s) return { ok: false, status: 404, code: "NOT_FOUND", message: "会话不存在" };
    const allowed =
      who.role === "shopper"
        ? who.id === s.shopperId
        : // The agent who closed the chat may still read it; nobody else on the staff side.
          s.agent?.id === who.id && (s.status === "assigned" || s.status === "closed");
    return allowed ? undefined : { ok: false, status: 403, code: "FORBIDDEN", message: "您无权进入此会话" };
  }

  private onMessage(ws: WebSocket, who: Attachment, text: string, clientMsgId: string | undefined) {
    const s = this.state!;
    if (s.status === "closed")
      return this.send(ws, {
        type: "error",
        code: "CONVERSATION_CLOSED",
        message: "会话已结束，如需帮助请重新发起咨询",
        ...(clientMsgId ? { clientMsgId } : {}),
      });
    if (clientMsgId) {
      // A retried send: answer with the stored message instead of storing it twice.
      const dup = this.ctx.storage.sql
        .exec<MessageRow>(
          "SELECT * FROM messages WHERE kind = ? AND sender_id = ? AND client_msg_id = ?",
          who.role,
          who.id,
          clientMsgId,
        )
        .toArray()[0];
      if (dup) return this.send(ws, { type: "message", message: rowToMessage(dup) });
    }
    const message = this.append(who.role, who.id, who.name, text, { clientMsgId });
    if (who.role === "shopper" && s.status === "bot") this.queueBotTurn(message);
  }

  private queueBotTurn(question: ChatMessage) {
    const turn = this.botChain.then(() => this.botTurn(question));
    this.botChain = turn;
    this.ctx.waitUntil(turn);
  }

  /** Never throws: a failing bot hands the shopper to a human instead of breaking the room. */
  private async botTurn(question: ChatMessage): Promise<void> {
    const s = this.state;
    if (s?.status !== "bot") return;
    const streamId = `bot-${question.id}`;
    let reply: Pick<BotReply, "text" | "sources" | "offerHuman"> & { escalate?: { reason: string } };
    try {
      this.bot ??= createRoomBot(this.env, this.db, this.log);
      const history = toChatTurns(
        this.recent(BOT_HISTORY_TURNS * 2).filter((m) => m.id !== question.id),
        BOT_HISTORY_TURNS,
      );
      reply = await this.bot.reply({ shopperId: s.shopperId, question: question.text, history }, (text) =>
        this.broadcast({ type: "delta", streamId, text }),
      );
    } catch (err) {
      this.log.error("chat: bot failed", {
        conversationId: s.conversationId,
        err: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      });
      reply = { text: BOT_FAILURE_TEXT, sources: [], escalate: { reason: "bot_error" } };
    }
    try {
      if (this.state?.status === "closed") return;
      this.append("bot", null, BOT_NAME, reply.text, {
        sources: reply.sources,
        streamId,
        offerHuman: reply.offerHuman === true,
      });
      if (reply.escalate) await this.escalate(reply.escalate.reason);
    } catch (err) {
      this.log.error("chat: storing the bot reply failed", { err: String(err) });
    }
  }

  private async escalate(reason: string): Promise<void> {
    if (this.state?.status !== "bot") return;
    this.update({ status: "queued", escalationReason: reason, queuedAt: Date.now(), pendingEnqueue: true });
    this.broadcastStatus();
    await this.flush();
  }

  /** Delivers the outbox: lobby enqueue/release and the libSQL mirror. Serialised; never throws. */
  private flush(): Promise<void> {
    const run = this.flushChain.then(() => this.flushOnce());
    this.flushChain = run;
    return run;
  }

  private async flushOnce(): Promise<void> {
    const s = this.state;
    if (!s) return;
    let failed = false;
    const attempt = async (what: string, fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (err) {
        failed = true;
        this.log.warn(`chat: ${what} failed, will retry`, {
          conversationId: s.conversationId,
          err: String(err),
        });
      }
    };
    // The mirror first: once the shopper hears their queue position, listings already show it.
    if (this.state && this.state.mirroredVersion < this.state.version)
      await attempt("mirror", async () => {
        const v = this.state!;
        const version = v.version;
        await this.db
          .update(conversations)
          .set({
            status: v.status,
            agentId: v.agent?.id ?? null,
            escalationReason: v.escalationReason,
            queuedAt: v.queuedAt,
            assignedAt: v.assignedAt,
            closedAt: v.closedAt,
            updatedAt: v.updatedAt,
          })
          .where(eq(conversations.id, v.conversationId));
        // Changes made while the write was in flight keep the room dirty until the next flush.
        this.state = { ...this.state!, mirroredVersion: Math.max(this.state!.mirroredVersion, version) };
        this.save();
      });
    if (this.state?.pendingEnqueue)
      await attempt("enqueue", async () => {
        const { position } = await lobbyStub(this.env).enqueue({
          conversationId: s.conversationId,
          shopperId: s.shopperId,
          shopperName: s.shopperName,
          reason: s.escalationReason ?? "explicit",
          boostMs: await queueBoostMs(this.db, s.shopperId),
        });
        this.update({ pendingEnqueue: false });
        // The lobby may already have assigned an agent while we waited.
        if (this.state?.status === "queued" && position !== null) {
          this.update({ queuePosition: position });
          this.append("bot", null, BOT_NAME, `您当前排在第 ${position} 位，客服接入后会第一时间回复您。`);
          this.broadcastStatus();
        }
      });
    if (this.state?.pendingRelease)
      await attempt("release", async () => {
        await lobbyStub(this.env).release(s.conversationId);
        this.update({ pendingRelease: false });
      });
    if (failed) await this.ctx.storage.setAlarm(Date.now() + RETRY_MS);
  }

  private update(patch: Partial<RoomState>) {
    const s = this.state!;
    const statusChanged =
      patch.status !== undefined || patch.agent !== undefined || patch.escalationReason !== undefined;
    this.state = {
      ...s,
      ...patch,
      ...(statusChanged ? { version: s.version + 1, updatedAt: Date.now() } : {}),
    };
    this.save();
  }

  private save() {
    this.ctx.storage.sql.exec(
      "INSERT INTO room (k, v) VALUES ('state', ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
      JSON.stringify(this.state),
    );
  }

  private append(
    kind: SenderKind,
    senderId: number | null,
    name: string,
    text: string,
    extra: {
      clientMsgId?: string | undefined;
      sources?: string[];
      streamId?: string;
      offerHuman?: boolean;
    } = {},
  ): ChatMessage {
    const row = this.ctx.storage.sql
      .exec<MessageRow>(
        `INSERT INTO messages (kind, sender_id, sender_name, text, client_msg_id, sources, at, offer_human)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        kind,
        senderId,
        name,
        text,
        extra.clientMsgId ?? null,
        extra.sources?.length ? JSON.stringify(extra.sources) : null,
        Date.now(),
        extra.offerHuman ? 1 : null,
      )
      .one();
    const message = rowToMessage(row);
    this.broadcast({ type: "message", message, ...(extra.streamId ? { streamId: extra.streamId } : {}) });
    return message;
  }

  private page(after: number, limit: number): { messages: ChatMessage[]; hasMore: boolean } {
    const rows = this.ctx.storage.sql
      .exec<MessageRow>("SELECT * FROM messages WHERE id > ? ORDER BY id LIMIT ?", after, limit + 1)
      .toArray();
    return { messages: rows.slice(0, limit).map(rowToMessage), hasMore: rows.length > limit };
  }

  private recent(n: number): ChatMessage[] {
    return this.ctx.storage.sql
      .exec<MessageRow>("SELECT * FROM messages ORDER BY id DESC LIMIT ?", n)
      .toArray()
      .reverse()
      .map(rowToMessage);
  }

  private broadcastStatus() {
    const s = this.state!;
    this.broadcast({ type: "status", status: s.status, agent: s.agent, queuePosition: s.queuePosition });
  }

  private broadcast(frame: ServerFrame) {
    const text = JSON.stringify(frame);
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(text);
      } catch {
        // a socket closing right now: its close handler cleans up
      }
    }
  }

  private send(ws: WebSocket, frame: ServerFrame) {
    try {
      ws.send(JSON.stringify(frame));
    } catch {
      // closed meanwhile
    }
  }
}

function safeClose(ws: WebSocket, code: number, reason: string) {
  try {
    ws.close(code, reason);
  } catch {
    // already closed
  }
}
