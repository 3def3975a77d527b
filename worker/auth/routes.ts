import { createRoute, z } from "@hono/zod-openapi";
import { unauthorized } from "../shared/errors";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import {
  LogoutResultSchema,
  PrincipalSchema,
  RefreshedSessionSchema,
  ShopperSessionSchema,
  StaffAccountUpdateSchema,
  StaffSessionSchema,
} from "./api-schemas";
import { devLogin, staffLogin, updateStaffAccount, wechatLogin } from "./service";
import { endAllSessions, endSession, refreshSession } from "./sessions";

export const authRoutes = createRouter();

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/auth/wechat-login",
    tags: ["auth"],
    summary: "小程序登录：wx.login 的 code 换取会话",
    request: jsonBody(
      z.object({ code: z.string().min(1).max(128), nickname: z.string().max(32).optional() }),
    ),
    responses: jsonOk("{ token, shopper }", ShopperSessionSchema),
  }),
  async (c) => c.json(await wechatLogin(c.get("db"), c.env, c.req.valid("json"))),
);

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/auth/dev-login",
    tags: ["auth"],
    summary: "本地开发登录（仅 DEV_LOGIN=1 时可用）：按昵称登录",
    request: jsonBody(z.object({ nickname: z.string().trim().min(1).max(32) })),
    responses: jsonOk("{ token, shopper }", ShopperSessionSchema),
  }),
  async (c) => c.json(await devLogin(c.get("db"), c.env, c.req.valid("json").nickname)),
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
    responses: jsonOk("{ token, staff }", StaffSessionSchema),
  }),
  // cf-connecting-ip is set by Cloudflare's edge (a client cannot forge it there); absent locally.
  async (c) =>
    c.json(
      await staffLogin(
        c.get("db"),
        c.env.SESSION_SECRET,
        c.req.valid("json"),
        c.req.header("cf-connecting-ip"),
      ),
    ),
);

authRoutes.openapi(
  createRoute({
    method: "get",
    path: "/me",
    tags: ["auth"],
    summary: "当前登录身份",
    security: bearer,
    responses: jsonOk("当前身份", PrincipalSchema),
  }),
  async (c) => {
    const auth = c.get("auth");
    if (!auth) throw unauthorized();
    return c.json(auth);
  },
);

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/auth/refresh",
    tags: ["auth"],
    summary: "员工令牌续期：用 refreshToken 换取新令牌（refreshToken 随之轮换，旧的再用会结束该会话）",
    request: jsonBody(z.object({ refreshToken: z.string().min(1).max(2048) })),
    responses: jsonOk("{ token, refreshToken, expiresAt }", RefreshedSessionSchema),
  }),
  async (c) =>
    c.json(await refreshSession(c.get("db"), c.req.valid("json").refreshToken, c.env.SESSION_SECRET)),
);

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/auth/logout",
    tags: ["auth"],
    summary: "退出登录（本设备）：令牌立即失效",
    security: bearer,
    responses: jsonOk("{ endedSessions }", LogoutResultSchema),
  }),
  async (c) => {
    const sid = c.get("sessionId");
    if (!sid) throw unauthorized();
    await endSession(c.get("db"), sid);
    return c.json({ endedSessions: 1 });
  },
);

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/auth/logout-all",
    tags: ["auth"],
    summary: "退出所有设备：本账号的全部令牌立即失效",
    security: bearer,
    responses: jsonOk("{ endedSessions }", LogoutResultSchema),
  }),
  async (c) => {
    const auth = c.get("auth");
    if (!auth) throw unauthorized();
    return c.json({ endedSessions: await endAllSessions(c.get("db"), auth) });
  },
);

/** Staff accounts (merchant admins; the admin guard's default rule). */
export const staffAdminRoutes = createRouter();
staffAdminRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/staff/{id}",
    tags: ["admin: staff"],
    security: bearer,
    summary: "停用/启用员工账号或重置密码：该账号的全部会话立即结束",
    request: {
      params: z.object({ id: z.coerce.number().int().positive() }),
      ...jsonBody(
        z
          .object({
            disabled: z.boolean().optional(),
            password: z.string().min(8, "密码至少 8 位").max(256).optional(),
          })
          .refine((v) => v.disabled !== undefined || v.password !== undefined, {
            message: "请提供 disabled 或 password",
          }),
      ),
    },
    responses: jsonOk("{ id, disabled, endedSessions }", StaffAccountUpdateSchema),
  }),
  async (c) => c.json(await updateStaffAccount(c.get("db"), c.req.valid("param").id, c.req.valid("json"))),
);
