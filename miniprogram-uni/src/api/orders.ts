import type { Address, AddressInput } from "./addresses";
import type { LiveSkuLine, SkuLine } from "./lines";
import type { BuyLine } from "@/utils/checkout-lines";
import { request } from "./request";

export type QuoteLine = LiveSkuLine;

export interface Adjustment {
  step: string;
  kind: "shipping" | "discount";
  label: string;
  amountFen: number;
}

export interface Quote {
  fromCart: boolean;
  items: QuoteLine[];
  adjustments: Adjustment[];
  itemsTotalFen: number;
  shippingFen: number;
  discountFen: number;
  payableFen: number;
  address: Address | null;
  orderable: boolean;
  problems: string[];
}

export type OrderStatus = "pending_payment" | "paid" | "shipped" | "completed" | "cancelled";
export type OrderTab = "all" | "unpaid" | "to_ship" | "to_receive" | "completed";

export interface OrderItem extends SkuLine {
  /** The order item id (needed for the warranty lookup); present once the orders API exposes it. */
  id?: number;
}

export interface OrderSummary {
  id: number;
  orderNo: string;
  status: OrderStatus;
  statusText: string;
  itemsTotalFen: number;
  shippingFen: number;
  discountFen: number;
  payableFen: number;
  payDeadline: number | null;
  createdAt: number;
  itemCount?: number;
  items: OrderItem[];
}

export interface TimelineEntry {
  kind: string;
  toStatus: OrderStatus | null;
  toStatusText: string | null;
  actor: string;
  actorText: string;
  reason: string | null;
  at: number;
}

export interface OrderDetail extends OrderSummary {
  adjustments: Adjustment[];
  address: Omit<AddressInput, "isDefault">;
  shopperRemark: string;
  paymentMethod: "wechat" | "alipay" | null;
  paidAt: number | null;
  carrier: string | null;
  trackingNo: string | null;
  shippedAt: number | null;
  autoCompleteAt: number | null;
  completedAt: number | null;
  cancelledAt: number | null;
  cancelReason: string | null;
  /** What the shopper may do now, e.g. ["cancel", "pay"] or ["confirm_receipt"]. */
  actions: string[];
  timeline: TimelineEntry[];
  refunds: { amountFen: number; status: string; reason: string; createdAt: number }[];
}

export type PayParams =
  | {
      method: "wechat";
      channel: "miniprogram";
      prepayId: string;
      payParams: { appId: string; timeStamp: string; nonceStr: string; package: string; signType: "RSA"; paySign: string };
    }
  | { method: "alipay"; channel: "miniprogram"; tradeNo: string }
  | { method: "alipay"; channel: "h5"; redirectUrl: string };

export const getQuote = (input: { items?: BuyLine[]; addressId?: number }) =>
  request<Quote>("/api/checkout/quote", { method: "POST", data: input, silent: true });

/** The key makes a retried submit return the same order instead of a second one. */
export const createOrder = (input: { items?: BuyLine[]; addressId?: number; remark: string }, idempotencyKey: string) =>
  request<OrderDetail>("/api/orders", { method: "POST", data: input, headers: { "idempotency-key": idempotencyKey } });

export const listOrders = (tab: OrderTab, cursor?: string) =>
  request<{ items: OrderSummary[]; nextCursor: string | null }>("/api/orders", {
    query: { tab, cursor },
    silent: true,
  });

export const getOrder = (id: number) => request<OrderDetail>(`/api/orders/${id}`, { silent: true });
export const getOrderByNo = (orderNo: string) =>
  request<OrderDetail>(`/api/orders/by-no/${encodeURIComponent(orderNo)}`, { silent: true });
export const cancelOrder = (id: number, reason = "") =>
  request<OrderDetail>(`/api/orders/${id}/cancel`, { method: "POST", data: { reason } });
export const confirmReceipt = (id: number) =>
  request<OrderDetail>(`/api/orders/${id}/confirm-receipt`, { method: "POST", data: {} });

export const startPayment = (id: number, method: "wechat" | "alipay", channel: "miniprogram" | "h5") =>
  request<{ orderNo: string; payableFen: number; payDeadline: number; payment: PayParams }>(
    `/api/orders/${id}/pay`,
    { method: "POST", data: { method, channel } },
  );

/** A fresh Idempotency-Key (8–64 of [0-9A-Za-z_-:.]). */
export function newIdempotencyKey(): string {
  const rand = Array.from({ length: 4 }, () => Math.random().toString(36).slice(2, 10)).join("");
  return `mp-${Date.now().toString(36)}-${rand}`.slice(0, 64);
}
