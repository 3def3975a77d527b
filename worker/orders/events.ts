// Order events as the seam: every change to an order writes an `order_events` row, and whatever
// reacts to it (notices, timers, stock, later coupons, points, tracking, work orders) is a subscriber
// registered in one place (`worker/subscribers.ts`), never a call added at the change's call site.
//
// Two ways to react, chosen by what the reaction touches:
// - `inTransaction`: rows in our own database, written in the same atomic batch as the change, so
//   they happen exactly once by construction and cost no extra round trip;
// - `afterCommit`: anything outside the database (Durable Objects, WeChat, carriers). The event row
//   is the outbox entry (`delivery = 'pending'`), delivered after the commit and by the sweep until
//   every such subscriber has succeeded once (`order_event_receipts`); handlers must be idempotent,
//   because a crash between the effect and its receipt redelivers.
import type { SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import type { Env } from "../env";
import type { OrderDeps } from "./deps";
import { orderEvents } from "./schema";
import type { ActorKind, OrderStatus } from "./state-machine";
import type { Actor, OrderRow } from "./transition";

/** An event as subscribers see it. */
export interface OrderEvent {
  /** An OrderAction for status changes ("pay", "ship"…), an OrderNoteKind otherwise ("refund_requested"…). */
  kind: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  actorKind: ActorKind;
  data: Record<string, unknown> | null;
}

export interface OrderEventSubscriber<Preloaded = unknown> {
  /** Stable: receipts are keyed by it. */
  name: string;
  kinds: readonly string[];
  /** Statements committed with the change; `order` is the order as it is after the change. */
  inTransaction?(db: Db, env: Env, event: OrderEvent, order: OrderRow): BatchItem<"sqlite">[];
  /**
   * A read every delivery of this subscriber needs (outbox.ts runs it in the claim's batch, so it costs
   * no round trip of its own); its rows are handed to `afterCommit` as `preloaded`. `orderId` is an SQL
   * expression when the order is inserted in the same batch.
   */
  preload?(db: Db, orderId: number | SQL): BatchItem<"sqlite"> & PromiseLike<Preloaded>;
  /**
   * Whether this delivery of the event reads what earlier subscribers of the same delivery return to
   * commit (e.g. it may move the order on, and the next change must see the stock as sold): the outbox
   * then commits those statements before running it, instead of with the receipts.
   */
  seesEarlierEffects?(event: OrderEvent, preloaded: Preloaded | undefined): boolean;
  /**
   * Runs after the commit, at least once until it succeeds; `order` is re-read at delivery time.
   * Statements it returns are committed together with its receipt (one batch for the whole delivery),
   * so a database write that records the effect costs no round trip of its own and, like the receipt,
   * is lost only with it (then the delivery is repeated: handlers are idempotent).
   */
  afterCommit?(
    deps: OrderDeps,
    event: OrderEvent & { id: number },
    order: OrderRow,
    /** What `preload` read (always set by the outbox; a direct caller may leave it out). */
    preloaded?: Preloaded,
    // biome-ignore lint/suspicious/noConfusingVoidType: most subscribers return nothing (an async function's void)
  ): Promise<BatchItem<"sqlite">[] | void>;
}

export interface NewOrderEvent {
  kind: string;
  /** The order's new version for a status change (unique per order: a lost race fails); null for notes. */
  seq: number | null;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  actor: Actor;
  reason: string;
  data?: Record<string, unknown> | null;
  /** Unique per order when set: a second write of the same note fails its whole batch (see transition.ts). */
  dedupeKey?: string;
}

export interface EventWriter {
  db: Db;
  env: Env;
  subscribers: readonly OrderEventSubscriber[];
}

const interested = (subs: readonly OrderEventSubscriber[], kind: string) =>
  subs.filter((s) => s.kinds.includes(kind));

/** Whether an event of this kind leaves work for after the commit. */
export const hasAfterCommitWork = (subs: readonly OrderEventSubscriber[], kind: string) =>
  interested(subs, kind).some((s) => s.afterCommit);

/**
 * The statements that record one event: the event row (the outbox entry when an after-commit
 * subscriber cares) and every in-transaction subscriber's statements. `orderId` may be a SQL
 * expression when the order is inserted in the same batch.
 */
export function eventStatements(
  w: EventWriter,
  orderId: number | SQL,
  order: OrderRow,
  e: NewOrderEvent,
  now = Date.now(),
): BatchItem<"sqlite">[] {
  const subs = interested(w.subscribers, e.kind);
  const event: OrderEvent = {
    kind: e.kind,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorKind: e.actor.kind,
    data: e.data ?? null,
  };
  return [
    w.db.insert(orderEvents).values({
      orderId: orderId as number,
      seq: e.seq,
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorKind: e.actor.kind,
      actorId: e.actor.id,
      reason: e.reason,
      data: e.data ?? null,
      dedupeKey: e.dedupeKey ?? null,
      createdAt: now,
      delivery: subs.some((s) => s.afterCommit) ? "pending" : "none",
      nextDeliveryAt: now,
    }),
    ...subs.flatMap((s) => s.inTransaction?.(w.db, w.env, event, order) ?? []),
  ];
}
