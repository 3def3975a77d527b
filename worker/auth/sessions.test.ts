/** Revocable sessions over HTTP in workerd: logout, sign out everywhere, staff refresh and revocation. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, shopperToken, staffToken, startStack } from "../../test/harness";
import { issueToken } from "../shared/auth";
import { hashPassword } from "../shared/password";

let stack: Stack;
let merchant: string;

beforeAll(async () => {
  stack = await startStack();
  merchant = await staffToken(stack, "merchant_admin");
}, 90_000);
afterAll(() => stack?.close());

const me = (token: string) => stack.fetch("/api/me", { token });
const post = (path: string, token?: string, json: unknown = {}) =>
  stack.fetch(path, { method: "POST", ...(token ? { token } : {}), json });

/** A fresh agent account and its login answer (token, refreshToken…). */
async function agentLogin(username: string) {
  await stack.sql.execute({
    sql: `INSERT INTO staff (username, display_name, role, password_hash, disabled, created_at)
          VALUES (?, ?, 'agent', ?, 0, ?) ON CONFLICT(username) DO NOTHING`,
    args: [username, username, await hashPassword("agent-password-1"), Date.now()],
  });
  const res = await post("/api/auth/staff-login", undefined, { username, password: "agent-password-1" });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { token: string; refreshToken: string; staff: { id: number } };
  return body;
}

describe("shoppers", () => {
  it("logout ends this device's token only; sign out everywhere ends all of them", async () => {
    const phone = await shopperToken(stack, "两台设备");
    const tablet = await shopperToken(stack, "两台设备");
    const laptop = await shopperToken(stack, "两台设备");
    expect((await post("/api/auth/logout", phone)).status).toBe(200);
    expect((await me(phone)).status).toBe(401);
    expect((await me(tablet)).status).toBe(200);
    expect((await stack.fetch("/api/orders", { token: phone })).status).toBe(401);

    const all = await post("/api/auth/logout-all", tablet);
    expect(await all.json()).toEqual({ endedSessions: 2 });
    expect((await me(tablet)).status).toBe(401);
    expect((await me(laptop)).status).toBe(401);
    // Signing in again works.
    expect((await me(await shopperToken(stack, "两台设备"))).status).toBe(200);
  });

  it("a session closed elsewhere is refused on its first read here, and a write is refused before it writes", async () => {
    // Closed behind this isolate's back (another data centre signed it out): nothing remembered here.
    const closedElsewhere = async (nickname: string) => {
      const token = await shopperToken(stack, nickname);
      const { sid } = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as {
        sid: string;
      };
      const session = await stack.sql.execute({
        sql: "UPDATE auth_sessions SET revoked_at = ? WHERE id = ? RETURNING principal_id",
        args: [Date.now(), sid],
      });
      return { token, shopperId: Number(session.rows[0]!.principal_id) };
    };
    // A read: the check rode ahead of the route's own read, and the route's answer is replaced.
    const reader = await closedElsewhere("别处退出-读");
    const list = await stack.fetch("/api/orders", { token: reader.token });
    expect(list.status).toBe(401);
    const body = (await list.json()) as { error: { code: string; message: string }; items?: unknown };
    expect(body.error).toMatchObject({ code: "SESSION_EXPIRED", message: "登录已失效，请重新登录" });
    expect(body.items).toBeUndefined();
    // A write: checked first, so nothing is written.
    const writer = await closedElsewhere("别处退出-写");
    const add = await stack.fetch("/api/cart/items", {
      method: "POST",
      token: writer.token,
      json: { skuId: 1, quantity: 1 },
    });
    expect(add.status).toBe(401);
    const rows = await stack.sql.execute({
      sql: "SELECT count(*) AS n FROM cart_items WHERE shopper_id = ?",
      args: [writer.shopperId],
    });
    expect(Number(rows.rows[0]!.n)).toBe(0);
    // An open session's first read is answered (and its check cost no round trip of its own: round-trips test).
    expect(
      (await stack.fetch("/api/orders", { token: await shopperToken(stack, "别处未退出") })).status,
    ).toBe(200);
  });

  it("refuses a correctly signed token that belongs to no session", async () => {
    const forged = await issueToken({ kind: "shopper", id: 1, nickname: "x" }, stack.vars.SESSION_SECRET!);
    expect((await me(forged)).status).toBe(401);
  });
});

