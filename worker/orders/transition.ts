import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { AppError } from "../shared/errors";
import { orderEvents, orders } from "./schema";
import { type ActorKind, type OrderAction, type OrderNoteKind, planTransition } from "./state-machine";

export type OrderRow = typeof orders.$inferSelect;

export interface Actor {
  kind: ActorKind;
  /** shopper or staff id; null for system and gateway. */
  id: number | null;
}

export const SYSTEM: Actor = { kind: "system", id: null };
export const GATEWAY: Actor = { kind: "gateway", id: null };

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
  /** More statements for the same atomic batch (notices, payment rows). Built from the new state. */
  extra?: (db: Db, order: OrderRow) => BatchItem<"sqlite">[];
}

export type TransitionOutcome =
  | { applied: true; order: OrderRow }
  /** Someone else changed the order first; `order` is the fresh row. */
  | { applied: false; order: OrderRow };

export async function loadOrder(db: Db, id: number): Promise<OrderRow | undefined> {
  return db.select().from(orders).where(eq(orders.id, id)).get();
}

export async function loadOrderByNo(db: Db, orderNo: string): Promise<OrderRow | undefined> {
  return db.select().from(orders).where(eq(orders.orderNo, orderNo)).get();
}

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
 * Illegal transitions throw 409.
 */
export async function applyTransition(
  db: Db,
  order: OrderRow,
  req: TransitionRequest,
): Promise<TransitionOutcome> {
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
    await db.batch([
      db.insert(orderEvents).values({
        orderId: order.id,
        seq: order.version + 1,
        kind: req.action,
        fromStatus: plan.from,
        toStatus: plan.to,
        actorKind: req.actor.kind,
        actorId: req.actor.id,
        reason: req.reason || plan.label,
        data: req.data ?? null,
        createdAt: now,
      }),
      db
        .update(orders)
        .set({ ...req.set, status: plan.to, version: sql`${orders.version} + 1`, updatedAt: now })
        .where(sql`${orders.id} = ${order.id} AND ${orders.version} = ${order.version}`),
      ...(req.extra?.(db, next) ?? []),
    ]);
  } catch (err) {
    if (!isUniqueViolation(err, "order_events")) throw err;
    return { applied: false, order: (await loadOrder(db, order.id))! };
  }
  return { applied: true, order: next };
}

/**
 * Runs `decide` against the freshest row until a transition applies or `decide` says stop.
 * `decide` returns the request to try, or a final result (e.g. "already done": duplicates are not errors).
 */
export async function transitionWithRetry<T>(
  db: Db,
  order: OrderRow,
  decide: (order: OrderRow) => TransitionRequest | { done: T },
  onApplied: (order: OrderRow) => T,
): Promise<T> {
  let current = order;
  for (let attempt = 0; attempt < 5; attempt++) {
    const d = decide(current);
    if ("done" in d) return d.done;
    const out = await applyTransition(db, current, d);
    if (out.applied) return onApplied(out.order);
    current = out.order;
  }
  throw new AppError(409, "CONCURRENT_UPDATE", "订单正在被处理，请稍后再试");
}

/** A timeline entry that does not change the status (payment started, remark, refund…). */
export function noteStatement(
  db: Db,
  orderId: number,
  kind: OrderNoteKind,
  actor: Actor,
  reason: string,
  data?: Record<string, unknown>,
) {
  return db.insert(orderEvents).values({
    orderId,
    seq: null,
    kind,
    fromStatus: null,
    toStatus: null,
    actorKind: actor.kind,
    actorId: actor.id,
    reason,
    data: data ?? null,
    createdAt: Date.now(),
  });
}
