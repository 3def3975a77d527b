import { z } from "@hono/zod-openapi";
import { COUPON_CHANNELS, COUPON_KINDS, COUPON_SCOPES, COUPON_TEMPLATE_STATUSES } from "./schema";

/** Response schemas of the coupon routes (coupon-model.ts views, coupon-claims.ts, coupon-templates.ts). */

const epochMs = z.number().int().openapi({ description: "UTC 毫秒" });
const fenAmount = z.number().int().openapi({ description: "分" });

const displayFields = {
  name: z.string(),
  description: z.string(),
  label: z
    .string()
    .openapi({ description: "展示用规则，如 满3000减300、无门槛减50、满1000享8.8折，最高减500" }),
  kind: z
    .enum(COUPON_KINDS)
    .openapi({ description: "amount_off 满减 / no_threshold 无门槛 / percent_off 折扣" }),
  amountOffFen: fenAmount.nullable(),
  thresholdFen: fenAmount.openapi({ description: "使用门槛（分），0 为无门槛" }),
  payPercent: z.number().int().nullable().openapi({ description: "折扣券支付比例，88 = 8.8折" }),
  capFen: fenAmount.nullable().openapi({ description: "折扣券最高优惠（分）" }),
  scope: z.enum(COUPON_SCOPES),
  scopeText: z.string().openapi({ description: "全场通用 / 指定分类可用 / 指定商品可用" }),
};

export const CouponTemplateSchema = z
  .object({
    id: z.number().int(),
    ...displayFields,
    scopeIds: z.array(z.number().int()).openapi({ description: "可用分类（含上级分类匹配）或商品编号" }),
    excludedProductIds: z.array(z.number().int()),
    validity: z.enum(["fixed", "relative"]),
    validFrom: epochMs.nullable(),
    validTo: epochMs.nullable().openapi({ description: "固定有效期的结束时间（不含）" }),
    validDays: z.number().int().nullable().openapi({ description: "领取后 N 天内有效" }),
    validityText: z.string(),
    totalQuantity: z.number().int(),
    perShopperLimit: z.number().int(),
    channels: z.array(z.enum(COUPON_CHANNELS)),
    status: z.enum(COUPON_TEMPLATE_STATUSES),
    statusText: z.string().openapi({ description: "发放中 / 已停止发放 / 已失效" }),
    issued: z.number().int(),
    used: z.number().int(),
    remaining: z.number().int(),
    stoppedAt: epochMs.nullable(),
    expiredAt: epochMs.nullable(),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .openapi("CouponTemplate");

export const CouponTemplateListSchema = z
  .object({ items: z.array(CouponTemplateSchema) })
  .openapi("CouponTemplateList");

export const ClaimableCouponSchema = z
  .object({
    templateId: z.number().int(),
    ...displayFields,
    validityText: z.string().openapi({ description: "2026.06.01–2026.06.30 或 领取后7天内有效" }),
    perShopperLimit: z.number().int(),
    claimedByMe: z.number().int().openapi({ description: "当前顾客已领张数（未登录为 0）" }),
    remainingPercent: z.number().int().openapi({ description: "剩余比例 0–100" }),
    state: z.enum(["claimable", "claimed", "sold_out"]),
    stateText: z.string().openapi({ description: "立即领取 / 已领 / 已抢光" }),
  })
  .openapi("ClaimableCoupon");

export const ClaimableCouponListSchema = z
  .object({ items: z.array(ClaimableCouponSchema) })
  .openapi("ClaimableCouponList");

export const MyCouponSchema = z
  .object({
    id: z.number().int(),
    templateId: z.number().int(),
    ...displayFields,
    validFrom: epochMs,
    validTo: epochMs.openapi({ description: "到期时间（不含）" }),
    status: z.enum(["usable", "not_started", "used", "expired"]),
    statusText: z.string().openapi({ description: "可使用 / 未到使用时间 / 已使用 / 已过期" }),
    source: z.enum(COUPON_CHANNELS),
    sourceText: z.string(),
    claimedAt: epochMs,
    usedAt: epochMs.nullable(),
    orderId: z.number().int().nullable().openapi({ description: "使用该券的订单" }),
  })
  .openapi("MyCoupon");

export const MyCouponListSchema = z
  .object({
    tab: z.enum(["usable", "used", "expired"]),
    counts: z.object({ usable: z.number().int(), used: z.number().int(), expired: z.number().int() }),
    items: z.array(MyCouponSchema),
  })
  .openapi("MyCouponList");

export const ClaimResultSchema = z
  .object({
    created: z.boolean().openapi({ description: "false：同一 Idempotency-Key 的重复请求，返回首次领到的券" }),
    coupon: MyCouponSchema,
  })
  .openapi("CouponClaimResult");

export const GrantResultSchema = z
  .object({
    granted: z.array(z.number().int()).openapi({ description: "本次发放成功的顾客" }),
    alreadyGranted: z.array(z.number().int()).openapi({ description: "同一 Idempotency-Key 已发放过的顾客" }),
    soldOut: z.array(z.number().int()).openapi({ description: "因发放总量已满未发放的顾客" }),
  })
  .openapi("CouponGrantResult");

export const CouponReportSchema = z
  .object({
    templateId: z.number().int(),
    name: z.string(),
    status: z.enum(COUPON_TEMPLATE_STATUSES),
    totalQuantity: z.number().int(),
    issued: z.number().int().openapi({ description: "已发放（领取 + 商家发放 + 新人礼包）" }),
    used: z.number().int(),
    expiredUnused: z.number().int(),
    usable: z.number().int().openapi({ description: "已发放且尚未使用、未过期" }),
    remaining: z.number().int(),
    useRatePercent: z.number().openapi({ description: "使用率（%），一位小数" }),
    savedFen: fenAmount.openapi({ description: "已使用券为订单节省的金额合计（分）" }),
    orders: z.number().int().openapi({ description: "使用该券的订单数" }),
    bySource: z.array(z.object({ source: z.enum(COUPON_CHANNELS), issued: z.number().int() })),
  })
  .openapi("CouponReport");
