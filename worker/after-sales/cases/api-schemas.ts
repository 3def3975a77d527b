import { z } from "@hono/zod-openapi";
import { CASE_STATUSES, CASE_TYPES, REASON_CODES } from "./state-machine";

/**
 * Response schemas of the after-sales case API (/api/after-sales/… and /api/admin/after-sales/…): what
 * views.ts builds. Documentation and the mini program's generated types.
 */

const epochMs = z.number().int().openapi({ description: "UTC 毫秒" });
const fenAmount = z.number().int().openapi({ description: "金额（分）" });
const caseType = z.enum(CASE_TYPES);
const caseStatus = z.enum(CASE_STATUSES);

export const CaseTypeEligibilitySchema = z
  .object({
    type: caseType,
    label: z.string().openapi({ description: "仅退款 / 退货退款 / 换货 / 维修" }),
    allowed: z.boolean(),
    reason: z.string().optional().openapi({ description: "不可申请的原因，或仍适用的限制" }),
    deadline: epochMs.optional().openapi({ description: "可申请截止时间" }),
  })
  .openapi("CaseTypeEligibility");

export const CaseLineEligibilitySchema = z
  .object({
    orderItemId: z.number().int(),
    name: z.string(),
    image: z.string().nullable(),
    specs: z.record(z.string(), z.string()),
    quantity: z.number().int(),
    available: z.number().int().openapi({ description: "尚未在其他售后单中的件数" }),
    unitRefundFen: fenAmount.openapi({ description: "下一件可退商品金额（实付，已扣优惠）" }),
    noReasonReturn: z.boolean().openapi({ description: "品类支持七天无理由退货" }),
    types: z.array(CaseTypeEligibilitySchema),
  })
  .openapi("CaseLineEligibility");

export const CaseReasonSchema = z
  .object({ code: z.enum(REASON_CODES), label: z.string() })
  .openapi("CaseReason");

export const CaseEligibilitySchema = z
  .object({
    orderNo: z.string(),
    items: z.array(CaseLineEligibilitySchema),
    reasons: z.array(CaseReasonSchema),
  })
  .openapi("CaseEligibility");

export const CasePhotoSchema = z
  .object({ key: z.string(), url: z.string().openapi({ description: "/api/after-sales/photos/{key}" }) })
  .openapi("CasePhoto");

export const CaseItemSchema = z
  .object({
    orderItemId: z.number().int(),
    name: z.string(),
    image: z.string().nullable(),
    specs: z.record(z.string(), z.string()),
    quantity: z.number().int(),
    goodsFen: fenAmount.openapi({ description: "这些件数的实付商品金额" }),
  })
  .openapi("CaseItem");

export const CaseRefundSchema = z
  .object({
    amountFen: fenAmount,
    goodsFen: fenAmount,
    freightFen: fenAmount,
    chargesFen: fenAmount.openapi({ description: "安装等服务费" }),
    status: z
      .enum(["none", "pending", "processing", "succeeded", "failed"])
      .openapi({ description: "none：尚未发起" }),
    statusText: z.string(),
    outRefundNo: z.string().nullable(),
  })
  .openapi("CaseRefund");

export const CaseEventSchema = z
  .object({
    kind: z.string(),
    fromStatus: caseStatus.nullable(),
    toStatus: caseStatus.nullable(),
    actor: z.enum(["shopper", "merchant", "system", "gateway"]),
    reason: z.string(),
    at: epochMs,
  })
  .openapi("CaseEvent");

export const CaseSummarySchema = z
  .object({
    caseNo: z.string(),
    orderNo: z.string(),
    type: caseType,
    typeText: z.string(),
    status: caseStatus,
    statusText: z.string(),
    reasonCode: z.enum(REASON_CODES),
    reasonText: z.string(),
    refundFen: fenAmount.openapi({ description: "退款金额（发起退款前为预估）" }),
    itemsSummary: z.string(),
    image: z.string().nullable(),
    deadlineAt: epochMs.nullable(),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .openapi("CaseSummary");

export const CaseDetailSchema = CaseSummarySchema.extend({
  description: z.string(),
  photos: z.array(CasePhotoSchema),
  unused: z.boolean(),
  items: z.array(CaseItemSchema),
  refund: CaseRefundSchema,
  refuseReason: z.string().nullable(),
  returnAddress: z
    .object({ name: z.string(), phone: z.string(), address: z.string() })
    .nullable()
    .openapi({ description: "同意退货/换货后显示" }),
  returnShipment: z
    .object({
      carrier: z.string().nullable(),
      trackingNo: z.string().nullable(),
      pickup: z.object({ date: z.string(), slot: z.string() }).nullable(),
    })
    .nullable(),
  received: z
    .array(
      z.object({
        orderItemId: z.number().int(),
        receivedQty: z.number().int(),
        damagedQty: z.number().int(),
      }),
    )
    .nullable(),
  exchangeShipment: z.object({ carrier: z.string(), trackingNo: z.string() }).nullable(),
  workOrderNo: z.string().nullable(),
  workOrder: z
    .object({
      workOrderNo: z.string(),
      status: z.string(),
      statusText: z.string().openapi({ description: "已受理/待预约/上门中/已完工/已确认/已取消" }),
    })
    .nullable()
    .openapi({ description: "维修申请的维修工单及其进度" }),
  deadlineText: z.string().nullable().openapi({ description: "如：商家 2 天内未处理将自动同意" }),
  actions: z.array(z.string()).openapi({ description: "当前查看者可执行的操作" }),
  timeline: z.array(CaseEventSchema),
}).openapi("CaseDetail");

export const CaseListSchema = z
  .object({ items: z.array(CaseSummarySchema), nextCursor: z.string().nullable() })
  .openapi("CaseList");
