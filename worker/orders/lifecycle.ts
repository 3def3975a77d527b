// Cancellation and the timers: everything that moves an order without a shopper/merchant click, plus
// the shopper's cancel (it has to talk to the payment gateways first).
//
// Timers: a per-order OrderTimer Durable Object alarm fires at the exact deadline (alarms are durable
// and retried), and a cron-triggered sweep (every minute, wrangler.toml [triggers]) is the backstop
// for an alarm that was never armed or kept failing. Both call the same idempotent functions below.
import { and, eq, inArray, lt, lte } from "drizzle-orm";
import { createDb } from "../db/client";
import type { Env } from "../env";
import { confirmItems, releaseItems } from "../inventory/client";
import { deliverSubscribeMessages, orderNoticeStatements, subscribeConfig } from "../notifications/service";
import { closeGatewayTrades, orderSkuIds, reconcilePayments, retryRefunds } from "../payments/service";
import { AppError } from "../shared/errors";
import { createLogger, type Logger } from "../shared/log";
import { orders } from "./schema";
import { afterCommit, type OrderDeps, summaryOf } from "./service";
import { type Actor, loadOrder, type OrderRow, SYSTEM, transitionWithRetry } from "./transition";

export const TIMEOUT_REASON = "超时未支付，系统自动取消";

/**
 * Cancels an unpaid order: closes the gateway trades first (if one turns out paid, the order is paid
 * instead and the cancel is refused), then the transition, then the stock goes back.
 */
export async function cancelOrder(
  deps: OrderDeps,
  order: OrderRow,
  actor: Actor,
  reason: string,
): Promise<OrderRow> {
  if (order.status === "cancelled") return order;
  if (order.status !== "pending_payment")
    throw new AppError(409, "ILLEGAL_TRANSITION", `订单当前状态不能取消`);
  if (await closeGatewayTrades(deps, order)) {
    throw new AppError(409, "ORDER_ALREADY_PAID", "订单已支付，无法取消");
  }
  const summary = await summaryOf(deps.db, order.id);
  const cancelled = await transitionWithRetry<OrderRow>(
    deps.db,
    order,
    (o) =>
      o.status === "cancelled"
        ? { done: o }
        : {
            action: "cancel",
            actor,
            reason,
            set: { cancelledAt: Date.now(), cancelReason: reason },
            extra: (db, next) =>
              orderNoticeStatements(db, subscribeConfig(deps.env), "order_cancelled", next, summary),
          },
    (o) => {
      deps.waitUntil(afterCommit(deps, o, "order_cancelled"));
      return o;
    },
  );
  await releaseStock(deps, cancelled);
  return (await loadOrder(deps.db, order.id))!;
}

async function releaseStock(deps: OrderDeps, order: OrderRow) {
  try {
    const r = await releaseItems(
      deps.env,
      order.orderNo,
      await orderSkuIds(deps.db, order.id),
      "order_cancelled",
    );
    // ALREADY_SOLD: a late payment re-took the units in the meantime; the order is paid again.
    if (r.ok)
      await deps.db
        .update(orders)
        .set({ stockState: "released" })
        .where(
          and(eq(orders.id, order.id), eq(orders.status, "cancelled"), eq(orders.stockState, "reserved")),
        );
  } catch (err) {
    deps.log.warn("stock release deferred to the sweeper", { orderNo: order.orderNo, err: String(err) });
  }
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

/** Timer: a shipped order the shopper never confirmed completes by itself. Idempotent. */
export async function autoCompleteOrder(deps: OrderDeps, orderId: number, now = Date.now()) {
  const o = await loadOrder(deps.db, orderId);
  if (o?.status !== "shipped" || (o.autoCompleteAt ?? Number.POSITIVE_INFINITY) > now) return o;
  return transitionWithRetry<OrderRow>(
    deps.db,
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

/** Everything time-driven, in bounded batches: the cron backstop (and an admin "run now"). */
export async function sweep(deps: OrderDeps, now = Date.now()) {
  const { db, log } = deps;
  const result = { cancelled: 0, completed: 0, stockFixed: 0, reconciled: 0, refundsRetried: 0, messages: 0 };
  const safely = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      log.error("sweep step failed", { what, err: String(err) });
    }
  };
  await safely("expire", async () => {
    const due = await db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.status, "pending_payment"), lte(orders.payDeadline, now)))
      .limit(50);
    for (const { id } of due)
      if ((await expireOrder(deps, id, now))?.status === "cancelled") result.cancelled++;
  });
  await safely("complete", async () => {
    const due = await db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.status, "shipped"), lte(orders.autoCompleteAt, now)))
      .limit(50);
    for (const { id } of due)
      if ((await autoCompleteOrder(deps, id, now))?.status === "completed") result.completed++;
  });
  await safely("stock", async () => {
    // Compensations that failed earlier (stock service unreachable): cancelled but still held, paid but not sold.
    const stuck = await db
      .select()
      .from(orders)
      .where(
        and(
          eq(orders.stockState, "reserved"),
          inArray(orders.status, ["cancelled", "paid", "shipped", "completed"]),
          lt(orders.updatedAt, now - 30_000),
        ),
      )
      .limit(50);
    for (const o of stuck) {
      const skuIds = await orderSkuIds(db, o.id);
      if (o.status === "cancelled") {
        const r = await releaseItems(deps.env, o.orderNo, skuIds, "order_cancelled");
        if (!r.ok) continue;
        await db
          .update(orders)
          .set({ stockState: "released" })
          .where(and(eq(orders.id, o.id), eq(orders.stockState, "reserved")));
      } else {
        const r = await confirmItems(deps.env, o.orderNo, skuIds, { reReserve: true });
        if (!r.ok) {
          log.error("paid order still without stock", { orderNo: o.orderNo, code: r.code });
          continue;
        }
        await db
          .update(orders)
          .set({ stockState: "confirmed" })
          .where(and(eq(orders.id, o.id), eq(orders.stockState, "reserved")));
      }
      result.stockFixed++;
    }
  });
  await safely("reconcile", async () => {
    result.reconciled = await reconcilePayments(deps, now);
  });
  await safely("refunds", async () => {
    result.refundsRetried = await retryRefunds(deps, now);
  });
  await safely("subscribe messages", async () => {
    result.messages = await deliverSubscribeMessages(db, subscribeConfig(deps.env), log, {
      olderThan: now - 60_000,
    });
  });
  return result;
}

/** Deps for code running outside a request (cron, Durable Object alarms). */
export function backgroundDeps(env: Env, waitUntil: (p: Promise<unknown>) => void, log?: Logger): OrderDeps {
  return {
    db: createDb(env.LIBSQL_URL, env.LIBSQL_AUTH_TOKEN),
    env,
    log: log ?? createLogger(env.LOG_LEVEL, { component: "orders-background" }),
    waitUntil,
  };
}
