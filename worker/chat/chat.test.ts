/**
 * Customer-service chat through real workerd: WebSockets to the ChatRoom and AgentLobby objects, the
 * FAQ bot, escalation, agents, access control, reconnects and CSAT.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LlmSimulator, startLlmSimulator } from "../../dev/llm-simulator/server";
import { type Stack, shopperToken, staffToken, startStack } from "../../test/harness";
import { type Frame, TestSocket } from "../../test/ws-client";
import { createDb } from "../db/client";
import { seedFaq } from "../faq/service";
import { CHAT_LIMITS, PING_FRAME } from "./protocol";

let stack: Stack;
let llm: LlmSimulator;
let wsBase: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  llm = await startLlmSimulator();
  stack = await startStack({
    vars: { LLM_BASE_URL: llm.url, LLM_API_KEY: "test-key", LLM_MODEL: "sim-model" },
  });
  wsBase = stack.baseUrl.replace(/^http/, "ws");
  await seedFaq(createDb(stack.vars.LIBSQL_URL!));
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await stack.close();
  await llm.close();
});

async function json<T = Record<string, unknown>>(res: Response, status?: number): Promise<T> {
  const body = (await res.json()) as T;
  if (status !== undefined) expect(res.status, JSON.stringify(body)).toBe(status);
  return body;
}

async function openConversation(token: string): Promise<number> {
  const res = await stack.fetch("/api/chat/conversations", { method: "POST", token });
  const body = await json<{ conversation: { id: number } }>(res);
  expect([200, 201]).toContain(res.status);
  return body.conversation.id;
}

async function connect(path: string, token: string, query = ""): Promise<TestSocket> {
  const s = await TestSocket.open(`${wsBase}${path}${query}`, { authorization: `Bearer ${token}` });
  sockets.push(s);
  return s;
}

async function ticket(token: string): Promise<string> {
  return (
    await json<{ ticket: string }>(await stack.fetch("/api/chat/tickets", { method: "POST", token }), 200)
  ).ticket;
}

const roomPath = (id: number) => `/api/chat/conversations/${id}/ws`;
const isStatus = (status: string) => (f: Frame) => f.type === "status" && f.status === status;

/** Logs an agent in and connects them to the lobby. */
async function onlineAgent(username: string) {
  const token = await staffToken(stack, "agent", username);
  const me = await json<{ id: number }>(await stack.fetch("/api/me", { token }), 200);
  // Room for every chat earlier tests left in the queue: each test's chat then reaches its own agent.
  const admin = await staffToken(stack, "merchant_admin", "chat-test-admin");
  await json(
    await stack.fetch(`/api/admin/chat/agents/${me.id}/capacity`, {
      method: "PUT",
      token: admin,
      json: { capacity: 20 },
    }),
    200,
  );
  const lobby = await connect("/api/agent/lobby/ws", token);
  await lobby.waitFor((f) => f.type === "lobby", "lobby snapshot");
  return { token, id: me.id, lobby };
}

/** Takes an agent offline, so later tests' chats go to their own agents. */
async function offline(lobby: TestSocket) {
  lobby.close();
  await lobby.waitClosed();
}

/** A shopper with an open conversation, connected, escalated to the queue by asking for a human. */
async function queuedShopper(nickname: string) {
  const token = await shopperToken(stack, nickname);
  const id = await openConversation(token);
  const ws = await connect(roomPath(id), token);
  await ws.waitFor((f) => f.type === "history", "history");
  ws.send({ type: "message", text: "转人工", clientMsgId: `${nickname}-1` });
  await ws.waitFor(isStatus("queued"), "queued status");
  return { token, id, ws };
}

