// Delivers pending order events to their after-commit subscribers (see events.ts). Called right
// after a change commits (for that order) and by the sweep (for everything due), so a subscriber
// that fails is retried with backoff and never holds up the change itself.
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { OrderDeps } from "./deps";
import type { OrderEvent } from "./events";
import { orderEventReceipts, orderEvents, orders } from "./schema";
import type { OrderRow } from "./transition";

/** A deliverer holds a claimed event this long; after that another may take it over. */
const LEASE_MS = 60_000;
/** Then the event is parked as 'dead' (logged as an error) for a person to look at. */
export const MAX_DELIVERY_ATTEMPTS = 10;

/** 30 s, 1 min, 2 min … capped at one hour. */
export const deliveryBackoffMs = (attempts: number) =>
  Math.min(30_000 * 2 ** Math.max(attempts - 1, 0), 3_600_000);

export interface DeliveryResult {
  delivered: number;
  failed: number;
}

/**
 * Claims due events (all, or one order's), runs each interested subscriber that has not handled the
 * event yet, and records receipts and the outcome in one batch. Round trips: claim, read, record; for
 * one order (right after its change) the claim and the read share one.
 */
export async function deliverOrderEvents(
  deps: OrderDeps,
  opts: { orderId?: number; limit?: number; now?: number } = {},
): Promise<DeliveryResult> {
  const { db, log } = deps;
  const now = opts.now ?? Date.now();
  const due = db
    .select({ id: orderEvents.id })
    .from(orderEvents)
    .where(
      and(
        eq(orderEvents.delivery, "pending"),
        lte(orderEvents.nextDeliveryAt, now),
        or(isNull(orderEvents.deliveryLeaseUntil), lt(orderEvents.deliveryLeaseUntil, now)),
        opts.orderId === undefined ? undefined : eq(orderEvents.orderId, opts.orderId),
      ),
    )
    .orderBy(asc(orderEvents.id))
    .limit(opts.limit ?? 20);
  // One statement: SQLite runs it inside one write transaction, so two deliverers never claim the same event.
  const claim = db
    .update(orderEvents)
    .set({
      deliveryLeaseUntil: now + LEASE_MS,
      deliveryAttempts: sql`${orderEvents.deliveryAttempts} + 1`,
    })
    .where(and(inArray(orderEvents.id, due), eq(orderEvents.delivery, "pending")))
    .returning();
  let claimed: (typeof orderEvents.$inferSelect)[];
  let orderRows: OrderRow[];
  let receipts: (typeof orderEventReceipts.$inferSelect)[];
  if (opts.orderId !== undefined) {
    // Right after one order's change: the claim and what delivery reads (the order, the receipts of its
    // events) in one batch, one round trip fewer on every order write.
    [claimed, orderRows, receipts] = await db.batch([
      claim,
      db.select().from(orders).where(eq(orders.id, opts.orderId)),
      db
        .select()
        .from(orderEventReceipts)
        .where(
          inArray(
            orderEventReceipts.eventId,
            db.select({ id: orderEvents.id }).from(orderEvents).where(eq(orderEvents.orderId, opts.orderId)),
          ),
        ),
    ]);
    if (!claimed.length) return { delivered: 0, failed: 0 };
  } else {
    claimed = await claim;
    if (!claimed.length) return { delivered: 0, failed: 0 };
    [orderRows, receipts] = await db.batch([
      db
        .select()
        .from(orders)
        .where(
          inArray(
            orders.id,
            claimed.map((e) => e.orderId),
          ),
        ),
      db
        .select()
        .from(orderEventReceipts)
        .where(
          inArray(
            orderEventReceipts.eventId,
            claimed.map((e) => e.id),
          ),
        ),
    ]);
  }
  claimed.sort((a, b) => a.id - b.id);
  const orderById = new Map(orderRows.map((o) => [o.id, o]));
  const handled = new Set(receipts.map((r) => `${r.eventId}:${r.subscriber}`));

  const newReceipts: { eventId: number; subscriber: string; createdAt: number }[] = [];
  const outcomes: { id: number; error: string | null; attempts: number }[] = [];
  for (const e of claimed) {
    const order = orderById.get(e.orderId) as OrderRow;
    const event: OrderEvent & { id: number } = {
      id: e.id,
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorKind: e.actorKind,
      data: e.data,
    };
    const errors: string[] = [];
    for (const s of deps.subscribers) {
      if (!s.afterCommit || !s.kinds.includes(e.kind) || handled.has(`${e.id}:${s.name}`)) continue;
      try {
        await s.afterCommit(deps, event, order);
        newReceipts.push({ eventId: e.id, subscriber: s.name, createdAt: Date.now() });
      } catch (err) {
        errors.push(`${s.name}: ${String(err)}`);
        log.warn("order event subscriber failed; will retry", {
          orderNo: order.orderNo,
          event: e.kind,
          subscriber: s.name,
          attempt: e.deliveryAttempts,
          err: String(err),
        });
      }
    }
    outcomes.push({
      id: e.id,
      error: errors.length ? errors.join("; ").slice(0, 500) : null,
      attempts: e.deliveryAttempts,
    });
  }

  const [first, ...rest] = outcomes.map((o) => {
    const dead = o.error !== null && o.attempts >= MAX_DELIVERY_ATTEMPTS;
    if (dead) log.error("order event given up after repeated failures", { eventId: o.id, err: o.error });
    return db
      .update(orderEvents)
      .set(
        o.error === null
          ? { delivery: "done", deliveryLeaseUntil: null, deliveryError: null }
          : {
              delivery: dead ? "dead" : "pending",
              deliveryLeaseUntil: null,
              deliveryError: o.error,
              nextDeliveryAt: now + deliveryBackoffMs(o.attempts),
            },
      )
      .where(eq(orderEvents.id, o.id));
  });
  await db.batch([
    first!,
    ...rest,
    ...(newReceipts.length ? [db.insert(orderEventReceipts).values(newReceipts).onConflictDoNothing()] : []),
  ]);
  const failed = outcomes.filter((o) => o.error !== null).length;
  return { delivered: outcomes.length - failed, failed };
}
