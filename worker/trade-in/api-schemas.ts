import { z } from "@hono/zod-openapi";
import { CONDITIONS } from "./model";

const fen = z.number().int().openapi({ description: "金额（分）" });
const condition = z.enum(CONDITIONS).openapi({ description: "good 完好 / fair 一般 / broken 损坏" });

/** The checkout quote's 以旧换新 section. */
export const TradeInQuoteSchema = z
  .object({
    conditions: z.array(
      z.object({ value: condition, label: z.string(), description: z.string() }).openapi("TradeInCondition"),
    ),
    lines: z.array(
      z
        .object({
          skuId: z.number().int(),
          options: z
            .array(z.object({ slug: z.string(), name: z.string() }))
            .openapi({ description: "该新机可抵换的旧机品类；空数组 = 不支持以旧换新" }),
          declared: z
            .object({
              categorySlug: z.string(),
              name: z.string().openapi({ description: "旧机品类，如 空调" }),
              ageYears: z.number().int(),
              condition,
              conditionLabel: z.string(),
              valuationFen: fen.openapi({ description: "估价表给出的旧机估价" }),
              deductionFen: fen.openapi({ description: "本单实际抵扣（不超过新机单价的上限比例）" }),
              capped: z.boolean().openapi({ description: "估价超过抵扣上限、按上限抵扣" }),
            })
            .nullable(),
        })
        .openapi("TradeInQuoteLine"),
    ),
  })
  .openapi("TradeInQuote", { description: "以旧换新：各行可选旧机品类与已申报的抵扣" });

export const ValuationSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    categoryIds: z.array(z.number().int()),
    capPercent: z.number().int(),
    bands: z.array(z.object({ maxAgeYears: z.number().int(), goodFen: fen, fairFen: fen, brokenFen: fen })),
    active: z.boolean(),
    updatedAt: z.number().int(),
  })
  .openapi("TradeInValuation");

export const ValuationListSchema = z
  .object({ items: z.array(ValuationSchema) })
  .openapi("TradeInValuationList");

export const TradeInSchema = z
  .object({
    id: z.number().int(),
    orderItemId: z.number().int(),
    categorySlug: z.string(),
    name: z.string(),
    ageYears: z.number().int(),
    condition,
    conditionLabel: z.string(),
    declaredValuationFen: fen,
    deductedFen: fen.openapi({ description: "下单时抵扣的金额" }),
    capFen: fen.openapi({ description: "回收估价上限" }),
    status: z.enum(["declared", "collected", "not_collected"]),
    statusLabel: z.string().openapi({ description: "待回收 / 已回收 / 未回收" }),
    finalCondition: condition.nullable(),
    finalValuationFen: fen.nullable().openapi({ description: "上门回收时的估价" }),
    settlement: z
      .object({
        kind: z.enum(["none", "refund", "charge"]).openapi({ description: "无差额 / 退还差价 / 补缴" }),
        amountFen: fen,
        chargeNo: z
          .string()
          .nullable()
          .openapi({ description: "补缴单号（POST /api/charges/{chargeNo}/pay 支付）" }),
        chargeStatus: z.string().nullable(),
      })
      .nullable(),
    note: z.string(),
    collectedAt: z.number().int().nullable(),
  })
  .openapi("TradeIn");

export const OrderTradeInsSchema = z
  .object({ orderNo: z.string(), items: z.array(TradeInSchema) })
  .openapi("OrderTradeIns");

export const TradeInListSchema = z
  .object({ items: z.array(TradeInSchema.extend({ orderNo: z.string() })) })
  .openapi("TradeInList");

export const ProductTradeInSchema = z
  .object({
    kinds: z
      .array(z.object({ slug: z.string(), name: z.string() }))
      .openapi({ description: "该商品可抵换的旧机品类；空数组 = 不支持以旧换新" }),
  })
  .openapi("ProductTradeIn");
