import { z } from "@hono/zod-openapi";

/** Response schemas of the carriers list and the parcel views (parcels.ts: shopperOrderParcels, staffOrderParcels). */

const epochMs = z.number().int().openapi({ description: "UTC 毫秒" });

export const CarrierSchema = z
  .object({
    code: z.string().openapi({ description: "快递100 公司编码，如 shunfeng" }),
    name: z.string(),
    note: z.string().openapi({ description: "适用说明，如 大件家电" }),
    needsPhone: z.boolean().openapi({ description: "订阅轨迹需收件人手机后四位（顺丰）" }),
  })
  .openapi("Carrier");

export const CarrierListSchema = z.object({ items: z.array(CarrierSchema) }).openapi("CarrierList");

export const ParcelTraceSchema = z
  .object({
    time: epochMs,
    context: z.string().openapi({ description: "轨迹描述" }),
    status: z.string().openapi({ description: "该条轨迹的状态词，如 在途、派件、签收；可能为空" }),
    areaName: z.string().openapi({ description: "行政区域，如 广东,深圳市；可能为空" }),
  })
  .openapi("ParcelTrace");

const parcelFields = {
  id: z.number().int(),
  carrierCode: z.string(),
  carrierName: z.string(),
  trackingNo: z.string(),
  state: z.number().int().nullable().openapi({
    description:
      "快递100 状态：0 在途 1 揽收 2 疑难 3 签收 4 退签 5 派件 6 退回 7 转投 14 拒签…；null 未有轨迹",
  }),
  stateText: z.string().openapi({ description: "展示用状态，如 运输中、已签收、已发货、未订阅" }),
  signedAt: epochMs.nullable(),
  lastTraceAt: epochMs.nullable(),
  traces: z.array(ParcelTraceSchema).openapi({ description: "新到旧" }),
};

export const ParcelSchema = z.object(parcelFields).openapi("Parcel");

export const OrderParcelsSchema = z
  .object({ orderId: z.number().int(), parcels: z.array(ParcelSchema) })
  .openapi("OrderParcels");

export const StaffParcelSchema = z
  .object({
    ...parcelFields,
    receiverPhoneTail: z.string(),
    monitorStatus: z
      .string()
      .nullable()
      .openapi({ description: "快递100 监控状态：polling 监控中 / shutdown 结束 / abort 中止" }),
    monitorMessage: z.string().nullable(),
    subscribedAt: epochMs.nullable(),
    subscribeAttempts: z.number().int(),
    lastError: z.string().nullable().openapi({ description: "最近一次订阅失败的原因" }),
    createdAt: epochMs,
  })
  .openapi("StaffParcel");

export const StaffOrderParcelsSchema = z
  .object({ orderId: z.number().int(), parcels: z.array(StaffParcelSchema) })
  .openapi("StaffOrderParcels");
