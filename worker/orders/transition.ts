import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { AppError } from "../shared/errors";
import type { OrderDeps } from "./deps";
import { type EventWriter, eventStatements, hasAfterCommitWork } from "./events";
import { commitAndDeliver, deliverOrderEvents, deliverSafely, type ReplyReads } from "./outbox";
import { orders } from "./schema";
import { type ActorKind, type OrderAction, type OrderNoteKind, planTransition } from "./state-machine";

export type OrderRow = typeof orders.$inferSelect;

export interface Actor {
  kind: ActorKind;
  /** shopper or staff id; null for system and gateway. */
  id: number | null;
}

export const SYSTEM: Actor = { kind: "system", id: null };

type OrderPatch = Partial<
  Omit<typeof orders.$inferInsert, "id" | "status" | "version" | "orderNo" | "shopperId">
>;

export interface TransitionRequest {
  action: OrderAction;
  actor: Actor;
  reason: string;
  /** Columns to set together with the new status (paidAt, carrier…). */
  set?: OrderPatch;
  data?: Record<string, unknown>;
  /** More statements for the same atomic batch (payment rows). Built from the new state. */
  extra?: (db: Db, order: OrderRow) => BatchItem<"sqlite">[];
  /** A reply's reads, in a batch of the change (no round trip of their own); see `ReplyReads`. */
  reply?: ReplyReads;
}

export type TransitionOutcome =
  | { applied: true; order: OrderRow; replyReads?: readonly unknown[] }
  /** Someone else changed the order first; `order` is the fresh row. */
  | { applied: false; order: OrderRow };

export async function loadOrder(db: Db, id: number): Promise<OrderRow | undefined> {
  return db.select().from(orders).where(eq(orders.id, id)).get();
}

/** A batch that failed because a note with the same dedupe key is already recorded. */
export const isDuplicateNote = (err: unknown) => isUniqueViolation(err, "order_events.dedupe_key");

export function isUniqueViolation(err: unknown, needle?: string): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const msg = String((e as { message?: unknown }).message ?? "");
    if (/UNIQUE constraint failed/.test(msg) && (!needle || msg.includes(needle))) return true;
  }
  return false;
}

/**
 * Applies one status change exactly once: the event row (seq = version + 1, UNIQUE per order) and a
 * compare-and-set on `orders.version` go in one batch. When two requests race, the second batch
 * fails on the unique seq and rolls back entirely; the caller gets `applied: false` and the fresh row.
 * Illegal transitions throw 409. The event's subscribers react in the same batch or, after the
 * commit, through the outbox (claimed in the same batch and delivered here; the sweep retries what fails).
 */
export async function applyTransition(
  deps: OrderDeps,
  order: OrderRow,
  req: TransitionRequest,
): Promise<TransitionOutcome> {
  const { db } = deps;
  const plan = planTransition(order.status, req.action, req.actor.kind);
  if (!plan.ok) throw new AppError(409, plan.code, plan.message);
  const now = Date.now();
  const next: OrderRow = {
    ...order,
    ...req.set,
    status: plan.to,
    version: order.version + 1,
    updatedAt: now,
  };
  try {
    const [first, ...rest] = eventStatements(deps, order.id, next, {
      kind: req.action,
      seq: order.version + 1,
      fromStatus: plan.from,
      toStatus: plan.to,
      actor: req.actor,
      reason: req.reason || plan.label,
      data: req.data ?? null,
    });
    // The claim of the new event for delivery rides in the same batch (outbox.ts), delivered right after.
    const { reads } = await commitAndDeliver(
      deps,
      order.id,
      [req.action],
      [
        first!,
        ...rest,
        db
          .update(orders)
          .set({ ...req.set, status: plan.to, version: sql`${orders.version} + 1`, updatedAt: now })
          .where(sql`${orders.id} = ${order.id} AND ${orders.version} = ${order.version}`),
        ...(req.extra?.(db, next) ?? []),
      ],
      req.reply,
    );
    return { applied: true, order: next, replyReads: reads };
  } catch (err) {
    if (!isUniqueViolation(err, "order_events")) throw err;
    return { applied: false, order: (await loadOrder(db, order.id))! };
  }
}

/**
 * After a batch with events of these kinds committed: deliver what waits for after-commit
 * subscribers now (the sweep retries failures). Costs nothing when no such subscriber cares.
 * A change that can hand over its batch uses `commitAndDeliver` (outbox.ts) instead: the claim then
 * rides in that batch, one round trip fewer.
 */
export async function afterOrderChange(deps: OrderDeps, orderId: number, kinds: readonly string[]) {
  if (!kinds.some((k) => hasAfterCommitWork(deps.subscribers, k))) return;
  await deliverSafely(deps, orderId, () => deliverOrderEvents(deps, { orderId, kinds }));
}

/**
 * Runs `decide` against the freshest row until a transition applies or `decide` says stop.
 * `decide` returns the request to try, or a final result (e.g. "already done": duplicates are not errors).
 */
export async function transitionWithRetry<T>(
  deps: OrderDeps,
  order: OrderRow,
  decide: (order: OrderRow) => TransitionRequest | { done: T },
  onApplied: (order: OrderRow, replyReads?: readonly unknown[]) => T,
): Promise<T> {
  let current = order;
  for (let attempt = 0; attempt < 5; attempt++) {
    const d = decide(current);
    if ("done" in d) return d.done;
    const out = await applyTransition(deps, current, d);
    if (out.applied) return onApplied(out.order, out.replyReads);
    current = out.order;
  }
  throw new AppError(409, "CONCURRENT_UPDATE", "订单正在被处理，请稍后再试");
}

/**
 * A timeline entry that does not change the status (payment started, remark, refund…), with its
 * subscribers' in-transaction statements; commit them with `commitAndDeliver` (outbox.ts) and its kind.
 */
export function noteStatements(
  w: EventWriter,
  order: OrderRow,
  kind: OrderNoteKind,
  actor: Actor,
  reason: string,
  data?: Record<string, unknown>,
  /** Record this note at most once per order (the batch fails on a repeat: catch isDuplicateNote). */
  dedupeKey?: string,
): BatchItem<"sqlite">[] {
  return eventStatements(w, order.id, order, {
    kind,
    seq: null,
    fromStatus: null,
    toStatus: null,
    actor,
    reason,
    data,
    ...(dedupeKey ? { dedupeKey } : {}),
  });
}
