// Alipay OpenAPI gateway (gateway.do), server side: verifies RSA2-signed requests with the app public key,
// answers `{"<method>_response":{…},"sign":"…"}` signed with the Alipay key, and sends signed notifications.
import { formatShanghaiDateTime, parseShanghaiDateTime } from "../../worker/payments/gateways/china-time";
import { fenToYuan, yuanToFen } from "../../worker/shared/money";
import type { OutboundNotification } from "./notifier";
import { randomDigits, randomString, rsaSign, rsaVerify } from "./sim-crypto";
import { findTrade, refundedFen, type SimContext, type SimRefund, type SimTrade, tradeKey } from "./state";
import type { SimRequest, SimResponse } from "./wechat";

export const ALIPAY_VARIANTS = [
  "normal",
  "bad_signature",
  "tampered_body",
  "missing_sign",
  "wrong_appid",
  "wrong_seller",
  "wrong_amount",
] as const;
export type AlipayNotificationVariant = (typeof ALIPAY_VARIANTS)[number];

/** Sorted `k=v&…` over the given params (no URL-encoding). */
function signContent(params: Record<string, string>, skipEmpty: boolean): string {
  return Object.keys(params)
    .filter((k) => !skipEmpty || params[k] !== "")
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("&");
}

/** Requests: everything except `sign`, empty values dropped; sign_type is included. */
const requestSignContent = (p: Record<string, string>) => {
  const { sign: _sign, ...rest } = p;
  return signContent(rest, true);
};

/** Notifications and return params: everything except `sign` and `sign_type`. */
const notifySignContent = (p: Record<string, string>) => {
  const { sign: _sign, sign_type: _type, ...rest } = p;
  return signContent(rest, false);
};

function signed(ctx: SimContext, method: string, node: Record<string, unknown>): SimResponse {
  const nodeText = JSON.stringify(node);
  const key = `${method.replace(/\./g, "_")}_response`;
  const sign = rsaSign(ctx.ids.alipay.alipayPrivateKeyPem, nodeText);
  return {
    status: 200,
    headers: { "Content-Type": "text/html;charset=utf-8" }, // what the real gateway sends, JSON body
    body: `{"${key}":${nodeText},"sign":"${sign}"}`,
  };
}

const success = (fields: Record<string, unknown>) => ({ code: "10000", msg: "Success", ...fields });
const businessError = (sub_code: string, sub_msg: string) => ({
  code: "40004",
  msg: "Business Failed",
  sub_code,
  sub_msg,
});
const invalidArgs = (sub_code: string, sub_msg: string) => ({
  code: "40002",
  msg: "Invalid Arguments",
  sub_code,
  sub_msg,
});

function parseParams(req: SimRequest): Record<string, string> {
  const params: Record<string, string> = {};
  const url = new URL(req.url, "http://sim");
  for (const [k, v] of url.searchParams) params[k] = v;
  if (req.method === "POST" && (req.headers["content-type"] ?? "").includes("x-www-form-urlencoded")) {
    for (const [k, v] of new URLSearchParams(req.body)) params[k] = v;
  }
  return params;
}

