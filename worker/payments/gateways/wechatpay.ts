// WeChat Pay API v3 (JSAPI / mini program) client for workerd. Protocol notes: shared/notes/payments.md.
import { z } from "zod";
import { formatShanghaiRfc3339, parseRfc3339 } from "./china-time";
import {
  base64Decode,
  importAesGcmKey,
  importRsaPrivateKey,
  importRsaPublicKey,
  randomHex,
  rsaSign,
  rsaVerify,
  utf8,
} from "./pem";
import {
  type ClientPayParams,
  type FetchLike,
  GatewayError,
  type GatewayRuntime,
  type GatewayTradeState,
  type NotificationRequest,
  type PaymentEvent,
  type PaymentProvider,
  PaymentRejection,
  type RefundInput,
  type RefundResult,
  type StartPaymentInput,
  type WechatJsapiPayParams,
} from "./types";
import { checkedRefundReason, errorMessage, reject, truncateUtf8 } from "./util";

export interface WechatPayConfig {
  appId: string;
  mchId: string;
  /** Serial number of the merchant API certificate (goes into the Authorization header). */
  merchantSerialNo: string;
  /** apiclient_key.pem (PKCS#8; PKCS#1 accepted too). */
  merchantPrivateKeyPem: string;
  /** 32-character APIv3 key used to decrypt notifications. */
  apiV3Key: string;
  /** Wechatpay-Serial → WeChat Pay public key (SPKI, `PUB_KEY_ID_…` mode) or platform certificate PEM. */
  platformPublicKeys: Record<string, string>;
  /** Default https://api.mch.weixin.qq.com */
  baseUrl?: string;
  /** https, no query string. Refund notifications go here too. */
  notifyUrl: string;
}

export const WECHAT_DEFAULT_BASE_URL = "https://api.mch.weixin.qq.com";
export const WECHAT_SIGNATURE_TYPE = "WECHATPAY2-SHA256-RSA2048";
export const WECHAT_PROBE_PREFIX = "WECHATPAY/SIGNTEST/";
export const WECHAT_MAX_CLOCK_SKEW_MS = 5 * 60_000;
const USER_AGENT = "jiadian-mall/0.1 (Cloudflare Workers)";
const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;
const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/;

// --- Signed message formats (each line ends in "\n") ---

export function wechatRequestMessage(
  method: string,
  pathWithQuery: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  return `${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`;
}

export function wechatPaySignMessage(
  appId: string,
  timeStamp: string,
  nonceStr: string,
  pkg: string,
): string {
  return `${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`;
}

/** Covers both notifications and API responses. */
export function wechatResponseMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

export function formatWechatAuthorization(p: {
  mchId: string;
  nonce: string;
  signature: string;
  timestamp: string;
  serialNo: string;
}): string {
  return `${WECHAT_SIGNATURE_TYPE} mchid="${p.mchId}",nonce_str="${p.nonce}",signature="${p.signature}",timestamp="${p.timestamp}",serial_no="${p.serialNo}"`;
}

// --- Payload shapes (only the fields we rely on are required) ---

const transactionSchema = z.object({
  appid: z.string(),
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_type: z.string().optional(),
  trade_state: z.string(),
  trade_state_desc: z.string().optional(),
  bank_type: z.string().optional(),
  attach: z.string().optional(),
  success_time: z.string().optional(),
  payer: z.object({ openid: z.string().optional() }).optional(),
  amount: z
    .object({
      total: z.number().int().optional(),
      payer_total: z.number().int().optional(),
      currency: z.string().optional(),
      payer_currency: z.string().optional(),
    })
    .optional(),
});
export type WechatTransaction = z.infer<typeof transactionSchema>;

const refundAmountSchema = z.object({
  total: z.number().int(),
  refund: z.number().int(),
  payer_total: z.number().int().optional(),
  payer_refund: z.number().int().optional(),
});

const refundResourceSchema = z.object({
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string(),
  out_refund_no: z.string(),
  refund_id: z.string(),
  refund_status: z.enum(["SUCCESS", "CLOSED", "ABNORMAL"]),
  success_time: z.string().optional(),
  user_received_account: z.string().optional(),
  amount: refundAmountSchema,
});
export type WechatRefundResource = z.infer<typeof refundResourceSchema>;

