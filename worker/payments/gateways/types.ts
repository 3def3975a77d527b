// Provider-neutral contract between the orders domain and the payment gateways.
// Money is integer fen, time is UTC epoch ms (see docs/CONVENTIONS.md). Usage: docs/payments.md.

export type PaymentMethod = "wechat" | "alipay";
/**
 * "miniprogram": inside a mini program. "h5": a phone browser outside WeChat (Alipay wap.pay, WeChat H5
 * 微信外). "wechat_browser": an H5 page inside WeChat's own browser (WeChat JSAPI via WeixinJSBridge).
 */
export type PaymentChannel = "miniprogram" | "h5" | "wechat_browser";

export interface StartPaymentInput {
  outTradeNo: string;
  amountFen: number;
  description: string;
  expiresAtMs: number;
  /** WeChat: the payer's openid under the configured appid (required). Alipay mini program: buyer_open_id (or a 2088… buyer_id). */
  payerOpenId?: string;
  channel: PaymentChannel;
  /** H5: where the browser lands after paying (the notification, not this, marks the order paid). */
  returnUrl?: string;
  /** WeChat H5: the shopper's IP as the browser reached us (scene_info.payer_client_ip). */
  payerClientIp?: string;
  /** Alipay H5: where the browser goes when the shopper abandons the cashier. */
  quitUrl?: string;
}

/** Arguments for `wx.requestPayment` (mini program) / `WeixinJSBridge` (in-WeChat H5, which also needs appId). */
export interface WechatJsapiPayParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: "RSA";
  paySign: string;
}

export type ClientPayParams =
  | { method: "wechat"; channel: "miniprogram"; prepayId: string; payParams: WechatJsapiPayParams }
  /** Pass `tradeNo` to `my.tradePay({ tradeNO })`. */
  | { method: "alipay"; channel: "miniprogram"; tradeNo: string }
  /** Redirect the browser (GET) to the Alipay cashier. */
  | { method: "alipay"; channel: "h5"; redirectUrl: string }
  /** WeChat H5 (微信外): redirect the browser to h5_url (with our redirect_url appended). */
  | { method: "wechat"; channel: "h5"; redirectUrl: string }
  /** Inside WeChat's browser: `WeixinJSBridge.invoke("getBrandWCPayRequest", payParams)`. */
  | { method: "wechat"; channel: "wechat_browser"; prepayId: string; payParams: WechatJsapiPayParams };

export type RefundStatus = "SUCCESS" | "PROCESSING" | "ABNORMAL" | "CLOSED";

export type PaymentEvent =
  | {
      kind: "paid";
      method: PaymentMethod;
      outTradeNo: string;
      transactionId: string;
      /** Order total as the gateway saw it; the domain must compare it with its own order amount. */
      amountFen: number;
      paidAtMs: number;
      appId: string;
      merchantId: string;
    }
  | {
      kind: "refund";
      method: PaymentMethod;
      outTradeNo: string;
      outRefundNo: string;
      status: Exclude<RefundStatus, "PROCESSING">;
      /** Amount of this refund (WeChat). Alipay notifications do not carry it. */
      refundFen?: number;
      /** Cumulative refunded amount of the trade (Alipay `refund_fee`). */
      totalRefundedFen?: number;
    }
  /** Authentic but irrelevant to the domain (e.g. Alipay WAIT_BUYER_PAY / TRADE_CLOSED): acknowledge it. */
  | { kind: "ignored"; method: PaymentMethod; outTradeNo?: string; detail: string };

export type GatewayTradeState =
  | { status: "paid"; outTradeNo: string; transactionId: string; amountFen: number; paidAtMs: number }
  /** WeChat REFUND: paid, then (partly) refunded. */
  | { status: "refunded"; outTradeNo: string; transactionId: string; amountFen: number }
  | { status: "pending"; outTradeNo: string; providerState: string }
  | { status: "closed"; outTradeNo: string; providerState: string }
  | { status: "not_found"; outTradeNo: string };

export interface RefundInput {
  outTradeNo: string;
  outRefundNo: string;
  refundFen: number;
  totalFen: number;
  reason: string;
}

