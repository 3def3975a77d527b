/**
 * Agents through real workerd: accounts and capacity, the lobby's FIFO queue with several agents,
 * freed slots, transfer, claim, close → CSAT → report, canned replies.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, shopperToken, staffToken, startStack } from "../../test/harness";
import { type Frame, TestSocket } from "../../test/ws-client";

let stack: Stack;
let wsBase: string;
let admin: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  stack = await startStack();
  wsBase = stack.baseUrl.replace(/^http/, "ws");
  admin = await staffToken(stack, "merchant_admin", "chat-admin");
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await stack.close();
});

async function json<T = Record<string, unknown>>(res: Response, status: number): Promise<T> {
  const body = (await res.json()) as T;
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body;
}

async function connect(path: string, token: string): Promise<TestSocket> {
  const s = await TestSocket.open(`${wsBase}${path}`, { authorization: `Bearer ${token}` });
  sockets.push(s);
  return s;
}

const isStatus = (status: string) => (f: Frame) => f.type === "status" && f.status === status;
const assignedFrames = (lobby: TestSocket) =>
  lobby.frames.filter((f) => f.type === "assigned").map((f) => f.conversationId as number);

async function createAgent(username: string, name: string, capacity: number) {
  const created = await json<{ id: number }>(
    await stack.fetch("/api/admin/chat/agents", {
      method: "POST",
      token: admin,
      json: { username, name, password: "agent-password-1", capacity },
    }),
    201,
  );
  const login = await json<{ token: string }>(
    await stack.fetch("/api/auth/staff-login", {
      method: "POST",
      json: { username, password: "agent-password-1" },
    }),
    200,
  );
  return { id: created.id, token: login.token };
}

async function queuedShopper(nickname: string) {
  const token = await shopperToken(stack, nickname);
  const open = await json<{ conversation: { id: number } }>(
    await stack.fetch("/api/chat/conversations", { method: "POST", token }),
    201,
  );
  const id = open.conversation.id;
  const ws = await connect(`/api/chat/conversations/${id}/ws`, token);
  await ws.waitFor((f) => f.type === "history", "history");
  ws.send({ type: "message", text: "我要人工客服" });
  await ws.waitFor(isStatus("queued"), "queued");
  return { token, id, ws };
}

describe("agents, queue and capacity", () => {
  let a1: { id: number; token: string };
  let a2: { id: number; token: string };
  let lobby1: TestSocket;
  let lobby2: TestSocket;
  const shoppers: Awaited<ReturnType<typeof queuedShopper>>[] = [];

  it("creates agent accounts with a capacity (admins only, usernames unique, input checked)", async () => {
    a1 = await createAgent("agent-jia", "客服甲", 1);
    a2 = await createAgent("agent-yi", "客服乙", 2);
    const dup = await stack.fetch("/api/admin/chat/agents", {
      method: "POST",
      token: admin,
      json: { username: "agent-jia", name: "重复", password: "agent-password-1" },
    });
    expect(dup.status).toBe(409);
    const bad = await stack.fetch("/api/admin/chat/agents", {
      method: "POST",
      token: admin,
      json: { username: "x", name: "", password: "short" },
    });
    expect(bad.status).toBe(400);
    expect((await stack.fetch("/api/admin/chat/agents", { token: a1.token })).status).toBe(403);
    const list = await json<{ items: { id: number; capacity: number }[] }>(
      await stack.fetch("/api/admin/chat/agents", { token: admin }),
      200,
    );
    expect(list.items.find((a) => a.id === a1.id)?.capacity).toBe(1);
    expect(list.items.find((a) => a.id === a2.id)?.capacity).toBe(2);
  });

  it("queues escalations in FIFO order and tells each shopper their position", async () => {
    for (let i = 1; i <= 4; i++) {
      const s = await queuedShopper(`排队顾客${i}`);
      const pos = await s.ws.message((t) => /第 \d+ 位/.test(t), "position");
      expect(pos.message.text).toContain(`第 ${i} 位`);
      shoppers.push(s);
    }
  });

  it("assigns oldest first and never beyond an agent's capacity", async () => {
    const [c1, c2, c3, c4] = shoppers.map((s) => s.id) as [number, number, number, number];
    lobby1 = await connect("/api/agent/lobby/ws", a1.token);
    await lobby1.waitFor((f) => f.type === "assigned" && f.conversationId === c1, "a1 gets the oldest");
    lobby2 = await connect("/api/agent/lobby/ws", a2.token);
    await lobby2.waitFor((f) => f.type === "assigned" && f.conversationId === c3, "a2 gets the next two");
    expect(assignedFrames(lobby1)).toEqual([c1]);
    expect(assignedFrames(lobby2)).toEqual([c2, c3]);

    // The fourth waits, now first in line.
    await shoppers[3]!.ws.waitFor((f) => f.type === "status" && f.queuePosition === 1, "moved up to 1");
    const snapshot = await json<{
      queue: { conversationId: number }[];
      agents: { id: number; load: number }[];
    }>(await stack.fetch("/api/agent/queue", { token: a1.token }), 200);
    expect(snapshot.queue.map((q) => q.conversationId)).toEqual([c4]);
    expect(snapshot.agents.find((a) => a.id === a1.id)?.load).toBe(1);
    expect(snapshot.agents.find((a) => a.id === a2.id)?.load).toBe(2);
    const expected: [number, { id: number }][] = [
      [0, a1],
      [1, a2],
      [2, a2],
    ];
    for (const [i, agent] of expected)
      await shoppers[i]!.ws.waitFor(
        (f) => isStatus("assigned")(f) && f.agent.id === agent.id,
        "shopper sees agent",
      );
  });

  it("a closed chat frees the slot for the next in line; the shopper is asked to rate", async () => {
    const [s1, , , s4] = shoppers as [(typeof shoppers)[0], unknown, unknown, (typeof shoppers)[0]];
    const closed = await stack.fetch(`/api/agent/conversations/${s1.id}/close`, {
      method: "POST",
      token: a1.token,
    });
    expect(closed.status).toBe(200);
    await s1.ws.waitFor(isStatus("closed"), "closed");
    await s1.ws.waitFor((f) => f.type === "csat_request" && f.conversationId === s1.id, "csat request");
    await lobby1.waitFor((f) => f.type === "released" && f.conversationId === s1.id, "released");
    await lobby1.waitFor((f) => f.type === "assigned" && f.conversationId === s4.id, "next in line");
    await s4.ws.waitFor(isStatus("assigned"), "s4 assigned");
    // Closing again is harmless; the shopper can no longer write.
    expect(
      (await stack.fetch(`/api/agent/conversations/${s1.id}/close`, { method: "POST", token: a1.token }))
        .status,
    ).toBe(200);
    s1.ws.send({ type: "message", text: "还在吗" });
    expect((await s1.ws.waitFor((f) => f.type === "error", "closed error")).code).toBe("CONVERSATION_CLOSED");
    const row = await stack.sql.execute({
      sql: "SELECT status, closed_at FROM conversations WHERE id = ?",
      args: [s1.id],
    });
    expect(row.rows[0]!.status).toBe("closed");
    expect(Number(row.rows[0]!.closed_at)).toBeGreaterThan(0);
    // A new consultation opens a new conversation.
    const next = await json<{ created: boolean; conversation: { id: number } }>(
      await stack.fetch("/api/chat/conversations", { method: "POST", token: s1.token }),
      201,
    );
    expect(next.conversation.id).not.toBe(s1.id);
  });

  it("transfers only to an online agent with room; the old agent is shown the door", async () => {
    const s2 = shoppers[1]!;
    const transfer = (token: string, id: number, toAgentId: number) =>
      stack.fetch(`/api/agent/conversations/${id}/transfer`, { method: "POST", token, json: { toAgentId } });

    const a2Room = await connect(`/api/chat/conversations/${s2.id}/ws`, a2.token);
    await a2Room.waitFor((f) => f.type === "history", "a2 in room");
    const full = await transfer(a2.token, s2.id, a1.id);
    expect(full.status).toBe(409);
    expect((await json<{ error: { code: string } }>(full, 409)).error.code).toBe("AGENT_FULL");
    expect((await transfer(a2.token, s2.id, a2.id)).status).toBe(409);
    expect((await transfer(a1.token, s2.id, a2.id)).status).toBe(409); // not a1's chat
    expect((await transfer(a2.token, s2.id, 999_999)).status).toBe(404);

    await json(
      await stack.fetch(`/api/admin/chat/agents/${a1.id}/capacity`, {
        method: "PUT",
        token: admin,
        json: { capacity: 2 },
      }),
      200,
    );
    await json(await transfer(a2.token, s2.id, a1.id), 200);
    const got = await lobby1.waitFor(
      (f) => f.type === "assigned" && f.conversationId === s2.id,
      "a1 gets s2",
    );
    expect(got.transferredFrom).toBe(a2.id);
    await lobby2.waitFor((f) => f.type === "released" && f.conversationId === s2.id, "a2 released");
    expect((await a2Room.waitClosed()).code).toBe(4003);
    const status = await s2.ws.waitFor((f) => f.type === "status" && f.agent?.id === a1.id, "new agent");
    expect(status.status).toBe("assigned");
    await s2.ws.message((t) => t.includes("客服甲"), "transfer notice");
    await expect(connect(`/api/chat/conversations/${s2.id}/ws`, a2.token)).rejects.toThrow(/HTTP 403/);
  });

  it("lets an agent claim a queued chat exactly once under concurrent claims", async () => {
    lobby2.send({ type: "presence", available: false });
    await lobby2.waitFor(
      (f) =>
        f.type === "lobby" &&
        f.agents.some((a: { id: number; available: boolean }) => a.id === a2.id && !a.available),
      "away",
    );
    const s5 = await queuedShopper("认领顾客");
    await s5.ws.message((t) => /第 1 位/.test(t), "queued first");
    const claims = await Promise.all(
      [1, 2, 3].map(() =>
        stack.fetch(`/api/agent/conversations/${s5.id}/claim`, { method: "POST", token: a2.token }),
      ),
    );
    expect(claims.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    await s5.ws.waitFor((f) => f.type === "status" && f.agent?.id === a2.id, "claimed by a2");
    shoppers.push(s5);
  });

  it("records CSAT once per closed chat and reports it", async () => {
    const [s1, s2, s3] = shoppers as [(typeof shoppers)[0], (typeof shoppers)[0], (typeof shoppers)[0]];
    const rate = (token: string, id: number, score: unknown) =>
      stack.fetch(`/api/chat/conversations/${id}/csat`, {
        method: "POST",
        token,
        json: { score, comment: "不错" },
      });

    expect((await rate(s3.token, s3.id, 5)).status).toBe(409); // still open
    expect((await rate(s3.token, s1.id, 5)).status).toBe(404); // someone else's
    expect((await rate(s1.token, s1.id, 6)).status).toBe(400);
    await json(await rate(s1.token, s1.id, 4), 200);
    await json(await rate(s1.token, s1.id, 4), 200); // a retry
    expect((await json<{ error: { code: string } }>(await rate(s1.token, s1.id, 2), 409)).error.code).toBe(
      "ALREADY_RATED",
    );

    await json(
      await stack.fetch(`/api/agent/conversations/${s3.id}/close`, { method: "POST", token: a2.token }),
      200,
    );
    const concurrent = await Promise.all([5, 5, 5].map((score) => rate(s3.token, s3.id, score)));
    expect(concurrent.every((r) => r.status === 200)).toBe(true);
    // The shopper may end a chat too.
    await json(
      await stack.fetch(`/api/chat/conversations/${s2.id}/close`, { method: "POST", token: s2.token }),
      200,
    );
    await json(await rate(s2.token, s2.id, 1), 200);

    expect((await stack.fetch("/api/admin/chat/csat-report", { token: a1.token })).status).toBe(403);
    const report = await json<{ count: number; average: number; distribution: Record<string, number> }>(
      await stack.fetch("/api/admin/chat/csat-report", { token: admin }),
      200,
    );
    expect(report).toEqual({
      count: 3,
      average: 3.33,
      distribution: { "1": 1, "2": 0, "3": 0, "4": 1, "5": 1 },
    });
    const future = await json<{ count: number }>(
      await stack.fetch(`/api/admin/chat/csat-report?from=${Date.now() + 60_000}`, { token: admin }),
      200,
    );
    expect(future.count).toBe(0);
    // s1 was closed by a1 (4), s3 by a2 (5); s2 was a1's when the shopper closed it (1).
    const ofA2 = await json<{ count: number; average: number }>(
      await stack.fetch(`/api/admin/chat/csat-report?agentId=${a2.id}`, { token: admin }),
      200,
    );
    expect(ofA2).toMatchObject({ count: 1, average: 5 });

    const mine = await json<{ items: { id: number; status: string }[] }>(
      await stack.fetch("/api/agent/conversations?status=closed", { token: a1.token }),
      200,
    );
    expect(mine.items.map((i) => i.id)).toContain(s1.id);
  });
});

describe("concurrent escalations", () => {
  it("never assign beyond capacity when many shoppers escalate at once", async () => {
    // Earlier agents leave: only the two below take chats now.
    for (const s of sockets.filter((x) => x.ws.url.includes("/lobby/"))) {
      s.close();
      await s.waitClosed();
    }
    const b1 = await createAgent("agent-bing", "客服丙", 1);
    const b2 = await createAgent("agent-ding", "客服丁", 2);
    const lobbyB1 = await connect("/api/agent/lobby/ws", b1.token);
    const lobbyB2 = await connect("/api/agent/lobby/ws", b2.token);
    await lobbyB1.waitFor((f) => f.type === "lobby", "b1 online");
    await lobbyB2.waitFor((f) => f.type === "lobby", "b2 online");

    const crowd = await Promise.all(Array.from({ length: 6 }, (_, i) => queuedShopper(`并发转人工${i}`)));
    const ids = crowd.map((c) => c.id);
    await lobbyB2.waitFor(() => assignedFrames(lobbyB2).length >= 2, "b2 full");
    await lobbyB1.waitFor(() => assignedFrames(lobbyB1).length >= 1, "b1 full");
    type Snapshot = {
      queue: { conversationId: number; position: number }[];
      agents: { id: number; load: number; capacity: number }[];
      mine: number[];
    };
    const snapshotNow = async () =>
      json<Snapshot>(await stack.fetch("/api/agent/queue", { token: b1.token }), 200);
    // A room's "queued" frame can precede its lobby enqueue (an outbox call, retried by alarm when the
    // first attempt fails under load): wait until every escalation has reached the lobby.
    await expect
      .poll(
        async () => {
          const s = await snapshotNow();
          return (
            s.queue.length + s.agents.reduce((n, a) => n + (a.id === b1.id || a.id === b2.id ? a.load : 0), 0)
          );
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBe(6);
    const snapshot = await snapshotNow();
    expect(snapshot.agents.find((a) => a.id === b1.id)).toMatchObject({ load: 1, capacity: 1 });
    expect(snapshot.agents.find((a) => a.id === b2.id)).toMatchObject({ load: 2, capacity: 2 });
    const assigned = [...assignedFrames(lobbyB1), ...assignedFrames(lobbyB2)];
    expect(assigned).toHaveLength(3);
    const waiting = snapshot.queue.map((q) => q.conversationId);
    expect(waiting).toHaveLength(3);
    expect(new Set([...assigned, ...waiting])).toEqual(new Set(ids));
    expect(snapshot.queue.map((q) => q.position)).toEqual([1, 2, 3]);
  });
});

describe("canned replies", () => {
  it("are seeded and shared; agents keep their own; each side edits only what it owns", async () => {
    const agent = await staffToken(stack, "agent", "canned-agent");
    const seeded = await json<{ items: { id: number; shared: boolean }[] }>(
      await stack.fetch("/api/agent/canned-replies", { token: agent }),
      200,
    );
    expect(seeded.items.length).toBeGreaterThan(0);
    expect(seeded.items.every((i) => i.shared)).toBe(true);
    const sharedId = seeded.items[0]!.id;

    const own = await json<{ id: number; shared: boolean }>(
      await stack.fetch("/api/agent/canned-replies", {
        method: "POST",
        token: agent,
        json: { title: "我的", text: "稍等，我帮您问一下师傅" },
      }),
      201,
    );
    expect(own.shared).toBe(false);
    const shared = await json<{ id: number; shared: boolean }>(
      await stack.fetch("/api/agent/canned-replies", {
        method: "POST",
        token: admin,
        json: { title: "活动", text: "双十一以旧换新补贴 500 元" },
      }),
      201,
    );
    expect(shared.shared).toBe(true);

    expect(
      (
        await stack.fetch(`/api/agent/canned-replies/${sharedId}`, {
          method: "PATCH",
          token: agent,
          json: { text: "改" },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await stack.fetch(`/api/agent/canned-replies/${own.id}`, {
          method: "PATCH",
          token: admin,
          json: { text: "改" },
        })
      ).status,
    ).toBe(404);
    await json(
      await stack.fetch(`/api/agent/canned-replies/${own.id}`, {
        method: "PATCH",
        token: agent,
        json: { text: "新的" },
      }),
      200,
    );
    expect(
      (
        await stack.fetch("/api/agent/canned-replies", {
          method: "POST",
          token: agent,
          json: { title: "", text: "x" },
        })
      ).status,
    ).toBe(400);

    const other = await staffToken(stack, "agent", "canned-other");
    const othersView = await json<{ items: { id: number }[] }>(
      await stack.fetch("/api/agent/canned-replies", { token: other }),
      200,
    );
    expect(othersView.items.map((i) => i.id)).toContain(shared.id);
    expect(othersView.items.map((i) => i.id)).not.toContain(own.id);
    await json(
      await stack.fetch(`/api/agent/canned-replies/${own.id}`, { method: "DELETE", token: agent }),
      200,
    );
    const shopper = await shopperToken(stack, "看快捷回复的顾客");
    expect((await stack.fetch("/api/agent/canned-replies", { token: shopper })).status).toBe(403);
  });
});

describe("API description", () => {
  it("documents the chat and agent routes in the OpenAPI document", async () => {
    const doc = await json<{ paths: Record<string, unknown> }>(await stack.fetch("/api/openapi.json"), 200);
    for (const path of [
      "/api/chat/conversations",
      "/api/chat/conversations/{id}/csat",
      "/api/agent/conversations/{id}/transfer",
      "/api/agent/canned-replies",
      "/api/admin/chat/csat-report",
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });
});
