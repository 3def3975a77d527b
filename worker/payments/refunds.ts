// Refunds: many per payment, each with its own refund number derived from what it refunds, so a
// retried or concurrent request reuses the number and can never pay twice; the sum of a payment's
// refunds never exceeds what it took (checked in the insert itself). Submitted to WeChat Pay v3 /
// Alipay as partial refunds; outcomes (synchronous or notified) are recorded once per refund as an
// order note that other domains react to through the order events seam.
import { type AnyColumn, and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { OrderDeps } from "../orders/deps";
import type { OrderEventSubscriber } from "../orders/events";
import { commitAndDeliver } from "../orders/outbox";
import { orders } from "../orders/schema";
import { isDuplicateNote, noteStatements, type OrderRow, SYSTEM } from "../orders/transition";
import { AppError } from "../shared/errors";
import { GatewayError, type PaymentMethod, type RefundStatus } from "./gateways/types";
import { truncateUtf8 } from "./gateways/util";
import { METHOD_LABELS } from "./labels";
import { providerOrThrow } from "./providers";
import { payments, type RefundSource, refunds } from "./schema";

export type { RefundSource } from "./schema";
export type RefundRow = typeof refunds.$inferSelect;

export interface RefundRequest {
  source: RefundSource;
  /** What is refunded, unique within the source (a case number, an order item id…): names the refund. */
  sourceRef: string;
  amountFen: number;
  /** Chinese, shown to the shopper; sent to the gateway truncated. */
  reason: string;
}

const SOURCE_CODES: Record<Exclude<RefundSource, "duplicate_payment" | "late_payment">, string> = {
  order_cancel: "C",
  after_sale: "S",
  price_protection: "P",
  trade_in: "T",
};

/**
 * out_refund_no (WeChat ≤ 64 of [0-9A-Za-z_-|*@]; Alipay out_request_no ≤ 64): RF + order number +
 * a source letter + the reference. A refund of a whole extra payment keeps its historic form
 * RF<order>W|A (its reference is the method).
 */
export function refundNumber(orderNo: string, source: RefundSource, sourceRef: string): string {
  if (source === "duplicate_payment" || source === "late_payment")
    return `RF${orderNo}${sourceRef === "wechat" ? "W" : "A"}`;
  if (!/^[0-9A-Za-z]{1,36}$/.test(sourceRef)) throw new Error(`refund reference not usable: ${sourceRef}`);
  return `RF${orderNo}${SOURCE_CODES[source]}${sourceRef}`;
}

/**
 * Records a refund against the order's payment and submits it. The insert succeeds only while the
 * payment's non-failed refunds plus this one stay within what it took, and is keyed by the refund
 * number: asking again returns the same refund (`created: false`). `payment` picks a specific
 * payment by method (a duplicate or late payment); by default it is the one that paid the order.
 */
export async function requestRefund(
  deps: OrderDeps,
  order: OrderRow,
  req: RefundRequest,
  payment?: { method: PaymentMethod },
): Promise<{ refund: RefundRow; created: boolean }> {
  const { db } = deps;
  if (!Number.isSafeInteger(req.amountFen) || req.amountFen <= 0)
    throw new AppError(422, "INVALID_REFUND_AMOUNT", "退款金额必须大于 0");
  const outRefundNo = refundNumber(order.orderNo, req.source, req.sourceRef);
  const now = Date.now();
  const which = payment
    ? sql`p.method = ${payment.method}`
    : sql`p.transaction_id = (SELECT transaction_id FROM orders WHERE id = ${order.id})`;
  const inserted = await db.all<{ id: number }>(sql`
    INSERT INTO refunds (order_id, payment_id, method, source, source_ref, out_refund_no, transaction_id,
      amount_fen, reason, status, attempts, created_at, updated_at)
    SELECT ${order.id}, p.id, p.method, ${req.source}, ${req.sourceRef}, ${outRefundNo}, p.transaction_id,
      ${req.amountFen}, ${req.reason}, 'pending', 0, ${now}, ${now}
    FROM payments p
    WHERE p.order_id = ${order.id} AND p.status = 'paid' AND ${which}
      AND p.amount_fen >= ${req.amountFen} + (SELECT coalesce(sum(r.amount_fen), 0) FROM refunds r
                                              WHERE r.payment_id = p.id AND r.status != 'failed')
    ON CONFLICT (out_refund_no) DO NOTHING
    RETURNING id`);
  const refund = await db.select().from(refunds).where(eq(refunds.outRefundNo, outRefundNo)).get();
  if (!refund) {
    const left = await refundableFen(db, order.id);
    if (left === null) throw new AppError(409, "ORDER_NOT_PAID", "订单未支付，无需退款");
    throw new AppError(
      409,
      "REFUND_EXCEEDS_PAID",
      `退款金额超过可退金额（还可退 ¥${(left / 100).toFixed(2)}）`,
    );
  }
  const created = inserted.length > 0;
  // Written once per refund (dedupe key): a retry after a crash between the two writes adds it then.
  try {
    const [note, ...reactions] = noteStatements(
      deps,
      order,
      "refund_requested",
      SYSTEM,
      req.reason,
      refundData(refund),
      `refund_requested:${outRefundNo}`,
    );
    await commitAndDeliver(deps, order.id, ["refund_requested"], [note!, ...reactions]);
  } catch (err) {
    if (!isDuplicateNote(err)) throw err;
  }
  await submitRefund(deps, outRefundNo);
  const fresh = await db.select().from(refunds).where(eq(refunds.id, refund.id)).get();
  return { refund: fresh ?? refund, created };
}

const refundData = (r: RefundRow) => ({
  source: r.source,
  sourceRef: r.sourceRef,
  amountFen: r.amountFen,
  outRefundNo: r.outRefundNo,
  method: r.method,
  reason: r.reason,
});

/** What the order's paying payment can still give back; null when nothing paid the order. */
export async function refundableFen(db: Db, orderId: number): Promise<number | null> {
  const row = await db.get<{ left: number | null }>(sql`SELECT ${refundableFenSql(orderId)} AS "left"`);
  return row?.left ?? null;
}

/** The same as a scalar subquery, to read or write it inside another statement (null: not paid). */
export const refundableFenSql = (orderId: AnyColumn | number) => sql<number | null>`(
  SELECT p.amount_fen - (SELECT coalesce(sum(r.amount_fen), 0) FROM refunds r
                         WHERE r.payment_id = p.id AND r.status != 'failed')
  FROM payments p JOIN orders o ON o.id = p.order_id
  WHERE p.order_id = ${orderId} AND p.status = 'paid' AND p.transaction_id = o.transaction_id)`;

export interface RefundView {
  outRefundNo: string;
  method: PaymentMethod;
  methodLabel: string;
  source: RefundSource;
  sourceRef: string;
  amountFen: number;
  reason: string;
  status: RefundRow["status"];
  statusLabel: string;
  /** The payment's gateway transaction the money goes back to. */
  transactionId: string | null;
  refundId: string | null;
  createdAt: number;
  updatedAt: number;
}

export const REFUND_STATUS_LABELS: Record<RefundRow["status"], string> = {
  pending: "待提交",
  submitting: "提交中",
  processing: "退款中",
  succeeded: "已退款",
  failed: "退款失败",
};

export const toRefundView = (r: RefundRow): RefundView => ({
  outRefundNo: r.outRefundNo,
  method: r.method,
  methodLabel: METHOD_LABELS[r.method],
  source: r.source,
  sourceRef: r.sourceRef,
  amountFen: r.amountFen,
  reason: r.reason,
  status: r.status,
  statusLabel: REFUND_STATUS_LABELS[r.status],
  transactionId: r.transactionId,
  refundId: r.refundId,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export async function refundsOfOrder(db: Db, orderId: number): Promise<RefundView[]> {
  const rows = await db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.id));
  return rows.map(toRefundView);
}

/** Submits a pending refund to its gateway. A claim (pending → submitting) keeps concurrent callers from double-submitting. */
export async function submitRefund(deps: OrderDeps, outRefundNo: string) {
  const { db, env, log } = deps;
  const [claimed] = await db
    .update(refunds)
    .set({ status: "submitting", attempts: sql`${refunds.attempts} + 1`, updatedAt: Date.now() })
    .where(and(eq(refunds.outRefundNo, outRefundNo), eq(refunds.status, "pending")))
    .returning();
  if (!claimed) return;
  const found = await db
    .select({ order: orders, paidFen: payments.amountFen })
    .from(orders)
    .leftJoin(payments, eq(payments.id, claimed.paymentId ?? -1))
    .where(eq(orders.id, claimed.orderId))
    .get();
  const order = found!.order;
  try {
    const provider = providerOrThrow(env, claimed.method);
    const r = await provider.refund({
      outTradeNo: order.orderNo,
      outRefundNo,
      refundFen: claimed.amountFen,
      // The trade's total: what the payment took (rows from before partial refunds refunded it whole).
      totalFen: found?.paidFen ?? claimed.amountFen,
      reason: truncateUtf8(claimed.reason, 80),
    });
    await db
      .update(refunds)
      .set({ refundId: r.refundId, updatedAt: Date.now() })
      .where(eq(refunds.id, claimed.id));
    if (r.status === "PROCESSING")
      await db
        .update(refunds)
        .set({ status: "processing" })
        .where(and(eq(refunds.id, claimed.id), eq(refunds.status, "submitting")));
    else await settleRefund(deps, { ...claimed, refundId: r.refundId }, order, r.status);
  } catch (err) {
    // Retryable or not, the same out_refund_no makes a resubmission safe; give up after a few tries.
    const giveUp =
      claimed.attempts >= 5 ||
      (err instanceof GatewayError && !err.retryable && err.httpStatus !== undefined && err.httpStatus < 500);
    log.warn("refund submit failed", { outRefundNo, err: String(err), giveUp });
    await db
      .update(refunds)
      .set({ status: "pending", lastError: String(err).slice(0, 300), updatedAt: Date.now() })
      .where(and(eq(refunds.id, claimed.id), eq(refunds.status, "submitting")));
    if (giveUp) await settleRefund(deps, claimed, order, "ABNORMAL");
  }
}

/**
 * The refund's outcome, from the gateway's reply or its notification, whichever comes first: the
 * status and the order's refund_succeeded / refund_failed note in one batch, the note keyed by the
 * refund so a second report (a duplicate notification, the reply racing it) records nothing.
 */
export async function settleRefund(
  deps: OrderDeps,
  refund: RefundRow,
  order: OrderRow,
  status: Exclude<RefundStatus, "PROCESSING">,
) {
  const { db } = deps;
  const done = status === "SUCCESS";
  const kind = done ? "refund_succeeded" : "refund_failed";
  try {
    await commitAndDeliver(
      deps,
      order.id,
      [kind],
      [
        db
          .update(refunds)
          .set({ status: done ? "succeeded" : "failed", updatedAt: Date.now() })
          .where(
            and(eq(refunds.id, refund.id), inArray(refunds.status, ["pending", "submitting", "processing"])),
          ),
        ...noteStatements(
          deps,
          order,
          kind,
          { kind: "gateway", id: null },
          done ? `退款成功 ¥${(refund.amountFen / 100).toFixed(2)}` : `退款失败（${status}）`,
          refundData(refund),
          `refund_outcome:${refund.outRefundNo}`,
        ),
      ],
    );
  } catch (err) {
    if (isDuplicateNote(err)) return;
    throw err;
  }
  if (!done) deps.log.error("refund failed", { outRefundNo: refund.outRefundNo, status });
}

/** Refunds never accepted by the gateway (or stuck mid-submit) are resubmitted. */
export async function retryRefunds(deps: OrderDeps, now: number) {
  const { db } = deps;
  await db
    .update(refunds)
    .set({ status: "pending" })
    .where(and(eq(refunds.status, "submitting"), lt(refunds.updatedAt, now - 5 * 60_000)));
  const due = await db
    .select({ outRefundNo: refunds.outRefundNo })
    .from(refunds)
    .where(and(eq(refunds.status, "pending"), lt(refunds.updatedAt, now - 30_000)))
    .limit(20);
  for (const r of due) await submitRefund(deps, r.outRefundNo);
  return due.length;
}

/**
 * A paid order cancelled before shipping gets back everything not refunded yet (after-sales may have
 * refunded a line already), once: after the commit of its cancel_paid event, redelivered until it
 * succeeds; a redelivery finds the refund by its number and only resubmits it.
 */
export const orderCancelRefundSubscriber: OrderEventSubscriber = {
  name: "order-cancel-refund",
  kinds: ["cancel_paid"],
  async afterCommit(deps, _event, order) {
    const outRefundNo = refundNumber(order.orderNo, "order_cancel", "all");
    const existing = await deps.db.select().from(refunds).where(eq(refunds.outRefundNo, outRefundNo)).get();
    if (existing) return submitRefund(deps, outRefundNo);
    const left = await refundableFen(deps.db, order.id);
    if (!left || left <= 0) return;
    await requestRefund(deps, order, {
      source: "order_cancel",
      sourceRef: "all",
      amountFen: left,
      reason: "订单取消，全额退款",
    });
  },
};