export interface RefundResult {
  outRefundNo: string;
  /** Gateway refund id (WeChat refund_id); Alipay has none, it returns the trade_no. */
  refundId: string;
  status: RefundStatus;
  refundFen: number;
}

export interface NotificationRequest {
  headers: Headers;
  rawBody: string;
  nowMs: number;
}

/**
 * One payment gateway. Every method that talks to the gateway throws `GatewayError` on failure; inbound
 * messages that fail verification throw `PaymentRejection`. Instances are cheap (keys are cached per
 * isolate), so building one per request is fine.
 */
export interface PaymentProvider {
  readonly method: PaymentMethod;
  /** Creates the gateway-side trade; repeat with the same outTradeNo and amount to get fresh pay params. */
  startPayment(input: StartPaymentInput): Promise<ClientPayParams>;
  /**
   * Verifies signature, freshness, decryption and our app/merchant ids; throws `PaymentRejection`
   * otherwise. It does not know our orders: compare `amountFen` with `assertPaidAmount`.
   */
  parseNotification(req: NotificationRequest): Promise<PaymentEvent>;
  /** The reply that stops the gateway's retries. Send it only after the event is durably handled. */
  ack(): Response;
  /** Asks the gateway to retry later. `status` only matters for WeChat (Alipay always gets 200 `failure`). */
  nack(reason: string, status?: number): Response;
  /** Reconciliation: the gateway's view of the trade. */
  query(outTradeNo: string): Promise<GatewayTradeState>;
  /**
   * Makes the trade unpayable. Idempotent (closing a closed or never-created trade succeeds). Throws
   * `GatewayError` with code `TRADE_PAID` if it was paid meanwhile: query it and treat it as paid.
   */
  close(outTradeNo: string): Promise<void>;
  /** Idempotent per outRefundNo: retry a failed or PROCESSING refund with the same outRefundNo and amount. */
  refund(input: RefundInput): Promise<RefundResult>;
}

export type RejectionReason =
  /** WeChat: a Wechatpay-* header is missing. */
  | "MISSING_HEADERS"
  /** Alipay: no `sign` parameter. */
  | "MISSING_SIGNATURE"
  | "SIGNATURE_PROBE"
  | "STALE_TIMESTAMP"
  | "UNKNOWN_SERIAL"
  | "BAD_SIGNATURE"
  | "MALFORMED"
  | "DECRYPT_FAILED"
  | "APP_ID_MISMATCH"
  | "MERCHANT_MISMATCH"
  | "BAD_AMOUNT"
  | "UNEXPECTED_STATE";

/** An inbound message (notification or API response) failed verification. Never trust its content. */
export class PaymentRejection extends Error {
  override readonly name = "PaymentRejection";
  constructor(
    readonly reason: RejectionReason,
    message: string,
  ) {
    super(message);
  }
}

/** An outbound API call failed. `code` is the gateway's error code (sub_code for Alipay) or one of ours:
 * NETWORK_ERROR, HTTP_<status>, MALFORMED_RESPONSE, RESPONSE_SIGNATURE_INVALID, INVALID_INPUT. */
export class GatewayError extends Error {
  override readonly name = "GatewayError";
  constructor(
    readonly method: PaymentMethod,
    readonly code: string,
    message: string,
    readonly httpStatus?: number,
    /** Safe to retry the same call (same out_trade_no / out_refund_no) later. */
    readonly retryable = false,
  ) {
    super(message);
  }
}

/**
 * The order domain's amount check for a `paid` event: a gateway-authentic notification for a different
 * amount than the order (tampered client, stale order) must not mark the order paid.
 */
export function assertPaidAmount(
  event: Extract<PaymentEvent, { kind: "paid" }>,
  orderAmountFen: number,
): void {
  if (event.amountFen !== orderAmountFen) {
    throw new PaymentRejection(
      "BAD_AMOUNT",
      `支付金额 ${event.amountFen} 分与订单金额 ${orderAmountFen} 分不一致（${event.outTradeNo}）`,
    );
  }
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface GatewayRuntime {
  /** Defaults to the global fetch (a Worker service binding's fetch works too). */
  fetch?: FetchLike;
  /** Defaults to Date.now. */
  now?: () => number;
}
