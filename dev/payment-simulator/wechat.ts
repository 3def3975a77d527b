// WeChat Pay API v3, server side: verifies merchant-signed requests, answers like api.mch.weixin.qq.com
// (signed responses), and sends signed, AES-GCM-encrypted notifications.
import { formatShanghaiRfc3339, parseRfc3339 } from "../../worker/payments/gateways/china-time";
import type { OutboundNotification } from "./notifier";
import { aesGcmEncrypt, randomDigits, randomString, rsaSign, rsaVerify } from "./sim-crypto";
import { findTrade, refundedFen, type SimContext, type SimRefund, type SimTrade, tradeKey } from "./state";

export interface SimRequest {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;
const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/;
const CLOCK_SKEW_S = 300;

export const WECHAT_VARIANTS = [
  "normal",
  "stale",
  "future",
  "bad_signature",
  "unknown_serial",
  "probe",
  "tampered_body",
  "wrong_appid",
  "wrong_mchid",
  "wrong_amount",
  "wrong_api_key",
  "platform_cert",
  "public_key",
] as const;
export type WechatNotificationVariant = (typeof WECHAT_VARIANTS)[number];

function signer(ctx: SimContext, force?: "publicKey" | "platformCert") {
  const w = ctx.ids.wechat;
  return (force ?? ctx.opts.wechatSigner) === "platformCert"
    ? { serial: w.platformCertSerial, key: w.platformPrivateKeyPem }
    : { serial: w.publicKeyId, key: w.payPrivateKeyPem };
}

/** Wechatpay-* headers over `TIMESTAMP\nNONCE\nBODY\n`. */
function signedHeaders(
  ctx: SimContext,
  body: string,
  opts: { timestampS?: number; force?: "publicKey" | "platformCert" } = {},
): Record<string, string> {
  const { serial, key } = signer(ctx, opts.force);
  const timestamp = String(opts.timestampS ?? Math.floor(ctx.opts.now() / 1000));
  const nonce = randomString(32);
  return {
    "Wechatpay-Timestamp": timestamp,
    "Wechatpay-Nonce": nonce,
    "Wechatpay-Signature": rsaSign(key, `${timestamp}\n${nonce}\n${body}\n`),
    "Wechatpay-Serial": serial,
    "Wechatpay-Signature-Type": "WECHATPAY2-SHA256-RSA2048",
  };
}

function respond(ctx: SimContext, status: number, json?: unknown): SimResponse {
  const body = json === undefined ? "" : JSON.stringify(json);
  return {
    status,
    headers: {
      ...(body ? { "Content-Type": "application/json; charset=utf-8" } : {}),
      "Request-ID": `08${randomDigits(10)}-${randomString(8)}`,
      ...signedHeaders(ctx, body),
    },
    body,
  };
}

const fail = (ctx: SimContext, status: number, code: string, message: string) =>
  respond(ctx, status, { code, message });

/** Checks the merchant's `Authorization: WECHATPAY2-SHA256-RSA2048 …` header; an error response or null. */
function authenticate(ctx: SimContext, req: SimRequest): SimResponse | null {
  const w = ctx.ids.wechat;
  const header = req.headers.authorization ?? "";
  const prefix = "WECHATPAY2-SHA256-RSA2048 ";
  if (!header.startsWith(prefix)) return fail(ctx, 401, "SIGN_ERROR", "Authorization 缺失或认证类型错误");
  const params: Record<string, string> = {};
  for (const m of header.slice(prefix.length).matchAll(/(\w+)="([^"]*)"/g)) params[m[1]!] = m[2]!;
  const { mchid, nonce_str, signature, timestamp, serial_no } = params;
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) {
    return fail(ctx, 401, "SIGN_ERROR", "Authorization 参数不完整");
  }
  if (mchid !== w.mchId) return fail(ctx, 401, "SIGN_ERROR", "商户号不存在");
  if (serial_no !== w.merchantSerialNo) return fail(ctx, 401, "SIGN_ERROR", "商户证书序列号有误");
  if (Math.abs(Number(timestamp) - ctx.opts.now() / 1000) > CLOCK_SKEW_S) {
    return fail(ctx, 401, "SIGN_ERROR", "请求时间戳过期");
  }
  const message = `${req.method}\n${req.url}\n${timestamp}\n${nonce_str}\n${req.body}\n`;
  if (!rsaVerify(w.merchantPublicKeyPem, message, signature)) {
    return fail(ctx, 401, "SIGN_ERROR", "签名错误");
  }
  return null;
}

