// The orders domain's own reactions to its events: the deadline timers and the stock that an order
// holds. Both run after the commit (they talk to Durable Objects), re-read the order, and are
// idempotent, so a redelivery or a late retry never does anything twice or out of turn.
import { and, eq, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { confirmItems, releaseItems, revertItems } from "../inventory/client";
import type { OrderEventSubscriber } from "./events";
import { orderItems, orders } from "./schema";
import { orderTimer } from "./timer-client";

/** Unpaid orders are cancelled at their pay deadline; shipped ones complete at their auto-complete time. */
export const orderTimersSubscriber: OrderEventSubscriber = {
  name: "order-timers",
  kinds: ["created", "ship", "delivered"],
  async afterCommit({ env }, event, order) {
    if (event.kind === "created" && order.status === "pending_payment")
      await orderTimer(env, order.orderNo).arm(order.id, "cancel", order.payDeadline);
    if (
      (event.kind === "ship" || event.kind === "delivered") &&
      order.status === "shipped" &&
      order.autoCompleteAt
    )
      await orderTimer(env, order.orderNo).arm(order.id, "complete", order.autoCompleteAt);
  },
};

const orderSkuIds = (db: Db, orderId: number | SQL) =>
  db.select({ skuId: orderItems.skuId }).from(orderItems).where(eq(orderItems.orderId, orderId));

/**
 * Paid: the held units become sold (re-taken if the hold lapsed). Cancelled: the held units go back.
 * A paid order cancelled before shipping: its sold units go back on sale at once (minus any already
 * returned through after-sales). A paid-after-cancel order took its units in the payment decision
 * itself, so it needs nothing here. The order's SKU ids are preloaded with the outbox's claim.
 *
 * The new stock_state is a compare-and-set (a later decision is never overwritten), committed with the
 * receipt (no round trip of its own; a crash before that commit redelivers, and the StockCounter answers
 * a repeated confirm, release or revert the same way). A later subscriber of the same delivery that may
 * move the order on (a group buy that filled meanwhile cancels the paid order, and that cancel_paid's
 * revert must see the units as sold) says so (`seesEarlierEffects`), and the outbox commits it first.
 */
export const orderStockSubscriber: OrderEventSubscriber<{ skuId: number }[]> = {
  name: "order-stock",
  kinds: ["pay", "cancel", "cancel_paid"],
  preload: orderSkuIds,
  async afterCommit({ db, env }, event, order, preloaded) {
    const skuIds = (preloaded ?? (await orderSkuIds(db, order.id))).map((r) => r.skuId);
    const setStockState = (from: "reserved" | "confirmed", to: "confirmed" | "released") =>
      db
        .update(orders)
        .set({ stockState: to })
        .where(and(eq(orders.id, order.id), eq(orders.stockState, from)));
    if (event.kind === "cancel_paid") {
      if (order.stockState !== "confirmed" || order.status !== "cancelled") return;
      await revertItems(env, order.orderNo, skuIds);
      return [setStockState("confirmed", "released")];
    }
    if (order.stockState !== "reserved") return;
    const paid = order.status === "paid" || order.status === "shipped" || order.status === "completed";
    if (event.kind === "pay" && !paid) return;
    if (event.kind === "cancel" && order.status !== "cancelled") return;
    if (event.kind === "pay") {
      const r = await confirmItems(env, order.orderNo, skuIds, { reReserve: true });
      if (!r.ok) throw new Error(`paid order could not take its stock: ${r.code} (SKU ${r.skuId})`);
      return [setStockState("reserved", "confirmed")];
    }
    const r = await releaseItems(env, order.orderNo, skuIds, "order_cancelled");
    // ALREADY_SOLD: a late payment re-took the units meanwhile; that order is paid again.
    if (!r.ok) return;
    return [setStockState("reserved", "released")];
  },
};
