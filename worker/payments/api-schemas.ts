import { z } from "@hono/zod-openapi";

/** What the client needs to pay (gateways/types.ts ClientPayParams), per method and channel. */
export const ClientPayParamsSchema = z
  .union([
    z
      .object({
        method: z.literal("wechat"),
        channel: z.literal("miniprogram"),
        prepayId: z.string(),
        payParams: z
          .object({
            appId: z.string(),
            timeStamp: z.string(),
            nonceStr: z.string(),
            package: z.string(),
            signType: z.literal("RSA"),
            paySign: z.string(),
          })
          .openapi("WechatJsapiPayParams", { description: "wx.requestPayment 的参数" }),
      })
      .openapi("WechatMiniProgramPayment"),
    z
      .object({
        method: z.literal("alipay"),
        channel: z.literal("miniprogram"),
        tradeNo: z.string().openapi({ description: "传给 my.tradePay({ tradeNO })" }),
      })
      .openapi("AlipayMiniProgramPayment"),
    z
      .object({
        method: z.literal("alipay"),
        channel: z.literal("h5"),
        redirectUrl: z.string().openapi({ description: "浏览器跳转（GET）到支付宝收银台" }),
      })
      .openapi("AlipayH5Payment"),
    z
      .object({
        method: z.literal("wechat"),
        channel: z.literal("h5"),
        redirectUrl: z
          .string()
          .openapi({ description: "浏览器跳转（GET）到微信支付 H5 收银台（h5_url，已附 redirect_url）" }),
      })
      .openapi("WechatH5Payment"),
    z
      .object({
        method: z.literal("wechat"),
        channel: z.literal("wechat_browser"),
        prepayId: z.string(),
        payParams: z
          .object({
            appId: z.string(),
            timeStamp: z.string(),
            nonceStr: z.string(),
            package: z.string(),
            signType: z.literal("RSA"),
            paySign: z.string(),
          })
          .openapi({ description: "WeixinJSBridge.invoke('getBrandWCPayRequest') 的参数" }),
      })
      .openapi("WechatBrowserPayment"),
  ])
  .openapi("ClientPayParams");

const fen = z.number().int().openapi({ description: "金额（分）" });
const epochMs = z.number().int().openapi({ description: "UTC 毫秒" });

/** A charge the shopper owes after the order (out-of-warranty repair, trade-in revalued down). */
export const ChargeSchema = z
  .object({
    chargeNo: z.string().openapi({ description: "收费单号（SC 开头），也是支付渠道的商户订单号" }),
    kind: z.enum(["repair", "trade_in"]),
    sourceRef: z.string().openapi({ description: "所属业务单号，如维修工单号" }),
    amountFen: fen,
    description: z.string(),
    status: z.enum(["unpaid", "paid", "cancelled"]),
    statusLabel: z.string(),
    method: z.enum(["wechat", "alipay"]).nullable(),
    paidAt: epochMs.nullable(),
    createdAt: epochMs,
  })
  .openapi("Charge");

export const StartChargePaymentSchema = z
  .object({ chargeNo: z.string(), amountFen: fen, payment: ClientPayParamsSchema })
  .openapi("StartChargePaymentResult");

/** A refund as the order views list it; merchants also see the gateway ids. */
export const RefundViewSchema = z
  .object({
    outRefundNo: z.string().openapi({ description: "退款单号（重试沿用同一单号，不会重复退款）" }),
    method: z.enum(["wechat", "alipay"]),
    methodLabel: z.string(),
    source: z
      .enum([
        "duplicate_payment",
        "late_payment",
        "order_cancel",
        "after_sale",
        "price_protection",
        "trade_in",
      ])
      .openapi({ description: "退款原因来源：重复支付 / 取消后到账 / 取消订单 / 售后 / 价保 / 以旧换新" }),
    sourceRef: z.string(),
    amountFen: fen,
    reason: z.string(),
    status: z.enum(["pending", "submitting", "processing", "succeeded", "failed"]),
    statusLabel: z.string(),
    createdAt: epochMs,
    updatedAt: epochMs,
    transactionId: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: "原支付的渠道交易号（仅商家可见）" }),
    refundId: z.string().nullable().optional().openapi({ description: "渠道退款单号（仅商家可见）" }),
  })
  .openapi("OrderRefund");
