import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { issueToken } from "../shared/auth";
import { AppError, notFound, unauthorized } from "../shared/errors";
import { verifyPassword } from "../shared/password";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import { shoppers, staff } from "./schema";
import { code2Session } from "./wechat";

export const authRoutes = createRouter();

async function upsertShopper(
  db: import("../db/client").Db,
  openid: string,
  nickname: string,
  unionid?: string,
) {
  const now = Date.now();
  const [row] = await db
    .insert(shoppers)
    .values({ openid, nickname, unionid: unionid ?? null, createdAt: now })
    .onConflictDoUpdate({ target: shoppers.openid, set: { unionid: unionid ?? null } })
    .returning();
  return row!;
}

/** A shopper login's answer: a session token and who it belongs to. */
async function shopperSession(shopper: { id: number; nickname: string }, secret: string) {
  const who = { id: shopper.id, nickname: shopper.nickname };
  return { token: await issueToken({ kind: "shopper", ...who }, secret), shopper: who };
}

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/auth/wechat-login",
    tags: ["auth"],
    summary: "小程序登录：wx.login 的 code 换取会话",
    request: jsonBody(
      z.object({ code: z.string().min(1).max(128), nickname: z.string().max(32).optional() }),
    ),
    responses: jsonOk("{ token, shopper }"),
  }),
  async (c) => {
    const { code, nickname } = c.req.valid("json");
    const { WECHAT_APP_ID: appId, WECHAT_APP_SECRET: appSecret } = c.env;
    if (!appId || !appSecret)
      throw new AppError(503, "WECHAT_NOT_CONFIGURED", "微信登录未配置，本地开发请使用开发登录");
    const session = await code2Session({ appId, appSecret, apiBase: c.env.WECHAT_API_BASE }, code);
    const shopper = await upsertShopper(c.get("db"), session.openid, nickname || "微信用户", session.unionid);
    return c.json(await shopperSession(shopper, c.env.SESSION_SECRET));
  },
);

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/auth/dev-login",
    tags: ["auth"],
    summary: "本地开发登录（仅 DEV_LOGIN=1 时可用）：按昵称登录",
    request: jsonBody(z.object({ nickname: z.string().trim().min(1).max(32) })),
    responses: jsonOk("{ token, shopper }"),
  }),
  async (c) => {
    if (c.env.DEV_LOGIN !== "1") throw notFound("接口不存在");
    const { nickname } = c.req.valid("json");
    const shopper = await upsertShopper(c.get("db"), `dev:${nickname}`, nickname);
    return c.json(await shopperSession(shopper, c.env.SESSION_SECRET));
  },
);

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/auth/staff-login",
    tags: ["auth"],
    summary: "商家/客服登录",
    request: jsonBody(
      z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
    ),
    responses: jsonOk("{ token, staff }"),
  }),
  async (c) => {
    const { username, password } = c.req.valid("json");
    const row = await c.get("db").query.staff.findFirst({ where: eq(staff.username, username) });
    // Verify against a dummy hash when the user is unknown, so timing does not reveal usernames.
    const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
    if (!row || !ok || row.disabled) throw new AppError(401, "BAD_CREDENTIALS", "用户名或密码错误");
    const principal = { kind: "staff", id: row.id, role: row.role, name: row.displayName } as const;
    const token = await issueToken(principal, c.env.SESSION_SECRET);
    return c.json({
      token,
      staff: { id: row.id, username: row.username, name: row.displayName, role: row.role },
    });
  },
);

const DUMMY_HASH =
  "pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

authRoutes.openapi(
  createRoute({
    method: "get",
    path: "/me",
    tags: ["auth"],
    summary: "当前登录身份",
    security: bearer,
    responses: jsonOk("当前身份"),
  }),
  async (c) => {
    const auth = c.get("auth");
    if (!auth) throw unauthorized();
    return c.json(auth);
  },
);
