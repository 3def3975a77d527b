// The points ledger's writes. Every statement computes its amount inside SQL from the rows already
// there, so a reaction racing another (a refund and the unfreeze sweep, two checkouts) never works on
// a stale number: SQLite runs each write batch alone. Policies (README "会员积分与等级"):
// - spend: in the order's own batch, only if the balance covers it (else the whole order fails);
// - cancel (unpaid or paid-before-shipping): every point spent comes back at once;
// - refund: spent points come back and earned points are taken back, both in proportion to the money
//   refunded (cumulatively, so all refunds together return exactly all of it); taking back earned
//   points takes the still-frozen ones first, then available ones, and the balance may go negative:
//   a debt that blocks spending until later points repay it;
// - a payment that revives a cancelled order spends the returned points again (may go negative too).
import { type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { batchRead, runRead } from "../db/batch-reads";
import type { Db } from "../db/client";
import type { OrderRow } from "../orders/transition";
import { BEIJING_OFFSET_MS, deriveLots, type LedgerEntry, type LedgerKind, lotExpiry } from "./points-rules";

/** Refund sources that give back part of what was paid for the goods (not duplicate / late payments). */
export const GOODS_REFUND_SOURCES = ["order_cancel", "after_sale", "price_protection", "trade_in"] as const;
const goodsSources = sql.raw(GOODS_REFUND_SOURCES.map((s) => `'${s}'`).join(", "));

/**
 * An integer literal: bound JS numbers reach libSQL as floats, which would turn the integer division
 * of points into real division (5998.8 points). Only for numbers we computed ourselves.
 */
const int = (n: number) => sql.raw(String(Math.trunc(n)));

/** What the shopper paid for goods: item totals less every discount (points and trade-in included). */
export const goodsPaidFen = (o: Pick<OrderRow, "itemsTotalFen" | "discountFen">) =>
  o.itemsTotalFen - o.discountFen;

export const balanceRead = (db: Db, shopperId: number) =>
  batchRead(
    [
      db.all<{ available: number; frozen: number }>(
        sql`SELECT coalesce(sum(delta), 0) AS available, coalesce(sum(frozen_delta), 0) AS frozen
            FROM points_ledger WHERE shopper_id = ${shopperId}`,
      ),
    ],
    ([[r]]) => ({ available: Number(r?.available ?? 0), frozen: Number(r?.frozen ?? 0) }),
  );

export const balanceOf = (db: Db, shopperId: number) => runRead(db, balanceRead(db, shopperId));

/**
 * The checkout's spend, for the order's batch after the order's insert: its shopper_id is NULL unless
 * the balance (at least `minBalance`) still covers it, so a second order racing for the same points
 * fails its whole batch on NOT NULL (isPointsInsufficient) and writes nothing.
 */
export function spendStatement(
  db: Db,
  s: {
    shopperId: number;
    orderId: number | SQL;
    orderNo: string;
    points: number;
    minBalance: number;
    now: number;
  },
): BatchItem<"sqlite"> {
  const need = Math.max(s.points, s.minBalance);
  return db.run(sql`INSERT INTO points_ledger (shopper_id, kind, source, source_ref, order_id, reason, delta,
      dedupe_key, created_at)
    VALUES ((SELECT ${s.shopperId} WHERE (SELECT coalesce(sum(delta), 0) FROM points_ledger
              WHERE shopper_id = ${s.shopperId}) >= ${need}),
      'spend', 'order', ${s.orderNo}, ${s.orderId}, ${`订单 ${s.orderNo} 积分抵扣`}, ${-s.points},
      ${`spend:${s.orderNo}`}, ${s.now})`);
}

export function isPointsInsufficient(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause)
    if (
      /NOT NULL constraint failed: points_ledger\.shopper_id/.test(
        String((e as { message?: unknown }).message),
      )
    )
      return true;
  return false;
}

/** Cancel: whatever the order still holds of its spend comes back, as a lot expiring like the spend would. */
export function returnSpendOnCancel(db: Db, order: OrderRow, now: number): BatchItem<"sqlite"> {
  return db.run(sql`INSERT INTO points_ledger (shopper_id, kind, source, source_ref, order_id, reason, delta,
      expires_at, created_at)
    SELECT shopper_id, 'spend_return', 'order', ${order.orderNo}, ${order.id},
      ${`订单 ${order.orderNo} 已取消，积分退回`}, held, ${lotExpiry(order.createdAt)}, ${now}
    FROM (SELECT ${order.shopperId} AS shopper_id,
            (SELECT coalesce(-sum(delta), 0) FROM points_ledger
             WHERE order_id = ${order.id} AND kind IN ('spend', 'spend_return')) AS held)
    WHERE held > 0`);
}

/** A payment revived the cancelled order with its points discount: the returned points are spent again. */
export function respendOnRevive(db: Db, order: OrderRow, now: number): BatchItem<"sqlite"> {
  return db.run(sql`INSERT INTO points_ledger (shopper_id, kind, source, source_ref, order_id, reason, delta,
      created_at)
    SELECT ${order.shopperId}, 'spend', 'order', ${order.orderNo}, ${order.id},
      ${`订单 ${order.orderNo} 支付成功，积分重新抵扣`}, -returned, ${now}
    FROM (SELECT coalesce(sum(delta), 0) AS returned FROM points_ledger
          WHERE order_id = ${order.id} AND kind = 'spend_return' AND source = 'order')
    WHERE returned > 0`);
}

