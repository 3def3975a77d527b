// Local payment simulator: WeChat Pay v3 + Alipay gateway + a cashier page + a JSON control API.
// See docs/payments.md ("Local payment simulator").
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  ALIPAY_VARIANTS,
  type AlipayNotificationVariant,
  alipayNotification,
  alipayReturnUrl,
  handleAlipayGateway,
  payAlipay,
} from "./alipay";
import { cashierPage, errorPage, resultPage } from "./cashier";
import { pemBody, type SimIdentities, testIdentities } from "./keys";
import { type Delivery, Notifier, type OutboundNotification } from "./notifier";
import {
  findTrade,
  payability,
  type SimContext,
  type SimMethod,
  type SimOptions,
  type SimTrade,
} from "./state";
import {
  handleWechat,
  payWechat,
  type SimRequest,
  type SimResponse,
  settleWechatRefund,
  WECHAT_VARIANTS,
  type WechatNotificationVariant,
  wechatNotification,
} from "./wechat";

export interface PaymentSimulatorOptions extends SimOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  identities?: SimIdentities;
}

export interface PaymentSimulator {
  url: string;
  /** Env settings that point the worker's payment providers at this simulator (see docs/payments.md). */
  config: Record<string, string>;
  /** Direct access for tests and the CLI. */
  ctx: SimContext;
  close(): Promise<void>;
}

export type NotificationVariant = WechatNotificationVariant | AlipayNotificationVariant | "duplicate";

const METHODS = new Set<SimMethod>(["wechat", "alipay"]);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, r: SimResponse): void {
  res.writeHead(r.status, r.headers);
  res.end(r.body);
}

const json = (status: number, value: unknown): SimResponse => ({
  status,
  headers: { "Content-Type": "application/json; charset=utf-8" },
  body: JSON.stringify(value),
});
const html = (status: number, body: string): SimResponse => ({
  status,
  headers: { "Content-Type": "text/html; charset=utf-8" },
  body,
});
const controlError = (status: number, code: string, message: string) =>
  json(status, { error: { code, message } });

/** Public view of a trade (control API). */
function tradeView(t: SimTrade) {
  return { ...t, prepayIds: [...t.prepayIds], refunds: t.refunds.map((r) => ({ ...r })) };
}

function deliveryView(d: Delivery) {
  const { last: _last, ...rest } = d;
  return rest;
}

