import type { Context } from "hono";
import type { Db } from "../db/client";
import type { AppEnv, Env } from "../env";
import type { payments } from "../payments/schema";
import type { Logger } from "../shared/log";
import type { OrderEventSubscriber } from "./events";
import type { OrderRow } from "./transition";

export type PaymentRow = typeof payments.$inferSelect;

/**
 * What order operations need: the database, bindings/config, a logger, a way to finish work after
 * replying, the subscribers that react to order events, and the payment side's one hook into
 * cancellation. Built by the composition root (`worker/composition.ts`), so no domain wires another.
 */
export interface OrderDeps {
  db: Db;
  env: Env;
  log: Logger;
  waitUntil(p: Promise<unknown>): void;
  /**
   * Starts `task` once the answer is ready (a request's answer; at once outside a request), kept alive
   * with `waitUntil`: bookkeeping the caller need not wait for (the outbox's delivery record).
   */
  afterReply(task: () => Promise<unknown>): void;
  subscribers: readonly OrderEventSubscriber[];
  payments: {
    /**
     * Before an unpaid order is cancelled: close its open gateway trades; true if one turned out paid.
     * `known`: the order's payment rows when the caller has read them already (saves the read).
     */
    closeOpenTrades(deps: OrderDeps, order: OrderRow, known?: readonly PaymentRow[]): Promise<boolean>;
  };
  logistics: {
    /** Every parcel of the order is signed for (at least once per order; idempotent). */
    onOrderSigned(deps: OrderDeps, orderId: number, signedAtMs: number): Promise<void>;
  };
}

/** The request's order dependencies (set by the composition root's middleware). */
export function orderDeps(c: Context<AppEnv>): OrderDeps {
  return c.get("deps");
}
