/**
 * What the console's 客服 pages read beyond the workbench API, through real workerd: agent accounts with
 * their live presence and load from the lobby, and the newest CSAT comments.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, shopperToken, staffToken, startStack } from "../../test/harness";
import { TestSocket } from "../../test/ws-client";

let stack: Stack;
let admin: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  stack = await startStack();
  admin = await staffToken(stack, "merchant_admin", "console-api-admin");
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await stack.close();
});

async function ok<T>(res: Response, status = 200): Promise<T> {
  const body = (await res.json()) as T;
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body;
}
async function socket(path: string, token: string) {
  const ws = await TestSocket.open(`${stack.baseUrl.replace(/^http/, "ws")}${path}`, {
    authorization: `Bearer ${token}`,
  });
  sockets.push(ws);
  return ws;
}

interface Agent {
  id: number;
  capacity: number;
  online: boolean;
  available: boolean;
  load: number;
}
const agentRow = async (id: number) =>
  (await ok<{ items: Agent[] }>(await stack.fetch("/api/admin/chat/agents", { token: admin }))).items.find(
    (a) => a.id === id,
  );

describe("agents with presence, and CSAT comments", () => {
  it("lists an agent offline, then online and busy with a chat, then away; shows the comment they got", async () => {
    const created = await ok<{ id: number }>(
      await stack.fetch("/api/admin/chat/agents", {
        method: "POST",
        token: admin,
        json: { username: "presence-agent", name: "在线客服", password: "presence-pass-1", capacity: 2 },
      }),
      201,
    );
    expect(await agentRow(created.id)).toMatchObject({
      capacity: 2,
      online: false,
      available: false,
      load: 0,
    });
    const { token } = await ok<{ token: string }>(
      await stack.fetch("/api/auth/staff-login", {
        method: "POST",
        json: { username: "presence-agent", password: "presence-pass-1" },
      }),
    );
    const lobby = await socket("/api/agent/lobby/ws", token);
    await lobby.waitFor((f) => f.type === "lobby", "lobby");
    expect(await agentRow(created.id)).toMatchObject({ online: true, available: true, load: 0 });

    const shopper = await shopperToken(stack, "留言顾客");
    const open = await ok<{ conversation: { id: number } }>(
      await stack.fetch("/api/chat/conversations", { method: "POST", token: shopper }),
      201,
    );
    const id = open.conversation.id;
    const ws = await socket(`/api/chat/conversations/${id}/ws`, shopper);
    await ws.waitFor((f) => f.type === "history", "history");
    ws.send({ type: "message", text: "转人工" });
    await lobby.waitFor((f) => f.type === "assigned" && f.conversationId === id, "assigned");
    expect(await agentRow(created.id)).toMatchObject({ online: true, load: 1 });

    lobby.send({ type: "presence", available: false });
    await lobby.waitFor(
      (f) => f.type === "lobby" && !(f.agents as Agent[]).find((a) => a.id === created.id)?.available,
    );
    expect(await agentRow(created.id)).toMatchObject({ online: true, available: false, load: 1 });

    await ok(await stack.fetch(`/api/agent/conversations/${id}/close`, { method: "POST", token }));
    await ws.waitFor((f) => f.type === "csat_request", "csat request");
    await ok(
      await stack.fetch(`/api/chat/conversations/${id}/csat`, {
        method: "POST",
        token: shopper,
        json: { score: 2, comment: "排队等太久了" },
      }),
    );
    expect(await agentRow(created.id)).toMatchObject({ load: 0 });

    const comments = await ok<{ items: Record<string, unknown>[] }>(
      await stack.fetch("/api/admin/chat/csat-comments?limit=5", { token: admin }),
    );
    expect(comments.items[0]).toMatchObject({
      conversationId: id,
      score: 2,
      comment: "排队等太久了",
      agentId: created.id,
      agentName: "在线客服",
      shopperName: "留言顾客",
    });
    expect((await stack.fetch("/api/admin/chat/csat-comments", { token })).status).toBe(403);
    expect((await stack.fetch("/api/admin/chat/csat-comments?limit=0", { token: admin })).status).toBe(400);
  });
});
