// In-memory trades, shared by both gateway sides, the cashier page and the control API.
import type { SimIdentities } from "./keys";
import type { Notifier } from "./notifier";

export type SimMethod = "wechat" | "alipay";
export type SimTradeState = "pending" | "paid" | "closed";

export interface SimRefund {
  outRefundNo: string;
  refundId: string;
  refundFen: number;
  reason: string;
  /** WeChat: PROCESSING until settled; Alipay refunds are synchronous (SUCCESS at once). */
  status: "PROCESSING" | "SUCCESS" | "ABNORMAL" | "CLOSED";
  notifyUrl?: string;
  createdAtMs: number;
  settledAtMs?: number;
}

export interface SimTrade {
  method: SimMethod;
  outTradeNo: string;
  /** WeChat transaction_id (assigned when paid) / Alipay trade_no (assigned at creation). */
  transactionId?: string;
  amountFen: number;
  description: string;
  state: SimTradeState;
  appId: string;
  merchantId: string;
  payerId: string;
  notifyUrl: string;
  returnUrl?: string;
  quitUrl?: string;
  productCode?: string;
  expiresAtMs?: number;
  createdAtMs: number;
  paidAtMs?: number;
  closedAtMs?: number;
  prepayIds: string[];
  refunds: SimRefund[];
}

export interface SimOptions {
  /** Prefix of our notify URLs, reported as PAYMENT_NOTIFY_BASE_URL in `config`. */
  notifyBaseUrl?: string;
  /** Which WeChat key signs responses and notifications: public-key mode (default) or platform cert. */
  wechatSigner?: "publicKey" | "platformCert";
  /** Multiplies the real retry schedules; default 0.001 (15 s → 15 ms). */
  retryTimeScale?: number;
  /** Attempts per notification including the first; default 4. */
  maxAttempts?: number;
  /** WeChat refunds go PROCESSING → SUCCESS (with notification) right after the refund call; default true. */
  autoSettleRefunds?: boolean;
  /** Sim clock; default Date.now. */
  now?: () => number;
}

export interface SimContext {
  ids: SimIdentities;
  opts: Required<Omit<SimOptions, "notifyBaseUrl">> & { notifyBaseUrl?: string };
  trades: Map<string, SimTrade>;
  notifier: Notifier;
  baseUrl: () => string;
}

export const tradeKey = (method: SimMethod, outTradeNo: string) => `${method}:${outTradeNo}`;

export function findTrade(ctx: SimContext, method: SimMethod, outTradeNo: string): SimTrade | undefined {
  return ctx.trades.get(tradeKey(method, outTradeNo));
}

export function refundedFen(trade: SimTrade): number {
  return trade.refunds.filter((r) => r.status !== "CLOSED").reduce((n, r) => n + r.refundFen, 0);
}

/** A trade is payable until paid, closed or past its time_expire. */
export function payability(ctx: SimContext, trade: SimTrade): "ok" | "paid" | "closed" | "expired" {
  if (trade.state === "paid") return "paid";
  if (trade.state === "closed") return "closed";
  if (trade.expiresAtMs !== undefined && ctx.opts.now() > trade.expiresAtMs) return "expired";
  return "ok";
}
