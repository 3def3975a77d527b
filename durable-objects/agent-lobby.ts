/**
 * AgentLobby (one instance): agent presence, the FIFO queue of escalated conversations and who handles
 * which. Decisions come from lobby-queue.ts and are written in the same synchronous step that read the
 * state, so concurrent requests cannot over-assign. Rooms are told about assignments through an outbox
 * (`assignments.notified`) that the alarm retries.
 */
import { DurableObject } from "cloudflare:workers";
import {
  type AgentPresence,
  type LobbyServerFrame,
  PING_FRAME,
  PONG_FRAME,
  type QueueEntry,
} from "../worker/chat/protocol";
import { roomStub } from "../worker/chat/room-client";
import type { Env } from "../worker/env";
import { createLogger, type Logger } from "../worker/shared/log";
import { CAPACITY_HEADER, jsonError, readPrincipal } from "./chat-handshake";
import {
  type AgentSlot,
  byServingOrder,
  checkClaim,
  checkTransfer,
  planAssignments,
  type QueuedChat,
  type TransferCheck,
} from "./lobby-queue";

const RETRY_MS = 3_000;

type QueueRow = {
  seq: number;
  conversation_id: number;
  shopper_id: number;
  shopper_name: string;
  reason: string;
  enqueued_at: number;
  pushed_position: number | null;
  /** 会员优先: how much earlier the shopper's tier counts the chat (lobby-queue.ts byServingOrder). */
  boost_ms: number;
};
const chatOf = (q: QueueRow): QueuedChat => ({
  conversationId: q.conversation_id,
  seq: q.seq,
  enqueuedAt: q.enqueued_at,
  boostMs: q.boost_ms ?? 0,
});
type AgentRow = {
  id: number;
  name: string;
  capacity: number;
  available: number;
  last_assigned_at: number;
};
type AssignmentRow = {
  conversation_id: number;
  agent_id: number;
  shopper_name: string;
  transferred_from: number | null;
  notified: number;
};

export type LobbyResult = { ok: true } | { ok: false; code: string; message: string };

const asResult = (c: TransferCheck): LobbyResult => c;

