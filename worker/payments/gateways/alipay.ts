// Alipay OpenAPI client (RSA2) for workerd: mini program (alipay.trade.create), H5 (alipay.trade.wap.pay),
// notifications, query, close, refund. Protocol notes: shared/notes/payments.md, docs/payments.md.
import { fenToYuan, yuanToFen } from "../../shared/money";
import { formatShanghaiDateTime, parseShanghaiDateTime } from "./china-time";
import { rawTopLevelMembers } from "./json-raw";
import { importRsaPrivateKey, importRsaPublicKey, rsaSign, rsaVerify } from "./pem";
import {
  type ClientPayParams,
  type FetchLike,
  GatewayError,
  type GatewayRuntime,
  type GatewayTradeState,
  type NotificationRequest,
  type PaymentEvent,
  type PaymentProvider,
  type RefundInput,
  type RefundResult,
  type StartPaymentInput,
} from "./types";
import { checkedRefundReason, errorMessage, reject, truncateUtf8 } from "./util";

export interface AlipayConfig {
  appId: string;
  /** The merchant PID (2088…); notifications must carry it as seller_id. */
  sellerId: string;
  /** Application private key (PKCS#1 or PKCS#8, PEM or bare base64). */
  appPrivateKeyPem: string;
  /** The "Alipay public key" (SPKI, PEM or bare base64), not the application public key. */
  alipayPublicKeyPem: string;
  /** Default https://openapi.alipay.com/gateway.do */
  gatewayUrl?: string;
  /** Payment and refund notifications. */
  notifyUrl: string;
}

export const ALIPAY_DEFAULT_GATEWAY_URL = "https://openapi.alipay.com/gateway.do";
const OUT_TRADE_NO = /^[0-9A-Za-z_]{1,64}$/;
const OUT_REQUEST_NO = /^[0-9A-Za-z_-]{1,64}$/;
const ALIPAY_USER_ID = /^2088\d{12}$/;

// --- Signed content formats ---

function joinSorted(params: Record<string, string>, keepEmpty: boolean): string {
  return Object.keys(params)
    .filter((k) => keepEmpty || params[k] !== "")
    .sort() // keys are ASCII, so code-unit order is ASCII order
    .map((k) => `${k}=${params[k]}`)
    .join("&");
}

/** Request signing: every parameter but `sign` (sign_type included), empty values dropped, no URL-encoding. */
export function alipayRequestSignContent(params: Record<string, string>): string {
  const { sign: _sign, ...rest } = params;
  return joinSorted(rest, false);
}

/** Notification / return verification: every parameter but `sign` and `sign_type` (empty ones kept). */
export function alipayNotifySignContent(params: Record<string, string>): string {
  const { sign: _sign, sign_type: _signType, ...rest } = params;
  return joinSorted(rest, true);
}

export const alipayResponseKey = (method: string) => `${method.replace(/\./g, "_")}_response`;

/** The signed node of a gateway reply: `{"<key>":{…},"sign":"…"}` → raw node text and sign. */
export function extractAlipayResponse(
  text: string,
  method: string,
): { key: string; raw: string; sign?: string } | undefined {
  const members = rawTopLevelMembers(text);
  const key = [alipayResponseKey(method), "error_response"].find((k) => members.has(k));
  if (!key) return undefined;
  const signRaw = members.get("sign");
  const sign = signRaw === undefined ? undefined : (JSON.parse(signRaw) as unknown);
  return { key, raw: members.get(key)!, sign: typeof sign === "string" ? sign : undefined };
}

/** Alipay forbids some characters in subject; keep it readable and within 256 characters. */
function subjectOf(description: string): string {
  const cleaned = description.replace(/[/=&]/g, " ").replace(/\s+/g, " ").trim();
  return truncateUtf8(Array.from(cleaned).slice(0, 256).join(""), 768);
}

function invalidInput(message: string): never {
  throw new GatewayError("alipay", "INVALID_INPUT", message);
}

interface AlipayNode {
  code: string;
  msg?: string;
  sub_code?: string;
  sub_msg?: string;
  [field: string]: unknown;
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

export class Alipay implements PaymentProvider {
  readonly method = "alipay" as const;
  private readonly gatewayUrl: string;
  private readonly fetchFn: FetchLike;
  private readonly now: () => number;

  constructor(
    private readonly config: AlipayConfig,
    runtime: GatewayRuntime = {},
  ) {
    this.gatewayUrl = config.gatewayUrl ?? ALIPAY_DEFAULT_GATEWAY_URL;
    // Wrapped: calling a detached global fetch throws "Illegal invocation" in workerd.
    this.fetchFn = runtime.fetch ?? ((input, init) => fetch(input, init));
    this.now = runtime.now ?? Date.now;
  }

