import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, sql } from "drizzle-orm";
import { lobbyStub } from "../../durable-objects/chat-stubs";
import { staff } from "../auth/schema";
import { chatAgents, DEFAULT_AGENT_CAPACITY } from "../chat/schema";
import { csatReportFor } from "../chat/service";
import { requireStaff } from "../shared/auth";
import { notFound } from "../shared/errors";
import { hashPassword } from "../shared/password";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk } from "../shared/router";
import { idParam } from "../shared/validation";

/** Merchant admin: agent accounts, their capacity, and the satisfaction report. Mounted at /api/admin. */
export const chatAdminRoutes = createRouter();

const adminOnly = requireStaff("merchant_admin");
const TAGS = ["chat-admin"];
const capacity = z.number().int().min(1).max(20);

chatAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/chat/agents",
    tags: TAGS,
    summary: "客服账号与接待上限",
    security: bearer,
    middleware: [adminOnly] as const,
    responses: jsonOk("{ items }"),
  }),
  async (c) => {
    const rows = await c
      .get("db")
      .select({
        id: staff.id,
        username: staff.username,
        name: staff.displayName,
        disabled: staff.disabled,
        capacity: chatAgents.capacity,
      })
      .from(staff)
      .leftJoin(chatAgents, eq(chatAgents.staffId, staff.id))
      .where(eq(staff.role, "agent"))
      .orderBy(staff.id);
    return c.json({ items: rows.map((r) => ({ ...r, capacity: r.capacity ?? DEFAULT_AGENT_CAPACITY })) });
  },
);

chatAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/chat/agents",
    tags: TAGS,
    summary: "新建客服账号",
    security: bearer,
    middleware: [adminOnly] as const,
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
    responses: jsonCreated("{ id, username, name, capacity }"),
  }),
  async (c) => {
    const input = c.req.valid("json");
    const db = c.get("db");
    const now = Date.now();
    const passwordHash = await hashPassword(input.password);
    const cap = input.capacity ?? DEFAULT_AGENT_CAPACITY;
    // One atomic batch: no half-created agent. A taken username fails the batch with a 409 (DUPLICATE).
    const [inserted] = await db.batch([
      db
        .insert(staff)
        .values({
          username: input.username,
          displayName: input.name,
          role: "agent",
          passwordHash,
          createdAt: now,
        })
        .returning({ id: staff.id }),
      db.run(sql`INSERT INTO chat_agents (staff_id, capacity, updated_at)
                 SELECT id, ${cap}, ${now} FROM staff WHERE username = ${input.username}`),
    ]);
    return c.json({ id: inserted[0]!.id, username: input.username, name: input.name, capacity: cap }, 201);
  },
);

chatAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/chat/agents/{id}/capacity",
    tags: TAGS,
    summary: "设置客服同时接待上限",
    security: bearer,
    middleware: [adminOnly] as const,
    request: { params: idParam, ...jsonBody(z.object({ capacity })) },
    responses: jsonOk("{ id, capacity }"),
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { capacity: cap } = c.req.valid("json");
    const db = c.get("db");
    const agent = await db.query.staff.findFirst({ where: and(eq(staff.id, id), eq(staff.role, "agent")) });
    if (!agent) throw notFound("客服不存在");
    const now = Date.now();
    await db
      .insert(chatAgents)
      .values({ staffId: id, capacity: cap, updatedAt: now })
      .onConflictDoUpdate({ target: chatAgents.staffId, set: { capacity: cap, updatedAt: now } });
    await lobbyStub(c.env).setCapacity(id, agent.displayName, cap);
    return c.json({ id, capacity: cap });
  },
);

chatAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/chat/csat-report",
    tags: TAGS,
    summary: "客服满意度报表：平均分、评价数、各分值分布（可按评价时间 UTC 毫秒、客服筛选）",
    security: bearer,
    middleware: [adminOnly] as const,
    request: {
      query: z.object({
        from: z.coerce.number().int().nonnegative().optional(),
        to: z.coerce.number().int().positive().optional(),
        agentId: z.coerce.number().int().positive().optional(),
      }),
    },
    responses: jsonOk("{ count, average, distribution }"),
  }),
  async (c) => c.json(await csatReportFor(c.get("db"), c.req.valid("query"))),
);
