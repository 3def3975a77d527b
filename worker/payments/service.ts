// The order side of payments: start a payment for an order, apply verified payment events exactly
// once, refund money we must give back, and reconcile with the gateways. Protocol details live in
// ./gateways (owned by the payments engineer); this file never parses or signs anything itself.
import type { z } from "@hono/zod-openapi";
import { and, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { shoppers } from "../auth/schema";
import type { Db } from "../db/client";
import { confirmItems } from "../inventory/client";
import { merchantAlertStatement } from "../notifications/service";
import type { OrderDeps, PaymentRow } from "../orders/deps";
import { commitAndDeliver } from "../orders/outbox";
import { orderItems, orders } from "../orders/schema";
import {
  type Actor,
  isDuplicateNote,
  noteStatements,
  type OrderRow,
  SYSTEM,
  transitionWithRetry,
} from "../orders/transition";
import { notFound } from "../shared/errors";
import { applyChargePayment, isChargeNo } from "./charges";
import type { PaymentProviders } from "./gateways/config";
import {
  type ClientPayParams,
  type PaymentMethod,
  type PaymentProvider,
  PaymentRejection,
} from "./gateways/types";
import { truncateUtf8 } from "./gateways/util";
import { METHOD_LABELS } from "./labels";
import {
  askGateway,
  assertChannelSupported,
  paymentProviders,
  providerOrThrow,
  type StorePages,
  type startPaymentInput,
} from "./providers";
import { requestRefund, settleRefund } from "./refunds";
import { paymentNotifications, payments, refunds } from "./schema";

export { paymentProviders, startPaymentInput } from "./providers";
export { retryRefunds } from "./refunds";

/** What starting a payment reads besides the order: the shopper's openid and the order's payment rows. */
export interface PaymentStartReads {
  payer: { openid?: string };
  payments: PaymentRow[];
}

/**
 * What paying (POST /api/orders/{id}/pay) or cancelling an order reads, in one round trip: the
 * shopper's own order (someone else's is "not found"), their openid (the WeChat payer) and the order's
 * payment rows (the trade to start, or the trades to close).
 */
export async function loadForPayment(
  db: Db,
  shopperId: number,
  orderId: number,
): Promise<{ order: OrderRow } & PaymentStartReads> {
  const [found, shopper, rows] = await db.batch([
    db
      .select()
      .from(orders)
      .where(and(eq(orders.id, orderId), eq(orders.shopperId, shopperId))),
    db.select({ openid: shoppers.openid }).from(shoppers).where(eq(shoppers.id, shopperId)),
    db.select().from(payments).where(eq(payments.orderId, orderId)),
  ]);
  const order = found[0];
  if (!order) throw notFound("订单不存在");
  return { order, payer: { openid: shopper[0]?.openid }, payments: rows };
}

/**
 * Asks the gateway for the client-side payment parameters. The payments row is written first, so
 * reconciliation and closing know a trade may exist at the gateway even if this request then fails.
 * The caller has checked ownership, status and the deadline, and read `known` (loadForPayment).
 * One write at most: the first start of a method writes its payments row, the order's method and the
 * "payment started" note in one batch; a restart after the trade was closed reopens the row.
 */
export async function startPayment(
  deps: OrderDeps,
  order: OrderRow,
  input: z.infer<typeof startPaymentInput>,
  known: PaymentStartReads,
  /** Where Alipay H5 sends the browser back after paying, and when the shopper quits the cashier. */
  browser?: StorePages,
): Promise<ClientPayParams> {
  const { db, env } = deps;
  providerOrThrow(env, input.method); // an unconfigured method writes nothing
  assertChannelSupported(input); // nor does Alipay inside WeChat's browser
  const now = Date.now();
  const existing = known.payments.find((p) => p.method === input.method);
  if (!existing) {
    try {
      await commitAndDeliver(
        deps,
        order.id,
        ["payment_started"],
        [
          db
            .insert(payments)
            .values({
              orderId: order.id,
              method: input.method,
              channel: input.channel,
              outTradeNo: order.orderNo,
              amountFen: order.payableFen,
              status: "started",
              createdAt: now,
              updatedAt: now,
            })
            .onConflictDoNothing(),
          db
            .update(orders)
            .set({ paymentMethod: input.method, updatedAt: now })
            .where(eq(orders.id, order.id)),
          // Once per method: a concurrent first start of the same method fails on this key and writes
          // nothing; the row and the note are the other request's.
          ...noteStatements(
            deps,
            order,
            "payment_started",
            { kind: "shopper", id: order.shopperId },
            `发起支付（${METHOD_LABELS[input.method]}）`,
            undefined,
            `payment_started:${input.method}`,
          ),
        ],
      );
    } catch (err) {
      if (!isDuplicateNote(err)) throw err;
    }
  } else if (existing.status === "closed") {
    await db
      .update(payments)
      .set({ channel: input.channel, status: "started", updatedAt: now })
      .where(and(eq(payments.id, existing.id), eq(payments.status, "closed")));
  }
  return askGateway(
    deps,
    order.shopperId,
    input,
    {
      outTradeNo: order.orderNo,
      amountFen: order.payableFen,
      description: truncateUtf8(`家电商城-${order.itemsSummary}`, 127),
      expiresAtMs: order.payDeadline,
      ...browser,
    },
    known.payer,
  );
}

// ---------- applying a payment ----------

export interface PaidFact {
  method: PaymentMethod;
  outTradeNo: string;
  transactionId: string;
  amountFen: number;
  paidAtMs: number;
}

export type PaymentOutcome =
  | {
      kind: "applied" | "duplicate" | "late_paid" | "late_refunded" | "double_refunded";
      order: OrderRow;
      /** `logAs`'s statements were committed with the payment (only when it was applied). */
      logged?: true;
    }
  | { kind: "rejected"; reason: "UNKNOWN_ORDER" | "AMOUNT_MISMATCH" };

/**
 * Applies a verified payment exactly once, however many duplicates arrive and in whatever order:
 * pending → paid; already paid by this transaction → duplicate; paid by another transaction → the
 * extra payment is refunded; cancelled → re-take the stock and revive the order, or refund.
 * `logAs`: statements that record the outcome, committed with the payment when it is applied.
 */
export async function applyPayment(
  deps: OrderDeps,
  fact: PaidFact,
  actor: Actor,
  logAs?: (outcome: "applied" | "late_paid") => BatchItem<"sqlite">[],
): Promise<PaymentOutcome> {
  const { db, env } = deps;
  const order = await db.select().from(orders).where(eq(orders.orderNo, fact.outTradeNo)).get();
  if (!order) return { kind: "rejected", reason: "UNKNOWN_ORDER" };
  if (fact.amountFen !== order.payableFen) return { kind: "rejected", reason: "AMOUNT_MISMATCH" };
  const paidSet = {
    paidAt: fact.paidAtMs,
    transactionId: fact.transactionId,
    paymentMethod: fact.method,
  };
  const paidExtra = (outcome: "applied" | "late_paid") => (d: Db, next: OrderRow) => [
    d
      .update(payments)
      .set({ status: "paid", transactionId: fact.transactionId, updatedAt: Date.now() })
      .where(and(eq(payments.orderId, next.id), eq(payments.method, fact.method))),
    ...(logAs?.(outcome) ?? []),
  ];
  const logged = logAs ? { logged: true as const } : {};

  type Step = { kind: "applied" | "duplicate" | "late" | "double"; order: OrderRow };
  const step = await transitionWithRetry<Step>(
    deps,
    order,
    (o) => {
      if (o.status === "pending_payment")
        return {
          action: "pay",
          actor,
          reason: `${METHOD_LABELS[fact.method]}支付成功`,
          set: paidSet,
          data: { transactionId: fact.transactionId, amountFen: fact.amountFen },
          extra: paidExtra("applied"),
        };
      if (o.status === "cancelled") return { done: { kind: "late", order: o } };
      return { done: { kind: o.transactionId === fact.transactionId ? "duplicate" : "double", order: o } };
    },
    (o) => ({ kind: "applied", order: o }),
  );

  if (step.kind === "duplicate") return { kind: "duplicate", order: step.order };
  if (step.kind === "double") {
    await refundPayment(deps, step.order, fact, "duplicate_payment");
    return { kind: "double_refunded", order: step.order };
  }
  // Stock (held → sold) and the notices follow from the "pay" event's subscribers.
  if (step.kind === "applied") return { kind: "applied", order: step.order, ...logged };

  // Paid after cancellation: take the units again if they are still there (idempotent by order no).
  const skuIds = (
    await db.select({ skuId: orderItems.skuId }).from(orderItems).where(eq(orderItems.orderId, order.id))
  ).map((r) => r.skuId);
  const stock = await confirmItems(env, order.orderNo, skuIds, { reReserve: true });
  if (!stock.ok) {
    await refundPayment(deps, step.order, fact, "late_payment");
    return { kind: "late_refunded", order: step.order };
  }
  const revived = await transitionWithRetry<Step>(
    deps,
    step.order,
    (o) => {
      if (o.status === "cancelled")
        return {
          action: "pay_after_cancel",
          actor,
          reason: `订单取消后收到${METHOD_LABELS[fact.method]}付款，库存充足，订单恢复`,
          set: { ...paidSet, stockState: "confirmed" },
          data: { transactionId: fact.transactionId, amountFen: fact.amountFen },
          extra: paidExtra("late_paid"),
        };
      return { done: { kind: o.transactionId === fact.transactionId ? "duplicate" : "double", order: o } };
    },
    (o) => ({ kind: "applied", order: o }),
  );
  if (revived.kind === "double") {
    await refundPayment(deps, revived.order, fact, "duplicate_payment");
    return { kind: "double_refunded", order: revived.order };
  }
  if (revived.kind === "applied") return { kind: "late_paid", order: revived.order, ...logged };
  return { kind: "duplicate", order: revived.order };
}

// ---------- refunds of whole extra payments ----------

/**
 * A payment the order cannot keep (a second payment, or one for a cancelled order whose stock is
 * gone) goes back whole: the payment row records the transaction, then the refund (once per trade).
 */
async function refundPayment(
  deps: OrderDeps,
  order: OrderRow,
  fact: PaidFact,
  source: "duplicate_payment" | "late_payment",
) {
  await deps.db
    .update(payments)
    .set({ status: "paid", transactionId: fact.transactionId, updatedAt: Date.now() })
    .where(and(eq(payments.orderId, order.id), eq(payments.method, fact.method)));
  await requestRefund(
    deps,
    order,
    {
      source,
      sourceRef: fact.method,
      amountFen: fact.amountFen,
      reason: source === "duplicate_payment" ? "重复支付，自动退回" : "订单已取消且库存不足，自动退款",
    },
    { method: fact.method },
  );
}

// ---------- notifications ----------

type NotificationFields = { reason?: string; outTradeNo?: string; detail?: string };

async function recordNotification(
  db: Db,
  method: PaymentMethod,
  outcome: string,
  fields: NotificationFields = {},
) {
  await notificationStatement(db, method, outcome, fields);
}

/** The payment_notifications log row, for a batch (a payment applied writes it with the order change). */
function notificationStatement(
  db: Db,
  method: PaymentMethod,
  outcome: string,
  fields: NotificationFields = {},
) {
  return db.insert(paymentNotifications).values({
    method,
    outcome,
    reason: fields.reason ?? null,
    outTradeNo: fields.outTradeNo ?? null,
    detail: fields.detail?.slice(0, 500) ?? null,
    createdAt: Date.now(),
  });
}

/**
 * POST /api/payments/notify/{method}: verify (signature, timestamp, decryption, app id, merchant id:
 * all in the gateway client), then check order number and amount here, then apply once. Replies
 * exactly as each protocol requires (WeChat 204 / 4xx JSON, Alipay `success` / `failure`).
 */
export async function handleNotification(
  deps: OrderDeps,
  method: PaymentMethod,
  req: Request,
): Promise<Response> {
  const { db, log } = deps;
  const provider = paymentProviders(deps.env)[method];
  if (!provider) return new Response("payment method not configured", { status: 404 });
  const rawBody = await req.text();
  let event: Awaited<ReturnType<PaymentProvider["parseNotification"]>>;
  try {
    event = await provider.parseNotification({ headers: req.headers, rawBody, nowMs: Date.now() });
  } catch (err) {
    if (err instanceof PaymentRejection) {
      log.warn("payment notification rejected", { method, reason: err.reason, message: err.message });
      await recordNotification(db, method, "rejected", { reason: err.reason, detail: err.message });
      return provider.nack(err.message, 401);
    }
    throw err;
  }
  try {
    if (event.kind === "ignored") {
      await recordNotification(db, method, "ignored", { outTradeNo: event.outTradeNo, detail: event.detail });
      return provider.ack();
    }
    if (event.kind === "refund") {
      const found = await db
        .select({ row: refunds, order: orders })
        .from(refunds)
        .innerJoin(orders, eq(orders.id, refunds.orderId))
        .where(eq(refunds.outRefundNo, event.outRefundNo))
        .get();
      if (!found) {
        await recordNotification(db, method, "rejected", {
          reason: "UNKNOWN_REFUND",
          outTradeNo: event.outTradeNo,
        });
        return provider.nack("unknown refund", 400);
      }
      await settleRefund(deps, found.row, found.order, event.status);
      await recordNotification(db, method, "refund", { outTradeNo: event.outTradeNo, detail: event.status });
      return provider.ack();
    }
    const outcome = isChargeNo(event.outTradeNo)
      ? await applyChargePayment(db, event)
      : await applyPayment(deps, event, { kind: "gateway", id: null }, (kind) => [
          notificationStatement(db, method, kind, { outTradeNo: event.outTradeNo }),
        ]);
    if (outcome.kind === "needs_attention")
      log.error("charge paid twice or after it was cancelled: refund by hand", {
        chargeNo: event.outTradeNo,
        transactionId: event.transactionId,
      });
    if (outcome.kind === "rejected") {
      const fields = {
        method,
        outTradeNo: event.outTradeNo,
        reason: outcome.reason,
        amountFen: event.amountFen,
      };
      await recordNotification(db, method, "rejected", {
        reason: outcome.reason,
        outTradeNo: event.outTradeNo,
        detail: `amount ${event.amountFen}`,
      });
      if (outcome.reason !== "AMOUNT_MISMATCH") {
        log.warn("payment notification does not match an order", fields);
        return provider.nack(outcome.reason, 400);
      }
      // A verified notification whose amount differs from the order: tampering or a bug on our side.
      // Nothing is applied; the merchant is alerted once per transaction.
      log.error("payment amount does not match the order", fields);
      await db.batch([
        merchantAlertStatement(db, {
          kind: "payment_mismatch",
          title: "支付金额不符，请核查",
          body: `${METHOD_LABELS[method]}通知订单 ${event.outTradeNo} 支付 ¥${(event.amountFen / 100).toFixed(2)}（交易号 ${event.transactionId}），与应付金额不符，未入账`,
          refType: "order",
          refId: event.outTradeNo,
          dedupeKey: `payment_mismatch:${method}:${event.outTradeNo}:${event.transactionId}`,
        }),
      ]);
      return provider.nack(outcome.reason, 400);
    }
    if (!("logged" in outcome && outcome.logged))
      await recordNotification(db, method, outcome.kind, { outTradeNo: event.outTradeNo });
    return provider.ack();
  } catch (err) {
    // Our fault (database, stock service): make the gateway retry later.
    log.error("payment notification failed", { method, err: String(err) });
    return provider.nack("internal error", 500);
  }
}

// ---------- gateway calls used by cancellation and reconciliation ----------

/**
 * Before an unpaid order is cancelled: ask each gateway the shopper started paying with. A trade that
 * is in fact paid is applied (the cancel must not happen); open trades are closed. Returns whether
 * the order turned out paid. Gateways that cannot be reached do not block the cancel: a payment that
 * still arrives takes the paid-after-cancel path.
 */
export async function closeGatewayTrades(
  deps: OrderDeps,
  order: OrderRow,
  known?: readonly PaymentRow[],
): Promise<boolean> {
  const { db, env, log } = deps;
  const started = known
    ? known.filter((p) => p.status === "started")
    : await db
        .select()
        .from(payments)
        .where(and(eq(payments.orderId, order.id), eq(payments.status, "started")));
  if (!started.length) return false;
  let providers: PaymentProviders;
  try {
    providers = paymentProviders(env);
  } catch {
    return false;
  }
  for (const p of started) {
    const provider = providers[p.method];
    if (!provider) continue;
    try {
      const state = await provider.query(order.orderNo);
      if (state.status === "paid") {
        const out = await applyPayment(
          deps,
          { method: p.method, ...state, outTradeNo: order.orderNo },
          SYSTEM,
        );
        if (out.kind !== "rejected") return true;
        continue;
      }
      if (state.status === "pending") await provider.close(order.orderNo);
      await db
        .update(payments)
        .set({ status: "closed", checkedAt: Date.now(), updatedAt: Date.now() })
        .where(and(eq(payments.id, p.id), eq(payments.status, "started")));
    } catch (err) {
      log.warn("could not close gateway trade before cancelling", {
        orderNo: order.orderNo,
        method: p.method,
        err: String(err),
      });
    }
  }
  return false;
}

/**
 * Reconciliation: asks the gateway about trades still marked started (notifications can be lost).
 * Covers orders waiting for payment and cancelled ones whose trade could not be closed.
 */
export async function reconcilePayments(deps: OrderDeps, now: number, limit = 20) {
  const { db, env, log } = deps;
  const due = await db
    .select({ p: payments, status: orders.status })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(
      and(
        eq(payments.status, "started"),
        inArray(orders.status, ["pending_payment", "cancelled"]),
        lte(payments.createdAt, now - 30_000),
        or(isNull(payments.checkedAt), lt(payments.checkedAt, now - 60_000)),
        // A trade left open after a cancel is watched for a day, then given up (the gateway has closed it).
        sql`${payments.createdAt} > ${now - 86_400_000}`,
      ),
    )
    .limit(limit);
  if (!due.length) return 0;
  let providers: PaymentProviders;
  try {
    providers = paymentProviders(env);
  } catch {
    return 0;
  }
  let applied = 0;
  for (const { p } of due) {
    const provider = providers[p.method];
    if (!provider) continue;
    try {
      await db.update(payments).set({ checkedAt: now }).where(eq(payments.id, p.id));
      const state = await provider.query(p.outTradeNo);
      if (state.status === "paid") {
        const out = await applyPayment(
          deps,
          { method: p.method, ...state, outTradeNo: p.outTradeNo },
          SYSTEM,
        );
        if (out.kind === "rejected")
          log.error("gateway reports a payment that does not match", {
            outTradeNo: p.outTradeNo,
            reason: out.reason,
          });
        else applied++;
      } else if (state.status === "closed" || state.status === "not_found") {
        if (state.status === "closed")
          await db
            .update(payments)
            .set({ status: "closed", updatedAt: now })
            .where(and(eq(payments.id, p.id), eq(payments.status, "started")));
      }
    } catch (err) {
      log.warn("reconciliation query failed", { outTradeNo: p.outTradeNo, err: String(err) });
    }
  }
  return applied;
}
