import { z } from "@hono/zod-openapi";

/** Response schemas of /api/members/* and /api/admin/members/* (documentation and the mini program's types). */

export const PointsQuoteSchema = z
  .object({
    balance: z.number().int().openapi({ description: "可用积分（可能为负：退款收回了已用积分）" }),
    redeemPointsPerYuan: z.number().int().openapi({ description: "多少积分抵 1 元" }),
    usable: z.boolean(),
    reason: z.string().nullable().openapi({ description: "不能使用时的原因" }),
    maxPoints: z.number().int().openapi({ description: "本单最多可用积分" }),
    maxDiscountFen: z.number().int().openapi({ description: "本单最多可抵（分）" }),
    selected: z.boolean(),
    usedPoints: z.number().int(),
    discountFen: z.number().int(),
  })
  .openapi("PointsQuote");

export const QuoteMemberSchema = z
  .object({ tierName: z.string(), points: PointsQuoteSchema })
  .nullable()
  .openapi("QuoteMember", { description: "会员等级与积分抵扣（未登录时为 null）" });

export const TierSchema = z
  .object({
    level: z.number().int(),
    name: z.string(),
    minGrowth: z.number().int(),
    discountPercent: z.number().int().openapi({ description: "会员折扣（% off）" }),
    freeShipping: z.boolean(),
    pointsMultiplierPercent: z.number().int().openapi({ description: "积分倍率，100 = 1 倍" }),
    birthdayCoupon: z.boolean(),
    queueBoostMinutes: z.number().int().openapi({ description: "联系客服排队时视为提前的分钟数" }),
  })
  .openapi("MemberTier");

export const PointsRulesSchema = z
  .object({
    earnPointsPerYuan: z.number().int(),
    redeemPointsPerYuan: z.number().int(),
    maxRedeemPercent: z.number().int(),
    minBalanceToRedeem: z.number().int(),
    returnWindowDays: z.number().int(),
  })
  .openapi("PointsRules");

export const PointsSummarySchema = z
  .object({
    available: z.number().int(),
    frozen: z.number().int().openapi({ description: "冻结中（退货期后到账）" }),
    expiring: z
      .object({ points: z.number().int(), at: z.number().int() })
      .nullable()
      .openapi({ description: "最早到期的积分与到期时间" }),
    lots: z.array(z.object({ points: z.number().int(), expiresAt: z.number().int() })),
  })
  .openapi("PointsSummary");

export const MemberOverviewSchema = z
  .object({
    growth: z.number().int().openapi({ description: "成长值：近 12 个月已完成且未退款的商品实付（元）" }),
    tier: TierSchema,
    nextTier: TierSchema.nullable(),
    toNextTier: z.number().int(),
    progressPercent: z.number().int(),
    tiers: z.array(TierSchema),
    points: PointsSummarySchema,
    pointsRules: PointsRulesSchema,
    birthday: z.string().nullable(),
  })
  .openapi("MemberOverview");

export const PointsHistorySchema = z
  .object({
    items: z.array(
      z
        .object({
          id: z.number().int(),
          kind: z.string().openapi({
            description: "earn / unfreeze / spend / spend_return / clawback / expire / adjust / referral",
          }),
          kindText: z.string(),
          source: z.string().openapi({ description: "order / refund / referral / adjustment / expiry" }),
          sourceRef: z.string(),
          reason: z.string(),
          points: z.number().int().openapi({ description: "可用积分变化" }),
          frozenPoints: z.number().int().openapi({ description: "冻结积分变化" }),
          expiresAt: z.number().int().nullable(),
          availableAt: z.number().int().nullable(),
          createdAt: z.number().int(),
        })
        .openapi("PointsHistoryItem"),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi("PointsHistory");

export const BirthdaySchema = z.object({ birthday: z.string() }).openapi("MemberBirthday");

export const MemberSettingsSchema = z
  .object({
    points: PointsRulesSchema,
    tiers: z.array(
      z
        .object({
          level: z.number().int(),
          name: z.string(),
          minGrowth: z.number().int(),
          discountPercent: z.number().int(),
          freeShipping: z.boolean(),
          pointsMultiplierPercent: z.number().int(),
          birthdayCouponTemplateId: z.number().int().nullable(),
          queueBoostMinutes: z.number().int(),
        })
        .openapi("TierRule"),
    ),
  })
  .openapi("MemberSettings");

export const PointsAdjustmentResultSchema = z
  .object({
    available: z.number().int(),
    frozen: z.number().int(),
    points: z.number().int(),
    reason: z.string(),
  })
  .openapi("PointsAdjustmentResult");