export interface RefundNote {
  outRefundNo: string;
  amountFen: number;
}

/**
 * A goods refund gives back spent points in proportion to the money refunded of what was paid:
 * of T = spent − returned by cancels, min(T, T × refunded / payable) is back after all refunds so far.
 * A zero row is written too, so the next refund's cumulative share counts this refund's money.
 */
export function returnSpendOnRefund(
  db: Db,
  order: OrderRow,
  r: RefundNote,
  now: number,
): BatchItem<"sqlite"> {
  const P = Math.max(1, order.payableFen);
  return db.run(sql`INSERT INTO points_ledger (shopper_id, kind, source, source_ref, order_id, reason, delta,
      base_fen, expires_at, dedupe_key, created_at)
    SELECT ${order.shopperId}, 'spend_return', 'refund', ${r.outRefundNo}, ${order.id},
      ${`订单 ${order.orderNo} 退款，积分按比例退回`},
      max(0, min(t, (t * (refunded + ${int(r.amountFen)})) / ${int(P)}) - min(t, (t * refunded) / ${int(P)})),
      ${r.amountFen}, ${lotExpiry(order.createdAt)}, ${`spend_return:${r.outRefundNo}`}, ${now}
    FROM (SELECT
        (SELECT coalesce(-sum(delta), 0) FROM points_ledger WHERE order_id = ${order.id} AND kind = 'spend')
        - (SELECT coalesce(sum(delta), 0) FROM points_ledger
           WHERE order_id = ${order.id} AND kind = 'spend_return' AND source = 'order') AS t,
        (SELECT coalesce(sum(base_fen), 0) FROM points_ledger
         WHERE order_id = ${order.id} AND kind = 'spend_return' AND source = 'refund') AS refunded)
    WHERE t > 0
    ON CONFLICT DO NOTHING`);
}

/**
 * A goods refund takes back earned points in proportion (of the earn's base), frozen ones first.
 * Only once the order has earned: a refund before that is already left out of the earn's base.
 */
export function clawbackOnRefund(db: Db, order: OrderRow, r: RefundNote, now: number): BatchItem<"sqlite"> {
  return db.run(sql`INSERT INTO points_ledger (shopper_id, kind, source, source_ref, order_id, reason, delta,
      frozen_delta, base_fen, dedupe_key, created_at)
    SELECT shopper_id, 'clawback', 'refund', ${r.outRefundNo}, ${order.id},
      ${`订单 ${order.orderNo} 退款，收回赠送积分`}, -(claw - min(claw, frozen)), -min(claw, frozen),
      ${r.amountFen}, ${`clawback:${r.outRefundNo}`}, ${now}
    FROM (SELECT e.shopper_id,
            max(0, min(e.earned, (e.earned * (c.refunded + ${int(r.amountFen)})) / e.base) - c.clawed) AS claw,
            max(0, f.frozen) AS frozen
          FROM (SELECT shopper_id, frozen_delta AS earned, max(1, base_fen) AS base FROM points_ledger
                WHERE order_id = ${order.id} AND kind = 'earn') e,
               (SELECT coalesce(sum(base_fen), 0) AS refunded, coalesce(-sum(delta + frozen_delta), 0) AS clawed
                FROM points_ledger WHERE order_id = ${order.id} AND kind = 'clawback') c,
               (SELECT coalesce(sum(frozen_delta), 0) AS frozen FROM points_ledger WHERE order_id = ${order.id}) f)
    WHERE true
    ON CONFLICT DO NOTHING`);
}

/**
 * Points for a completed order, frozen until the return window ends: on the goods paid less the goods
 * refunds that already succeeded (computed in the insert, so a refund racing it is counted exactly
 * once: here or by its clawback). Once per order (dedupe key).
 */
export async function earnOnCompletion(
  db: Db,
  order: OrderRow,
  e: { pointsPerYuan: number; multiplierPercent: number; windowDays: number; tierName: string },
  now = Date.now(),
) {
  const completedAt = order.completedAt ?? now;
  const factor = e.pointsPerYuan * e.multiplierPercent;
  const reason =
    e.multiplierPercent === 100
      ? `订单 ${order.orderNo} 完成，获得积分（退货期后到账）`
      : `订单 ${order.orderNo} 完成，获得积分（${e.tierName} ${e.multiplierPercent / 100}倍，退货期后到账）`;
  await db.run(sql`INSERT INTO points_ledger (shopper_id, kind, source, source_ref, order_id, reason,
      frozen_delta, base_fen, expires_at, available_at, dedupe_key, created_at)
    SELECT ${order.shopperId}, 'earn', 'order', ${order.orderNo}, ${order.id}, ${reason},
      (base * ${int(factor)}) / 10000, base, ${lotExpiry(completedAt)},
      ${completedAt + e.windowDays * 86_400_000}, ${`earn:${order.id}`}, ${now}
    FROM (SELECT max(0, ${int(goodsPaidFen(order))} - (SELECT coalesce(sum(amount_fen), 0) FROM refunds
            WHERE order_id = ${order.id} AND status = 'succeeded' AND source IN (${goodsSources}))) AS base)
    WHERE (base * ${int(factor)}) / 10000 > 0
    ON CONFLICT DO NOTHING`);
}