export async function startPaymentSimulator(opts: PaymentSimulatorOptions = {}): Promise<PaymentSimulator> {
  const ids = opts.identities ?? testIdentities();
  const now = opts.now ?? Date.now;
  let baseUrl = "";
  const ctx: SimContext = {
    ids,
    opts: {
      notifyBaseUrl: opts.notifyBaseUrl,
      wechatSigner: opts.wechatSigner ?? "publicKey",
      retryTimeScale: opts.retryTimeScale ?? 0.001,
      maxAttempts: opts.maxAttempts ?? 4,
      autoSettleRefunds: opts.autoSettleRefunds ?? true,
      now,
    },
    trades: new Map(),
    notifier: new Notifier({
      timeScale: opts.retryTimeScale ?? 0.001,
      maxAttempts: opts.maxAttempts ?? 4,
      now,
    }),
    baseUrl: () => baseUrl,
  };

  const pay = (t: SimTrade) => (t.method === "wechat" ? payWechat(ctx, t) : payAlipay(ctx, t));

  function buildNotification(
    t: SimTrade,
    outRefundNo: string | undefined,
    variant: NotificationVariant,
  ): OutboundNotification | string {
    const refund =
      outRefundNo === undefined ? undefined : t.refunds.find((r) => r.outRefundNo === outRefundNo);
    if (outRefundNo !== undefined && !refund) return "退款单不存在";
    if (variant === "duplicate") {
      const last = [...ctx.notifier.deliveries]
        .reverse()
        .find((d) => d.method === t.method && d.outTradeNo === t.outTradeNo && d.outRefundNo === outRefundNo);
      return last?.last ?? "该订单还没有发送过通知";
    }
    if (!refund && t.state !== "paid") return "订单未支付，没有支付通知";
    if (t.method === "wechat") {
      if (refund?.status === "PROCESSING") return "退款处理中，尚无退款通知";
      return wechatNotification(ctx, t, refund, variant as WechatNotificationVariant);
    }
    return alipayNotification(ctx, t, refund, variant as AlipayNotificationVariant);
  }

  async function control(method: string, path: string, body: string, query: URLSearchParams) {
    let input: Record<string, unknown> = {};
    if (method === "POST" && body) {
      try {
        input = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return controlError(400, "BAD_JSON", "请求体不是合法的 JSON");
      }
    }
    const tradeOf = (): { trade: SimTrade } | { error: SimResponse } => {
      const m = input.method;
      const no = input.outTradeNo;
      if (typeof m !== "string" || !METHODS.has(m as SimMethod) || typeof no !== "string") {
        return { error: controlError(400, "BAD_REQUEST", "需要 method（wechat|alipay）和 outTradeNo") };
      }
      const trade = findTrade(ctx, m as SimMethod, no);
      return trade ? { trade } : { error: controlError(404, "TRADE_NOT_FOUND", "交易不存在") };
    };
    if (method === "GET" && path === "/_sim/trades")
      return json(200, [...ctx.trades.values()].map(tradeView));
    if (method === "GET" && path === "/_sim/deliveries") {
      const no = query.get("outTradeNo");
      return json(200, ctx.notifier.deliveries.filter((d) => !no || d.outTradeNo === no).map(deliveryView));
    }
    if (method === "GET" && path === "/_sim/refunds") {
      return json(
        200,
        [...ctx.trades.values()].flatMap((t) =>
          t.refunds.map((r) => ({ method: t.method, outTradeNo: t.outTradeNo, ...r })),
        ),
      );
    }
    const m = method === "GET" ? /^\/_sim\/trades\/(wechat|alipay)\/([^/]+)$/.exec(path) : null;
    if (m) {
      const t = findTrade(ctx, m[1] as SimMethod, decodeURIComponent(m[2]!));
      return t ? json(200, tradeView(t)) : controlError(404, "TRADE_NOT_FOUND", "交易不存在");
    }
    if (method === "POST" && path === "/_sim/pay") {
      const found = tradeOf();
      if ("error" in found) return found.error;
      const t = found.trade;
      const state = payability(ctx, t);
      if (state !== "ok")
        return controlError(409, `TRADE_${state.toUpperCase()}`, `交易不可支付（${state}）`);
      const { delivery, settled } = pay(t);
      if (input.wait !== false) await settled;
      return json(200, { trade: tradeView(t), delivery: deliveryView(delivery) });
    }
    if (method === "POST" && path === "/_sim/notify/replay") {
      const found = tradeOf();
      if ("error" in found) return found.error;
      const t = found.trade;
      const variant = (input.variant ?? "normal") as NotificationVariant;
      const known: readonly string[] = t.method === "wechat" ? WECHAT_VARIANTS : ALIPAY_VARIANTS;
      if (variant !== "duplicate" && !known.includes(variant)) {
        return controlError(400, "BAD_VARIANT", `variant 须为 duplicate 或 ${known.join("|")}`);
      }
      const outRefundNo = typeof input.outRefundNo === "string" ? input.outRefundNo : undefined;
      const n = buildNotification(t, outRefundNo, variant);
      if (typeof n === "string") return controlError(409, "NO_NOTIFICATION", n);
      const attempt = await ctx.notifier.send(t.method, n);
      return json(200, attempt);
    }
    if (method === "POST" && path === "/_sim/refunds/settle") {
      const status = input.status ?? "SUCCESS";
      if (status !== "SUCCESS" && status !== "ABNORMAL" && status !== "CLOSED") {
        return controlError(400, "BAD_REQUEST", "status 须为 SUCCESS|ABNORMAL|CLOSED");
      }
      for (const t of ctx.trades.values()) {
        const r =
          t.method === "wechat" ? t.refunds.find((x) => x.outRefundNo === input.outRefundNo) : undefined;
        if (!r) continue;
        if (r.status !== "PROCESSING") return controlError(409, "REFUND_SETTLED", "退款已处理完毕");
        const started = settleWechatRefund(ctx, t, r, status);
        const delivery = started && input.wait !== false ? await started.settled : started?.delivery;
        return json(200, { refund: { ...r }, delivery: delivery && deliveryView(delivery) });
      }
      return controlError(404, "REFUND_NOT_FOUND", "微信退款单不存在");
    }
    if (method === "POST" && path === "/_sim/reset") {
      ctx.trades.clear();
      ctx.notifier.deliveries.length = 0;
      return json(200, { ok: true });
    }
    return controlError(404, "NOT_FOUND", "接口不存在");
  }

  async function cashier(method: string, url: URL, body: string): Promise<SimResponse> {
    if (method === "GET") {
      const m = url.searchParams.get("method");
      const no = url.searchParams.get("out_trade_no");
      const prepayId = url.searchParams.get("prepay_id");
      let t: SimTrade | undefined;
      if (m === "wechat" && prepayId) {
        t = [...ctx.trades.values()].find((x) => x.method === "wechat" && x.prepayIds.includes(prepayId));
      } else if ((m === "wechat" || m === "alipay") && no) {
        t = findTrade(ctx, m, no);
      }
      // WeChat H5 (微信外): the merchant appended redirect_url to h5_url; the browser goes back there.
      const redirect = m === "wechat" ? (url.searchParams.get("redirect_url") ?? undefined) : undefined;
      return t ? html(200, cashierPage(t, payability(ctx, t), redirect)) : html(404, errorPage("交易不存在"));
    }
    const form = new URLSearchParams(body);
    const m = form.get("method");
    const t =
      m === "wechat" || m === "alipay" ? findTrade(ctx, m, form.get("out_trade_no") ?? "") : undefined;
    if (!t) return html(404, errorPage("交易不存在"));
    const state = payability(ctx, t);
    if (state !== "ok") return html(409, cashierPage(t, state));
    await pay(t).settled; // like the real cashier, the result page comes after the merchant was told
    // Alipay returns with signed parameters; WeChat H5 returns to redirect_url as given (no result in it).
    const back = t.method === "alipay" ? alipayReturnUrl(ctx, t) : (form.get("redirect_url") ?? undefined);
    if (back) return { status: 303, headers: { Location: back }, body: "" };
    return html(200, resultPage(t, "支付成功"));
  }

  const server = createServer(async (req, res) => {
    try {
      const rawUrl = req.url ?? "/";
      const url = new URL(rawUrl, "http://sim");
      const body = await readBody(req);
      const method = req.method ?? "GET";
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
      const simReq: SimRequest = { method, url: rawUrl, headers, body };
      if (url.pathname.startsWith("/v3/")) return send(res, handleWechat(ctx, simReq));
      if (url.pathname === "/gateway.do") return send(res, handleAlipayGateway(ctx, simReq));
      if (url.pathname === "/pay" || url.pathname === "/pay/confirm") {
        return send(res, await cashier(method, url, body));
      }
      if (url.pathname.startsWith("/_sim/"))
        return send(res, await control(method, url.pathname, body, url.searchParams));
      if (url.pathname === "/") {
        return send(res, json(200, { name: "jiadian-mall payment simulator", trades: ctx.trades.size }));
      }
      send(res, controlError(404, "NOT_FOUND", "接口不存在"));
    } catch (e) {
      send(res, controlError(500, "SIM_ERROR", e instanceof Error ? e.message : String(e)));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${opts.host ?? "127.0.0.1"}:${port}`;

  const config: Record<string, string> = {
    WECHAT_PAY_APP_ID: ids.wechat.appId,
    WECHAT_PAY_MCHID: ids.wechat.mchId,
    WECHAT_PAY_MERCHANT_SERIAL: ids.wechat.merchantSerialNo,
    WECHAT_PAY_PRIVATE_KEY: ids.wechat.merchantPrivateKeyPem,
    WECHAT_PAY_API_V3_KEY: ids.wechat.apiV3Key,
    // Both key modes, as a merchant migrating from platform certificates would configure them.
    WECHAT_PAY_PUBLIC_KEYS: JSON.stringify({
      [ids.wechat.publicKeyId]: ids.wechat.payPublicKeyPem,
      [ids.wechat.platformCertSerial]: ids.wechat.platformCertPem,
    }),
    WECHAT_PAY_BASE_URL: baseUrl,
    ALIPAY_APP_ID: ids.alipay.appId,
    ALIPAY_SELLER_ID: ids.alipay.sellerId,
    ALIPAY_PRIVATE_KEY: ids.alipay.appPrivateKeyPem,
    // Bare base64, the way the Alipay console shows the 支付宝公钥.
    ALIPAY_PUBLIC_KEY: pemBody(ids.alipay.alipayPublicKeyPem),
    ALIPAY_GATEWAY_URL: `${baseUrl}/gateway.do`,
    ...(opts.notifyBaseUrl ? { PAYMENT_NOTIFY_BASE_URL: opts.notifyBaseUrl } : {}),
  };

  return {
    url: baseUrl,
    config,
    ctx,
    close: async () => {
      ctx.notifier.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
