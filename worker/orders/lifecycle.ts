// Cancellation and the timers: everything that moves an order without a shopper/merchant click, plus
// the shopper's cancel (the payment side closes the gateway trades first).
//
// Timers: a per-order OrderTimer Durable Object alarm fires at the exact deadline (alarms are durable
// and retried), and a cron-triggered sweep (every minute, worker/sweep.ts) is the backstop for an
// alarm that was never armed or kept failing. Both call the same idempotent functions below.
import { and, eq, lte } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { AppError } from "../shared/errors";
import type { OrderDeps, PaymentRow } from "./deps";
import { orders } from "./schema";
import { type Actor, loadOrder, type OrderRow, SYSTEM, transitionWithRetry } from "./transition";

export const TIMEOUT_REASON = "超时未支付，系统自动取消";

export interface CancelOptions {
  /** The order's payment rows, read with the order (saves closing the trades a read). */
  payments?: readonly PaymentRow[];
  /**
   * A reply's reads (the order and its detail), at no round trip of their own: for an unpaid order in
   * the cancel's own batch (the stock goes back before the reply; stock_state, which the shopper does
   * not see, is recorded just after it); for a paid one in the delivery's record batch, so that they
   * see the refund its subscriber started. `results` is set then, and the order is not re-read here.
   * It stays unset when they could not ride along (already cancelled, or the delivery failed): the
   * caller runs the reads itself.
   */
  reply?: { reads: readonly BatchItem<"sqlite">[]; results?: readonly unknown[] };
}

const withReply = (opts: CancelOptions) => (o: OrderRow, replyReads?: readonly unknown[]) => {
  if (opts.reply) opts.reply.results = replyReads;
  return o;
};

/**
 * Cancels an unpaid order: closes the gateway trades first (if one turns out paid, the order is paid
 * instead and the cancel is refused), then the transition; the stock goes back through its subscriber.
 */
export async function cancelOrder(
  deps: OrderDeps,
  order: OrderRow,
  actor: Actor,
  reason: string,
  opts: CancelOptions = {},
): Promise<OrderRow> {
  if (order.status === "cancelled") return order;
  // A paid order that has not shipped: cancelled at once; the refund of what is left to refund, the
  // stock, the coupon and the installation work orders follow from the cancel_paid event's subscribers.
  // Racing a shipment, whichever commits first wins; the other gets a 409.
  if (order.status === "paid") return cancelWith(deps, order, "cancel_paid", actor, reason, opts);
  if (order.status !== "pending_payment")
    throw new AppError(
      409,
      "ILLEGAL_TRANSITION",
      order.status === "shipped" || order.status === "completed"
        ? "订单已发货，不能取消；如需退货退款请申请售后"
        : "订单当前状态不能取消",
    );
  if (await deps.payments.closeOpenTrades(deps, order, opts.payments)) {
    throw new AppError(409, "ORDER_ALREADY_PAID", "订单已支付，无法取消");
  }
  return cancelWith(deps, order, "cancel", actor, reason, opts);
}

/** The cancel transition (retried on a concurrent change); the order as its delivery left it. */
async function cancelWith(
  deps: OrderDeps,
  order: OrderRow,
  action: "cancel" | "cancel_paid",
  actor: Actor,
  reason: string,
  opts: CancelOptions,
): Promise<OrderRow> {
  const cancelled = await transitionWithRetry<OrderRow>(
    deps,
    order,
    (o) =>
      o.status === "cancelled"
        ? { done: o }
        : {
            action,
            actor,
            reason,
            set: { cancelledAt: Date.now(), cancelReason: reason },
            ...(opts.reply
              ? { reply: { reads: opts.reply.reads, see: action === "cancel" ? "change" : "delivery" } }
              : {}),
          },
    withReply(opts),
  );
  // Fresh: the stock subscriber has updated stock_state meanwhile.
  return opts.reply ? cancelled : (await loadOrder(deps.db, order.id))!;
}

/** Timer: cancel the order if it is still unpaid at its deadline. Idempotent. */
export async function expireOrder(deps: OrderDeps, orderId: number, now = Date.now()) {
  const o = await loadOrder(deps.db, orderId);
  if (o?.status !== "pending_payment" || o.payDeadline > now) return o;
  try {
    return await cancelOrder(deps, o, SYSTEM, TIMEOUT_REASON);
  } catch (err) {
    if (err instanceof AppError && err.code === "ORDER_ALREADY_PAID") return loadOrder(deps.db, orderId);
    throw err;
  }
}

/**
 * Before taking money for an unpaid order, make sure its deadline has not passed: if the timer has not
 * fired yet, expire it now. Throws 409 unless the order can still be paid.
 */
export async function ensurePayable(deps: OrderDeps, order: OrderRow, now = Date.now()): Promise<OrderRow> {
  let o = order;
  if (o.status === "pending_payment" && o.payDeadline <= now) {
    o = (await expireOrder(deps, o.id, now)) ?? o;
    if (o.status === "cancelled") throw new AppError(409, "ORDER_EXPIRED", "订单已超时取消，请重新下单");
  }
  if (o.status !== "pending_payment")
    throw new AppError(
      409,
      "ILLEGAL_TRANSITION",
      o.status === "cancelled" ? "订单已取消，无法支付" : "订单已支付",
    );
  return o;
}

/** Timer: a shipped order the shopper never confirmed completes by itself. Idempotent. */
export async function autoCompleteOrder(deps: OrderDeps, orderId: number, now = Date.now()) {
  const o = await loadOrder(deps.db, orderId);
  if (o?.status !== "shipped" || (o.autoCompleteAt ?? Number.POSITIVE_INFINITY) > now) return o;
  return transitionWithRetry<OrderRow>(
    deps,
    o,
    (cur) =>
      cur.status === "shipped"
        ? {
            action: "auto_complete",
            actor: SYSTEM,
            reason: "超时自动确认收货",
            set: { completedAt: Date.now() },
          }
        : { done: cur },
    (cur) => cur,
  );
}

/** The sweep's share for orders: overdue unpaid orders cancelled, overdue shipped ones completed. */
export async function runDueTimers(deps: OrderDeps, now: number) {
  const { db } = deps;
  const [unpaid, shipped] = await db.batch([
    db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.status, "pending_payment"), lte(orders.payDeadline, now)))
      .limit(50),
    db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.status, "shipped"), lte(orders.autoCompleteAt, now)))
      .limit(50),
  ]);
  let cancelled = 0;
  let completed = 0;
  for (const { id } of unpaid) if ((await expireOrder(deps, id, now))?.status === "cancelled") cancelled++;
  for (const { id } of shipped)
    if ((await autoCompleteOrder(deps, id, now))?.status === "completed") completed++;
  return { cancelled, completed };
}