const refundResponseSchema = z.object({
  refund_id: z.string(),
  out_refund_no: z.string(),
  transaction_id: z.string(),
  out_trade_no: z.string(),
  status: z.enum(["SUCCESS", "CLOSED", "PROCESSING", "ABNORMAL"]),
  create_time: z.string().optional(),
  success_time: z.string().optional(),
  amount: refundAmountSchema,
});
export type WechatRefund = z.infer<typeof refundResponseSchema>;

const notificationSchema = z.object({
  id: z.string(),
  create_time: z.string(),
  event_type: z.string(),
  resource_type: z.string(),
  summary: z.string().optional(),
  resource: z.object({
    algorithm: z.string(),
    ciphertext: z.string(),
    nonce: z.string(),
    associated_data: z.string().optional(),
    original_type: z.string().optional(),
  }),
});

const errorBodySchema = z.object({ code: z.string(), message: z.string() });

interface NotificationEnvelope {
  id: string;
  createTime: string;
}
export type WechatNotification =
  | (NotificationEnvelope & { kind: "transaction"; eventType: string; resource: WechatTransaction })
  | (NotificationEnvelope & { kind: "refund"; eventType: string; resource: WechatRefundResource })
  /** Authentic, decrypted, but an event type we do not model. */
  | (NotificationEnvelope & { kind: "other"; eventType: string; resource: unknown });

/** AEAD_AES_256_GCM: ciphertext is Base64(encrypted bytes ‖ 16-byte tag), which is Web Crypto's layout. */
export async function decryptWechatResource(
  aesKey: CryptoKey,
  resource: { ciphertext: string; nonce: string; associated_data?: string },
): Promise<string> {
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: utf8(resource.nonce), additionalData: utf8(resource.associated_data ?? "") },
    aesKey,
    base64Decode(resource.ciphertext),
  );
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(plain);
}

function invalidInput(message: string): never {
  throw new GatewayError("wechat", "INVALID_INPUT", message);
}

export interface JsapiPrepayInput {
  outTradeNo: string;
  amountFen: number;
  description: string;
  payerOpenId: string;
  expiresAtMs?: number;
  attach?: string;
}

export interface H5PrepayInput extends Omit<JsapiPrepayInput, "payerOpenId"> {
  payerClientIp: string;
}

export interface WechatRefundInput extends RefundInput {
  notifyUrl?: string;
}

export class WechatPay implements PaymentProvider {
  readonly method = "wechat" as const;
  private readonly baseUrl: string;
  private readonly fetchFn: FetchLike;
  private readonly now: () => number;
  /** Serials upper-cased: consoles show certificate serials in either case. */
  private readonly publicKeys: Map<string, string>;

  constructor(
    private readonly config: WechatPayConfig,
    runtime: GatewayRuntime = {},
  ) {
    if (utf8(config.apiV3Key).length !== 32) throw new TypeError("WeChat apiV3Key must be 32 bytes");
    this.baseUrl = (config.baseUrl ?? WECHAT_DEFAULT_BASE_URL).replace(/\/+$/, "");
    // Wrapped: calling a detached global fetch throws "Illegal invocation" in workerd.
    this.fetchFn = runtime.fetch ?? ((input, init) => fetch(input, init));
    this.now = runtime.now ?? Date.now;
    this.publicKeys = new Map(
      Object.entries(config.platformPublicKeys).map(([serial, pem]) => [serial.toUpperCase(), pem]),
    );
  }

  private async signWithMerchantKey(message: string): Promise<string> {
    return rsaSign(await importRsaPrivateKey(this.config.merchantPrivateKeyPem), message);
  }

  /** Key for a Wechatpay-Serial: a platform certificate serial or a `PUB_KEY_ID_…` public key id. */
  private platformKey(serial: string): Promise<CryptoKey> | undefined {
    const pem = this.publicKeys.get(serial.toUpperCase());
    return pem ? importRsaPublicKey(pem) : undefined;
  }

  private timestampAndNonce(): { timestamp: string; nonce: string } {
    return { timestamp: String(Math.floor(this.now() / 1000)), nonce: randomHex(16).toUpperCase() };
  }