  /** Common parameters + `sign` for one API call. */
  async signedParams(
    method: string,
    biz: Record<string, unknown>,
    extra: Record<string, string> = {},
  ): Promise<Record<string, string>> {
    const params: Record<string, string> = {
      app_id: this.config.appId,
      method,
      format: "JSON",
      charset: "utf-8",
      sign_type: "RSA2",
      timestamp: formatShanghaiDateTime(this.now()),
      version: "1.0",
      ...extra,
      biz_content: JSON.stringify(biz),
    };
    const key = await importRsaPrivateKey(this.config.appPrivateKeyPem);
    return { ...params, sign: await rsaSign(key, alipayRequestSignContent(params)) };
  }

  /** Verifies a notification's or return URL's parameters (all but sign and sign_type). */
  async verifyParams(params: Record<string, string>): Promise<boolean> {
    if (!params.sign) return false;
    const key = await importRsaPublicKey(this.config.alipayPublicKeyPem);
    return rsaVerify(key, alipayNotifySignContent(params), params.sign);
  }

  private async call(method: string, biz: Record<string, unknown>, extra?: Record<string, string>) {
    const params = await this.signedParams(method, biz, extra);
    let res: Response;
    let text: string;
    try {
      res = await this.fetchFn(`${this.gatewayUrl}?charset=utf-8`, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded;charset=utf-8",
          Accept: "application/json",
        },
        body: new URLSearchParams(params).toString(),
      });
      text = await res.text();
    } catch (e) {
      throw new GatewayError(
        "alipay",
        "NETWORK_ERROR",
        `支付宝请求失败：${errorMessage(e)}`,
        undefined,
        true,
      );
    }
    if (!res.ok) {
      throw new GatewayError(
        "alipay",
        `HTTP_${res.status}`,
        `支付宝返回 HTTP ${res.status}`,
        res.status,
        res.status >= 500,
      );
    }
    let extracted: ReturnType<typeof extractAlipayResponse>;
    let node: AlipayNode;
    try {
      extracted = extractAlipayResponse(text, method);
      if (!extracted) throw new SyntaxError("no response node");
      node = JSON.parse(extracted.raw) as AlipayNode;
      if (typeof node !== "object" || node === null || typeof node.code !== "string") throw new SyntaxError();
    } catch {
      throw new GatewayError("alipay", "MALFORMED_RESPONSE", "支付宝应答格式错误", res.status, true);
    }
    // Success must be signed; a signed error is checked so a forged code cannot mislead us.
    if (extracted.sign !== undefined || node.code === "10000") {
      const key = await importRsaPublicKey(this.config.alipayPublicKeyPem);
      if (!extracted.sign || !(await rsaVerify(key, extracted.raw, extracted.sign))) {
        throw new GatewayError(
          "alipay",
          "RESPONSE_SIGNATURE_INVALID",
          "支付宝应答验签失败",
          res.status,
          true,
        );
      }
    }
    if (node.code !== "10000") {
      const code = node.sub_code ?? node.code;
      // 20000: service unavailable; *SYSTEM_ERROR: try again with the same parameters.
      const retryable = node.code === "20000" || /SYSTEM_ERROR$/.test(code);
      throw new GatewayError(
        "alipay",
        code,
        node.sub_msg ?? node.msg ?? `支付宝返回错误 ${code}`,
        res.status,
        retryable,
      );
    }
    return node;
  }

  private tradeBiz(input: StartPaymentInput, productCode: string): Record<string, unknown> {
    if (!OUT_TRADE_NO.test(input.outTradeNo)) invalidInput("out_trade_no 须为 1–64 位字母数字或下划线");
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) invalidInput("金额须为正整数（分）");
    const subject = subjectOf(input.description);
    if (!subject) invalidInput("商品描述不能为空");
    return {
      out_trade_no: input.outTradeNo,
      total_amount: fenToYuan(input.amountFen),
      subject,
      product_code: productCode,
      time_expire: formatShanghaiDateTime(input.expiresAtMs),
    };
  }

  /** alipay.trade.create (mini program) → trade_no for my.tradePay. */
  async createTrade(input: StartPaymentInput): Promise<string> {
    if (!input.payerOpenId) invalidInput("支付宝小程序支付需要 buyer_open_id");
    const buyer = ALIPAY_USER_ID.test(input.payerOpenId)
      ? { buyer_id: input.payerOpenId }
      : { buyer_open_id: input.payerOpenId };
    const node = await this.call(
      "alipay.trade.create",
      { ...this.tradeBiz(input, "JSAPI_PAY"), ...buyer },
      { notify_url: this.config.notifyUrl },
    );
    const tradeNo = str(node.trade_no);
    if (!tradeNo || node.out_trade_no !== input.outTradeNo) {
      throw new GatewayError("alipay", "MALFORMED_RESPONSE", "创建交易应答缺少 trade_no 或订单号不符");
    }
    return tradeNo;
  }

  /** alipay.trade.wap.pay: a signed gateway URL the browser is sent to (GET). No network call. */
  async wapPayUrl(input: StartPaymentInput): Promise<string> {
    const biz = this.tradeBiz(input, "QUICK_WAP_WAY");
    if (input.quitUrl) biz.quit_url = input.quitUrl;
    const params = await this.signedParams("alipay.trade.wap.pay", biz, {
      notify_url: this.config.notifyUrl,
      ...(input.returnUrl ? { return_url: input.returnUrl } : {}),
    });
    return `${this.gatewayUrl}?${new URLSearchParams(params).toString()}`;
  }

  /** alipay.trade.query; undefined when Alipay does not know the trade. */
  async queryTrade(outTradeNo: string): Promise<AlipayNode | undefined> {
    try {
      const node = await this.call("alipay.trade.query", { out_trade_no: outTradeNo });
      if (node.out_trade_no !== outTradeNo) {
        throw new GatewayError("alipay", "MALFORMED_RESPONSE", "查单应答的订单号与请求不一致");
      }
      return node;
    } catch (e) {
      if (e instanceof GatewayError && e.code === "ACQ.TRADE_NOT_EXIST") return undefined;
      throw e;
    }
  }

  // --- PaymentProvider ---

  async startPayment(input: StartPaymentInput): Promise<ClientPayParams> {
    // WeChat's own browser blocks Alipay's pages: there the store offers WeChat Pay (JSAPI) only.
    if (input.channel === "wechat_browser")
      throw new GatewayError("alipay", "UNSUPPORTED_CHANNEL", "微信内无法使用支付宝，请选择微信支付");
    if (input.channel === "h5") {
      return { method: "alipay", channel: "h5", redirectUrl: await this.wapPayUrl(input) };
    }
    return { method: "alipay", channel: "miniprogram", tradeNo: await this.createTrade(input) };
  }

  async parseNotification(req: NotificationRequest): Promise<PaymentEvent> {
    const params: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(req.rawBody)) params[k] = v;
    if (!params.sign) reject("MISSING_SIGNATURE", "支付宝通知缺少 sign");
    if (params.sign_type && params.sign_type !== "RSA2") {
      reject("BAD_SIGNATURE", `不支持的签名类型 ${params.sign_type}`);
    }
    if (!(await this.verifyParams(params))) reject("BAD_SIGNATURE", "支付宝通知验签失败");
    if (params.app_id !== this.config.appId) reject("APP_ID_MISMATCH", `app_id ${params.app_id} 与配置不符`);
    if (params.seller_id !== this.config.sellerId) {
      reject("MERCHANT_MISMATCH", `seller_id ${params.seller_id} 与配置不符`);
    }
    const outTradeNo = params.out_trade_no;
    const tradeNo = params.trade_no;
    if (!outTradeNo || !tradeNo) reject("MALFORMED", "支付宝通知缺少订单号");
    const amountFen = yuanToFen(params.total_amount ?? "");
    if (amountFen === undefined || amountFen <= 0)
      reject("BAD_AMOUNT", `total_amount ${params.total_amount} 无效`);
    // Refunds are reported on the trade's notify_url with out_biz_no (our out_request_no) and refund_fee.
    if (params.out_biz_no && params.refund_fee !== undefined) {
      const totalRefundedFen = yuanToFen(params.refund_fee);
      if (totalRefundedFen === undefined) reject("BAD_AMOUNT", `refund_fee ${params.refund_fee} 无效`);
      return {
        kind: "refund",
        method: "alipay",
        outTradeNo,
        outRefundNo: params.out_biz_no,
        status: "SUCCESS",
        totalRefundedFen,
      };
    }
    const status = params.trade_status;
    if (status === "TRADE_SUCCESS" || status === "TRADE_FINISHED") {
      const paidAtMs = parseShanghaiDateTime(params.gmt_payment ?? "");
      if (paidAtMs === undefined) reject("MALFORMED", "支付宝通知缺少 gmt_payment");
      return {
        kind: "paid",
        method: "alipay",
        outTradeNo,
        transactionId: tradeNo,
        amountFen,
        paidAtMs,
        appId: params.app_id,
        merchantId: params.seller_id,
      };
    }
    if (status === "WAIT_BUYER_PAY" || status === "TRADE_CLOSED") {
      return { kind: "ignored", method: "alipay", outTradeNo, detail: status };
    }
    return reject("UNEXPECTED_STATE", `未知的交易状态 ${status}`);
  }

  ack(): Response {
    return new Response("success", { headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }

  /** Anything but `success` makes Alipay retry; the reason stays in our logs. */
  nack(_reason: string): Response {
    return new Response("failure", { headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }

  async query(outTradeNo: string): Promise<GatewayTradeState> {
    const node = await this.queryTrade(outTradeNo);
    if (!node) return { status: "not_found", outTradeNo };
    const state = str(node.trade_status) ?? "";
    const tradeNo = str(node.trade_no);
    const amountFen = yuanToFen(str(node.total_amount) ?? "");
    const paidAtMs = parseShanghaiDateTime(str(node.send_pay_date) ?? "");
    if (state === "TRADE_SUCCESS" || state === "TRADE_FINISHED") {
      if (!tradeNo || amountFen === undefined || paidAtMs === undefined) {
        throw new GatewayError("alipay", "MALFORMED_RESPONSE", "已支付交易缺少交易号、金额或支付时间");
      }
      return { status: "paid", outTradeNo, transactionId: tradeNo, amountFen, paidAtMs };
    }
    // TRADE_CLOSED covers both "never paid" and "paid, then fully refunded"; a pay date tells them apart.
    if (state === "TRADE_CLOSED" && paidAtMs !== undefined && tradeNo && amountFen !== undefined) {
      return { status: "refunded", outTradeNo, transactionId: tradeNo, amountFen };
    }
    if (state === "WAIT_BUYER_PAY") return { status: "pending", outTradeNo, providerState: state };
    return { status: "closed", outTradeNo, providerState: state };
  }

  async close(outTradeNo: string): Promise<void> {
    try {
      await this.call("alipay.trade.close", { out_trade_no: outTradeNo });
    } catch (e) {
      if (!(e instanceof GatewayError)) throw e;
      // Never created (H5 cashier not opened): nothing to close.
      if (e.code === "ACQ.TRADE_NOT_EXIST") return;
      if (e.code === "ACQ.TRADE_STATUS_ERROR") {
        // Either already closed (fine) or paid meanwhile (the caller must know).
        const state = await this.query(outTradeNo);
        if (state.status === "closed" || state.status === "not_found") return;
        throw new GatewayError("alipay", "TRADE_PAID", "交易已支付，无法关闭");
      }
      throw e;
    }
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    if (!OUT_REQUEST_NO.test(input.outRefundNo))
      invalidInput("退款请求号须为 1–64 位字母数字、下划线或连字符");
    const reason = checkedRefundReason("alipay", input);
    const node = await this.call("alipay.trade.refund", {
      out_trade_no: input.outTradeNo,
      refund_amount: fenToYuan(input.refundFen),
      out_request_no: input.outRefundNo,
      ...(reason ? { refund_reason: reason } : {}),
    });
    const tradeNo = str(node.trade_no);
    if (node.out_trade_no !== input.outTradeNo || !tradeNo) {
      throw new GatewayError("alipay", "MALFORMED_RESPONSE", "退款应答的订单号与请求不一致");
    }
    const result = { outRefundNo: input.outRefundNo, refundId: tradeNo, refundFen: input.refundFen };
    // Alipay's rule: fund_change "Y" is success; "N" (e.g. a repeated request) must be confirmed by query.
    if (node.fund_change === "Y") return { ...result, status: "SUCCESS" };
    const done = await this.queryRefund(input.outTradeNo, input.outRefundNo);
    return { ...result, status: done ? "SUCCESS" : "PROCESSING" };
  }

  /**
   * alipay.trade.fastpay.refund.query: true when the refund exists and refund_status is empty or
   * REFUND_SUCCESS (Alipay's documented rule); false when Alipay has no such refund (retry it).
   */
  async queryRefund(outTradeNo: string, outRefundNo: string): Promise<boolean> {
    const node = await this.call("alipay.trade.fastpay.refund.query", {
      out_trade_no: outTradeNo,
      out_request_no: outRefundNo,
    });
    if (node.refund_amount === undefined) return false;
    if (node.out_request_no !== undefined && node.out_request_no !== outRefundNo) {
      throw new GatewayError("alipay", "MALFORMED_RESPONSE", "退款查询应答的退款请求号与请求不一致");
    }
    return (
      node.refund_status === undefined || node.refund_status === "" || node.refund_status === "REFUND_SUCCESS"
    );
  }
}