/**
 * Sweep: earned points whose return window has passed become available (what is left of them after
 * clawbacks), as a lot with the earn's expiry. Once per order; a fully clawed-back earn gets a zero row.
 */
export async function unfreezeDue(db: Db, now: number, limit = 100): Promise<number> {
  const rows = await db.all<{
    id: number;
  }>(sql`INSERT INTO points_ledger (shopper_id, kind, source, source_ref,
      order_id, reason, delta, frozen_delta, expires_at, dedupe_key, created_at)
    SELECT shopper_id, 'unfreeze', 'order', source_ref, order_id, ${"退货期已过，积分到账"}, frozen, -frozen,
      expires_at, 'unfreeze:' || order_id, ${now}
    FROM (SELECT e.shopper_id, e.source_ref, e.order_id, e.expires_at,
            (SELECT max(0, coalesce(sum(x.frozen_delta), 0)) FROM points_ledger x WHERE x.order_id = e.order_id) AS frozen
          FROM points_ledger e
          WHERE e.kind = 'earn' AND e.available_at <= ${now}
            AND NOT EXISTS (SELECT 1 FROM points_ledger u WHERE u.dedupe_key = 'unfreeze:' || e.order_id)
          LIMIT ${limit})
    WHERE true
    ON CONFLICT DO NOTHING
    RETURNING id`);
  return rows.length;
}

/** A shopper's ledger as the pure rules read it. */
export async function ledgerEntries(db: Db, shopperId: number): Promise<LedgerEntry[]> {
  const rows = await db.all<{
    id: number;
    kind: LedgerKind;
    delta: number;
    frozen_delta: number;
    expires_at: number | null;
  }>(
    sql`SELECT id, kind, delta, frozen_delta, expires_at FROM points_ledger WHERE shopper_id = ${shopperId} ORDER BY id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    delta: Number(r.delta),
    frozenDelta: Number(r.frozen_delta),
    expiresAt: r.expires_at === null ? null : Number(r.expires_at),
  }));
}

/**
 * Sweep: lots past their expiry lose what is left of them, one "expire" row per lot (a zero row when
 * nothing was left, so the lot is done). The remainders come from replaying the shopper's ledger; the
 * rows are written only if no other row arrived for the shopper meanwhile (compare-and-set on the
 * newest non-expiry row), else the next sweep retries.
 */
export async function expireDue(db: Db, now: number, limit = 20): Promise<number> {
  const due = await db.all<{ shopper_id: number }>(sql`SELECT DISTINCT l.shopper_id FROM points_ledger l
    WHERE l.delta > 0 AND l.expires_at <= ${now}
      AND NOT EXISTS (SELECT 1 FROM points_ledger x WHERE x.dedupe_key = 'expire:' || l.id)
    LIMIT ${limit}`);
  let written = 0;
  for (const { shopper_id } of due) {
    const shopperId = Number(shopper_id);
    const entries = await ledgerEntries(db, shopperId);
    const state = deriveLots(entries);
    const lastId = Math.max(0, ...entries.filter((e) => e.kind !== "expire").map((e) => e.id));
    const done = new Set(
      (
        await db.all<{ k: string }>(
          sql`SELECT dedupe_key AS k FROM points_ledger WHERE shopper_id = ${shopperId} AND kind = 'expire'`,
        )
      ).map((r) => r.k),
    );
    const lots = state.lots.filter((l) => l.expiresAt <= now && !done.has(`expire:${l.id}`));
    if (!lots.length) continue;
    const stmts = lots.map((lot) =>
      db.run(sql`INSERT INTO points_ledger (shopper_id, kind, source, source_ref, reason, delta, dedupe_key, created_at)
        SELECT ${shopperId}, 'expire', 'expiry', ${String(lot.id)},
          ${`${new Date(lot.expiresAt + BEIJING_OFFSET_MS).getUTCFullYear() - 1} 年底到期积分已过期`},
          ${-lot.remaining}, ${`expire:${lot.id}`}, ${now}
        WHERE (SELECT max(id) FROM points_ledger WHERE shopper_id = ${shopperId} AND kind <> 'expire') = ${lastId}
        ON CONFLICT DO NOTHING`),
    );
    const [first, ...rest] = stmts;
    const results = await db.batch([first!, ...rest]);
    written += results.reduce((n, r) => n + Number(r.rowsAffected ?? 0), 0);
  }
  return written;
}

/** The first row of a query or undefined (drizzle's db.get throws on an empty result over libSQL's web client). */
export async function first<T>(db: Db, query: SQL): Promise<T | undefined> {
  return (await db.all<T>(query))[0];
}