  /** `Authorization` header value for a request; `pathWithQuery` is exactly what goes on the wire. */
  async authorizationHeader(method: string, pathWithQuery: string, body: string): Promise<string> {
    const { timestamp, nonce } = this.timestampAndNonce();
    const signature = await this.signWithMerchantKey(
      wechatRequestMessage(method, pathWithQuery, timestamp, nonce, body),
    );
    return formatWechatAuthorization({
      mchId: this.config.mchId,
      nonce,
      signature,
      timestamp,
      serialNo: this.config.merchantSerialNo,
    });
  }

  /**
   * Verifies Wechatpay-* headers over `body` (notifications and API responses alike).
   * Throws PaymentRejection; WECHATPAY/SIGNTEST/ probes always fail.
   */
  async verifySignedMessage(headers: Headers, body: string, nowMs: number): Promise<void> {
    const timestamp = headers.get("Wechatpay-Timestamp");
    const nonce = headers.get("Wechatpay-Nonce");
    const signature = headers.get("Wechatpay-Signature");
    const serial = headers.get("Wechatpay-Serial");
    if (!timestamp || !nonce || !signature || !serial) reject("MISSING_HEADERS", "缺少 Wechatpay-* 签名头");
    if (signature.startsWith(WECHAT_PROBE_PREFIX)) reject("SIGNATURE_PROBE", "签名探测请求");
    const signatureType = headers.get("Wechatpay-Signature-Type");
    if (signatureType && signatureType !== WECHAT_SIGNATURE_TYPE) {
      reject("BAD_SIGNATURE", `不支持的签名类型 ${signatureType}`);
    }
    if (
      !/^\d{1,12}$/.test(timestamp) ||
      Math.abs(nowMs - Number(timestamp) * 1000) > WECHAT_MAX_CLOCK_SKEW_MS
    ) {
      reject("STALE_TIMESTAMP", "Wechatpay-Timestamp 与当前时间相差超过 5 分钟");
    }
    const key = this.platformKey(serial);
    if (!key) reject("UNKNOWN_SERIAL", `未知的微信支付公钥/证书序列号 ${serial}`);
    if (!(await rsaVerify(await key, wechatResponseMessage(timestamp, nonce, body), signature))) {
      reject("BAD_SIGNATURE", "微信支付签名验证失败");
    }
  }