export class AgentLobby extends DurableObject<Env> {
  private readonly log: Logger;
  private deliverChain: Promise<void> = Promise.resolve();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.log = createLogger(env.LOG_LEVEL, { do: "AgentLobby" });
    const sql = ctx.storage.sql;
    sql.exec(`CREATE TABLE IF NOT EXISTS queue (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id INTEGER NOT NULL UNIQUE,
      shopper_id INTEGER NOT NULL, shopper_name TEXT NOT NULL, reason TEXT NOT NULL,
      enqueued_at INTEGER NOT NULL, pushed_position INTEGER)`);
    sql.exec(`CREATE TABLE IF NOT EXISTS agents (
      id INTEGER PRIMARY KEY, name TEXT NOT NULL, capacity INTEGER NOT NULL,
      available INTEGER NOT NULL DEFAULT 1, last_assigned_at INTEGER NOT NULL DEFAULT 0)`);
    sql.exec(`CREATE TABLE IF NOT EXISTS assignments (
      conversation_id INTEGER PRIMARY KEY, agent_id INTEGER NOT NULL, shopper_name TEXT NOT NULL,
      assigned_at INTEGER NOT NULL, transferred_from INTEGER, notified INTEGER NOT NULL DEFAULT 0)`);
    // Added for member tiers: older objects get the column once.
    if (
      !sql
        .exec<{ name: string }>("PRAGMA table_info(queue)")
        .toArray()
        .some((c) => c.name === "boost_ms")
    )
      sql.exec("ALTER TABLE queue ADD COLUMN boost_ms INTEGER NOT NULL DEFAULT 0");
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING_FRAME, PONG_FRAME));
  }

  // ------------------------------------------------------------------ RPC

  /** Queues an escalated conversation (idempotent). Position is null when it is already assigned. */
  async enqueue(input: {
    conversationId: number;
    shopperId: number;
    shopperName: string;
    reason: string;
    /** 会员优先 (member tier): minutes × 60 000; absent = none. */
    boostMs?: number;
  }): Promise<{ position: number | null }> {
    if (!this.assignment(input.conversationId)) {
      this.ctx.storage.sql.exec(
        `INSERT INTO queue (conversation_id, shopper_id, shopper_name, reason, enqueued_at, boost_ms)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id) DO NOTHING`,
        input.conversationId,
        input.shopperId,
        input.shopperName,
        input.reason,
        Date.now(),
        Math.max(0, Math.floor(input.boostMs ?? 0)),
      );
      this.dispatch();
    }
    return { position: this.position(input.conversationId) };
  }

  /** Forgets a conversation (closed): frees its agent's slot for the next in line. Idempotent. */
  async release(conversationId: number): Promise<void> {
    const a = this.assignment(conversationId);
    this.ctx.storage.sql.exec("DELETE FROM queue WHERE conversation_id = ?", conversationId);
    this.ctx.storage.sql.exec("DELETE FROM assignments WHERE conversation_id = ?", conversationId);
    if (a) this.sendToAgent(a.agent_id, { type: "released", conversationId, reason: "closed" });
    this.dispatch();
  }

  async transfer(conversationId: number, fromAgentId: number, toAgentId: number): Promise<LobbyResult> {
    const current = this.assignment(conversationId);
    const check = checkTransfer(
      current?.agent_id,
      fromAgentId,
      this.slots().find((s) => s.id === toAgentId),
    );
    if (!check.ok) return asResult(check);
    this.ctx.storage.sql.exec(
      `UPDATE assignments SET agent_id = ?, transferred_from = ?, notified = 0, assigned_at = ?
       WHERE conversation_id = ?`,
      toAgentId,
      fromAgentId,
      Date.now(),
      conversationId,
    );
    this.sendToAgent(fromAgentId, { type: "released", conversationId, reason: "transferred" });
    this.dispatch(); // the sender has a free slot now
    return { ok: true };
  }

  /** An agent takes a specific queued conversation, out of FIFO order but within capacity. */
  async claim(
    conversationId: number,
    agent: { id: number; name: string; capacity: number },
  ): Promise<LobbyResult> {
    this.upsertAgent(agent.id, agent.name, agent.capacity);
    const slot = this.slots().find((s) => s.id === agent.id)!;
    const queued = this.queueRows().find((q) => q.conversation_id === conversationId);
    const check = checkClaim(slot, queued !== undefined);
    if (!check.ok) return asResult(check);
    this.assign(queued!, agent.id, Date.now());
    this.dispatch();
    return { ok: true };
  }

  async setCapacity(agentId: number, name: string, capacity: number): Promise<void> {
    this.upsertAgent(agentId, name, capacity);
    this.dispatch();
  }

  async assignedTo(conversationId: number): Promise<number | null> {
    return this.assignment(conversationId)?.agent_id ?? null;
  }

  async snapshot(agentId: number): Promise<Extract<LobbyServerFrame, { type: "lobby" }>> {
    return this.snapshotFor(agentId);
  }

  // ------------------------------------------------------------------ agent WebSockets

  override async fetch(request: Request): Promise<Response> {
    const who = readPrincipal(request.headers);
    if (who?.role !== "agent") return jsonError(403, "FORBIDDEN", "仅限客服使用");
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket")
      return jsonError(426, "UPGRADE_REQUIRED", "请使用 WebSocket 连接");
    const capacity = Number(request.headers.get(CAPACITY_HEADER));
    this.upsertAgent(who.id, who.name, Number.isSafeInteger(capacity) && capacity > 0 ? capacity : 1);
    // Connecting means ready to work; "away" is chosen explicitly afterwards.
    this.ctx.storage.sql.exec("UPDATE agents SET available = 1 WHERE id = ?", who.id);
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    this.ctx.acceptWebSocket(server, [`agent:${who.id}`]);
    server.serializeAttachment({ agentId: who.id });
    this.dispatch();
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    const { agentId } = ws.deserializeAttachment() as { agentId: number };
    let frame: { type?: unknown; available?: unknown; conversationId?: unknown };
    try {
      frame = typeof data === "string" && data.length <= 1024 ? JSON.parse(data) : {};
    } catch {
      frame = {};
    }
    if (frame.type === "presence" && typeof frame.available === "boolean") {
      this.ctx.storage.sql.exec(
        "UPDATE agents SET available = ? WHERE id = ?",
        frame.available ? 1 : 0,
        agentId,
      );
      this.dispatch();
    } else if (frame.type === "claim" && Number.isSafeInteger(frame.conversationId)) {
      const row = this.ctx.storage.sql.exec<AgentRow>("SELECT * FROM agents WHERE id = ?", agentId).one();
      const r = await this.claim(frame.conversationId as number, row);
      if (!r.ok) send(ws, { type: "error", code: r.code, message: r.message });
    } else if (frame.type === "ping") {
      send(ws, { type: "pong" });
    } else {
      send(ws, { type: "error", code: "BAD_FRAME", message: "未知的消息类型" });
    }
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // already closed
    }
    this.broadcastSnapshots(ws);
  }

  override async alarm(): Promise<void> {
    await this.deliver();
  }

  // ------------------------------------------------------------------ internals

  private upsertAgent(id: number, name: string, capacity: number) {
    this.ctx.storage.sql.exec(
      `INSERT INTO agents (id, name, capacity) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, capacity = excluded.capacity`,
      id,
      name,
      capacity,
    );
  }

  private queueRows(): QueueRow[] {
    return this.ctx.storage.sql
      .exec<QueueRow>("SELECT * FROM queue ORDER BY seq")
      .toArray()
      .sort((a, b) => byServingOrder(chatOf(a), chatOf(b)));
  }

  private assignment(conversationId: number): AssignmentRow | undefined {
    return this.ctx.storage.sql
      .exec<AssignmentRow>("SELECT * FROM assignments WHERE conversation_id = ?", conversationId)
      .toArray()[0];
  }

  private position(conversationId: number): number | null {
    const i = this.queueRows().findIndex((q) => q.conversation_id === conversationId);
    return i < 0 ? null : i + 1;
  }

  private openSockets(agentId: number, except?: WebSocket): WebSocket[] {
    return this.ctx
      .getWebSockets(`agent:${agentId}`)
      .filter((ws) => ws !== except && ws.readyState === WebSocket.OPEN);
  }

  private slots(except?: WebSocket): AgentSlot[] {
    const loads = new Map(
      this.ctx.storage.sql
        .exec<{ agent_id: number; n: number }>(
          "SELECT agent_id, COUNT(*) AS n FROM assignments GROUP BY agent_id",
        )
        .toArray()
        .map((r) => [r.agent_id, r.n]),
    );
    return this.ctx.storage.sql
      .exec<AgentRow>("SELECT * FROM agents ORDER BY id")
      .toArray()
      .map((a) => ({
        id: a.id,
        capacity: a.capacity,
        load: loads.get(a.id) ?? 0,
        online: this.openSockets(a.id, except).length > 0,
        available: a.available === 1,
        lastAssignedAt: a.last_assigned_at,
      }));
  }

  private assign(q: QueueRow, agentId: number, now: number) {
    const sql = this.ctx.storage.sql;
    sql.exec("DELETE FROM queue WHERE conversation_id = ?", q.conversation_id);
    sql.exec(
      `INSERT INTO assignments (conversation_id, agent_id, shopper_name, assigned_at, notified)
       VALUES (?, ?, ?, ?, 0)`,
      q.conversation_id,
      agentId,
      q.shopper_name,
      now,
    );
    sql.exec("UPDATE agents SET last_assigned_at = ? WHERE id = ?", now, agentId);
  }

  /** Fills free slots from the queue, then tells everyone. The decision and its writes are synchronous. */
  private dispatch() {
    const now = Date.now();
    const queue = this.queueRows();
    const chats: QueuedChat[] = queue.map(chatOf);
    for (const a of planAssignments(chats, this.slots(), now))
      this.assign(queue.find((q) => q.conversation_id === a.conversationId)!, a.agentId, now);
    this.broadcastSnapshots();
    this.pushPositions();
    this.ctx.waitUntil(this.deliver());
  }

  /** Tells rooms about new assignments (outbox), then the agents. Serialised; retried by the alarm. */
  private deliver(): Promise<void> {
    const run = this.deliverChain.then(() => this.deliverOnce());
    this.deliverChain = run;
    return run;
  }

  private async deliverOnce(): Promise<void> {
    const pending = this.ctx.storage.sql
      .exec<AssignmentRow>("SELECT * FROM assignments WHERE notified = 0 ORDER BY assigned_at")
      .toArray();
    let failed = false;
    for (const a of pending) {
      const agent = this.ctx.storage.sql
        .exec<AgentRow>("SELECT * FROM agents WHERE id = ?", a.agent_id)
        .toArray()[0];
      try {
        const taken = await roomStub(this.env, a.conversation_id).assigned(
          { id: a.agent_id, name: agent?.name ?? `客服${a.agent_id}` },
          a.transferred_from,
        );
        // Only mark what we delivered: the assignment may have moved while we waited.
        const still = this.assignment(a.conversation_id);
        if (!still || still.agent_id !== a.agent_id) continue;
        if (taken) {
          this.ctx.storage.sql.exec(
            "UPDATE assignments SET notified = 1 WHERE conversation_id = ?",
            a.conversation_id,
          );
          this.sendToAgent(a.agent_id, {
            type: "assigned",
            conversationId: a.conversation_id,
            shopperName: a.shopper_name,
            transferredFrom: a.transferred_from,
          });
        } else {
          // The conversation ended before an agent got it: free the slot.
          this.ctx.storage.sql.exec("DELETE FROM assignments WHERE conversation_id = ?", a.conversation_id);
          this.dispatch();
        }
      } catch (err) {
        failed = true;
        this.log.warn("lobby: telling the room failed, will retry", {
          conversationId: a.conversation_id,
          err: String(err),
        });
      }
    }
    if (failed) await this.ctx.storage.setAlarm(Date.now() + RETRY_MS);
  }

  /** Tells queued rooms their new place in line (only when it changed). Best effort: positions are advisory. */
  private pushPositions() {
    this.queueRows().forEach((q, i) => {
      const position = i + 1;
      if (q.pushed_position === position) return;
      this.ctx.storage.sql.exec("UPDATE queue SET pushed_position = ? WHERE seq = ?", position, q.seq);
      this.ctx.waitUntil(
        roomStub(this.env, q.conversation_id)
          .queuePosition(position)
          .catch((err: unknown) => this.log.warn("lobby: position push failed", { err: String(err) })),
      );
    });
  }

  private snapshotFor(agentId: number, except?: WebSocket): Extract<LobbyServerFrame, { type: "lobby" }> {
    const queue: QueueEntry[] = this.queueRows().map((q, i) => ({
      conversationId: q.conversation_id,
      shopperId: q.shopper_id,
      shopperName: q.shopper_name,
      reason: q.reason,
      enqueuedAt: q.enqueued_at,
      position: i + 1,
    }));
    const names = new Map(
      this.ctx.storage.sql
        .exec<{ id: number; name: string }>("SELECT id, name FROM agents")
        .toArray()
        .map((a) => [a.id, a.name]),
    );
    const agents: AgentPresence[] = this.slots(except).map((s) => ({
      id: s.id,
      name: names.get(s.id) ?? "",
      online: s.online,
      available: s.available,
      load: s.load,
      capacity: s.capacity,
    }));
    const mine = this.ctx.storage.sql
      .exec<{ conversation_id: number }>(
        "SELECT conversation_id FROM assignments WHERE agent_id = ? ORDER BY assigned_at",
        agentId,
      )
      .toArray()
      .map((r) => r.conversation_id);
    return { type: "lobby", queue, agents, mine };
  }

  private broadcastSnapshots(except?: WebSocket) {
    for (const ws of this.ctx.getWebSockets()) {
      if (ws === except) continue;
      const { agentId } = ws.deserializeAttachment() as { agentId: number };
      send(ws, this.snapshotFor(agentId, except));
    }
  }

  private sendToAgent(agentId: number, frame: LobbyServerFrame) {
    for (const ws of this.openSockets(agentId)) send(ws, frame);
  }
}

function send(ws: WebSocket, frame: LobbyServerFrame) {
  try {
    ws.send(JSON.stringify(frame));
  } catch {
    // closing right now
  }
}
