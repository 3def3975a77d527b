// What the apps see of a case: a list row, and the detail with items, refund, timeline and actions.
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { orderItems, orders } from "../../orders/schema";
import { refunds } from "../../payments/schema";
import { repairByNo } from "../repair/service";
import { REPAIR_STATUS_LABELS } from "../repair/state-machine";
import { photoUrl } from "./photos";
import { afterSaleCaseEvents, afterSaleCaseItems } from "./schema";
import { availableCaseActions, CASE_TYPE_LABELS, caseStatusLabel, REASON_LABELS } from "./state-machine";
import type { CaseRow } from "./transition";

export type CaseViewer = "shopper" | "merchant";

/** Where returns go (the shop's after-sales warehouse). */
export const RETURN_ADDRESS = {
  name: "家电商城售后中心",
  phone: "400-800-1234",
  address: "广东省深圳市南山区科技园北区 售后仓 1 号库",
};

const REFUND_STATUS_TEXT = {
  none: "未发起",
  pending: "退款处理中",
  processing: "退款处理中",
  succeeded: "退款成功",
  failed: "退款失败",
} as const;

async function itemsOf(db: Db, caseIds: number[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({ caseItem: afterSaleCaseItems, item: orderItems })
    .from(afterSaleCaseItems)
    .innerJoin(orderItems, eq(orderItems.id, afterSaleCaseItems.orderItemId))
    .where(inArray(afterSaleCaseItems.caseId, caseIds))
    .orderBy(asc(afterSaleCaseItems.orderItemId));
}

async function orderNos(db: Db, orderIds: number[]) {
  if (orderIds.length === 0) return new Map<number, string>();
  const rows = await db
    .select({ id: orders.id, orderNo: orders.orderNo })
    .from(orders)
    .where(inArray(orders.id, [...new Set(orderIds)]));
  return new Map(rows.map((r) => [r.id, r.orderNo]));
}

function summary(c: CaseRow, orderNo: string, items: Awaited<ReturnType<typeof itemsOf>>) {
  const mine = items.filter((i) => i.caseItem.caseId === c.id);
  const first = mine[0]?.item;
  const units = mine.reduce((s, i) => s + i.caseItem.quantity, 0);
  return {
    caseNo: c.caseNo,
    orderNo,
    type: c.type,
    typeText: CASE_TYPE_LABELS[c.type],
    status: c.status,
    statusText: caseStatusLabel(c.status, c.type),
    reasonCode: c.reasonCode,
    reasonText: REASON_LABELS[c.reasonCode],
    refundFen: c.refundFen,
    itemsSummary: first ? (mine.length > 1 ? `${first.name} 等${units}件` : `${first.name} ×${units}`) : "",
    image: first?.image ?? null,
    deadlineAt: c.deadlineAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export async function caseSummaries(db: Db, rows: CaseRow[]) {
  const [items, nos] = await Promise.all([
    itemsOf(
      db,
      rows.map((c) => c.id),
    ),
    orderNos(
      db,
      rows.map((c) => c.orderId),
    ),
  ]);
  return rows.map((c) => summary(c, nos.get(c.orderId) ?? "", items));
}

function deadlineText(c: CaseRow): string | null {
  if (c.deadlineAt === null) return null;
  if (c.status === "applied") return "商家 2 天内未处理将自动同意";
  if (c.status === "approved") return "请在 7 天内寄回商品，超时售后将关闭";
  return null;
}

export async function caseDetail(db: Db, c: CaseRow, viewer: CaseViewer) {
  const [items, nos, events, refund, workOrder] = await Promise.all([
    itemsOf(db, [c.id]),
    orderNos(db, [c.orderId]),
    db
      .select()
      .from(afterSaleCaseEvents)
      .where(eq(afterSaleCaseEvents.caseId, c.id))
      .orderBy(asc(afterSaleCaseEvents.id)),
    c.outRefundNo
      ? db.select().from(refunds).where(eq(refunds.outRefundNo, c.outRefundNo)).get()
      : Promise.resolve(undefined),
    c.workOrderNo ? repairByNo(db, c.workOrderNo) : Promise.resolve(undefined),
  ]);
  const refundStatus: keyof typeof REFUND_STATUS_TEXT = refund
    ? refund.status === "submitting"
      ? "processing"
      : refund.status
    : c.status === "refunded"
      ? "succeeded"
      : "none";
  const returns = c.type === "return_refund" || c.type === "exchange";
  return {
    ...summary(c, nos.get(c.orderId) ?? "", items),
    description: c.description,
    photos: c.photos.map((key) => ({ key, url: photoUrl(key) })),
    unused: c.unused,
    items: items.map(({ caseItem, item }) => ({
      orderItemId: item.id,
      name: item.name,
      image: item.image,
      specs: item.specs,
      quantity: caseItem.quantity,
      goodsFen: caseItem.goodsFen,
    })),
    refund: {
      amountFen: c.refundFen,
      goodsFen: c.refundGoodsFen,
      freightFen: c.refundFreightFen,
      chargesFen: c.refundChargesFen,
      status: refundStatus,
      statusText: REFUND_STATUS_TEXT[refundStatus],
      outRefundNo: c.outRefundNo,
    },
    refuseReason: c.refuseReason,
    returnAddress: returns && !["applied", "refused", "cancelled"].includes(c.status) ? RETURN_ADDRESS : null,
    returnShipment:
      c.returnCarrier || c.returnPickup
        ? { carrier: c.returnCarrier, trackingNo: c.returnTrackingNo, pickup: c.returnPickup }
        : null,
    received: c.received,
    exchangeShipment:
      c.exchangeCarrier && c.exchangeTrackingNo
        ? { carrier: c.exchangeCarrier, trackingNo: c.exchangeTrackingNo }
        : null,
    workOrderNo: c.workOrderNo,
    workOrder: workOrder
      ? {
          workOrderNo: workOrder.workOrderNo,
          status: workOrder.status,
          statusText: REPAIR_STATUS_LABELS[workOrder.status],
        }
      : null,
    deadlineText: deadlineText(c),
    actions: availableCaseActions(c.status, c.type, viewer),
    timeline: events.map((e) => ({
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: e.actorKind,
      reason: e.reason,
      at: e.createdAt,
    })),
  };
}