/** Verifies common params and the RSA2 signature; returns an error node or the parsed biz_content. */
function authenticate(
  ctx: SimContext,
  p: Record<string, string>,
): { error: Record<string, unknown> } | { biz: Record<string, unknown> } {
  const a = ctx.ids.alipay;
  for (const k of ["app_id", "method", "charset", "sign_type", "sign", "timestamp", "version"]) {
    if (!p[k]) return { error: invalidArgs(`isv.missing-${k.replace(/_/g, "-")}`, `缺少参数 ${k}`) };
  }
  if (p.app_id !== a.appId) return { error: invalidArgs("isv.invalid-app-id", "无效的AppID参数") };
  if (p.sign_type !== "RSA2") return { error: invalidArgs("isv.invalid-signature-type", "无效的签名类型") };
  if (p.charset?.toLowerCase() !== "utf-8")
    return { error: invalidArgs("isv.invalid-charset", "字符集错误") };
  const ts = parseShanghaiDateTime(p.timestamp!);
  if (ts === undefined || Math.abs(ts - ctx.opts.now()) > 15 * 60_000) {
    return { error: invalidArgs("isv.invalid-timestamp", "非法的时间戳参数") };
  }
  if (!rsaVerify(a.appPublicKeyPem, requestSignContent(p), p.sign!)) {
    return {
      error: invalidArgs("isv.invalid-signature", "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配"),
    };
  }
  try {
    const biz: unknown = JSON.parse(p.biz_content ?? "{}");
    if (!biz || typeof biz !== "object" || Array.isArray(biz)) throw new Error();
    return { biz: biz as Record<string, unknown> };
  } catch {
    return { error: invalidArgs("isv.invalid-biz-content", "biz_content 不是合法的 JSON") };
  }
}

const s = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
const buyerLogonId = "159****5620";

function amountFen(v: unknown): number | undefined {
  const fen = typeof v === "string" ? yuanToFen(v) : undefined;
  return fen !== undefined && fen > 0 && fen <= 10_000_000_000 ? fen : undefined;
}

function tradeStatus(t: SimTrade): string {
  if (t.state === "pending") return "WAIT_BUYER_PAY";
  if (t.state === "closed") return "TRADE_CLOSED";
  return refundedFen(t) >= t.amountFen ? "TRADE_CLOSED" : "TRADE_SUCCESS";
}

/** Creates (or re-finds) a trade for create / wap.pay; an error node when the out_trade_no conflicts. */
function openTrade(
  ctx: SimContext,
  p: Record<string, string>,
  biz: Record<string, unknown>,
  productCode: string,
): { trade: SimTrade } | { error: Record<string, unknown> } {
  const outTradeNo = s(biz.out_trade_no);
  const total = amountFen(biz.total_amount);
  const subject = s(biz.subject);
  if (!outTradeNo || !/^[0-9A-Za-z_]{1,64}$/.test(outTradeNo)) {
    return { error: invalidArgs("isv.invalid-parameter", "out_trade_no 参数错误") };
  }
  if (total === undefined) return { error: invalidArgs("isv.invalid-parameter", "total_amount 参数错误") };
  if (!subject) return { error: invalidArgs("isv.missing-parameter", "缺少 subject") };
  const timeExpire = s(biz.time_expire);
  const expiresAtMs = timeExpire === undefined ? undefined : parseShanghaiDateTime(timeExpire);
  if (timeExpire !== undefined && expiresAtMs === undefined) {
    return { error: invalidArgs("isv.invalid-parameter", "time_expire 格式错误") };
  }
  if (expiresAtMs !== undefined && expiresAtMs <= ctx.opts.now()) {
    return { error: businessError("ACQ.INVALID_PARAMETER", "time_expire 已过期") };
  }
  const existing = findTrade(ctx, "alipay", outTradeNo);
  if (existing) {
    if (existing.state === "paid") return { error: businessError("ACQ.TRADE_HAS_SUCCESS", "交易已被支付") };
    if (existing.state === "closed") return { error: businessError("ACQ.TRADE_HAS_CLOSE", "交易已经关闭") };
    if (existing.amountFen !== total || existing.description !== subject) {
      return { error: businessError("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改") };
    }
    existing.notifyUrl = p.notify_url ?? existing.notifyUrl;
    existing.returnUrl = p.return_url ?? existing.returnUrl;
    existing.quitUrl = s(biz.quit_url) ?? existing.quitUrl;
    existing.expiresAtMs = expiresAtMs;
    return { trade: existing };
  }
  const now = ctx.opts.now();
  const trade: SimTrade = {
    method: "alipay",
    outTradeNo,
    transactionId: `${formatShanghaiDateTime(now).replace(/\D/g, "").slice(0, 8)}22001${randomDigits(15)}`,
    amountFen: total,
    description: subject,
    state: "pending",
    appId: p.app_id!,
    merchantId: ctx.ids.alipay.sellerId,
    payerId: s(biz.buyer_open_id) ?? s(biz.buyer_id) ?? "",
    notifyUrl: p.notify_url ?? "",
    returnUrl: p.return_url,
    quitUrl: s(biz.quit_url),
    productCode,
    expiresAtMs,
    createdAtMs: now,
    prepayIds: [],
    refunds: [],
  };
  ctx.trades.set(tradeKey("alipay", outTradeNo), trade);
  return { trade };
}

