import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { shoppers } from "../auth/schema";
import type { Env } from "../env";
import type { OrderDeps } from "../orders/deps";
import { AppError } from "../shared/errors";
import {
  loadPaymentProviders,
  PaymentConfigError,
  type PaymentProviders,
  type PaymentSettings,
} from "./gateways/config";
import {
  type ClientPayParams,
  GatewayError,
  type PaymentMethod,
  type PaymentProvider,
} from "./gateways/types";

export function paymentProviders(env: Env): PaymentProviders {
  try {
    return loadPaymentProviders(env as unknown as PaymentSettings);
  } catch (err) {
    if (err instanceof PaymentConfigError)
      throw new AppError(503, "PAYMENT_MISCONFIGURED", "支付服务配置有误，请联系商家");
    throw err;
  }
}

export function providerOrThrow(env: Env, method: PaymentMethod): PaymentProvider {
  const p = paymentProviders(env)[method];
  if (!p)
    throw new AppError(
      503,
      "PAYMENT_METHOD_UNAVAILABLE",
      method === "wechat" ? "暂不支持微信支付" : "暂不支持支付宝支付",
    );
  return p;
}

export const startPaymentInput = z.object({
  method: z.enum(["wechat", "alipay"]),
  /** h5: a phone browser outside WeChat; wechat_browser: an H5 page inside WeChat (JSAPI). */
  channel: z.enum(["miniprogram", "h5", "wechat_browser"]).default("miniprogram"),
});

/** A combination no gateway offers (Alipay inside WeChat's browser), refused before anything is written. */
export function assertChannelSupported(input: z.infer<typeof startPaymentInput>) {
  if (input.method === "alipay" && input.channel === "wechat_browser")
    throw new AppError(400, "PAYMENT_NOT_SUPPORTED", "微信内无法使用支付宝，请选择微信支付");
}

const gatewayDown = () => new AppError(502, "PAYMENT_GATEWAY_ERROR", "支付服务暂时不可用，请稍后再试");

/** The store pages a browser payment (H5) returns to: after paying, and on 取消支付. */
export interface StorePages {
  returnUrl: string;
  quitUrl: string;
  /** The browser's IP as it reached us (WeChat H5 scene_info.payer_client_ip). */
  payerClientIp?: string;
}

/**
 * The shopper's IP for WeChat H5 (scene_info.payer_client_ip): Cloudflare sets CF-Connecting-IP on every
 * request; a local run without it reports loopback.
 */
export function payerClientIpOf(c: { req: { header(name: string): string | undefined } }): string {
  return c.req.header("cf-connecting-ip") ?? c.req.header("x-real-ip") ?? "127.0.0.1";
}

/** The gateway call that starts a payment (an order's or a charge's), with its errors in shopper terms. */
export async function askGateway(
  deps: Pick<OrderDeps, "db" | "env" | "log">,
  shopperId: number,
  input: z.infer<typeof startPaymentInput>,
  trade: {
    outTradeNo: string;
    amountFen: number;
    description: string;
    expiresAtMs: number;
  } & Partial<StorePages>,
  /** The shopper as the caller has read it already (left out: read here). */
  payer?: { openid?: string },
): Promise<ClientPayParams> {
  const provider = providerOrThrow(deps.env, input.method);
  const shopper =
    payer ??
    (await deps.db
      .select({ openid: shoppers.openid })
      .from(shoppers)
      .where(eq(shoppers.id, shopperId))
      .get());
  try {
    return await provider.startPayment({
      ...trade,
      // Our openid is a WeChat identity; Alipay mini programs would need the shopper's Alipay buyer id.
      // In WeChat's browser this must be the openid under WECHAT_PAY_APP_ID (docs/payments.md).
      payerOpenId: input.method === "wechat" ? shopper?.openid : undefined,
      channel: input.channel,
    });
  } catch (err) {
    if (err instanceof GatewayError) {
      deps.log.warn("start payment failed", {
        outTradeNo: trade.outTradeNo,
        method: input.method,
        code: err.code,
      });
      if (err.code === "UNSUPPORTED_CHANNEL" || err.code === "INVALID_INPUT")
        throw new AppError(400, "PAYMENT_NOT_SUPPORTED", err.message);
      throw gatewayDown();
    }
    throw err;
  }
}
