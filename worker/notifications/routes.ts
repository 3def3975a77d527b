import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { unauthorized } from "../shared/errors";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import { MarkReadResultSchema, NoticePageSchema } from "./api-schemas";
import { type Audience, listNotices, markRead } from "./service";

/**
 * Message center: /api/notifications. A shopper sees their own notices; merchant admins and operations
 * see the shop's (new and paid orders, low stock…); agents and installers their own. The audience comes
 * from the token, never from the request.
 */
export const notificationRoutes = createRouter();

function audienceOf(c: Context<AppEnv>): Audience {
  const auth = c.get("auth");
  if (!auth) throw unauthorized();
  if (auth.kind === "shopper") return { audience: "shopper", shopperId: auth.id };
  // The shop's notices (orders, stock, refunds) are for those who run it; agents and installers get
  // only the notices addressed to them.
  return auth.role === "merchant_admin" || auth.role === "operations"
    ? { audience: "merchant" }
    : { audience: "staff", staffId: auth.id };
}

const tags = ["notifications"];

notificationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/notifications",
    tags,
    security: bearer,
    summary: "消息中心（新到旧，含未读数）",
    request: {
      query: z.object({
        cursor: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(50).default(20),
        unread: z.enum(["1", "0"]).optional(),
      }),
    },
    responses: jsonOk("{ items, unread, nextCursor }", NoticePageSchema),
  }),
  async (c) => {
    const q = c.req.valid("query");
    return c.json(
      await listNotices(c.get("db"), audienceOf(c), {
        cursor: q.cursor,
        limit: q.limit,
        unreadOnly: q.unread === "1",
      }),
    );
  },
);

notificationRoutes.openapi(
  createRoute({
    method: "post",
    path: "/notifications/read",
    tags,
    security: bearer,
    summary: "标记已读（ids 为空数组以外的列表，或 all: true）",
    request: jsonBody(
      z.union([
        z.object({ ids: z.array(z.number().int().positive()).min(1).max(100) }),
        z.object({ all: z.literal(true) }),
      ]),
    ),
    responses: jsonOk("{ updated }", MarkReadResultSchema),
  }),
  async (c) => {
    const body = c.req.valid("json");
    return c.json(await markRead(c.get("db"), audienceOf(c), "all" in body ? "all" : body.ids));
  },
);