  private async call(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
    const url = new URL(this.baseUrl + path);
    const bodyText = body === undefined ? "" : JSON.stringify(body);
    const headers: Record<string, string> = {
      Accept: "application/json",
      "User-Agent": USER_AGENT,
      Authorization: await this.authorizationHeader(method, url.pathname + url.search, bodyText),
    };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let res: Response;
    let text: string;
    try {
      res = await this.fetchFn(url.toString(), {
        method,
        headers,
        body: body === undefined ? undefined : bodyText,
      });
      text = await res.text();
    } catch (e) {
      throw new GatewayError(
        "wechat",
        "NETWORK_ERROR",
        `微信支付请求失败：${errorMessage(e)}`,
        undefined,
        true,
      );
    }
    const retryable = res.status >= 500 || res.status === 429;
    // Success must be signed; error bodies are checked when signed so a forged code cannot mislead us.
    if (res.ok || res.headers.has("Wechatpay-Signature")) {
      try {
        await this.verifySignedMessage(res.headers, text, this.now());
      } catch (e) {
        if (!(e instanceof PaymentRejection)) throw e;
        throw new GatewayError(
          "wechat",
          "RESPONSE_SIGNATURE_INVALID",
          `微信支付应答验签失败（${e.reason}）`,
          res.status,
          true,
        );
      }
    }
    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      throw new GatewayError("wechat", "MALFORMED_RESPONSE", "微信支付应答不是 JSON", res.status, retryable);
    }
    if (!res.ok) {
      const err = errorBodySchema.safeParse(json);
      throw new GatewayError(
        "wechat",
        err.success ? err.data.code : `HTTP_${res.status}`,
        err.success ? err.data.message : `微信支付返回 HTTP ${res.status}`,
        res.status,
        retryable,
      );
    }
    return json;
  }

  private parseResponse<T>(schema: z.ZodType<T>, json: unknown): T {
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new GatewayError("wechat", "MALFORMED_RESPONSE", "微信支付应答字段缺失或类型错误");
    return parsed.data;
  }

  /** POST /v3/pay/transactions/jsapi → prepay_id. */
  async createJsapiPrepay(input: JsapiPrepayInput): Promise<string> {
    if (!OUT_TRADE_NO.test(input.outTradeNo)) invalidInput("out_trade_no 须为 6–32 位字母数字或 _-|*");
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) invalidInput("金额须为正整数（分）");
    if (!input.payerOpenId) invalidInput("微信支付需要 payer openid");
    const description = truncateUtf8(input.description.trim(), 127);
    if (!description) invalidInput("商品描述不能为空");
    const json = await this.call("POST", "/v3/pay/transactions/jsapi", {
      appid: this.config.appId,
      mchid: this.config.mchId,
      description,
      out_trade_no: input.outTradeNo,
      ...(input.expiresAtMs === undefined ? {} : { time_expire: formatShanghaiRfc3339(input.expiresAtMs) }),
      ...(input.attach === undefined ? {} : { attach: input.attach }),
      notify_url: this.config.notifyUrl,
      amount: { total: input.amountFen, currency: "CNY" },
      payer: { openid: input.payerOpenId },
    });
    return this.parseResponse(z.object({ prepay_id: z.string().min(1) }), json).prepay_id;
  }

  /** POST /v3/pay/transactions/h5 (微信外 H5 payment) → h5_url, the WeChat cashier for a phone browser. */
  async createH5Prepay(input: H5PrepayInput): Promise<string> {
    if (!OUT_TRADE_NO.test(input.outTradeNo)) invalidInput("out_trade_no 须为 6–32 位字母数字或 _-|*");
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) invalidInput("金额须为正整数（分）");
    if (!input.payerClientIp) invalidInput("微信 H5 支付需要用户的 IP");
    const description = truncateUtf8(input.description.trim(), 127);
    if (!description) invalidInput("商品描述不能为空");
    const json = await this.call("POST", "/v3/pay/transactions/h5", {
      appid: this.config.appId,
      mchid: this.config.mchId,
      description,
      out_trade_no: input.outTradeNo,
      ...(input.expiresAtMs === undefined ? {} : { time_expire: formatShanghaiRfc3339(input.expiresAtMs) }),
      ...(input.attach === undefined ? {} : { attach: input.attach }),
      notify_url: this.config.notifyUrl,
      amount: { total: input.amountFen, currency: "CNY" },
      scene_info: { payer_client_ip: input.payerClientIp, h5_info: { type: "Wap" } },
    });
    return this.parseResponse(z.object({ h5_url: z.string().url() }), json).h5_url;
  }

  /** Arguments for wx.requestPayment (plus appId for WeixinJSBridge). */
  async miniProgramPayParams(prepayId: string): Promise<WechatJsapiPayParams> {
    const { timestamp, nonce } = this.timestampAndNonce();
    const pkg = `prepay_id=${prepayId}`;
    const paySign = await this.signWithMerchantKey(
      wechatPaySignMessage(this.config.appId, timestamp, nonce, pkg),
    );
    return {
      appId: this.config.appId,
      timeStamp: timestamp,
      nonceStr: nonce,
      package: pkg,
      signType: "RSA",
      paySign,
    };
  }

  /** undefined when WeChat does not know the order. */
  async queryByOutTradeNo(outTradeNo: string): Promise<WechatTransaction | undefined> {
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(this.config.mchId)}`;
    try {
      const tx = this.parseResponse(transactionSchema, await this.call("GET", path));
      if (
        tx.mchid !== this.config.mchId ||
        tx.appid !== this.config.appId ||
        tx.out_trade_no !== outTradeNo
      ) {
        throw new GatewayError("wechat", "MALFORMED_RESPONSE", "查单应答与请求的商户/订单不一致");
      }
      return tx;
    } catch (e) {
      if (e instanceof GatewayError && e.code === "ORDER_NOT_EXIST") return undefined;
      throw e;
    }
  }

  /** 204 on success. Closing an unknown order is a no-op; a paid one fails with code TRADE_PAID. */
  async closeOrder(outTradeNo: string): Promise<void> {
    try {
      await this.call("POST", `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, {
        mchid: this.config.mchId,
      });
    } catch (e) {
      if (e instanceof GatewayError && e.code === "ORDER_NOT_EXIST") return;
      if (e instanceof GatewayError && e.code === "ORDERPAID") {
        throw new GatewayError("wechat", "TRADE_PAID", "订单已支付，无法关闭", e.httpStatus);
      }
      throw e;
    }
  }

  /** GET /v3/refund/domestic/refunds/{out_refund_no}; undefined when WeChat does not know it. */
  async queryRefund(outRefundNo: string): Promise<WechatRefund | undefined> {
    try {
      const json = await this.call("GET", `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`);
      return this.parseResponse(refundResponseSchema, json);
    } catch (e) {
      if (e instanceof GatewayError && e.code === "RESOURCE_NOT_EXISTS") return undefined;
      throw e;
    }
  }

  /** POST /v3/refund/domestic/refunds. Retry with the same out_refund_no. */
  async createRefund(input: WechatRefundInput): Promise<WechatRefund> {
    if (!OUT_REFUND_NO.test(input.outRefundNo)) invalidInput("out_refund_no 须为 1–64 位字母数字或 _-|*@");
    const reason = checkedRefundReason("wechat", input);
    const json = await this.call("POST", "/v3/refund/domestic/refunds", {
      out_trade_no: input.outTradeNo,
      out_refund_no: input.outRefundNo,
      ...(reason ? { reason } : {}),
      notify_url: input.notifyUrl ?? this.config.notifyUrl,
      amount: { refund: input.refundFen, total: input.totalFen, currency: "CNY" },
    });
    return this.parseResponse(refundResponseSchema, json);
  }

  /** Verifies the signature headers, then decrypts and shape-checks the resource. */
  async verifyAndDecryptNotification(req: NotificationRequest): Promise<WechatNotification> {
    await this.verifySignedMessage(req.headers, req.rawBody, req.nowMs);
    let envelope: z.infer<typeof notificationSchema>;
    try {
      envelope = notificationSchema.parse(JSON.parse(req.rawBody));
    } catch {
      return reject("MALFORMED", "通知报文格式错误");
    }
    if (envelope.resource.algorithm !== "AEAD_AES_256_GCM") {
      reject("MALFORMED", `不支持的加密算法 ${envelope.resource.algorithm}`);
    }
    let plaintext: string;
    try {
      plaintext = await decryptWechatResource(await importAesGcmKey(this.config.apiV3Key), envelope.resource);
    } catch {
      return reject("DECRYPT_FAILED", "通知资源解密失败");
    }
    let resource: unknown;
    try {
      resource = JSON.parse(plaintext);
    } catch {
      return reject("MALFORMED", "通知资源不是 JSON");
    }
    const base = { id: envelope.id, createTime: envelope.create_time, eventType: envelope.event_type };
    const schemaFor = envelope.event_type.startsWith("TRANSACTION.")
      ? ("transaction" as const)
      : envelope.event_type.startsWith("REFUND.")
        ? ("refund" as const)
        : undefined;
    if (schemaFor === "transaction") {
      const parsed = transactionSchema.safeParse(resource);
      if (!parsed.success) reject("MALFORMED", "支付通知资源字段缺失");
      return { ...base, kind: "transaction", resource: parsed.data };
    }
    if (schemaFor === "refund") {
      const parsed = refundResourceSchema.safeParse(resource);
      if (!parsed.success) reject("MALFORMED", "退款通知资源字段缺失");
      return { ...base, kind: "refund", resource: parsed.data };
    }
    return { ...base, kind: "other", resource };
  }

  // --- PaymentProvider ---

  async startPayment(input: StartPaymentInput): Promise<ClientPayParams> {
    if (input.channel === "h5") {
      // 微信外: WeChat's H5 cashier; it sends the browser back to redirect_url without any result in it.
      const h5Url = await this.createH5Prepay({
        outTradeNo: input.outTradeNo,
        amountFen: input.amountFen,
        description: input.description,
        payerClientIp: input.payerClientIp ?? "",
        expiresAtMs: input.expiresAtMs,
      });
      const back = input.returnUrl ? `&redirect_url=${encodeURIComponent(input.returnUrl)}` : "";
      return { method: "wechat", channel: "h5", redirectUrl: `${h5Url}${back}` };
    }
    // JSAPI (mini program, or WeChat's browser) needs the payer's openid under the configured appid.
    if (!input.payerOpenId) invalidInput("微信支付需要 payer openid");
    const prepayId = await this.createJsapiPrepay({
      outTradeNo: input.outTradeNo,
      amountFen: input.amountFen,
      description: input.description,
      payerOpenId: input.payerOpenId,
      expiresAtMs: input.expiresAtMs,
    });
    const payParams = await this.miniProgramPayParams(prepayId);
    return input.channel === "wechat_browser"
      ? { method: "wechat", channel: "wechat_browser", prepayId, payParams }
      : { method: "wechat", channel: "miniprogram", prepayId, payParams };
  }

  async parseNotification(req: NotificationRequest): Promise<PaymentEvent> {
    const n = await this.verifyAndDecryptNotification(req);
    if (n.kind === "transaction") {
      const tx = n.resource;
      if (tx.appid !== this.config.appId) reject("APP_ID_MISMATCH", `appid ${tx.appid} 与配置不符`);
      if (tx.mchid !== this.config.mchId) reject("MERCHANT_MISMATCH", `mchid ${tx.mchid} 与配置不符`);
      // WeChat only notifies TRANSACTION.SUCCESS today; anything else is acknowledged, not acted on.
      if (n.eventType !== "TRANSACTION.SUCCESS") {
        return { kind: "ignored", method: "wechat", outTradeNo: tx.out_trade_no, detail: n.eventType };
      }
      if (tx.trade_state !== "SUCCESS") {
        reject("UNEXPECTED_STATE", `支付成功通知的交易状态为 ${tx.trade_state}`);
      }
      const amountFen = tx.amount?.total;
      if (amountFen === undefined || amountFen <= 0) reject("BAD_AMOUNT", "支付通知缺少有效金额");
      if (tx.amount?.currency !== undefined && tx.amount.currency !== "CNY") {
        reject("BAD_AMOUNT", `币种 ${tx.amount.currency} 不是 CNY`);
      }
      const paidAtMs = tx.success_time === undefined ? undefined : parseRfc3339(tx.success_time);
      if (!tx.transaction_id || paidAtMs === undefined) reject("MALFORMED", "支付通知缺少交易号或支付时间");
      return {
        kind: "paid",
        method: "wechat",
        outTradeNo: tx.out_trade_no,
        transactionId: tx.transaction_id,
        amountFen,
        paidAtMs,
        appId: tx.appid,
        merchantId: tx.mchid,
      };
    }
    if (n.kind === "refund") {
      const r = n.resource;
      if (r.mchid !== this.config.mchId) reject("MERCHANT_MISMATCH", `mchid ${r.mchid} 与配置不符`);
      return {
        kind: "refund",
        method: "wechat",
        outTradeNo: r.out_trade_no,
        outRefundNo: r.out_refund_no,
        status: r.refund_status,
        refundFen: r.amount.refund,
      };
    }
    return { kind: "ignored", method: "wechat", detail: `未处理的事件类型 ${n.eventType}` };
  }

  ack(): Response {
    return new Response(null, { status: 204 });
  }

  nack(reason: string, status = 400): Response {
    return new Response(JSON.stringify({ code: "FAIL", message: reason }), {
      status,
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
  }

  async query(outTradeNo: string): Promise<GatewayTradeState> {
    const tx = await this.queryByOutTradeNo(outTradeNo);
    if (!tx) return { status: "not_found", outTradeNo };
    const state = tx.trade_state;
    if (state === "SUCCESS" || state === "REFUND") {
      const amountFen = tx.amount?.total;
      const paidAtMs = tx.success_time === undefined ? undefined : parseRfc3339(tx.success_time);
      if (!tx.transaction_id || amountFen === undefined || paidAtMs === undefined) {
        throw new GatewayError("wechat", "MALFORMED_RESPONSE", "已支付订单缺少交易号、金额或支付时间");
      }
      return state === "SUCCESS"
        ? { status: "paid", outTradeNo, transactionId: tx.transaction_id, amountFen, paidAtMs }
        : { status: "refunded", outTradeNo, transactionId: tx.transaction_id, amountFen };
    }
    if (state === "NOTPAY" || state === "USERPAYING")
      return { status: "pending", outTradeNo, providerState: state };
    // CLOSED, REVOKED, PAYERROR
    return { status: "closed", outTradeNo, providerState: state };
  }

  async close(outTradeNo: string): Promise<void> {
    await this.closeOrder(outTradeNo);
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    const r = await this.createRefund(input);
    return {
      outRefundNo: r.out_refund_no,
      refundId: r.refund_id,
      status: r.status,
      refundFen: r.amount.refund,
    };
  }
}
