import { z } from "@hono/zod-openapi";
import { AddressSchema } from "../addresses/api-schemas";
import { CheckedLineSchema } from "../cart/api-schemas";
import { InstallationLineInfoSchema } from "../installation/api-schemas";
import { QuoteMemberSchema } from "../members/api-schemas";
import { TradeInQuoteSchema } from "../trade-in/api-schemas";

/**
 * Response schema of POST /api/checkout/quote: what quoteView (service.ts) builds. Documentation and
 * the mini program's generated types; TypeScript checks the handler's c.json(...) against it.
 */

const fen = z.number().int().openapi({ description: "金额（分）" });

export const AdjustmentSchema = z
  .object({
    step: z.string().openapi({ description: "产生它的定价步骤，如 shipping.rule" }),
    kind: z.string().openapi({ description: "shipping、discount…（可扩展：按金额正负计入应付）" }),
    label: z.string().openapi({ description: "给顾客看的名称，如 运费、满999包邮" }),
    amountFen: z.number().int().openapi({ description: "收费为正，优惠为负（分）" }),
    skuId: z.number().int().optional().openapi({ description: "只作用于一行商品时" }),
    allocations: z
      .array(z.object({ skuId: z.number().int(), amountFen: z.number().int() }).openapi("LineAllocation"))
      .optional()
      .openapi({ description: "分摊到各行的金额，合计等于 amountFen" }),
  })
  .openapi("Adjustment");

export const DeliveryPromiseSchema = z
  .object({
    date: z.string().openapi({ description: "预计送达日期（北京时间 YYYY-MM-DD）" }),
    text: z.string().openapi({ description: "如 预计明天送达、预计12月9日（周三）送达" }),
    dispatchToday: z.boolean().openapi({ description: "截单时间前下单，当日发货" }),
  })
  .openapi("DeliveryPromise");

export const QuoteSchema = z
  .object({
    fromCart: z.boolean(),
    items: z.array(
      CheckedLineSchema.extend({
        deliveryProblem: z
          .string()
          .nullable()
          .openapi({ description: "该地址不能配送时的原因，如 该地区暂不配送" }),
      }),
    ),
    adjustments: z.array(AdjustmentSchema),
    itemsTotalFen: fen,
    shippingFen: fen,
    discountFen: fen,
    otherChargesFen: fen.openapi({ description: "运费以外的收费（安装、上楼…）" }),
    payableFen: fen,
    address: AddressSchema.nullable(),
    deliveryPromise: DeliveryPromiseSchema.nullable().openapi({ description: "无地址或不能配送时为 null" }),
    installation: z
      .array(InstallationLineInfoSchema)
      .openapi({ description: "各行是否需要安装、包含内容与可选附加费" }),
    tradeIn: TradeInQuoteSchema,
    member: QuoteMemberSchema,
    promotionHint: z
      .object({
        promotionId: z.number().int(),
        text: z.string().openapi({ description: "如 再买¥120.00可减300" }),
        shortfallFen: z.number().int(),
      })
      .nullable()
      .openapi("PromotionHint", { description: "离下一档优惠还差多少；没有可凑的档位时为 null" }),
    couponsBlockedBy: z
      .string()
      .nullable()
      .openapi({ description: "已享受的、不可与优惠券同享的促销名称；为 null 时可用券" }),
    coupon: z
      .object({
        selectedId: z.number().int().nullable().openapi({ description: "本单使用的券；null 不用券" }),
        options: z.array(
          z
            .object({
              couponId: z.number().int(),
              name: z.string(),
              label: z.string().openapi({ description: "如 满3000减300、8.8折" }),
              validTo: z.number().int().openapi({ description: "UTC 毫秒" }),
              applicable: z.boolean(),
              savingFen: fen.openapi({ description: "本单可省（分）；不可用时为 0" }),
              reason: z
                .string()
                .nullable()
                .openapi({ description: "不可用的原因，如 未达到使用门槛（还差¥12.00）" }),
            })
            .openapi("QuoteCouponOption"),
        ),
      })
      .openapi("QuoteCoupons", { description: "顾客的优惠券：省得最多的在前，不可用的说明原因" }),
    orderable: z.boolean(),
    problems: z.array(z.string()).openapi({ description: "不能下单（或需注意）的原因" }),
  })
  .openapi("Quote");

export const DeliveryEstimateSchema = z
  .object({
    region: z
      .object({
        text: z.string().openapi({ description: "如 广东省 深圳市 南山区" }),
        districtCode: z.string().nullable(),
      })
      .nullable()
      .openapi({ description: "所送区县（所选的，或顾客的默认地址）；都没有时为 null" }),
    deliverable: z.boolean(),
    freightFen: fen.nullable().openapi({ description: "一件该规格的运费（分）；不配送时为 null" }),
    freightLabel: z
      .string()
      .nullable()
      .openapi({ description: "运费 / 包邮 / 满99.00元包邮 / 该地区暂不配送" }),
    deliveryPromise: DeliveryPromiseSchema.nullable(),
  })
  .openapi("DeliveryEstimate");
