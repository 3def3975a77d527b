import { z } from "@hono/zod-openapi";

const fen = z.number().int().openapi({ description: "金额（分）" });

export const PriceProtectionLineSchema = z
  .object({
    orderItemId: z.number().int(),
    skuId: z.number().int(),
    name: z.string(),
    specs: z.record(z.string(), z.string()),
    image: z.string().nullable(),
    quantity: z.number().int(),
    eligible: z.boolean().openapi({ description: "现在可以申请价保" }),
    reason: z
      .string()
      .nullable()
      .openapi({ description: "不能申请的原因，如 已超过价保期限（付款后 7 天内）" }),
    paidUnitFen: fen.openapi({
      description: "购买时的成交单价：下单时售价减去该行的限时折扣（不含满减、优惠券、运费）",
    }),
    currentUnitFen: fen
      .nullable()
      .openapi({ description: "现价：当前售价，或更低的进行中限时折扣价；已下架为 null" }),
    currentPriceSource: z
      .enum(["list", "limited_time"])
      .nullable()
      .openapi({ description: "现价来自 售价 / 限时折扣" }),
    differenceFen: fen.openapi({ description: "每件差价（≥0）" }),
    units: z.number().int().openapi({ description: "可价保件数：数量减去退货/退款售后中的件数" }),
    refundFen: fen.openapi({ description: "现在申请可退的差价合计；不可申请时为 0" }),
    deadline: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "价保截止（UTC 毫秒，不含）；未付款为 null" }),
    applied: z
      .object({
        amountFen: fen,
        paidUnitFen: fen,
        currentUnitFen: fen,
        units: z.number().int(),
        appliedAt: z.number().int(),
        refundStatus: z
          .string()
          .nullable()
          .openapi({ description: "pending / submitting / processing / succeeded / failed" }),
        refundStatusLabel: z.string().nullable(),
        outRefundNo: z.string().nullable(),
      })
      .nullable()
      .openapi({ description: "已申请的价保及其退款状态" }),
  })
  .openapi("PriceProtectionLine");

export const PriceProtectionOrderSchema = z
  .object({
    orderNo: z.string(),
    paidAt: z.number().int().nullable(),
    lines: z.array(PriceProtectionLineSchema),
  })
  .openapi("PriceProtectionOrder");
