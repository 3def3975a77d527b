// Request shapes of the after-sales case API (zod: validated by the routes, documented in /api/openapi.json).
import { z } from "@hono/zod-openapi";
import { ORDER_NO_PATTERN } from "../../orders/order-no";
import { CASE_STATUSES, CASE_TYPES, REASON_CODES } from "./state-machine";

export const CASE_NO_PATTERN = /^AS\d{20}$/;
/** Keys of shopper photos in R2 (photos.ts). */
export const PHOTO_KEY_PATTERN = /^after-sales\/\d{6}\/[0-9a-f-]{36}\.(jpg|png|webp)$/;

export const orderNoParams = z.object({
  orderNo: z
    .string()
    .regex(ORDER_NO_PATTERN, { message: "订单号格式不正确" })
    .openapi({ param: { name: "orderNo", in: "path" }, description: "订单号" }),
});

export const caseNoParams = z.object({
  caseNo: z
    .string()
    .regex(CASE_NO_PATTERN, { message: "售后单号格式不正确" })
    .openapi({ param: { name: "caseNo", in: "path" }, description: "售后单号（AS 开头）" }),
});

const trackingNo = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{6,32}$/, { message: "运单号应为 6–32 位字母或数字" });
const carrier = z.string().trim().min(1, "请填写快递公司").max(32);

export const applyInput = z.object({
  orderNo: z.string().regex(ORDER_NO_PATTERN, { message: "订单号格式不正确" }),
  type: z.enum(CASE_TYPES, { message: "售后类型只能是：仅退款、退货退款、换货或维修" }),
  reasonCode: z.enum(REASON_CODES, { message: "请选择售后原因" }),
  description: z.string().trim().max(500, "问题描述不能超过 500 字").default(""),
  photos: z
    .array(z.string().regex(PHOTO_KEY_PATTERN, { message: "图片无效，请重新上传" }))
    .max(9, "最多上传 9 张图片")
    .default([]),
  items: z
    .array(
      z.object({
        orderItemId: z.number().int().positive(),
        quantity: z.number().int().min(1, "数量至少为 1").max(999),
      }),
    )
    .min(1, "请选择要申请售后的商品")
    .max(50)
    .refine((a) => new Set(a.map((i) => i.orderItemId)).size === a.length, "同一商品请只选择一次"),
  unused: z.boolean().default(false).openapi({ description: "顾客声明商品未使用（七天无理由退货需要）" }),
});
export type ApplyInput = z.infer<typeof applyInput>;

export const returnShipmentInput = z.union(
  [
    z.object({ carrier, trackingNo }).strict(),
    z
      .object({
        pickup: z.object({
          date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "上门取件日期格式应为 YYYY-MM-DD" }),
          slot: z.string().trim().min(1, "请选择上门时段").max(20),
        }),
      })
      .strict(),
  ],
  { message: "请填写快递公司和运单号，或预约上门取件" },
);
export type ReturnShipmentInput = z.infer<typeof returnShipmentInput>;

export const refuseInput = z.object({ reason: z.string().trim().min(1, "请填写拒绝原因").max(200) });

export const receiveInput = z.object({
  items: z
    .array(
      z.object({
        orderItemId: z.number().int().positive(),
        receivedQty: z.number().int().min(0).max(999),
        damagedQty: z.number().int().min(0).max(999),
      }),
    )
    .min(1, "请填写收货数量"),
  note: z.string().trim().max(500).default(""),
});
export type ReceiveInput = z.infer<typeof receiveInput>;

export const shipExchangeInput = z.object({ carrier, trackingNo });

export const shopperListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const merchantListQuery = shopperListQuery.extend({
  status: z.enum(CASE_STATUSES, { message: "状态不正确" }).optional(),
});

export const categoryParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" }, description: "品类 id" }),
});
export const noReasonInput = z.object({ allowed: z.boolean() });
