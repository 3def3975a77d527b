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
  ])
  .openapi("ClientPayParams");