describe("shopper and bot", () => {
  it("opens one conversation per shopper, also under concurrent requests", async () => {
    const token = await shopperToken(stack, "并发顾客");
    const ids = await Promise.all(Array.from({ length: 5 }, () => openConversation(token)));
    expect(new Set(ids).size).toBe(1);
    const rows = await stack.sql.execute({
      sql: "SELECT COUNT(*) AS n FROM conversations WHERE id = ? AND status = 'bot'",
      args: [ids[0]!],
    });
    expect(Number(rows.rows[0]!.n)).toBe(1);
  });

  it("greets, streams an LLM answer grounded in the FAQ, keeps retries idempotent and answers pings", async () => {
    llm.setMode("answer");
    const token = await shopperToken(stack, "问答顾客");
    const id = await openConversation(token);
    const ws = await connect(roomPath(id), token);
    const ready = await ws.waitFor((f) => f.type === "ready", "ready");
    expect(ready).toMatchObject({ conversationId: id, role: "shopper", status: "bot", agent: null });
    const history = await ws.waitFor((f) => f.type === "history", "history");
    expect(history.messages[0].from.kind).toBe("bot");

    ws.send({ type: "message", text: "买了冰箱不想要了，7天无理由退货怎么退？", clientMsgId: "q1" });
    const mine = await ws.message((_t, f) => f.message.clientMsgId === "q1", "own message echo");
    expect(mine.message.from).toMatchObject({ kind: "shopper" });
    const answer = await ws.waitFor(
      (f) => f.type === "message" && f.message.from.kind === "bot" && f.message.id > mine.message.id,
      "bot answer",
    );
    // Delta frames came first, under the answer's streamId, and add up to the final text.
    expect(answer.streamId).toBeTruthy();
    const deltas = ws.frames.filter((f) => f.type === "delta" && f.streamId === answer.streamId);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((d) => d.text).join("")).toBe(answer.message.text);
    expect(ws.frames.indexOf(deltas[0]!)).toBeLessThan(ws.frames.indexOf(answer));
    expect(answer.message.sources.length).toBeGreaterThan(0);
    expect(answer.message.text).toMatch(/退/);

    // The same clientMsgId again: the stored message comes back, nothing new is stored.
    const before = ws.frames.length;
    ws.send({ type: "message", text: "买了冰箱不想要了，7天无理由退货怎么退？", clientMsgId: "q1" });
    const again = await ws.waitFor((f) => f.type === "message", "retry echo", before);
    expect(again.message.id).toBe(mine.message.id);
    ws.send(PING_FRAME);
    await ws.waitFor((f) => f.type === "pong", "pong", before);
    const page = await json<{ messages: { clientMsgId?: string }[] }>(
      await stack.fetch(`/api/chat/conversations/${id}/messages`, { token }),
      200,
    );
    expect(page.messages.filter((m) => m.clientMsgId === "q1")).toHaveLength(1);
  });

  it("falls back to the FAQ when the LLM fails, and hands over when the LLM asks for a human", async () => {
    const token = await shopperToken(stack, "故障顾客");
    const id = await openConversation(token);
    const ws = await connect(roomPath(id), token);
    await ws.waitFor((f) => f.type === "history", "history");
    llm.setMode("error500");
    ws.send({ type: "message", text: "7天无理由退货怎么退？", clientMsgId: "f1" });
    const fallback = await ws.waitFor(
      (f) => f.type === "message" && f.message.from.kind === "bot" && f.message.sources?.length > 0,
      "retrieval fallback",
    );
    expect(fallback.message.text).toMatch(/退/);
    expect(ws.frames.some((f) => f.type === "status")).toBe(false);

    llm.setMode("handoff");
    ws.send({ type: "message", text: "空调安装要收费吗？", clientMsgId: "f2" });
    await ws.waitFor(isStatus("queued"), "queued after LLM handoff");
    await ws.message((t) => /第 \d+ 位/.test(t), "queue position");
    const row = await stack.sql.execute({
      sql: "SELECT status, escalation_reason FROM conversations WHERE id = ?",
      args: [id],
    });
    expect(row.rows[0]).toMatchObject({ status: "queued", escalation_reason: "llm_handoff" });
    llm.setMode("answer");
  });

  it("hands over on low confidence and after repeated unresolved turns, recording why", async () => {
    const reasonAfter = async (nickname: string, texts: string[]) => {
      const token = await shopperToken(stack, nickname);
      const id = await openConversation(token);
      const ws = await connect(roomPath(id), token);
      await ws.waitFor((f) => f.type === "history", "history");
      for (const [i, text] of texts.entries()) {
        const before = ws.frames.length;
        ws.send({ type: "message", text, clientMsgId: `${nickname}-${i}` });
        // Each turn waits for the bot before the next, as a person would.
        await ws.waitFor((f) => f.type === "message" && f.message.from.kind === "bot", "bot turn", before);
      }
      await ws.waitFor(isStatus("queued"), "queued");
      await ws.message((t) => /第 \d+ 位/.test(t), "queue position");
      const row = await stack.sql.execute({
        sql: "SELECT escalation_reason FROM conversations WHERE id = ?",
        args: [id],
      });
      return { reason: row.rows[0]!.escalation_reason, ws };
    };
    expect((await reasonAfter("冷门顾客", ["asdfghjkl qwertyuiop"])).reason).toBe("low_confidence");
    const unresolved = await reasonAfter("不满意顾客", ["冰箱保修多久", "没用", "还是不行，没解决"]);
    expect(unresolved.reason).toBe("unresolved");
    // While queued the bot stays quiet.
    const before = unresolved.ws.frames.length;
    unresolved.ws.send({ type: "message", text: "冰箱保修多久", clientMsgId: "late" });
    await unresolved.ws.message((_t, f) => f.message.clientMsgId === "late", "echo", before);
    unresolved.ws.send(PING_FRAME);
    await unresolved.ws.waitFor((f) => f.type === "pong", "pong", before);
    expect(
      unresolved.ws.frames.slice(before).some((f) => f.type === "message" && f.message.from.kind === "bot"),
    ).toBe(false);
  });

  it("answers an own-order question from the shopper's orders, and shows them to the agent", async () => {
    const token = await shopperToken(stack, "有订单的顾客");
    const me = await json<{ id: number }>(await stack.fetch("/api/me", { token }), 200);
    const orderNo = "20261127000000000000042";
    const now = Date.now();
    const order = await stack.sql.execute({
      sql: `INSERT INTO orders (order_no, shopper_id, status, version, items_total_fen, shipping_fen, discount_fen,
              payable_fen, adjustments, address, receiver_name, receiver_phone, idempotency_key, stock_state,
              pay_deadline, carrier, tracking_no, created_at, updated_at)
            VALUES (?, ?, 'shipped', 3, 299900, 0, 0, 299900, '[]', '{}', '张三', '13800000000', 'k1', 'confirmed',
              ?, '顺丰速运', 'SF1234567890', ?, ?) RETURNING id`,
      args: [orderNo, me.id, now, now, now],
    });
    await stack.sql.execute({
      sql: `INSERT INTO order_items (order_id, sku_id, product_id, name, specs, unit_price_fen, quantity, line_total_fen)
            VALUES (?, 1, 1, '海尔 500L 十字门冰箱', '{}', 299900, 1, 299900)`,
      args: [Number(order.rows[0]!.id)],
    });
    const id = await openConversation(token);
    const ws = await connect(roomPath(id), token);
    await ws.waitFor((f) => f.type === "history", "history");
    ws.send({ type: "message", text: "我买的冰箱发货了吗？到哪了", clientMsgId: "o1" });
    const answer = await ws.waitFor(
      (f) => f.type === "message" && f.message.from.kind === "bot" && f.message.text.includes(orderNo),
      "order answer",
    );
    expect(answer.message.text).toContain("已发货");

    ws.send({ type: "handoff" });
    await ws.waitFor(isStatus("queued"), "queued");
    const agent = await onlineAgent("agent-orders");
    await ws.waitFor(isStatus("assigned"), "assigned");
    const context = await json<{ orders: { orderNo: string; statusText: string; itemsSummary: string }[] }>(
      await stack.fetch(`/api/agent/conversations/${id}/context`, { token: agent.token }),
      200,
    );
    expect(context.orders).toEqual([
      expect.objectContaining({
        orderNo,
        statusText: "已发货",
        itemsSummary: "海尔 500L 十字门冰箱 ×1",
        trackingNo: "SF1234567890",
      }),
    ]);
    await offline(agent.lobby);
  });

  it("rejects oversize, malformed and too-frequent frames without storing them", async () => {
    const token = await shopperToken(stack, "刷屏顾客");
    const id = await openConversation(token);
    const ws = await connect(roomPath(id), token);
    const ready = await ws.waitFor((f) => f.type === "ready", "ready");
    ws.send({ type: "message", text: "长".repeat(CHAT_LIMITS.maxTextLength + 1) });
    expect((await ws.waitFor((f) => f.type === "error", "size error")).code).toBe("TOO_LARGE");
    ws.send("{not json");
    expect((await ws.waitFor((f) => f.type === "error" && f.code === "BAD_FRAME", "bad frame")).code).toBe(
      "BAD_FRAME",
    );
    // The bucket was drained by the two bad frames plus these; some must be refused.
    for (let i = 0; i < CHAT_LIMITS.burst + 3; i++)
      ws.send({ type: "message", text: `第${i}条 <script>x</script>` });
    await ws.waitFor((f) => f.type === "error" && f.code === "RATE_LIMITED", "rate limit");
    const page = await json<{ messages: { id: number; from: { kind: string }; text: string }[] }>(
      await stack.fetch(`/api/chat/conversations/${id}/messages?after=${ready.lastId}&limit=200`, { token }),
      200,
    );
    const stored = page.messages.filter((m) => m.from.kind === "shopper");
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThanOrEqual(CHAT_LIMITS.burst);
    // Stored verbatim as plain text: escaping is the renderer's job.
    expect(stored[0]!.text).toContain("<script>x</script>");
  });
});

