import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { socketPrincipal } from "../chat/routes";
import type { AppEnv } from "../env";
import { requireStaff, staffOf } from "../shared/auth";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk } from "../shared/router";
import { idParam } from "../shared/validation";
import {
  AgentContextSchema,
  AgentConversationListSchema,
  AgentQueueSchema,
  CannedReplyListSchema,
  CannedReplySchema,
  OkResponse,
} from "./api-schemas";
import { createCanned, deleteCanned, listCanned, updateCanned } from "./canned";
import {
  agentConversations,
  claimConversation,
  closeConversation,
  connectLobby,
  conversationContext,
  lobbySnapshot,
  transferConversation,
} from "./service";

/** Where the workbench lives now: the merchant console (admin-console/src/pages/service/). */
export const AGENT_WORKBENCH_URL = "/admin/#/service/workbench";

/** GET /agent: the old workbench address, kept for bookmarks; redirects to the console's workbench. */
export const agentConsole = (c: Context<AppEnv>) => c.redirect(AGENT_WORKBENCH_URL, 302);

/**
 * The agent workbench API: lobby, conversations the agent handles, canned replies. Mounted at /api,
 * outside /api/admin, so it keeps its own role checks.
 */
export const agentRoutes = createRouter();

const agentOnly = requireStaff("agent");
const cannedStaff = requireStaff("agent", "merchant_admin");
const TAGS = ["agent"];

// WebSocket: queue and presence updates (frames in worker/chat/protocol.ts, docs/chat.md).
agentRoutes.get("/agent/lobby/ws", async (c) => connectLobby(c.get("db"), c.env, await socketPrincipal(c)));

agentRoutes.openapi(
  createRoute({
    method: "get",
    path: "/agent/queue",
    tags: TAGS,
    summary: "排队中的会话、客服在线状态与我的接待列表",
    security: bearer,
    middleware: [agentOnly] as const,
    responses: jsonOk("{ queue, agents, mine }", AgentQueueSchema),
  }),
  async (c) => c.json(await lobbySnapshot(c.env, staffOf(c).id)),
);

agentRoutes.openapi(
  createRoute({
    method: "get",
    path: "/agent/conversations",
    tags: TAGS,
    summary: "我接待过的会话",
    security: bearer,
    middleware: [agentOnly] as const,
    request: { query: z.object({ status: z.enum(["assigned", "closed"]).optional() }) },
    responses: jsonOk("{ items }", AgentConversationListSchema),
  }),
  async (c) => {
    const items = await agentConversations(c.get("db"), staffOf(c).id, c.req.valid("query").status);
    return c.json({ items });
  },
);

agentRoutes.openapi(
  createRoute({
    method: "get",
    path: "/agent/conversations/{id}/context",
    tags: TAGS,
    summary: "会话顾客信息与最近订单（仅接待客服）",
    security: bearer,
    middleware: [agentOnly] as const,
    request: { params: idParam },
    responses: jsonOk("{ conversation, shopper, orders }", AgentContextSchema),
  }),
  async (c) => c.json(await conversationContext(c.get("db"), c.env, staffOf(c).id, c.req.valid("param").id)),
);

agentRoutes.openapi(
  createRoute({
    method: "post",
    path: "/agent/conversations/{id}/claim",
    tags: TAGS,
    summary: "接入指定的排队会话（受接待上限约束）",
    security: bearer,
    middleware: [agentOnly] as const,
    request: { params: idParam },
    responses: jsonOk("{ ok }", OkResponse),
  }),
  async (c) => {
    await claimConversation(c.get("db"), c.env, staffOf(c), c.req.valid("param").id);
    return c.json({ ok: true });
  },
);

agentRoutes.openapi(
  createRoute({
    method: "post",
    path: "/agent/conversations/{id}/transfer",
    tags: TAGS,
    summary: "转接给其他在线客服",
    security: bearer,
    middleware: [agentOnly] as const,
    request: { params: idParam, ...jsonBody(z.object({ toAgentId: z.number().int().positive() })) },
    responses: jsonOk("{ ok }", OkResponse),
  }),
  async (c) => {
    await transferConversation(c.env, staffOf(c).id, c.req.valid("param").id, c.req.valid("json").toAgentId);
    return c.json({ ok: true });
  },
);

agentRoutes.openapi(
  createRoute({
    method: "post",
    path: "/agent/conversations/{id}/close",
    tags: TAGS,
    summary: "结束会话（顾客随后收到满意度评价邀请）",
    security: bearer,
    middleware: [agentOnly] as const,
    request: { params: idParam },
    responses: jsonOk("{ ok }", OkResponse),
  }),
  async (c) => {
    await closeConversation(c.env, staffOf(c), c.req.valid("param").id);
    return c.json({ ok: true });
  },
);

// ---------------------------------------------------------------- canned replies

const cannedInput = z.object({
  title: z.string().trim().min(1).max(20),
  text: z.string().trim().min(1).max(500),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});

agentRoutes.openapi(
  createRoute({
    method: "get",
    path: "/agent/canned-replies",
    tags: TAGS,
    summary: "快捷回复（公共 + 我的）",
    security: bearer,
    middleware: [cannedStaff] as const,
    responses: jsonOk("{ items }", CannedReplyListSchema),
  }),
  async (c) => c.json({ items: await listCanned(c.get("db"), staffOf(c)) }),
);

agentRoutes.openapi(
  createRoute({
    method: "post",
    path: "/agent/canned-replies",
    tags: TAGS,
    summary: "新增快捷回复（商家管理员：公共；客服：个人）",
    security: bearer,
    middleware: [cannedStaff] as const,
    request: jsonBody(cannedInput),
    responses: jsonCreated("快捷回复", CannedReplySchema),
  }),
  async (c) => c.json(await createCanned(c.get("db"), staffOf(c), c.req.valid("json")), 201),
);

agentRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/agent/canned-replies/{id}",
    tags: TAGS,
    summary: "修改快捷回复（只能改自己管理的）",
    security: bearer,
    middleware: [cannedStaff] as const,
    request: { params: idParam, ...jsonBody(cannedInput.partial()) },
    responses: jsonOk("快捷回复", CannedReplySchema),
  }),
  async (c) =>
    c.json(await updateCanned(c.get("db"), staffOf(c), c.req.valid("param").id, c.req.valid("json"))),
);

agentRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/agent/canned-replies/{id}",
    tags: TAGS,
    summary: "删除快捷回复（只能删自己管理的）",
    security: bearer,
    middleware: [cannedStaff] as const,
    request: { params: idParam },
    responses: jsonOk("{ ok }", OkResponse),
  }),
  async (c) => {
    await deleteCanned(c.get("db"), staffOf(c), c.req.valid("param").id);
    return c.json({ ok: true });
  },
);
