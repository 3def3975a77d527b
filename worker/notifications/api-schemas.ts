import { z } from "@hono/zod-openapi";

/** Response schemas of /api/notifications: what listNotices and markRead (service.ts) return. */

export const NoticeSchema = z
  .object({
    id: z.number().int(),
    audience: z.enum(["merchant", "shopper", "staff"]),
    kind: z.string().openapi({ description: "如 order_paid、order_shipped、low_stock" }),
    title: z.string(),
    body: z.string(),
    refType: z.string().nullable().openapi({
      description: "关联对象类型，如 order、sku、question（问大家的回答通知，refId 为问题编号）",
    }),
    refId: z.string().nullable().openapi({ description: "关联对象，如订单号" }),
    createdAt: z.number().int(),
    readAt: z.number().int().nullable(),
  })
  .openapi("Notice");

export const NoticePageSchema = z
  .object({
    items: z.array(NoticeSchema),
    unread: z.number().int().openapi({ description: "未读总数" }),
    nextCursor: z.string().nullable(),
  })
  .openapi("NoticePage");

export const MarkReadResultSchema = z
  .object({ updated: z.number().int().openapi({ description: "本次标记为已读的条数" }) })
  .openapi("MarkReadResult");