describe("escalation to an agent", () => {
  it("queues on 转人工, an agent gets it from the queue, and both sides talk in real time", async () => {
    const shopper = await queuedShopper("转人工顾客");
    const position = await shopper.ws.message((t) => /第 \d+ 位/.test(t), "queue position");
    // No agent is online now: every escalated conversation still waiting is ahead of this one.
    const waiting = await stack.sql.execute(
      "SELECT COUNT(*) AS n FROM conversations WHERE status = 'queued'",
    );
    expect(position.message.text).toContain(`第 ${Number(waiting.rows[0]!.n)} 位`);
    const status = await shopper.ws.waitFor(
      (f) => f.type === "status" && f.queuePosition !== null,
      "position",
    );
    expect(status.queuePosition).toBe(Number(waiting.rows[0]!.n));
    const row = await stack.sql.execute({
      sql: "SELECT status, escalation_reason FROM conversations WHERE id = ?",
      args: [shopper.id],
    });
    expect(row.rows[0]).toMatchObject({ status: "queued", escalation_reason: "explicit" });

    const agent = await onlineAgent("agent-escalation");
    const assigned = await agent.lobby.waitFor(
      (f) => f.type === "assigned" && f.conversationId === shopper.id,
      "assignment",
    );
    expect(assigned.shopperName).toBe("转人工顾客");
    await shopper.ws.waitFor(isStatus("assigned"), "assigned status");

    // The agent joins with a ticket (as a browser would) and sees the whole history, bot turns included.
    const agentWs = await TestSocket.open(
      `${wsBase}${roomPath(shopper.id)}?ticket=${await ticket(agent.token)}`,
    );
    sockets.push(agentWs);
    const history = await agentWs.waitFor((f) => f.type === "history", "agent history");
    const kinds = history.messages.map((m: { from: { kind: string } }) => m.from.kind);
    expect(kinds).toEqual(expect.arrayContaining(["bot", "shopper", "system"]));
    expect(history.messages.some((m: { text: string }) => m.text === "转人工")).toBe(true);

    agentWs.send({ type: "message", text: "您好，我是客服，请问有什么可以帮您？" });
    const got = await shopper.ws.message((t) => t.startsWith("您好，我是客服"), "agent reply");
    expect(got.message.from).toMatchObject({ kind: "agent", id: agent.id });
    shopper.ws.send({ type: "message", text: "我的空调什么时候安装？" });
    await agentWs.message((t) => t === "我的空调什么时候安装？", "shopper message at agent");
    // No bot answer once a human has the chat.
    expect(
      shopper.ws.frames.some(
        (f) => f.type === "message" && f.message.from.kind === "bot" && f.message.id > got.message.id,
      ),
    ).toBe(false);

    const context = await json<{ shopper: { nickname: string }; orders: unknown[] }>(
      await stack.fetch(`/api/agent/conversations/${shopper.id}/context`, { token: agent.token }),
      200,
    );
    expect(context.shopper.nickname).toBe("转人工顾客");
    expect(Array.isArray(context.orders)).toBe(true);
    await offline(agent.lobby);
  });

  it("delivers what a shopper missed while disconnected, and the full history survives", async () => {
    const shopper = await queuedShopper("断线顾客");
    const agent = await onlineAgent("agent-reconnect");
    await shopper.ws.waitFor(isStatus("assigned"), "assigned");
    const agentWs = await connect(roomPath(shopper.id), agent.token);
    await agentWs.waitFor((f) => f.type === "history", "history");
    const lastSeen = Math.max(
      ...shopper.ws.frames.filter((f) => f.type === "message").map((f) => f.message.id as number),
    );
    shopper.ws.close();
    await shopper.ws.waitClosed();

    agentWs.send({ type: "message", text: "第一条：您的订单已发货" });
    agentWs.send({ type: "message", text: "第二条：预计明天送达" });
    await agentWs.message((t) => t.startsWith("第二条"), "own second message");

    const back = await connect(roomPath(shopper.id), shopper.token, `?after=${lastSeen}`);
    const missed = await back.waitFor((f) => f.type === "history", "missed history");
    expect(missed.messages.map((m: { text: string }) => m.text)).toEqual([
      "第一条：您的订单已发货",
      "第二条：预计明天送达",
    ]);
    expect(missed.messages[0].id).toBeGreaterThan(lastSeen);
    const ready = back.frames.find((f) => f.type === "ready")!;
    expect(ready).toMatchObject({ status: "assigned", agent: { id: agent.id } });

    const full = await connect(roomPath(shopper.id), shopper.token);
    const all = await full.waitFor((f) => f.type === "history", "full history");
    const ids = all.messages.map((m: { id: number }) => m.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(all.messages.length).toBeGreaterThanOrEqual(5);
    await offline(agent.lobby);
  });
});

describe("access control", () => {
  it("refuses another shopper, an unassigned agent, admins, anonymous and forged identities", async () => {
    const owner = await queuedShopper("房主顾客");
    const assignedAgent = await onlineAgent("agent-owner");
    await owner.ws.waitFor(isStatus("assigned"), "assigned");

    const other = await shopperToken(stack, "路人顾客");
    await expect(connect(roomPath(owner.id), other)).rejects.toThrow(/HTTP 403/);
    const intruder = await staffToken(stack, "agent", "agent-intruder");
    await expect(connect(roomPath(owner.id), intruder)).rejects.toThrow(/HTTP 403/);
    const admin = await staffToken(stack, "merchant_admin", "admin-chat");
    await expect(connect(roomPath(owner.id), admin)).rejects.toThrow(/HTTP 403/);
    await expect(TestSocket.open(`${wsBase}${roomPath(owner.id)}`)).rejects.toThrow(/HTTP 401/);
    await expect(
      TestSocket.open(`${wsBase}${roomPath(owner.id)}?ticket=forged.ticket.value`),
    ).rejects.toThrow(/HTTP 401/);
    // A session token is not a ticket.
    await expect(TestSocket.open(`${wsBase}${roomPath(owner.id)}?ticket=${other}`)).rejects.toThrow(
      /HTTP 401/,
    );
    // A principal header sent by the client is ignored: identity comes from the token only.
    const forged = JSON.stringify({ role: "agent", id: assignedAgent.id, name: "x" });
    await expect(
      TestSocket.open(`${wsBase}${roomPath(owner.id)}`, {
        authorization: `Bearer ${intruder}`,
        "x-chat-principal": forged,
      }),
    ).rejects.toThrow(/HTTP 403/);

    const history = await stack.fetch(`/api/chat/conversations/${owner.id}/messages`, { token: other });
    expect(history.status).toBe(403);
    expect((await json<{ error: { code: string } }>(history)).error.code).toBe("FORBIDDEN");
    expect(
      (await stack.fetch(`/api/agent/conversations/${owner.id}/context`, { token: intruder })).status,
    ).toBe(403);
    const close = await stack.fetch(`/api/agent/conversations/${owner.id}/close`, {
      method: "POST",
      token: intruder,
    });
    expect(close.status).toBe(409);
    expect((await stack.fetch(`/api/agent/queue`, { token: other })).status).toBe(403);
    await offline(assignedAgent.lobby);
  });
});

describe("hibernation", () => {
  it("loses nothing when the room is evicted from memory while its sockets stay open", async () => {
    const shopper = await queuedShopper("休眠顾客");
    const agent = await onlineAgent("agent-hibernation");
    await shopper.ws.waitFor(isStatus("assigned"), "assigned");
    const agentWs = await connect(roomPath(shopper.id), agent.token);
    await agentWs.waitFor((f) => f.type === "history", "history");
    agentWs.send({ type: "message", text: "休眠前的消息" });
    await shopper.ws.message((t) => t === "休眠前的消息", "before");

    const ns = await stack.mf.getDurableObjectNamespace("CHAT_ROOM");
    const room = () =>
      ns.get(ns.idFromName(`conversation:${shopper.id}`)) as unknown as {
        diagnostics(): Promise<{ instanceStartedAt: number; sockets: number }>;
      };
    // Not asked before the pause: a stub held by the test would keep the object in memory.
    const idleSince = Date.now();
    const socketsBefore = 2;
    // workerd evicts an idle object after 10 s; hibernatable sockets let it go without closing them.
    // Heartbeats meanwhile are answered by the runtime alone.
    for (let i = 0; i < 7; i++) {
      await new Promise((r) => setTimeout(r, 2_500));
      shopper.ws.send(PING_FRAME);
    }
    await shopper.ws.waitFor((f) => f.type === "pong", "auto pong");

    shopper.ws.send({ type: "message", text: "醒来后的消息", clientMsgId: "wake-1" });
    await agentWs.message((t) => t === "醒来后的消息", "after wake, at the agent");
    const after = await room().diagnostics();
    expect(after.instanceStartedAt).toBeGreaterThan(idleSince);
    expect(after.sockets).toBe(socketsBefore);

    // Status, assignment, history and idempotency keys all survived.
    shopper.ws.send({ type: "message", text: "醒来后的消息", clientMsgId: "wake-1" });
    const echoes = () =>
      shopper.ws.frames.filter((f) => f.type === "message" && f.message.clientMsgId === "wake-1");
    await shopper.ws.waitFor(() => echoes().length >= 2, "retry echo");
    expect(new Set(echoes().map((f) => f.message.id)).size).toBe(1);
    const fresh = await connect(roomPath(shopper.id), shopper.token);
    const ready = await fresh.waitFor((f) => f.type === "ready", "ready");
    expect(ready).toMatchObject({ status: "assigned", agent: { id: agent.id } });
    const history = await fresh.waitFor((f) => f.type === "history", "history");
    const texts = history.messages.map((m: { text: string }) => m.text);
    expect(texts).toEqual(expect.arrayContaining(["转人工", "休眠前的消息", "醒来后的消息"]));
    expect(texts.filter((t: string) => t === "醒来后的消息")).toHaveLength(1);
    await offline(agent.lobby);
  }, 40_000);
});

describe("bot failure", () => {
  it("hands the shopper to a human when the bot cannot run, and the room keeps working", async () => {
    const token = await shopperToken(stack, "机器人故障顾客");
    const id = await openConversation(token);
    const ws = await connect(roomPath(id), token);
    await ws.waitFor((f) => f.type === "history", "history");
    // The FAQ store disappears: loading the index throws inside the bot turn.
    await stack.sql.execute("ALTER TABLE faq_revision RENAME TO faq_revision_offline");
    try {
      ws.send({ type: "message", text: "冰箱保修多久", clientMsgId: "b1" });
      await ws.waitFor(isStatus("queued"), "queued after bot failure");
      await ws.message((t) => t.includes("暂时无法回答"), "apology");
    } finally {
      await stack.sql.execute("ALTER TABLE faq_revision_offline RENAME TO faq_revision");
    }
    // Queued (or, with an agent free, assigned at once): either way after the mirror was written.
    await ws.waitFor(
      (f) => (f.type === "message" && /第 \d+ 位/.test(f.message.text)) || isStatus("assigned")(f),
      "queue position or agent",
    );
    const row = await stack.sql.execute({
      sql: "SELECT escalation_reason FROM conversations WHERE id = ?",
      args: [id],
    });
    expect(row.rows[0]!.escalation_reason).toBe("bot_error");
    const before = ws.frames.length;
    ws.send({ type: "message", text: "还在吗", clientMsgId: "b2" });
    await ws.message((_t, f) => f.message.clientMsgId === "b2", "room still accepts messages", before);
  });
});
