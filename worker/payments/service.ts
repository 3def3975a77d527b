// The order side of payments: start a payment for an order, apply verified payment events exactly
// once, refund money we must give back, and reconcile with the gateways. Protocol details live in
// ./gateways (owned by the payments engineer); this file never parses or signs anything itself.
import { z } from "@hono/zod-openapi";
import { and, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { shoppers } from "../auth/schema";
import type { Db } from "../db/client";
import type { Env } from "../env";
import { confirmItems } from "../inventory/client";
import type { OrderDeps } from "../orders/deps";
import { orderItems, orders } from "../orders/schema";
import {
  type Actor,
  afterOrderChange,
  noteStatements,
  type OrderRow,
  SYSTEM,
  transitionWithRetry,
} from "../orders/transition";
import { AppError } from "../shared/errors";
import {
  loadPaymentProviders,
  PaymentConfigError,
  type PaymentProviders,
  type PaymentSettings,
} from "./gateways/config";
import {
  type ClientPayParams,
  GatewayError,
  type PaymentMethod,
  type PaymentProvider,
  PaymentRejection,
} from "./gateways/types";
import { truncateUtf8 } from "./gateways/util";
import { METHOD_LABELS } from "./labels";
import { paymentNotifications, payments, refunds } from "./schema";

export const startPaymentInput = z.object({
  method: z.enum(["wechat", "alipay"]),
  channel: z.enum(["miniprogram", "h5"]).default("miniprogram"),
});

export function paymentProviders(env: Env): PaymentProviders {
  try {
    return loadPaymentProviders(env as unknown as PaymentSettings);
  } catch (err) {
    if (err instanceof PaymentConfigError)
      throw new AppError(503, "PAYMENT_MISCONFIGURED", "支付服务配置有误，请联系商家");
    throw err;
  }
}

function providerOrThrow(env: Env, method: PaymentMethod): PaymentProvider {
  const p = paymentProviders(env)[method];
  if (!p)
    throw new AppError(
      503,
      "PAYMENT_METHOD_UNAVAILABLE",
      method === "wechat" ? "暂不支持微信支付" : "暂不支持支付宝支付",
    );
  return p;
}

const gatewayDown = () => new AppError(502, "PAYMENT_GATEWAY_ERROR", "支付服务暂时不可用，请稍后再试");

/**
 * Asks the gateway for the client-side payment parameters. The payments row is written first, so
 * reconciliation and closing know a trade may exist at the gateway even if this request then fails.
 * The caller has checked ownership, status and the deadline.
 */
export async function startPayment(
  deps: OrderDeps,
  order: OrderRow,
  input: z.infer<typeof startPaymentInput>,
  /** Where Alipay H5 sends the browser back after paying (the store's pay page). */
  returnUrl?: string,
): Promise<ClientPayParams> {
  const { db, env } = deps;
  const provider = providerOrThrow(env, input.method);
  const now = Date.now();
  const inserted = await db
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
    .onConflictDoNothing()
    .returning({ id: payments.id });
  if (inserted.length) {
    await db.batch([
      db.update(orders).set({ paymentMethod: input.method, updatedAt: now }).where(eq(orders.id, order.id)),
      ...noteStatements(
        deps,
        order,
        "payment_started",
        { kind: "shopper", id: order.shopperId },
        `发起${METHOD_LABELS[input.method]}`,
      ),
    ]);
    await afterOrderChange(deps, order.id, ["payment_started"]);
  } else {
    await db
      .update(payments)
      .set({ channel: input.channel, status: "started", updatedAt: now })
      .where(
        and(eq(payments.orderId, order.id), eq(payments.method, input.method), eq(payments.status, "closed")),
      );
  }
  const shopper = await db
    .select({ openid: shoppers.openid })
    .from(shoppers)
    .where(eq(shoppers.id, order.shopperId))
    .get();
  try {
    return await provider.startPayment({
      outTradeNo: order.orderNo,
      amountFen: order.payableFen,
      description: truncateUtf8(`家电商城-${order.itemsSummary}`, 127),
      expiresAtMs: order.payDeadline,
      // Our openid is a WeChat identity; Alipay mini programs would need the shopper's Alipay buyer id.
      payerOpenId: input.method === "wechat" ? shopper?.openid : undefined,
      channel: input.channel,
      ...(returnUrl ? { returnUrl } : {}),
    });
  } catch (err) {
    if (err instanceof GatewayError) {
      deps.log.warn("start payment failed", { orderNo: order.orderNo, method: input.method, code: err.code });
      if (err.code === "UNSUPPORTED_CHANNEL" || err.code === "INVALID_INPUT")
        throw new AppError(400, "PAYMENT_NOT_SUPPORTED", err.message);
      throw gatewayDown();
    }
    throw err;
  }
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
  | { kind: "applied" | "duplicate" | "late_paid" | "late_refunded" | "double_refunded"; order: OrderRow }
  | { kind: "rejected"; reason: "UNKNOWN_ORDER" | "AMOUNT_MISMATCH" };

/**
 * Applies a verified payment exactly once, however many duplicates arrive and in whatever order:
 * pending → paid; already paid by this transaction → duplicate; paid by another transaction → the
 * extra payment is refunded; cancelled → re-take the stock and revive the order, or refund.
 */
export async function applyPayment(deps: OrderDeps, fact: PaidFact, actor: Actor): Promise<PaymentOutcome> {
  const { db, env } = deps;
  const order = await db.select().from(orders).where(eq(orders.orderNo, fact.outTradeNo)).get();
  if (!order) return { kind: "rejected", reason: "UNKNOWN_ORDER" };
  if (fact.amountFen !== order.payableFen) return { kind: "rejected", reason: "AMOUNT_MISMATCH" };
  const paidSet = {
    paidAt: fact.paidAtMs,
    transactionId: fact.transactionId,
    paymentMethod: fact.method,
  };
  const paidExtra = (d: Db, next: OrderRow) => [
    d
      .update(payments)
      .set({ status: "paid", transactionId: fact.transactionId, updatedAt: Date.now() })
      .where(and(eq(payments.orderId, next.id), eq(payments.method, fact.method))),
  ];

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
          extra: paidExtra,
        };
      if (o.status === "cancelled") return { done: { kind: "late", order: o } };
      return { done: { kind: o.transactionId === fact.transactionId ? "duplicate" : "double", order: o } };
    },
    (o) => ({ kind: "applied", order: o }),
  );

  if (step.kind === "duplicate") return { kind: "duplicate", order: step.order };
  if (step.kind === "double") {
    await refundPayment(deps, step.order, fact, "重复支付，自动退回");
    return { kind: "double_refunded", order: step.order };
  }
  // Stock (held → sold) and the notices follow from the "pay" event's subscribers.
  if (step.kind === "applied") return { kind: "applied", order: step.order };

  // Paid after cancellation: take the units again if they are still there (idempotent by order no).
  const skuIds = (
    await db.select({ skuId: orderItems.skuId }).from(orderItems).where(eq(orderItems.orderId, order.id))
  ).map((r) => r.skuId);
  const stock = await confirmItems(env, order.orderNo, skuIds, { reReserve: true });
  if (!stock.ok) {
    await refundPayment(deps, step.order, fact, "订单已取消且库存不足，自动退款");
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
          extra: paidExtra,
        };
      return { done: { kind: o.transactionId === fact.transactionId ? "duplicate" : "double", order: o } };
    },
    (o) => ({ kind: "applied", order: o }),
  );
  if (revived.kind === "double") {
    await refundPayment(deps, revived.order, fact, "重复支付，自动退回");
    return { kind: "double_refunded", order: revived.order };
  }
  return { kind: revived.kind === "applied" ? "late_paid" : "duplicate", order: revived.order };
}

