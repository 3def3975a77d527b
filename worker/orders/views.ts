// How an order is shown: the list summary and the full detail, for the shopper or the merchant.
import { asc, eq, type SQL } from "drizzle-orm";
import type { BatchResponse } from "drizzle-orm/batch";
import { imageUrl } from "../catalog/model";
import type { Db } from "../db/client";
import { METHOD_LABELS } from "../payments/labels";
import { toRefundView } from "../payments/refunds";
import { payments, refunds } from "../payments/schema";
import { orderEvents, orderItems } from "./schema";
import { type ActorKind, availableActions, STATUS_LABELS, shopperStatusLabel } from "./state-machine";
import type { OrderRow } from "./transition";

export type Viewer = "shopper" | "merchant";
export type OrderItemRow = typeof orderItems.$inferSelect;

export function itemView(i: OrderItemRow) {
  return {
    id: i.id,
    skuId: i.skuId,
    productId: i.productId,
    name: i.name,
    specs: i.specs,
    imageUrl: i.image ? imageUrl(i.image) : null,
    unitPriceFen: i.unitPriceFen,
    quantity: i.quantity,
    lineTotalFen: i.lineTotalFen,
    /** What this line paid after its share of freight and discounts. */
    payableFen: i.payableFen,
  };
}

export function summaryView(o: OrderRow, viewer: Viewer) {
  return {
    id: o.id,
    orderNo: o.orderNo,
    status: o.status,
    statusText: viewer === "shopper" ? shopperStatusLabel(o.status) : STATUS_LABELS[o.status],
    itemsTotalFen: o.itemsTotalFen,
    shippingFen: o.shippingFen,
    discountFen: o.discountFen,
    payableFen: o.payableFen,
    payDeadline: o.status === "pending_payment" ? o.payDeadline : null,
    createdAt: o.createdAt,
  };
}

/** 13800138000 → 138****8000: what an agent sees of a receiver's phone. */
export const maskPhone = (phone: string) =>
  phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : "****";

/** An order view as an agent gets it: the receiver's phone masked wherever it appears. */
export function maskedForAgent<T extends { receiverPhone?: string; address?: { phone: string } }>(
  view: T,
): T {
  return {
    ...view,
    ...(view.receiverPhone !== undefined ? { receiverPhone: maskPhone(view.receiverPhone) } : {}),
    ...(view.address ? { address: { ...view.address, phone: maskPhone(view.address.phone) } } : {}),
  };
}

/** A list row: the summary, the items, and for the merchant who it goes to. */
export function listRowView(o: OrderRow, items: OrderItemRow[], viewer: Viewer) {
  return {
    ...summaryView(o, viewer),
    ...(viewer === "merchant"
      ? { receiverName: o.receiverName, receiverPhone: o.receiverPhone, merchantRemark: o.merchantRemark }
      : {}),
    itemCount: items.reduce((n, i) => n + i.quantity, 0),
    items: items.map(itemView),
  };
}

const ACTOR_LABELS: Record<ActorKind, string> = {
  shopper: "买家",
  merchant: "商家",
  system: "系统",
  gateway: "支付平台",
};

const sumFen = (rows: readonly { amountFen: number }[]) => rows.reduce((s, r) => s + r.amountFen, 0);

/** Money given back (succeeded) and on its way (accepted or still being submitted). */
function refundTotals(rows: readonly (typeof refunds.$inferSelect)[]) {
  return {
    refundedFen: sumFen(rows.filter((r) => r.status === "succeeded")),
    refundingFen: sumFen(rows.filter((r) => r.status !== "succeeded" && r.status !== "failed")),
  };
}

/** Full detail with items and the timeline. Merchants also see ids, remarks and payment records. */
export async function orderDetail(db: Db, o: OrderRow, viewer: Viewer) {
  // One batch: one round trip to the database instead of four.
  return orderDetailView(o, viewer, await db.batch(orderDetailQueries(db, o.id)));
}

/** The reads of `orderDetail`, for a caller that also reads the order itself in the same batch. */
export function orderDetailQueries(db: Db, orderId: number | SQL) {
  return [
    db.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.id)),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id)),
    db.select().from(payments).where(eq(payments.orderId, orderId)),
    db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.id)),
  ] as const;
}

export function orderDetailView(
  o: OrderRow,
  viewer: Viewer,
  [items, events, pays, refundRows]: BatchResponse<ReturnType<typeof orderDetailQueries>>,
) {
  const actor: ActorKind = viewer === "shopper" ? "shopper" : "merchant";
  return {
    ...summaryView(o, viewer),
    items: items.map((i) => ({
      ...itemView(i),
      ...(viewer === "merchant" ? { allocations: i.allocations } : {}),
    })),
    adjustments: o.adjustments,
    address: o.address,
    deliveryPromise: o.deliveryPromise,
    shopperRemark: o.shopperRemark,
    ...(viewer === "merchant" ? { merchantRemark: o.merchantRemark, shopperId: o.shopperId } : {}),
    paymentMethod: o.paymentMethod,
    paidAt: o.paidAt,
    carrier: o.carrier,
    trackingNo: o.trackingNo,
    shippedAt: o.shippedAt,
    autoCompleteAt: o.status === "shipped" ? o.autoCompleteAt : null,
    completedAt: o.completedAt,
    cancelledAt: o.cancelledAt,
    cancelReason: o.cancelReason,
    actions: [
      ...availableActions(o.status, actor),
      ...(viewer === "shopper" && o.status === "pending_payment" ? ["pay"] : []),
    ],
    timeline: events
      // Remarks are the merchant's internal notes.
      .filter((e) => viewer === "merchant" || e.kind !== "remark")
      .map((e) => ({
        kind: e.kind,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        toStatusText: e.toStatus ? STATUS_LABELS[e.toStatus] : null,
        actor: e.actorKind,
        actorText: ACTOR_LABELS[e.actorKind],
        ...(viewer === "merchant" ? { actorId: e.actorId, data: e.data } : {}),
        reason: e.reason,
        at: e.createdAt,
      })),
    refunds: refundRows.map((r) => {
      const { transactionId, refundId, ...view } = toRefundView(r);
      return viewer === "merchant" ? { ...view, transactionId, refundId } : view;
    }),
    ...refundTotals(refundRows),
    ...(viewer === "merchant"
      ? {
          transactionId: o.transactionId,
          stockState: o.stockState,
          // Each payment with what it is (the one that paid the order, or an extra one) and what of it
          // was refunded, so a double-paid order shows which payment each refund returned.
          payments: pays.map((p) => ({
            method: p.method,
            methodLabel: METHOD_LABELS[p.method],
            channel: p.channel,
            status: p.status,
            role: p.status !== "paid" ? "unpaid" : p.transactionId === o.transactionId ? "order" : "extra",
            amountFen: p.amountFen,
            transactionId: p.transactionId,
            refundedFen: sumFen(refundRows.filter((r) => r.paymentId === p.id && r.status === "succeeded")),
            createdAt: p.createdAt,
          })),
        }
      : {}),
  };
}