function lookup(ctx: SimContext, biz: Record<string, unknown>): SimTrade | undefined {
  const outTradeNo = s(biz.out_trade_no);
  const tradeNo = s(biz.trade_no);
  if (outTradeNo) return findTrade(ctx, "alipay", outTradeNo);
  return [...ctx.trades.values()].find((t) => t.method === "alipay" && t.transactionId === tradeNo);
}

function apiCall(ctx: SimContext, method: string, p: Record<string, string>, biz: Record<string, unknown>) {
  const now = ctx.opts.now();
  switch (method) {
    case "alipay.trade.create": {
      if (!s(biz.buyer_open_id) && !s(biz.buyer_id)) {
        return invalidArgs("isv.missing-parameter", "buyer_open_id 和 buyer_id 不能同时为空");
      }
      const opened = openTrade(ctx, p, biz, s(biz.product_code) ?? "JSAPI_PAY");
      if ("error" in opened) return opened.error;
      return success({ out_trade_no: opened.trade.outTradeNo, trade_no: opened.trade.transactionId });
    }
    case "alipay.trade.query": {
      const t = lookup(ctx, biz);
      if (!t) return businessError("ACQ.TRADE_NOT_EXIST", "交易不存在");
      const paid = t.state === "paid";
      return success({
        trade_no: t.transactionId,
        out_trade_no: t.outTradeNo,
        buyer_logon_id: buyerLogonId,
        trade_status: tradeStatus(t),
        total_amount: fenToYuan(t.amountFen),
        ...(paid
          ? {
              buyer_pay_amount: fenToYuan(t.amountFen),
              receipt_amount: fenToYuan(t.amountFen),
              invoice_amount: fenToYuan(t.amountFen),
              point_amount: "0.00",
              send_pay_date: formatShanghaiDateTime(t.paidAtMs!),
              buyer_user_id: t.payerId,
            }
          : {}),
      });
    }
    case "alipay.trade.close": {
      const t = lookup(ctx, biz);
      if (!t) return businessError("ACQ.TRADE_NOT_EXIST", "交易不存在");
      if (t.state === "paid") return businessError("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
      if (t.state === "pending") {
        t.state = "closed";
        t.closedAtMs = now;
      }
      return success({ trade_no: t.transactionId, out_trade_no: t.outTradeNo });
    }
    case "alipay.trade.refund": {
      const t = lookup(ctx, biz);
      if (!t) return businessError("ACQ.TRADE_NOT_EXIST", "交易不存在");
      if (t.state !== "paid") return businessError("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
      const refundFen = amountFen(biz.refund_amount);
      if (refundFen === undefined) return invalidArgs("isv.invalid-parameter", "refund_amount 参数错误");
      const outRequestNo = s(biz.out_request_no) ?? t.outTradeNo;
      const base = {
        trade_no: t.transactionId,
        out_trade_no: t.outTradeNo,
        buyer_logon_id: buyerLogonId,
        buyer_user_id: t.payerId,
      };
      const existing = t.refunds.find((r) => r.outRefundNo === outRequestNo);
      if (existing) {
        if (existing.refundFen !== refundFen) {
          return businessError("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额与原退款请求不一致");
        }
        return success({
          ...base,
          fund_change: "N",
          refund_fee: fenToYuan(refundedFen(t)),
          gmt_refund_pay: formatShanghaiDateTime(existing.createdAtMs),
        });
      }
      if (refundFen + refundedFen(t) > t.amountFen) {
        return businessError("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
      }
      const r: SimRefund = {
        outRefundNo: outRequestNo,
        refundId: t.transactionId!,
        refundFen,
        reason: s(biz.refund_reason) ?? "",
        status: "SUCCESS",
        notifyUrl: t.notifyUrl || undefined,
        createdAtMs: now,
        settledAtMs: now,
      };
      t.refunds.push(r);
      // Alipay reports refunds on the trade's notify_url (TRADE_SUCCESS, or TRADE_CLOSED once fully refunded).
      if (r.notifyUrl) {
        setImmediate(() =>
          ctx.notifier.deliver(
            { method: "alipay", kind: "refund", outTradeNo: t.outTradeNo, outRefundNo: r.outRefundNo },
            () => alipayNotification(ctx, t, r),
          ),
        );
      }
      return success({
        ...base,
        fund_change: "Y",
        refund_fee: fenToYuan(refundedFen(t)),
        gmt_refund_pay: formatShanghaiDateTime(now),
      });
    }
    case "alipay.trade.fastpay.refund.query": {
      const t = lookup(ctx, biz);
      if (!t) return businessError("ACQ.TRADE_NOT_EXIST", "交易不存在");
      const r = t.refunds.find((x) => x.outRefundNo === (s(biz.out_request_no) ?? t.outTradeNo));
      // Not found is a success reply without refund fields, exactly like the real API.
      return success({
        trade_no: t.transactionId,
        out_trade_no: t.outTradeNo,
        ...(r
          ? {
              out_request_no: r.outRefundNo,
              total_amount: fenToYuan(t.amountFen),
              refund_amount: fenToYuan(r.refundFen),
              refund_status: "REFUND_SUCCESS",
              gmt_refund_pay: formatShanghaiDateTime(r.createdAtMs),
            }
          : {}),
      });
    }
    default:
      return invalidArgs("isv.invalid-method", "不存在的方法名");
  }
}

export function handleAlipayGateway(ctx: SimContext, req: SimRequest): SimResponse {
  const p = parseParams(req);
  const method = p.method ?? "";
  const auth = authenticate(ctx, p);
  if (method === "alipay.trade.wap.pay") {
    // Page API: the browser arrives here; a bad request shows an error page like the real cashier.
    if ("error" in auth) return htmlError(String(auth.error.sub_msg));
    if (p.biz_content && JSON.parse(p.biz_content).product_code !== "QUICK_WAP_WAY") {
      return htmlError("product_code 须为 QUICK_WAP_WAY");
    }
    const opened = openTrade(ctx, p, auth.biz, "QUICK_WAP_WAY");
    if ("error" in opened) return htmlError(String(opened.error.sub_msg));
    const to = `/pay?method=alipay&out_trade_no=${encodeURIComponent(opened.trade.outTradeNo)}`;
    return { status: 302, headers: { Location: to }, body: "" };
  }
  if (req.method !== "POST")
    return signed(ctx, method || "error", invalidArgs("isv.invalid-method", "请使用 POST"));
  if ("error" in auth) return signed(ctx, method || "error", auth.error);
  return signed(ctx, method, apiCall(ctx, method, p, auth.biz));
}

function htmlError(message: string): SimResponse {
  return {
    status: 400,
    headers: { "Content-Type": "text/html; charset=utf-8" },
    body: `<!doctype html><meta charset="utf-8"><title>支付宝 - 错误</title><h2 id="status">${message.replace(/[<>&"]/g, "")}</h2>`,
  };
}

/** Signs params (all but sign and sign_type) with the Alipay key. */
function signParams(
  ctx: SimContext,
  params: Record<string, string>,
  key = ctx.ids.alipay.alipayPrivateKeyPem,
): Record<string, string> {
  return { ...params, sign: rsaSign(key, notifySignContent(params)) };
}

export function alipayNotification(
  ctx: SimContext,
  t: SimTrade,
  refund: SimRefund | undefined,
  variant: AlipayNotificationVariant = "normal",
): OutboundNotification {
  const a = ctx.ids.alipay;
  const now = ctx.opts.now();
  const amount = fenToYuan(variant === "wrong_amount" ? t.amountFen + 1 : t.amountFen);
  const params: Record<string, string> = {
    gmt_create: formatShanghaiDateTime(t.createdAtMs),
    charset: "utf-8",
    seller_email: a.sellerEmail,
    subject: t.description,
    buyer_id: t.payerId,
    invoice_amount: amount,
    notify_id: `2026${randomDigits(10)}${randomString(16).toLowerCase()}`,
    fund_bill_list: JSON.stringify([{ amount, fundChannel: "ALIPAYACCOUNT" }]),
    notify_type: "trade_status_sync",
    trade_status: refund ? tradeStatus(t) : "TRADE_SUCCESS",
    receipt_amount: amount,
    buyer_pay_amount: amount,
    app_id: variant === "wrong_appid" ? "2021000000009999" : t.appId,
    sign_type: "RSA2",
    seller_id: variant === "wrong_seller" ? "2088000000009999" : a.sellerId,
    gmt_payment: formatShanghaiDateTime(t.paidAtMs!),
    notify_time: formatShanghaiDateTime(now),
    version: "1.0",
    out_trade_no: t.outTradeNo,
    total_amount: amount,
    trade_no: t.transactionId!,
    auth_app_id: t.appId,
    buyer_logon_id: buyerLogonId,
    point_amount: "0.00",
  };
  if (refund) {
    params.out_biz_no = refund.outRefundNo;
    params.refund_fee = fenToYuan(refundedFen(t));
    params.gmt_refund = `${formatShanghaiDateTime(refund.settledAtMs!)}.${String(refund.settledAtMs! % 1000).padStart(3, "0")}`;
    if (params.trade_status === "TRADE_CLOSED")
      params.gmt_close = formatShanghaiDateTime(refund.settledAtMs!);
  }
  let signedParams = signParams(ctx, params, variant === "bad_signature" ? a.appPrivateKeyPem : undefined);
  if (variant === "tampered_body") signedParams = { ...signedParams, subject: `${t.description}（改）` };
  if (variant === "missing_sign") {
    const { sign: _sign, ...rest } = signedParams;
    signedParams = rest;
  }
  return {
    url: t.notifyUrl,
    headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" },
    body: new URLSearchParams(signedParams).toString(),
  };
}

export function payAlipay(ctx: SimContext, t: SimTrade) {
  t.state = "paid";
  t.paidAtMs = ctx.opts.now();
  if (!t.payerId) t.payerId = `2088${randomDigits(12)}`; // wap.pay: the buyer logged in at the cashier
  return ctx.notifier.deliver({ method: "alipay", kind: "payment", outTradeNo: t.outTradeNo }, () =>
    alipayNotification(ctx, t, undefined),
  );
}

/** Synchronous return to return_url after paying (signed; informative only, never proof of payment). */
export function alipayReturnUrl(ctx: SimContext, t: SimTrade): string | undefined {
  if (!t.returnUrl) return undefined;
  const url = new URL(t.returnUrl);
  const params: Record<string, string> = {
    ...Object.fromEntries(url.searchParams), // the merchant's own query parameters are covered too
    charset: "utf-8",
    out_trade_no: t.outTradeNo,
    method: "alipay.trade.wap.pay.return",
    total_amount: fenToYuan(t.amountFen),
    trade_no: t.transactionId!,
    auth_app_id: t.appId,
    version: "1.0",
    app_id: t.appId,
    sign_type: "RSA2",
    seller_id: ctx.ids.alipay.sellerId,
    timestamp: formatShanghaiDateTime(ctx.opts.now()),
  };
  url.search = new URLSearchParams(signParams(ctx, params)).toString();
  return url.toString();
}
