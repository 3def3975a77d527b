import { createRoute, z } from "@hono/zod-openapi";
import { csatReportFor, recentCsatComments } from "../chat/service";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk } from "../shared/router";
import { idParam } from "../shared/validation";
import {
  AgentCapacitySchema,
  ChatAgentListSchema,
  CreatedAgentSchema,
  CsatCommentListSchema,
  CsatReportSchema,
} from "./api-schemas";
import { createAgent, listAgents, setAgentCapacity } from "./service";

/**
 * Merchant admin: agent accounts, their capacity, and the satisfaction report. Mounted at /api/admin,
 * where the central guard (worker/shared/admin-guard.ts) admits merchant admins only.
 */
export const chatAdminRoutes = createRouter();

const TAGS = ["chat-admin"];
const capacity = z.number().int().min(1).max(20);

chatAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/chat/agents",
    tags: TAGS,
    summary: "客服账号、接待上限与当前在线/接待情况",
    security: bearer,
    responses: jsonOk("{ items }", ChatAgentListSchema),
  }),
  async (c) => c.json({ items: await listAgents(c.get("db"), c.env) }),
);

chatAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/chat/agents",
    tags: TAGS,
    summary: "新建客服账号",
    security: bearer,
    request: jsonBody(
      z.object({
        username: z
          .string()
          .trim()
          .regex(/^[a-zA-Z0-9_.-]{3,32}$/),
        name: z.string().trim().min(1).max(32),
        password: z.string().min(8).max(128),
        capacity: capacity.optional(),
      }),
    ),
    responses: jsonCreated("{ id, username, name, capacity }", CreatedAgentSchema),
  }),
  async (c) => c.json(await createAgent(c.get("db"), c.req.valid("json")), 201),
);

chatAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/chat/agents/{id}/capacity",
    tags: TAGS,
    summary: "设置客服同时接待上限",
    security: bearer,
    request: { params: idParam, ...jsonBody(z.object({ capacity })) },
    responses: jsonOk("{ id, capacity }", AgentCapacitySchema),
  }),
  async (c) =>
    c.json(await setAgentCapacity(c.get("db"), c.env, c.req.valid("param").id, c.req.valid("json").capacity)),
);

chatAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/chat/csat-report",
    tags: TAGS,
    summary: "客服满意度报表：平均分、评价数、各分值分布（可按评价时间 UTC 毫秒、客服筛选）",
    security: bearer,
    request: {
      query: z.object({
        from: z.coerce.number().int().nonnegative().optional(),
        to: z.coerce.number().int().positive().optional(),
        agentId: z.coerce.number().int().positive().optional(),
      }),
    },
    responses: jsonOk("{ count, average, distribution }", CsatReportSchema),
  }),
  async (c) => c.json(await csatReportFor(c.get("db"), c.req.valid("query"))),
);

chatAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/chat/csat-comments",
    tags: TAGS,
    summary: "最近带留言的满意度评价（新的在前）",
    security: bearer,
    request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }) },
    responses: jsonOk("{ items }", CsatCommentListSchema),
  }),
  async (c) => c.json({ items: await recentCsatComments(c.get("db"), c.req.valid("query").limit) }),
);