describe("staff", () => {
  it("renews a 1-hour token with a refresh token that rotates; a replayed one ends the session", async () => {
    const login = await agentLogin("refresh-agent");
    const claims = JSON.parse(atob(login.token.split(".")[1]!)) as { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBe(3600);

    const renewed = await post("/api/auth/refresh", undefined, { refreshToken: login.refreshToken });
    expect(renewed.status).toBe(200);
    const next = (await renewed.json()) as { token: string; refreshToken: string };
    expect(next.refreshToken).not.toBe(login.refreshToken);
    expect((await me(next.token)).status).toBe(200);

    // The old refresh token again: someone replayed it, so the whole session ends.
    const replay = await post("/api/auth/refresh", undefined, { refreshToken: login.refreshToken });
    expect(replay.status).toBe(401);
    expect((await me(next.token)).status).toBe(401);
    expect((await post("/api/auth/refresh", undefined, { refreshToken: next.refreshToken })).status).toBe(
      401,
    );
    // An access token is no refresh token, and vice versa.
    const fresh = await agentLogin("refresh-agent");
    expect((await post("/api/auth/refresh", undefined, { refreshToken: fresh.token })).status).toBe(401);
    expect((await me(fresh.refreshToken)).status).toBe(401);
  });

  it("of concurrent refreshes with one refresh token, exactly one succeeds", async () => {
    const login = await agentLogin("race-agent");
    const replies = await Promise.all(
      Array.from({ length: 6 }, () =>
        post("/api/auth/refresh", undefined, { refreshToken: login.refreshToken }),
      ),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it("disabling an account or resetting its password ends its sessions at once", async () => {
    const a = await agentLogin("revoked-agent");
    const b = await agentLogin("revoked-agent");
    expect((await stack.fetch("/api/admin/orders", { token: a.token })).status).toBe(200);

    const disable = await stack.fetch(`/api/admin/staff/${a.staff.id}`, {
      method: "PATCH",
      token: merchant,
      json: { disabled: true },
    });
    expect(await disable.json()).toMatchObject({ disabled: true, endedSessions: 2 });
    expect((await stack.fetch("/api/admin/orders", { token: a.token })).status).toBe(401);
    expect((await me(b.token)).status).toBe(401);
    expect((await post("/api/auth/refresh", undefined, { refreshToken: b.refreshToken })).status).toBe(401);
    const login = await post("/api/auth/staff-login", undefined, {
      username: "revoked-agent",
      password: "agent-password-1",
    });
    expect(login.status).toBe(401);

    await stack.fetch(`/api/admin/staff/${a.staff.id}`, {
      method: "PATCH",
      token: merchant,
      json: { disabled: false },
    });
    const c = await agentLogin("revoked-agent");
    const reset = await stack.fetch(`/api/admin/staff/${a.staff.id}`, {
      method: "PATCH",
      token: merchant,
      json: { password: "a-new-password-2" },
    });
    expect(await reset.json()).toMatchObject({ endedSessions: 1 });
    expect((await me(c.token)).status).toBe(401);
  });

  it("only merchant admins manage staff accounts, and bad input writes nothing", async () => {
    const agent = await agentLogin("nosy-agent");
    const target = `/api/admin/staff/${agent.staff.id}`;
    expect(
      (await stack.fetch(target, { method: "PATCH", token: agent.token, json: { disabled: true } })).status,
    ).toBe(403);
    const bad = await stack.fetch(target, { method: "PATCH", token: merchant, json: { password: "short" } });
    expect(bad.status).toBe(400);
    expect((await stack.fetch(target, { method: "PATCH", token: merchant, json: {} })).status).toBe(400);
    expect(
      (
        await stack.fetch("/api/admin/staff/999999", {
          method: "PATCH",
          token: merchant,
          json: { disabled: true },
        })
      ).status,
    ).toBe(404);
    expect((await me(agent.token)).status).toBe(200);
  });
});
