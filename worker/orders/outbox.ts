// Delivers pending order events to their after-commit subscribers (see events.ts). Right after a
// change (for that order: the claim rides in the change's own batch, `commitAndDeliver`) and by the
// sweep (for everything due), through one path (`deliverClaimed`), so a subscriber that fails is
// retried with backoff and never holds up the change itself.
import { and, asc, eq, inArray, isNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import type { OrderDeps } from "./deps";
import { hasAfterCommitWork, type OrderEvent, type OrderEventSubscriber } from "./events";
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
  /** The results of the `thenRead` statements, when they ran in the record batch. */
  thenRead?: readonly unknown[];
}

type EventRow = typeof orderEvents.$inferSelect;
type ReceiptRow = typeof orderEventReceipts.$inferSelect;
type Subscriber = OrderEventSubscriber;

/** A batch of statements built at run time (one round trip), its results untyped. */
const runBatch = async (db: Db, statements: readonly BatchItem<"sqlite">[]): Promise<readonly unknown[]> =>
  db.batch(statements as unknown as readonly [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);

/** Events claimed for delivery, with everything delivering them reads. */
export interface ClaimedEvents {
  events: EventRow[];
  orders: Map<number, OrderRow>;
  receipts: ReceiptRow[];
  /** What each subscriber's `preload` read, by `preloadKey`. */
  preloaded: Map<string, unknown>;
  now: number;
}

const preloadKey = (s: Subscriber, orderId: number) => `${s.name}:${orderId}`;
const wantsPreload = (s: Subscriber, kind: string) =>
  !!(s.afterCommit && s.preload && s.kinds.includes(kind));

/** One statement: SQLite runs it inside one write transaction, so two deliverers never claim the same event. */
function claimStatement(db: Db, now: number, orderId: number | SQL | undefined, limit: number) {
  const due = db
    .select({ id: orderEvents.id })
    .from(orderEvents)
    .where(
      and(
        eq(orderEvents.delivery, "pending"),
        lte(orderEvents.nextDeliveryAt, now),
        or(isNull(orderEvents.deliveryLeaseUntil), lt(orderEvents.deliveryLeaseUntil, now)),
        orderId === undefined ? undefined : eq(orderEvents.orderId, orderId),
      ),
    )
    .orderBy(asc(orderEvents.id))
    .limit(limit);
  return db
    .update(orderEvents)
    .set({
      deliveryLeaseUntil: now + LEASE_MS,
      deliveryAttempts: sql`${orderEvents.deliveryAttempts} + 1`,
    })
    .where(and(inArray(orderEvents.id, due), eq(orderEvents.delivery, "pending")))
    .returning();
}

/** The claim of one order's due events, as statements for a batch, and how to read their results. */
export interface OrderClaim {
  statements: BatchItem<"sqlite">[];
  /** Takes the batch's results (the last `statements.length` are these statements'). */
  read(results: readonly unknown[]): ClaimedEvents;
}

/**
 * Claims one order's due events together with what delivering them reads: the order, the receipts of
 * its events, and the preloads of the subscribers of these event kinds (all kinds when not given).
 * Appended to the batch of the change that inserted the event, it costs no round trip of its own:
 * a batch runs its statements in order in one transaction, so the claim sees the new event, and a
 * batch that fails claims nothing. The lease and the claim's conditions are the sweep's, so a
 * concurrent sweep and this claim never both take an event.
 */
export function claimOrderEvents(
  deps: Pick<OrderDeps, "db" | "subscribers">,
  orderId: number | SQL,
  kinds?: readonly string[],
  opts: { now?: number; limit?: number } = {},
): OrderClaim {
  const { db } = deps;
  const now = opts.now ?? Date.now();
  const preloaders = deps.subscribers.filter((s) => (kinds ?? s.kinds).some((k) => wantsPreload(s, k)));
  const statements: BatchItem<"sqlite">[] = [
    claimStatement(db, now, orderId, opts.limit ?? 20),
    db.select().from(orders).where(eq(orders.id, orderId)),
    db
      .select()
      .from(orderEventReceipts)
      .where(
        inArray(
          orderEventReceipts.eventId,
          db.select({ id: orderEvents.id }).from(orderEvents).where(eq(orderEvents.orderId, orderId)),
        ),
      ),
    ...preloaders.map((s) => s.preload!(db, orderId)),
  ];
  return {
    statements,
    read(results) {
      const [events, orderRows, receipts, ...preloads] = results.slice(-statements.length) as [
        EventRow[],
        OrderRow[],
        ReceiptRow[],
        ...unknown[],
      ];
      const order = orderRows[0];
      return {
        events: order ? events : [],
        orders: new Map(order ? [[order.id, order]] : []),
        receipts,
        preloaded: new Map(order ? preloaders.map((s, i) => [preloadKey(s, order.id), preloads[i]]) : []),
        now,
      };
    },
  };
}

/**
 * Reads for a reply, run in a batch of the change. `see: "change"`: they ride in the change's own batch
 * (they see the change, not what its subscribers commit afterwards), and the delivery's record (receipts,
 * outcomes, the subscribers' statements) is written after the reply, from `waitUntil`: the caller waits
 * for the change and for the subscribers' effects, not for the bookkeeping. `see: "delivery"`: they ride
 * in the record batch and see what the subscribers committed; the record is then on the reply's path.
 */
export interface ReplyReads {
  reads: readonly BatchItem<"sqlite">[];
  see: "change" | "delivery";
}

/**
 * Commits a change's statements and delivers its events: when an event of these kinds leaves work for
 * after the commit, the claim rides in the change's own batch and delivery follows at once (the sweep
 * retries what fails). Returns the results of `statements`, and those of the reply's reads (`reads`;
 * left out for reads that were to see the delivery when nothing was delivered or it failed: the caller
 * runs them itself). Without reads that must see the delivery, its record is written after the reply
 * (see `ReplyReads`). The batch's own error is thrown.
 */
export async function commitAndDeliver(
  deps: OrderDeps,
  orderId: number | SQL,
  kinds: readonly string[],
  statements: readonly BatchItem<"sqlite">[],
  reply?: ReplyReads,
): Promise<{ results: readonly unknown[]; reads?: readonly unknown[] }> {
  const claim = kinds.some((k) => hasAfterCommitWork(deps.subscribers, k))
    ? claimOrderEvents(deps, orderId, kinds)
    : undefined;
  const withChange = reply?.see === "delivery" && claim ? [] : (reply?.reads ?? []);
  const claimed = [...statements, ...(claim?.statements ?? [])];
  const results = await runBatch(deps.db, [...claimed, ...withChange]);
  const changeReads = withChange.length ? results.slice(claimed.length) : undefined;
  if (!claim) return { results: results.slice(0, statements.length), reads: changeReads };
  const afterDelivery = withChange.length ? [] : (reply?.reads ?? []);
  const delivery = await deliverSafely(deps, orderId, () =>
    deliverClaimed(deps, claim.read(results.slice(0, claimed.length)), {
      thenRead: afterDelivery,
      recordAfterReply: !afterDelivery.length,
    }),
  );
  return { results: results.slice(0, statements.length), reads: changeReads ?? delivery?.thenRead };
}

/** Delivery right after a change never fails the change: what is left is the sweep's. */
export async function deliverSafely(
  deps: OrderDeps,
  orderId: number | SQL,
  deliver: () => Promise<DeliveryResult>,
): Promise<DeliveryResult | undefined> {
  try {
    return await deliver();
  } catch (err) {
    deps.log.warn("order event delivery deferred to the sweep", {
      ...(typeof orderId === "number" ? { orderId } : {}),
      err: String(err),
    });
  }
}

/**
 * Claims due events (all, or one order's) and delivers them (`deliverClaimed`). Round trips: for one
 * order, the claim with its reads, then the record; for the sweep, the claim, the reads, the record.
 */
export async function deliverOrderEvents(
  deps: OrderDeps,
  opts: {
    orderId?: number;
    /** With `orderId`: the kinds just written, whose subscribers' preloads ride in the claim's batch. */
    kinds?: readonly string[];
    limit?: number;
    now?: number;
  } = {},
): Promise<DeliveryResult> {
  const { db } = deps;
  const now = opts.now ?? Date.now();
  if (opts.orderId !== undefined) {
    const claim = claimOrderEvents(deps, opts.orderId, opts.kinds, { now, limit: opts.limit });
    const results = await runBatch(db, claim.statements);
    return deliverClaimed(deps, claim.read(results));
  }
  const events = await claimStatement(db, now, undefined, opts.limit ?? 20);
  if (!events.length) return { delivered: 0, failed: 0 };
  const pairs = preloadsNeeded(deps.subscribers, events, new Set(), new Map());
  const [orderRows, receipts, ...preloads] = (await runBatch(db, [
    db
      .select()
      .from(orders)
      .where(
        inArray(
          orders.id,
          events.map((e) => e.orderId),
        ),
      ),
    db
      .select()
      .from(orderEventReceipts)
      .where(
        inArray(
          orderEventReceipts.eventId,
          events.map((e) => e.id),
        ),
      ),
    ...pairs.map((p) => p.subscriber.preload!(db, p.orderId)),
  ])) as [OrderRow[], ReceiptRow[], ...unknown[]];
  return deliverClaimed(deps, {
    events,
    orders: new Map(orderRows.map((o) => [o.id, o])),
    receipts,
    preloaded: new Map(pairs.map((p, i) => [p.key, preloads[i]])),
    now,
  });
}

/** The preloads the delivery of these events still lacks (one per subscriber and order). */
function preloadsNeeded(
  subscribers: readonly Subscriber[],
  events: readonly EventRow[],
  handled: ReadonlySet<string>,
  preloaded: ReadonlyMap<string, unknown>,
) {
  const pairs = new Map<string, { subscriber: Subscriber; orderId: number; key: string }>();
  for (const e of events)
    for (const s of subscribers) {
      const key = preloadKey(s, e.orderId);
      if (wantsPreload(s, e.kind) && !handled.has(`${e.id}:${s.name}`) && !preloaded.has(key))
        pairs.set(key, { subscriber: s, orderId: e.orderId, key });
    }
  return [...pairs.values()];
}

/**
 * Runs each interested subscriber that has not handled a claimed event yet, and records in one batch
 * the receipts, what the subscribers returned to commit with them, and each event's outcome (then
 * `thenRead`, whose results are returned). The one delivery path, whether the claim rode in a change's
 * batch or was the sweep's.
 */
export async function deliverClaimed(
  deps: OrderDeps,
  claimed: ClaimedEvents,
  opts: {
    /** Reads run after the record, in its batch (their results are returned). */
    thenRead?: readonly BatchItem<"sqlite">[];
    /**
     * Write the record once the answer is ready (`afterReply`) instead of before returning: a request's
     * caller does not wait for it. Losing it (the isolate ends first) only means the sweep delivers again once the lease
     * lapses, and every subscriber is idempotent.
     */
    recordAfterReply?: boolean;
  } = {},
): Promise<DeliveryResult> {
  const thenRead = opts.thenRead ?? [];
  const { db, log } = deps;
  const { now } = claimed;
  if (!claimed.events.length) return { delivered: 0, failed: 0 };
  const events = [...claimed.events].sort((a, b) => a.id - b.id);
  const handled = new Set(claimed.receipts.map((r) => `${r.eventId}:${r.subscriber}`));
  // An older event of the same order claimed along with the change's may need a preload the change's
  // kinds did not (rare: a retry pending when the next change came).
  const preloaded = new Map(claimed.preloaded);
  const missing = preloadsNeeded(deps.subscribers, events, handled, preloaded);
  if (missing.length) {
    const rows = await runBatch(
      db,
      missing.map((p) => p.subscriber.preload!(db, p.orderId)),
    );
    missing.forEach((p, i) => {
      preloaded.set(p.key, rows[i]);
    });
  }

  const newReceipts: { eventId: number; subscriber: string; createdAt: number }[] = [];
  const recorded: BatchItem<"sqlite">[] = [];
  const outcomes: { id: number; error: string | null; attempts: number }[] = [];
  for (const e of events) {
    const order = claimed.orders.get(e.orderId) as OrderRow;
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
      const mine = preloaded.get(preloadKey(s, e.orderId));
      // It reads what earlier subscribers of this delivery wrote: commit their statements first. Outside
      // the try: if that fails, the whole delivery fails and nothing is recorded (their receipts must not
      // be written without their statements); the lease lapses and the sweep delivers it all again.
      if (recorded.length && s.seesEarlierEffects?.(event, mine)) await runBatch(db, recorded.splice(0));
      try {
        const statements = await s.afterCommit(deps, event, order, mine);
        if (statements) recorded.push(...statements);
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

  const record = [
    ...outcomes.map((o) => {
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
    }),
    ...(newReceipts.length ? [db.insert(orderEventReceipts).values(newReceipts).onConflictDoNothing()] : []),
    ...recorded,
  ];
  const failed = outcomes.filter((o) => o.error !== null).length;
  if (opts.recordAfterReply && !thenRead.length) {
    deps.afterReply(() =>
      runBatch(db, record).catch((err) =>
        log.warn("order event delivery record failed; the sweep delivers again", { err: String(err) }),
      ),
    );
    return { delivered: outcomes.length - failed, failed };
  }
  const recordResults = await runBatch(db, [...record, ...thenRead]);
  return {
    delivered: outcomes.length - failed,
    failed,
    ...(thenRead.length ? { thenRead: recordResults.slice(-thenRead.length) } : {}),
  };
}
