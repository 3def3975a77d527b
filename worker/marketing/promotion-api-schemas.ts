import { z } from "@hono/zod-openapi";
import { PROMOTION_KINDS } from "./promotion-rules";

/** Response schemas of the promotion routes (promotion-service.ts: adminView, activePromotionsForShoppers). */

const fen = z.number().int().openapi({ description: "金额（分）" });
const epochMs = z.number().int().openapi({ description: "UTC 毫秒" });

const PromotionKindSchema = z.enum(PROMOTION_KINDS).openapi({
  description: "full_reduction 满减 / per_full_reduction 每满减 / full_discount 满折 / limited_time 限时折扣",
});

export const PromotionScopeSchema = z
  .object({
    kind: z.enum(["all", "categories", "products"]),
    ids: z.array(z.number().int()).openapi({ description: "分类或商品编号；限时折扣为其 SKU 所属商品" }),
    excludeProductIds: z.array(z.number().int()),
  })
  .openapi("PromotionScope");

export const PromotionRuleSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("full_reduction"),
      tiers: z.array(z.object({ thresholdFen: fen, reduceFen: fen })),
    }),
    z.object({
      kind: z.literal("per_full_reduction"),
      everyFen: fen,
      reduceFen: fen,
      capFen: fen.nullable(),
    }),
    z.object({
      kind: z.literal("full_discount"),
      by: z.enum(["quantity", "amount"]),
      tiers: z.array(
        z.object({
          threshold: z.number().int().openapi({ description: "按件：件数；按金额：分" }),
          payPercent: z.number().int().openapi({ description: "实付百分比：9 折 = 90" }),
        }),
      ),
    }),
    z.object({ kind: z.literal("limited_time") }),
  ])
  .openapi("PromotionRule");

const tags = z.array(z.string()).openapi({ description: "展示标签，如 满3000减300、限时折扣" });

export const PromotionSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: PromotionKindSchema,
    status: z
      .enum(["scheduled", "active", "ended", "stopped"])
      .openapi({ description: "未开始 / 进行中 / 已结束 / 已停止" }),
    rule: PromotionRuleSchema,
    scope: PromotionScopeSchema,
    items: z
      .array(z.object({ skuId: z.number().int(), productId: z.number().int(), priceFen: fen }))
      .openapi({ description: "限时折扣的 SKU 与限时价；其他活动为空" }),
    tags,
    description: z.string().openapi({ description: "完整规则，如 每满1000减100，最多减500" }),
    startsAt: epochMs,
    endsAt: epochMs,
    priority: z.number().int(),
    stacksWithOtherPromotions: z.boolean(),
    stacksWithCoupons: z.boolean(),
    stoppedAt: epochMs.nullable(),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .openapi("Promotion");

export const PromotionListSchema = z.object({ items: z.array(PromotionSchema) }).openapi("PromotionList");

export const PromotionReportSchema = z
  .object({
    promotionId: z.number().int(),
    name: z.string(),
    kind: PromotionKindSchema,
    status: z.enum(["scheduled", "active", "ended", "stopped"]),
    step: z.string().openapi({ description: "订单分摊中的 step：promotion:<id> 或 limited_time:<id>" }),
    paidOrders: z.number().int().openapi({ description: "已支付（待发货、已发货、已完成）订单数" }),
    paidUnits: z.number().int(),
    discountFen: fen.openapi({ description: "已支付订单上本活动的优惠合计（分，正数）" }),
    goodsFen: fen.openapi({ description: "这些订单行的原价合计（分）" }),
    paidFen: fen.openapi({ description: "这些订单行的实付合计（分，含运费分摊）" }),
    pendingOrders: z.number().int().openapi({ description: "待支付订单数" }),
    pendingDiscountFen: fen,
  })
  .openapi("PromotionReport");

export const ActivePromotionSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: PromotionKindSchema,
    tags,
    description: z.string(),
    scope: PromotionScopeSchema,
    startsAt: epochMs,
    endsAt: epochMs.openapi({ description: "结束时间（倒计时用）" }),
    stacksWithCoupons: z.boolean().openapi({ description: "false：参与本活动的订单不能用券" }),
  })
  .openapi("ActivePromotion");

export const ActivePromotionListSchema = z
  .object({ items: z.array(ActivePromotionSchema).openapi({ description: "限时折扣在前，其余按计算顺序" }) })
  .openapi("ActivePromotionList");
