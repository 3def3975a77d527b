import { z } from "@hono/zod-openapi";

const PeriodFiguresSchema = z
  .object({
    salesFen: z.number().int().openapi({ description: "销售额（分）：期间内付款且未取消的订单实付合计" }),
    paidOrders: z.number().int().openapi({ description: "付款订单数" }),
    averageOrderFen: z.number().int().openapi({ description: "客单价（分）" }),
  })
  .openapi("DashboardPeriod");

export const DashboardSchema = z
  .object({
    generatedAt: z.number().int(),
    today: PeriodFiguresSchema,
    yesterday: PeriodFiguresSchema,
    month: PeriodFiguresSchema,
    todo: z
      .object({
        toShip: z.number().int().openapi({ description: "待发货订单" }),
        afterSalesToReview: z.number().int().openapi({ description: "待审核售后单（applied）" }),
        lowStockSkus: z.number().int().openapi({ description: "低于预警值的 SKU" }),
        chatsWaiting: z.number().int().openapi({ description: "排队等待人工客服的会话" }),
        repairsOpen: z.number().int().openapi({ description: "未完工的维修工单" }),
      })
      .openapi("DashboardTodo"),
    salesChart: z
      .array(
        z.object({
          day: z.string().openapi({ description: "yyyy-MM-dd（北京时间）" }),
          salesFen: z.number().int(),
          paidOrders: z.number().int(),
        }),
      )
      .openapi({ description: "近 14 天每日销售额，旧→新" }),
  })
  .openapi("Dashboard");
