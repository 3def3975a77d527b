import { createRoute, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { ChatPrincipal } from "../../durable-objects/chat-handshake";
import type { AppEnv } from "../env";
import { type Principal, requireShopper, shopperOf } from "../shared/auth";
import { AppError, forbidden, unauthorized } from "../shared/errors";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk } from "../shared/router";
import { idParam } from "../shared/validation";
import {
  ChatHistorySchema,
  ChatTicketSchema,
  CsatResultSchema,
  OkResponse,
  OpenConversationSchema,
  ShopperConversationListSchema,
} from "./api-schemas";
import { CHAT_LIMITS } from "./protocol";
import { roomStub } from "./room-client";
import {
  forwardSocket,
  openConversation,
  rateConversation,
  roomError,
  shopperConversations,
} from "./service";
import { issueTicket, redeemTicket } from "./ticket";

/** Customer-service chat, shopper side, plus the conversation WebSocket shared with agents. */
export const chatRoutes = createRouter();

/** The chat identity of a signed-in shopper or agent; merchant admins do not chat. */
export function chatPrincipal(auth: Principal | undefined): ChatPrincipal {
  if (!auth) throw unauthorized();
  if (auth.kind === "shopper")
    return { role: "shopper", id: auth.id, name: auth.nickname || `顾客${auth.id}` };
  if (auth.role === "agent") return { role: "agent", id: auth.id, name: auth.name || `客服${auth.id}` };
  throw forbidden("仅限顾客与客服使用");
}

/**
 * Identity for a WebSocket handshake: the Authorization header (mini program: wx.connectSocket can
 * send headers) or a `ticket` query parameter (browsers cannot set headers on WebSockets).
 */
export async function socketPrincipal(c: Context<AppEnv>): Promise<ChatPrincipal> {
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket")
    throw new AppError(426, "UPGRADE_REQUIRED", "请使用 WebSocket 连接");
  const ticket = c.req.query("ticket");
  const auth =
    c.get("auth") ?? (ticket ? await redeemTicket(c.get("db"), ticket, c.env.SESSION_SECRET) : undefined);
  if (!auth) throw unauthorized("登录已失效，请重新获取连接凭证");
  return chatPrincipal(auth);
}

/** Shoppers and agents only, checked before a request is validated. */
const chatMember: MiddlewareHandler<AppEnv> = async (c, next) => {
  chatPrincipal(c.get("auth"));
  await next();
};

chatRoutes.openapi(
  createRoute({
    method: "post",
    path: "/chat/tickets",
    tags: ["chat"],
    summary: "获取 WebSocket 连接凭证（60 秒有效，用于 ?ticket=）",
    security: bearer,
    responses: jsonOk("{ ticket, expiresAt }", ChatTicketSchema),
  }),
  async (c) => {
    const auth = c.get("auth");
    chatPrincipal(auth);
    return c.json(await issueTicket(auth!, c.env.SESSION_SECRET));
  },
);

chatRoutes.openapi(
  createRoute({
    method: "post",
    path: "/chat/conversations",
    tags: ["chat"],
    summary: "发起或继续客服会话（每位顾客同时只有一个进行中的会话）",
    security: bearer,
    middleware: [requireShopper] as const,
    responses: {
      ...jsonOk("继续已有会话 { created: false, conversation }", OpenConversationSchema),
      ...jsonCreated("新会话", OpenConversationSchema),
    },
  }),
  async (c) => {
    const shopper = shopperOf(c);
    const result = await openConversation(c.get("db"), c.env, shopper);
    return c.json(result, result.created ? 201 : 200);
  },
);

chatRoutes.openapi(
  createRoute({
    method: "get",
    path: "/chat/conversations",
    tags: ["chat"],
    summary: "我的客服会话",
    security: bearer,
    middleware: [requireShopper] as const,
    responses: jsonOk("{ items }", ShopperConversationListSchema),
  }),
  async (c) => c.json({ items: await shopperConversations(c.get("db"), shopperOf(c).id) }),
);

chatRoutes.openapi(
  createRoute({
    method: "get",
    path: "/chat/conversations/{id}/messages",
    tags: ["chat"],
    summary: "会话消息记录（顾客本人或接待客服；after 之后的消息，按 id 升序）",
    security: bearer,
    middleware: [chatMember] as const,
    request: {
      params: idParam,
      query: z.object({
        after: z.coerce.number().int().nonnegative().default(0),
        limit: z.coerce.number().int().min(1).max(CHAT_LIMITS.historyPage).default(50),
      }),
    },
    responses: jsonOk("{ messages, hasMore }", ChatHistorySchema),
  }),
  async (c) => {
    const who = chatPrincipal(c.get("auth"));
    const { after, limit } = c.req.valid("query");
    const r = await roomStub(c.env, c.req.valid("param").id).history(who, after, limit);
    if (!r.ok) throw roomError(r);
    return c.json({ messages: r.messages, hasMore: r.hasMore });
  },
);

chatRoutes.openapi(
  createRoute({
    method: "post",
    path: "/chat/conversations/{id}/close",
    tags: ["chat"],
    summary: "顾客结束会话",
    security: bearer,
    middleware: [requireShopper] as const,
    request: { params: idParam },
    responses: jsonOk("{ ok }", OkResponse),
  }),
  async (c) => {
    const r = await roomStub(c.env, c.req.valid("param").id).close(chatPrincipal(c.get("auth")));
    if (!r.ok) throw roomError(r);
    return c.json({ ok: true });
  },
);

chatRoutes.openapi(
  createRoute({
    method: "post",
    path: "/chat/conversations/{id}/csat",
    tags: ["chat"],
    summary: "会话结束后的满意度评价（1-5 分，每个会话一次）",
    security: bearer,
    middleware: [requireShopper] as const,
    request: {
      params: idParam,
      ...jsonBody(
        z.object({
          score: z.number().int().min(1).max(5),
          comment: z.string().trim().max(200).optional(),
        }),
      ),
    },
    responses: jsonOk("{ conversationId, csat }", CsatResultSchema),
  }),
  async (c) => {
    const { score, comment } = c.req.valid("json");
    return c.json(
      await rateConversation(
        c.get("db"),
        shopperOf(c).id,
        c.req.valid("param").id,
        score,
        comment || undefined,
      ),
    );
  },
);

// WebSocket upgrade: not an OpenAPI operation (documented in docs/chat.md).
chatRoutes.get("/chat/conversations/:id/ws", async (c) => {
  const who = await socketPrincipal(c);
  const id = Number(c.req.param("id"));
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError(400, "BAD_REQUEST", "会话编号不正确");
  const after = Number(c.req.query("after") ?? 0);
  const url = `https://chat-room/ws?after=${Number.isSafeInteger(after) && after > 0 ? after : 0}`;
  return forwardSocket(roomStub(c.env, id), url, who);
});