function parseJson(body: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(body);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const int = (v: unknown) => (typeof v === "number" && Number.isSafeInteger(v) ? v : undefined);
const obj = (v: unknown) =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function tradeState(t: SimTrade): string {
  if (t.state === "closed") return "CLOSED";
  if (t.state === "paid") return t.refunds.some((r) => r.status !== "CLOSED") ? "REFUND" : "SUCCESS";
  return "NOTPAY";
}

const STATE_DESC: Record<string, string> = {
  SUCCESS: "支付成功",
  REFUND: "转入退款",
  NOTPAY: "订单未支付",
  CLOSED: "订单已关闭",
};

/** The transaction object WeChat returns from query and puts (encrypted) in notifications. */
export function wechatTransaction(t: SimTrade): Record<string, unknown> {
  const state = tradeState(t);
  const paid = state === "SUCCESS" || state === "REFUND";
  return {
    appid: t.appId,
    mchid: t.merchantId,
    out_trade_no: t.outTradeNo,
    ...(paid ? { transaction_id: t.transactionId, trade_type: "JSAPI", bank_type: "OTHERS" } : {}),
    trade_state: state,
    trade_state_desc: STATE_DESC[state],
    attach: "",
    ...(paid ? { success_time: formatShanghaiRfc3339(t.paidAtMs!) } : {}),
    payer: { openid: t.payerId },
    amount: paid
      ? { total: t.amountFen, payer_total: t.amountFen, currency: "CNY", payer_currency: "CNY" }
      : { payer_currency: "CNY" },
  };
}

function refundJson(t: SimTrade, r: SimRefund): Record<string, unknown> {
  return {
    refund_id: r.refundId,
    out_refund_no: r.outRefundNo,
    transaction_id: t.transactionId,
    out_trade_no: t.outTradeNo,
    channel: "ORIGINAL",
    user_received_account: "支付用户零钱",
    ...(r.settledAtMs !== undefined && r.status === "SUCCESS"
      ? { success_time: formatShanghaiRfc3339(r.settledAtMs) }
      : {}),
    create_time: formatShanghaiRfc3339(r.createdAtMs),
    status: r.status,
    funds_account: "AVAILABLE",
    amount: {
      total: t.amountFen,
      refund: r.refundFen,
      payer_total: t.amountFen,
      payer_refund: r.refundFen,
      settlement_refund: r.refundFen,
      settlement_total: t.amountFen,
      discount_refund: 0,
      currency: "CNY",
    },
  };
}

/**
 * JSAPI (mini program, WeChat's browser) answers `prepay_id`; H5 (a phone browser outside WeChat,
 * 微信外) needs `scene_info.payer_client_ip` + `scene_info.h5_info.type` instead of a payer, and answers
 * `h5_url` (here: this simulator's cashier; the merchant appends `&redirect_url=`).
 */
function prepay(ctx: SimContext, req: SimRequest, kind: "jsapi" | "h5" = "jsapi"): SimResponse {
  const w = ctx.ids.wechat;
  const b = parseJson(req.body);
  if (!b) return fail(ctx, 400, "PARAM_ERROR", "请求体不是合法的 JSON");
  const scene = obj(b.scene_info);
  if (kind === "h5" && (!str(scene?.payer_client_ip) || !str(obj(scene?.h5_info)?.type))) {
    return fail(
      ctx,
      400,
      "PARAM_ERROR",
      "H5 支付须提供 scene_info.payer_client_ip 与 scene_info.h5_info.type",
    );
  }
  const appid = str(b.appid);
  const mchid = str(b.mchid);
  const description = str(b.description);
  const outTradeNo = str(b.out_trade_no);
  const notifyUrl = str(b.notify_url);
  const total = int(obj(b.amount)?.total);
  const currency = obj(b.amount)?.currency;
  const openid = kind === "h5" ? `h5:${str(scene?.payer_client_ip)}` : str(obj(b.payer)?.openid);
  const timeExpire = b.time_expire === undefined ? undefined : str(b.time_expire);
  if (!appid || !mchid || !description || !outTradeNo || !notifyUrl || total === undefined || !openid) {
    return fail(ctx, 400, "PARAM_ERROR", "缺少必填参数");
  }
  if (mchid !== w.mchId) return fail(ctx, 400, "MCH_NOT_EXISTS", "商户号不存在");
  if (appid !== w.appId) return fail(ctx, 400, "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配");
  if (!OUT_TRADE_NO.test(outTradeNo)) return fail(ctx, 400, "PARAM_ERROR", "out_trade_no 格式错误");
  if (Buffer.byteLength(description, "utf8") > 127) return fail(ctx, 400, "PARAM_ERROR", "description 过长");
  if (total <= 0 || (currency !== undefined && currency !== "CNY")) {
    return fail(ctx, 400, "PARAM_ERROR", "amount 参数错误");
  }
  let parsedNotify: URL;
  try {
    parsedNotify = new URL(notifyUrl);
  } catch {
    return fail(ctx, 400, "PARAM_ERROR", "notify_url 格式错误");
  }
  // Real WeChat demands https; loopback http is allowed here so local runs need no TLS.
  if (parsedNotify.search || !/^https?:$/.test(parsedNotify.protocol)) {
    return fail(ctx, 400, "PARAM_ERROR", "notify_url 不能携带参数且须为 https");
  }
  const expiresAtMs = timeExpire === undefined ? undefined : parseRfc3339(timeExpire);
  if (timeExpire !== undefined && expiresAtMs === undefined) {
    return fail(ctx, 400, "PARAM_ERROR", "time_expire 格式错误");
  }
  if (expiresAtMs !== undefined && expiresAtMs <= ctx.opts.now()) {
    return fail(ctx, 400, "PARAM_ERROR", "time_expire 已过期");
  }
  const prepayId = `wx${formatShanghaiRfc3339(ctx.opts.now()).replace(/\D/g, "").slice(0, 14)}${randomString(20).toLowerCase()}`;
  const existing = findTrade(ctx, "wechat", outTradeNo);
  if (existing) {
    if (existing.state === "paid") return fail(ctx, 400, "ORDERPAID", "该订单已支付");
    if (existing.state === "closed") return fail(ctx, 400, "ORDER_CLOSED", "订单已关闭");
    if (existing.amountFen !== total || existing.description !== description || existing.payerId !== openid) {
      return fail(ctx, 400, "INVALID_REQUEST", "201 商户订单号重复");
    }
    existing.prepayIds.push(prepayId);
    existing.notifyUrl = notifyUrl;
    existing.expiresAtMs = expiresAtMs;
    return respond(ctx, 200, prepayAnswer(ctx, kind, prepayId));
  }
  ctx.trades.set(tradeKey("wechat", outTradeNo), {
    method: "wechat",
    outTradeNo,
    amountFen: total,
    description,
    state: "pending",
    appId: appid,
    merchantId: mchid,
    payerId: openid,
    notifyUrl,
    expiresAtMs,
    createdAtMs: ctx.opts.now(),
    prepayIds: [prepayId],
    refunds: [],
  });
  return respond(ctx, 200, prepayAnswer(ctx, kind, prepayId));
}

function prepayAnswer(ctx: SimContext, kind: "jsapi" | "h5", prepayId: string) {
  return kind === "h5"
    ? { h5_url: `${ctx.baseUrl()}/pay?method=wechat&prepay_id=${prepayId}&package=${randomDigits(10)}` }
    : { prepay_id: prepayId };
}

function query(ctx: SimContext, outTradeNo: string, mchid: string | null): SimResponse {
  if (mchid !== ctx.ids.wechat.mchId) return fail(ctx, 400, "PARAM_ERROR", "mchid 参数错误");
  const t = findTrade(ctx, "wechat", outTradeNo);
  if (!t) return fail(ctx, 404, "ORDER_NOT_EXIST", "订单不存在");
  return respond(ctx, 200, wechatTransaction(t));
}

function close(ctx: SimContext, outTradeNo: string, body: string): SimResponse {
  const b = parseJson(body);
  if (str(b?.mchid) !== ctx.ids.wechat.mchId) return fail(ctx, 400, "PARAM_ERROR", "mchid 参数错误");
  const t = findTrade(ctx, "wechat", outTradeNo);
  if (!t) return fail(ctx, 404, "ORDER_NOT_EXIST", "订单不存在");
  if (t.state === "paid") return fail(ctx, 400, "ORDERPAID", "订单已支付");
  if (t.state === "pending") {
    t.state = "closed";
    t.closedAtMs = ctx.opts.now();
  }
  return respond(ctx, 204);
}

function refund(ctx: SimContext, body: string): SimResponse {
  const b = parseJson(body);
  if (!b) return fail(ctx, 400, "PARAM_ERROR", "请求体不是合法的 JSON");
  const outTradeNo = str(b.out_trade_no);
  const transactionId = str(b.transaction_id);
  const outRefundNo = str(b.out_refund_no);
  const amount = obj(b.amount);
  const refundFen = int(amount?.refund);
  const totalFen = int(amount?.total);
  const notifyUrl = b.notify_url === undefined ? undefined : str(b.notify_url);
  if ((!outTradeNo && !transactionId) || !outRefundNo || refundFen === undefined || totalFen === undefined) {
    return fail(ctx, 400, "PARAM_ERROR", "缺少必填参数");
  }
  if (!OUT_REFUND_NO.test(outRefundNo)) return fail(ctx, 400, "PARAM_ERROR", "out_refund_no 格式错误");
  if (amount?.currency !== "CNY") return fail(ctx, 400, "PARAM_ERROR", "amount.currency 须为 CNY");
  const t = outTradeNo
    ? findTrade(ctx, "wechat", outTradeNo)
    : [...ctx.trades.values()].find((x) => x.method === "wechat" && x.transactionId === transactionId);
  if (!t) return fail(ctx, 404, "RESOURCE_NOT_EXISTS", "订单不存在");
  if (t.state !== "paid") return fail(ctx, 400, "INVALID_REQUEST", "订单未支付，不能退款");
  if (totalFen !== t.amountFen) return fail(ctx, 400, "PARAM_ERROR", "订单金额与原订单不一致");
  const existing = t.refunds.find((r) => r.outRefundNo === outRefundNo);
  if (existing) {
    if (existing.refundFen !== refundFen)
      return fail(ctx, 400, "INVALID_REQUEST", "退款单号重复且金额不一致");
    return respond(ctx, 200, refundJson(t, existing));
  }
  if (refundFen <= 0 || refundFen + refundedFen(t) > t.amountFen) {
    return fail(ctx, 400, "INVALID_REQUEST", "退款金额超过订单可退金额");
  }
  const r: SimRefund = {
    outRefundNo,
    refundId: `50${randomDigits(27)}`,
    refundFen,
    reason: str(b.reason) ?? "",
    status: "PROCESSING",
    notifyUrl,
    createdAtMs: ctx.opts.now(),
  };
  t.refunds.push(r);
  if (ctx.opts.autoSettleRefunds) setImmediate(() => void settleWechatRefund(ctx, t, r, "SUCCESS"));
  return respond(ctx, 200, refundJson(t, r));
}

function queryRefund(ctx: SimContext, outRefundNo: string): SimResponse {
  for (const t of ctx.trades.values()) {
    const r = t.method === "wechat" ? t.refunds.find((x) => x.outRefundNo === outRefundNo) : undefined;
    if (r) return respond(ctx, 200, refundJson(t, r));
  }
  return fail(ctx, 404, "RESOURCE_NOT_EXISTS", "退款单不存在");
}

export function handleWechat(ctx: SimContext, req: SimRequest): SimResponse {
  const denied = authenticate(ctx, req);
  if (denied) return denied;
  const url = new URL(req.url, "http://sim");
  const route = `${req.method} ${url.pathname}`;
  const param = (re: RegExp) => {
    const m = re.exec(route);
    return m ? decodeURIComponent(m[1]!) : undefined;
  };
  if (route === "POST /v3/pay/transactions/jsapi") return prepay(ctx, req);
  if (route === "POST /v3/pay/transactions/h5") return prepay(ctx, req, "h5");
  if (route === "POST /v3/refund/domestic/refunds") return refund(ctx, req.body);
  const queried = param(/^GET \/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/);
  if (queried) return query(ctx, queried, url.searchParams.get("mchid"));
  const closed = param(/^POST \/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/);
  if (closed) return close(ctx, closed, req.body);
  const refundNo = param(/^GET \/v3\/refund\/domestic\/refunds\/([^/]+)$/);
  if (refundNo) return queryRefund(ctx, refundNo);
  return fail(ctx, 404, "NOT_FOUND", "接口不存在");
}

/** Builds one notification; each call signs afresh (new timestamp and nonce), like a real retry. */
export function wechatNotification(
  ctx: SimContext,
  t: SimTrade,
  refund: SimRefund | undefined,
  variant: WechatNotificationVariant = "normal",
): OutboundNotification {
  const w = ctx.ids.wechat;
  let resource: Record<string, unknown>;
  if (refund) {
    resource = {
      mchid: t.merchantId,
      out_trade_no: t.outTradeNo,
      transaction_id: t.transactionId,
      out_refund_no: refund.outRefundNo,
      refund_id: refund.refundId,
      refund_status: refund.status,
      ...(refund.status === "SUCCESS" ? { success_time: formatShanghaiRfc3339(refund.settledAtMs!) } : {}),
      user_received_account: "支付用户零钱",
      amount: {
        total: t.amountFen,
        refund: refund.refundFen,
        payer_total: t.amountFen,
        payer_refund: refund.refundFen,
      },
    };
  } else {
    resource = wechatTransaction(t);
    // A payment notification always describes the successful payment, even if refunds followed.
    resource.trade_state = "SUCCESS";
    resource.trade_state_desc = "支付成功";
  }
  if (variant === "wrong_appid") resource.appid = "wx0000000000000000";
  if (variant === "wrong_mchid") resource.mchid = "1900000999";
  if (variant === "wrong_amount") {
    resource.amount = {
      ...(resource.amount as object),
      total: t.amountFen + 1,
      payer_total: t.amountFen + 1,
    };
  }
  const kind = refund ? "refund" : "transaction";
  const nonce = randomString(12);
  const apiKey = variant === "wrong_api_key" ? "WrongApiV3Key0123456789abcdefghi" : w.apiV3Key;
  const eventType = refund ? `REFUND.${refund.status}` : "TRANSACTION.SUCCESS";
  const summary = refund
    ? { SUCCESS: "退款成功", ABNORMAL: "退款异常", CLOSED: "退款关闭" }[refund.status as string]
    : "支付成功";
  const envelope = {
    id: `EV-${randomDigits(20)}`,
    create_time: formatShanghaiRfc3339(ctx.opts.now()),
    resource_type: "encrypt-resource",
    event_type: eventType,
    summary,
    resource: {
      original_type: kind,
      algorithm: "AEAD_AES_256_GCM",
      ciphertext: aesGcmEncrypt(apiKey, nonce, kind, JSON.stringify(resource)),
      associated_data: kind,
      nonce,
    },
  };
  let body = JSON.stringify(envelope);
  const nowS = Math.floor(ctx.opts.now() / 1000);
  const timestampS = variant === "stale" ? nowS - 6 * 60 : variant === "future" ? nowS + 6 * 60 : nowS;
  const force =
    variant === "platform_cert" ? "platformCert" : variant === "public_key" ? "publicKey" : undefined;
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "User-Agent": "Mozilla/4.0",
    ...signedHeaders(ctx, body, { timestampS, force }),
  };
  if (variant === "bad_signature") {
    // Signed, but by a key that is not WeChat Pay's (the merchant's own), under WeChat's serial.
    headers["Wechatpay-Signature"] = rsaSign(
      w.merchantPrivateKeyPem,
      `${headers["Wechatpay-Timestamp"]}\n${headers["Wechatpay-Nonce"]}\n${body}\n`,
    );
  }
  if (variant === "unknown_serial") headers["Wechatpay-Serial"] = "PUB_KEY_ID_0119999999992026112799999999";
  if (variant === "probe") headers["Wechatpay-Signature"] = `WECHATPAY/SIGNTEST/${randomString(40)}`;
  if (variant === "tampered_body") body = body.replace(`"summary":"${summary}"`, `"summary":"${summary}。"`);
  const url = refund?.notifyUrl ?? t.notifyUrl;
  return { url, headers, body };
}

/** The shopper paid: mark the trade and notify (with retries). */
export function payWechat(ctx: SimContext, t: SimTrade) {
  t.state = "paid";
  t.paidAtMs = ctx.opts.now();
  t.transactionId = `42000${randomDigits(23)}`;
  return ctx.notifier.deliver({ method: "wechat", kind: "payment", outTradeNo: t.outTradeNo }, () =>
    wechatNotification(ctx, t, undefined),
  );
}

/** PROCESSING → final state, with a REFUND.* notification when the refund had a notify_url. */
export function settleWechatRefund(
  ctx: SimContext,
  t: SimTrade,
  r: SimRefund,
  status: "SUCCESS" | "ABNORMAL" | "CLOSED",
) {
  if (r.status !== "PROCESSING") return undefined;
  r.status = status;
  r.settledAtMs = ctx.opts.now();
  if (!r.notifyUrl) return undefined;
  return ctx.notifier.deliver(
    { method: "wechat", kind: "refund", outTradeNo: t.outTradeNo, outRefundNo: r.outRefundNo },
    () => wechatNotification(ctx, t, r),
  );
}
