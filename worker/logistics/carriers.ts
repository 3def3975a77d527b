/**
 * The carriers the shop ships with, keyed by their 快递100 company codes (lowercase, as 快递100's
 * `company` / `com` fields spell them). Codes checked against 快递100's own SDK constants
 * (github.com/kuaidi100-api/java-demo, CompanyConstant: shunfeng, zhongtong, yuantong, shentong, yunda,
 * ems, jd) and the 快递100 company code table as published in public integrations (debangwuliu 德邦物流,
 * jtexpress 极兔速递, rrs 日日顺物流).
 */
import { z } from "@hono/zod-openapi";

export interface Carrier {
  code: string;
  name: string;
  /** What it is good for, shown to merchants choosing a carrier. */
  note: string;
  /** 快递100 only returns 顺丰 traces when the subscription carries the receiver's (or sender's) phone. */
  needsPhone: boolean;
}

export const CARRIERS = [
  { code: "shunfeng", name: "顺丰速运", note: "时效快，小家电首选", needsPhone: true },
  { code: "jd", name: "京东物流", note: "", needsPhone: false },
  { code: "ems", name: "EMS", note: "偏远地区覆盖好", needsPhone: false },
  { code: "zhongtong", name: "中通快递", note: "", needsPhone: false },
  { code: "yuantong", name: "圆通速递", note: "", needsPhone: false },
  { code: "yunda", name: "韵达快递", note: "", needsPhone: false },
  { code: "shentong", name: "申通快递", note: "", needsPhone: false },
  { code: "debangwuliu", name: "德邦物流", note: "大件家电", needsPhone: false },
  { code: "jtexpress", name: "极兔速递", note: "", needsPhone: false },
  { code: "rrs", name: "日日顺物流", note: "大家电送装一体", needsPhone: false },
] as const satisfies readonly Carrier[];

export type CarrierCode = (typeof CARRIERS)[number]["code"];

const byCode = new Map<string, Carrier>(CARRIERS.map((c) => [c.code, c]));

export const carrierByCode = (code: string): Carrier | undefined => byCode.get(code);

/** The carrier's Chinese name, or the code itself for one no longer listed (old parcels keep showing). */
export const carrierName = (code: string): string => byCode.get(code)?.name ?? code;

export const carrierCodeSchema = z.enum(CARRIERS.map((c) => c.code) as [CarrierCode, ...CarrierCode[]], {
  error: "不支持的快递公司",
});

/** 快递100 accepts waybill numbers of at most 32 characters. */
export const trackingNoSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{6,32}$/, "运单号格式不正确");

/**
 * What shipping an order takes: 1–5 parcels (a fridge and its ice maker may travel separately), each a
 * carrier and a waybill, no waybill twice. For shipOrder's input (orders/fulfilment.ts).
 */
export const shipParcelsInput = z
  .array(z.object({ carrierCode: carrierCodeSchema, trackingNo: trackingNoSchema }))
  .min(1, "请至少填写一个包裹")
  .max(5, "一个订单最多 5 个包裹")
  .refine(
    (ps) => new Set(ps.map((p) => `${p.carrierCode}:${p.trackingNo}`)).size === ps.length,
    "运单号重复",
  );

export type ShipParcel = z.infer<typeof shipParcelsInput>[number];
