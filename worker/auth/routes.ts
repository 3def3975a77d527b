import { createRoute, z } from "@hono/zod-openapi";
import { unauthorized } from "../shared/errors";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import { PrincipalSchema, ShopperSessionSchema, StaffSessionSchema } from "./api-schemas";
import { devLogin, staffLogin, wechatLogin } from "./service";

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