// ---------- refunds ----------

const refundNo = (orderNo: string, method: PaymentMethod) => `RF${orderNo}${method === "wechat" ? "W" : "A"}`;

/** Records the refund we owe (once per trade) and submits it; the sweeper resubmits what is left pending. */
export async function refundPayment(deps: OrderDeps, order: OrderRow, fact: PaidFact, reason: string) {
  const { db } = deps;
  const now = Date.now();
  const created = await db
    .insert(refunds)
    .values({
      orderId: order.id,
      method: fact.method,
      outRefundNo: refundNo(order.orderNo, fact.method),
      transactionId: fact.transactionId,
      amountFen: fact.amountFen,
      reason,
      status: "pending",
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (created.length) {
    await db.batch([
      db
        .update(payments)
        .set({ status: "paid", transactionId: fact.transactionId, updatedAt: now })
        .where(and(eq(payments.orderId, order.id), eq(payments.method, fact.method))),
      ...noteStatements(deps, order, "refund_requested", SYSTEM, reason, {
        method: fact.method,
        amountFen: fact.amountFen,
        transactionId: fact.transactionId,
      }),
    ]);
    await afterOrderChange(deps, order.id, ["refund_requested"]);
  }
  await submitRefund(deps, refundNo(order.orderNo, fact.method));
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
  const order = (await db.select().from(orders).where(eq(orders.id, claimed.orderId)).get())!;
  try {
    const provider = providerOrThrow(env, claimed.method);
    const r = await provider.refund({
      outTradeNo: order.orderNo,
      outRefundNo,
      refundFen: claimed.amountFen,
      totalFen: claimed.amountFen,
      reason: truncateUtf8(claimed.reason, 80),
    });
    const status = r.status === "SUCCESS" ? "succeeded" : r.status === "PROCESSING" ? "processing" : "failed";
    await db.batch([
      db
        .update(refunds)
        .set({ status, refundId: r.refundId, updatedAt: Date.now() })
        .where(eq(refunds.id, claimed.id)),
      ...(status === "succeeded"
        ? noteStatements(deps, order, "refund_succeeded", SYSTEM, `已退款 ${claimed.amountFen} 分`, {
            outRefundNo,
          })
        : []),
    ]);
  } catch (err) {
    // Retryable or not, the same out_refund_no makes a resubmission safe; give up after a few tries.
    const giveUp =
      claimed.attempts >= 5 ||
      (err instanceof GatewayError && !err.retryable && err.httpStatus !== undefined && err.httpStatus < 500);
    log.warn("refund submit failed", { outRefundNo, err: String(err), giveUp });
    await db
      .update(refunds)
      .set({
        status: giveUp ? "failed" : "pending",
        lastError: String(err).slice(0, 300),
        updatedAt: Date.now(),
      })
      .where(eq(refunds.id, claimed.id));
  }
}

// ---------- notifications ----------

async function recordNotification(
  db: Db,
  method: PaymentMethod,
  outcome: string,
  fields: { reason?: string; outTradeNo?: string; detail?: string } = {},
) {
  await db.insert(paymentNotifications).values({
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
      const done = event.status === "SUCCESS";
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
      const { row, order } = found;
      if (row.status !== "succeeded" && row.status !== "failed") {
        await db.batch([
          db
            .update(refunds)
            .set({ status: done ? "succeeded" : "failed", updatedAt: Date.now() })
            .where(
              and(eq(refunds.id, row.id), inArray(refunds.status, ["pending", "submitting", "processing"])),
            ),
          ...noteStatements(
            deps,
            order,
            done ? "refund_succeeded" : "refund_failed",
            { kind: "gateway", id: null },
            done ? "退款成功" : `退款失败（${event.status}）`,
            { outRefundNo: row.outRefundNo },
          ),
        ]);
      }
      await recordNotification(db, method, "refund", { outTradeNo: event.outTradeNo, detail: event.status });
      return provider.ack();
    }
    const outcome = await applyPayment(deps, event, { kind: "gateway", id: null });
    if (outcome.kind === "rejected") {
      log.warn("payment notification does not match the order", {
        method,
        outTradeNo: event.outTradeNo,
        reason: outcome.reason,
      });
      await recordNotification(db, method, "rejected", {
        reason: outcome.reason,
        outTradeNo: event.outTradeNo,
        detail: `amount ${event.amountFen}`,
      });
      return provider.nack(outcome.reason, 400);
    }
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
export async function closeGatewayTrades(deps: OrderDeps, order: OrderRow): Promise<boolean> {
  const { db, env, log } = deps;
  const started = await db
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
