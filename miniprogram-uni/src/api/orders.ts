import { request } from "./request";
import type { QueryParams, RequestBody, Schema } from "./schemas";

export type QuoteLine = Schema<"CheckedLine">;
export type Adjustment = Schema<"Adjustment">;
export type Quote = Schema<"Quote">;

export type OrderStatus = Schema<"OrderStatus">;
export type OrderTab = NonNullable<QueryParams<"/api/orders", "get">["tab"]>;
export type OrderItem = Schema<"OrderItem">;
/** A row of the order list: the summary with its items. */
export type OrderSummary = Schema<"OrderListItem">;
export type TimelineEntry = Schema<"TimelineEntry">;
/** Full detail; `actions` says what the shopper may do now, e.g. ["cancel", "pay"] or ["confirm_receipt"]. */
export type OrderDetail = Schema<"OrderDetail">;
/** wx.requestPayment parameters (WeChat) or the Alipay trade / cashier redirect. */
export type PayParams = Schema<"ClientPayParams">;

/** `couponId`: that coupon, null = none, omitted = the one that saves most. */
export const getQuote = (input: RequestBody<"/api/checkout/quote", "post">) =>
  request<Quote>("/api/checkout/quote", { method: "POST", data: input, silent: true });

/** The key makes a retried submit return the same order instead of a second one. */
export const createOrder = (input: RequestBody<"/api/orders", "post">, idempotencyKey: string) =>
  request<OrderDetail>("/api/orders", { method: "POST", data: input, headers: { "idempotency-key": idempotencyKey } });

export const listOrders = (tab: OrderTab, cursor?: string) =>
  request<Schema<"OrderPage">>("/api/orders", { query: { tab, cursor }, silent: true });

export const getOrder = (id: number) => request<OrderDetail>(`/api/orders/${id}`, { silent: true });
export const getOrderByNo = (orderNo: string) =>
  request<OrderDetail>(`/api/orders/by-no/${encodeURIComponent(orderNo)}`, { silent: true });
export const cancelOrder = (id: number, reason = "") =>
  request<OrderDetail>(`/api/orders/${id}/cancel`, { method: "POST", data: { reason } });
export const confirmReceipt = (id: number) =>
  request<OrderDetail>(`/api/orders/${id}/confirm-receipt`, { method: "POST", data: {} });

export const startPayment = (id: number, method: PayParams["method"], channel: PayParams["channel"]) =>
  request<Schema<"StartPaymentResult">>(`/api/orders/${id}/pay`, { method: "POST", data: { method, channel } });

/** A fresh Idempotency-Key (8–64 of [0-9A-Za-z_-:.]). */
export function newIdempotencyKey(): string {
  const rand = Array.from({ length: 4 }, () => Math.random().toString(36).slice(2, 10)).join("");
  return `mp-${Date.now().toString(36)}-${rand}`.slice(0, 64);
}

/** 我的 page badges: how many orders wait in 待付款 / 待发货 / 待收货. */
export const getOrderCounts = () => request<Schema<"OrderCounts">>("/api/orders/counts", { silent: true });
