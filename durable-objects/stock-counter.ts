/**
 * StockCounter: one Durable Object per SKU (`idFromName("sku:<id>")`), the single authority for
 * that SKU's stock. Each RPC method runs expireDue + one stock-ledger transition + its writes
 * synchronously (no await between check and write, one SQLite transaction), so no interleaving of
 * requests can oversell, and a crash either keeps the whole transition or none of it.
 *
 * After a change the object publishes (coalesced, at most one publish in flight) its snapshot,
 * sales days and pending low-stock alerts to libSQL; a failed publish is retried from the alarm.
 * The same alarm expires reservations. Callers use worker/inventory/client.ts, not this class.
 *
 * Flash sales (秒杀, docs/inventory.md): the SKU's regular counter lists its sales and, while one is
 * live, answers reserves — and order calls for reservations it does not hold — with a FLASH_SALE
 * redirect naming the sales, so the client routes them to the sale's shards. A shard is a StockCounter
 * too (`sku:<id>:flash:<sale>:shard:<k>`), marked as such so it never publishes a snapshot over the
 * SKU's own.
 */

import { DurableObject } from "cloudflare:workers";
import { type Client, createClient } from "@libsql/client/web";
import { restockNoticeConfig, restockNoticeStatements } from "../worker/catalog/restock";
import type { Env } from "../worker/env";
import { createLogger } from "../worker/shared/log";
import type { FlashSaleConfig } from "./flash-shards";
import { isLive } from "./flash-shards";
import {
  type AdjustCommand,
  type AdjustResult,
  adjust,
  availableOf,
  type ConfirmResult,
  confirm,
  emptyState,
  expire,
  type LedgerEntry,
  type LowStockAlert,
  type ReleaseResult,
  type ReReserveResult,
  type Reservation,
  type ReserveResult,
  type ReturnResult,
  type RevertResult,
  release,
  reReserve,
  reserve,
  returnToStock,
  revert,
  type StockState,
  setThreshold,
  shanghaiDay,
  type Transition,
} from "./stock-ledger";
import { lowStockStatement, type SalesDay, salesDayStatement, snapshotStatement } from "./stock-publish";

export interface StockView {
  skuId: number;
  onHand: number;
  reserved: number;
  available: number;
  sold: number;
  threshold: number | null;
  alertArmed: boolean;
  version: number;
  /** Highest version known to be in libSQL; less than `version` while a publish is pending. */
  publishedVersion: number;
  heldReservations: number;
  updatedAt: number;
}

export interface LedgerRow extends LedgerEntry {
  id: number;
  at: number;
  onHand: number;
  reserved: number;
  sold: number;
  available: number;
  opKey: string | null;
}

export type OpResult<R> = R | { ok: true; duplicate: true };

export type FlashSaleRef = Pick<FlashSaleConfig, "id" | "shards" | "startsAt" | "endsAt">;

/** "Not here: this SKU is on a flash sale; ask the sale's shards." Newest sale first. */
export interface FlashRedirect {
  ok: false;
  code: "FLASH_SALE";
  sales: FlashSaleRef[];
}

// The `order_id` columns hold the order number (`orderNo` in the code): named before the rename and
// kept so objects' stored data stays readable without a storage migration.
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS stock (
     id INTEGER PRIMARY KEY CHECK (id = 1), sku_id INTEGER NOT NULL,
     on_hand INTEGER NOT NULL, reserved INTEGER NOT NULL, sold INTEGER NOT NULL,
     threshold INTEGER, alert_armed INTEGER NOT NULL, alert_seq INTEGER NOT NULL,
     version INTEGER NOT NULL, published_version INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL,
     CHECK (reserved >= 0 AND sold >= 0 AND on_hand - reserved - sold >= 0))`,
  `CREATE TABLE IF NOT EXISTS reservations (
     order_id TEXT PRIMARY KEY, qty INTEGER NOT NULL, status TEXT NOT NULL, expires_at INTEGER NOT NULL,
     returned_qty INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS reservations_held_expiry ON reservations (expires_at) WHERE status = 'held'`,
  `CREATE TABLE IF NOT EXISTS ledger (
     id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, kind TEXT NOT NULL, order_id TEXT,
     d_on_hand INTEGER NOT NULL, d_reserved INTEGER NOT NULL, d_sold INTEGER NOT NULL,
     on_hand INTEGER NOT NULL, reserved INTEGER NOT NULL, sold INTEGER NOT NULL,
     reason TEXT, actor TEXT, op_key TEXT UNIQUE)`,
  `CREATE TABLE IF NOT EXISTS sales_daily (day TEXT PRIMARY KEY, qty INTEGER NOT NULL, version INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS alert_outbox (seq INTEGER PRIMARY KEY, available INTEGER NOT NULL,
     threshold INTEGER NOT NULL, created_at INTEGER NOT NULL)`,
  // On the SKU's regular counter: its flash sales. On a shard: which sale and shard it is.
  `CREATE TABLE IF NOT EXISTS flash_sales (id TEXT PRIMARY KEY, shards INTEGER NOT NULL,
     starts_at INTEGER NOT NULL, ends_at INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS flash_shard (id INTEGER PRIMARY KEY CHECK (id = 1), sale_id TEXT NOT NULL,
     shard INTEGER NOT NULL)`,
];

const PUBLISH_RETRY_MIN_MS = 1_000;
/** Under load, publishes are spaced at least this far apart: one batch then carries many changes. */
const PUBLISH_MIN_INTERVAL_MS = 100;
const PUBLISH_RETRY_MAX_MS = 60_000;

type Row = Record<string, SqlStorageValue>;
const num = (v: SqlStorageValue | undefined) => Number(v ?? 0);

function toReservation(r: Row): Reservation {
  return {
    orderNo: String(r.order_id),
    qty: num(r.qty),
    status: r.status as Reservation["status"],
    expiresAt: num(r.expires_at),
    returnedQty: num(r.returned_qty),
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  };
}

export class StockCounter extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private state: StockState | undefined;
  private publishedVersion = 0;
  /** When the alarm is set for, as far as this instance knows (alarms are one per object). */
  private alarmAt: number | null = null;
  private publishing: Promise<void> | undefined;
  private publishFailures = 0;
  private lastPublishAt = 0;
  private db: Client | undefined;
  /** Flash sales of this SKU, newest first (regular counter only). */
  private flash: FlashSaleRef[] = [];
  /** This object is a flash-sale shard: it never publishes (the SKU's snapshot is the regular counter's). */
  private isShard = false;
  /** Calls served since this instance started: the flash-sale view and bench show the load per shard. */
  private calls = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    for (const stmt of SCHEMA) this.sql.exec(stmt);
    const row = this.sql.exec("SELECT * FROM stock WHERE id = 1").toArray()[0];
    if (row) {
      this.state = {
        skuId: num(row.sku_id),
        onHand: num(row.on_hand),
        reserved: num(row.reserved),
        sold: num(row.sold),
        threshold: row.threshold === null ? null : num(row.threshold),
        alertArmed: num(row.alert_armed) === 1,
        alertSeq: num(row.alert_seq),
        version: num(row.version),
        updatedAt: num(row.updated_at),
      };
      this.publishedVersion = num(row.published_version);
    }
    this.isShard = this.sql.exec("SELECT 1 FROM flash_shard").toArray().length > 0;
    this.loadFlashSales();
    ctx.blockConcurrencyWhile(async () => {
      this.alarmAt = await ctx.storage.getAlarm();
      // A publish lost to an eviction or crash is picked up again on the next start.
      if (this.publishPending()) this.wakeAt(Date.now());
    });
  }

  // ---------- RPC: orders ----------

  reserve(skuId: number, orderNo: string, qty: number, ttlMs: number): ReserveResult | FlashRedirect {
    const now = Date.now();
    if (this.flash.some((f) => isLive(f, now))) return this.redirect();
    return this.run(skuId, (s, now) => reserve(s, this.reservation(orderNo), { orderNo, qty, ttlMs }, now));
  }

  confirm(skuId: number, orderNo: string, opts: { reReserve?: boolean } = {}): ConfirmResult | FlashRedirect {
    if (this.elsewhere(orderNo)) return this.redirect();
    return this.run(skuId, (s, now) =>
      confirm(s, this.reservation(orderNo), { reReserve: !!opts.reReserve }, now),
    );
  }

  reReserve(skuId: number, orderNo: string, ttlMs: number): ReReserveResult | FlashRedirect {
    if (this.elsewhere(orderNo)) return this.redirect();
    return this.run(skuId, (s, now) => reReserve(s, this.reservation(orderNo), { ttlMs }, now));
  }

  release(
    skuId: number,
    orderNo: string,
    opts: { compensation?: boolean; reason?: string } = {},
  ): ReleaseResult | FlashRedirect {
    if (this.elsewhere(orderNo)) return this.redirect();
    return this.run(skuId, (s, now) =>
      release(
        s,
        this.reservation(orderNo),
        { compensation: !!opts.compensation, reason: opts.reason ?? null },
        now,
      ),
    );
  }

  revert(skuId: number, orderNo: string): RevertResult | FlashRedirect {
    if (this.elsewhere(orderNo)) return this.redirect();
    return this.run(skuId, (s, now) => revert(s, this.reservation(orderNo), now));
  }

  returnToStock(
    skuId: number,
    orderNo: string,
    qty: number,
    who: { reason: string; actor: string; opKey: string },
  ): OpResult<ReturnResult> | FlashRedirect {
    if (this.opDone(who.opKey)) return { ok: true, duplicate: true };
    if (this.elsewhere(orderNo)) return this.redirect();
    return this.run(
      skuId,
      (s, now) => returnToStock(s, this.reservation(orderNo), { qty, ...who }, now),
      who.opKey,
    );
  }

  // ---------- RPC: merchant ----------

  adjust(
    skuId: number,
    cmd: AdjustCommand,
    who: { reason: string; actor: string; opKey?: string | null },
  ): OpResult<AdjustResult> & { stock: StockView } {
    const opKey = who.opKey ?? null;
    if (opKey && this.opDone(opKey)) return { ok: true, duplicate: true, stock: this.view(skuId) };
    const result = this.run(skuId, (s, now) => adjust(s, cmd, who, now), opKey);
    return { ...result, stock: this.view(skuId) };
  }

  setThreshold(skuId: number, threshold: number | null): StockView {
    this.run(skuId, (s, now) => setThreshold(s, threshold, now));
    return this.view(skuId);
  }

  get(skuId: number): StockView {
    this.run(skuId, (s) => ({ result: null, state: s }));
    return this.view(skuId);
  }

  getReservation(skuId: number, orderNo: string): Reservation | null {
    this.run(skuId, (s) => ({ result: null, state: s }));
    return this.reservation(orderNo) ?? null;
  }

  ledger(skuId: number, opts: { beforeId?: number; limit: number }): LedgerRow[] {
    this.checkSku(skuId);
    return this.sql
      .exec(
        "SELECT * FROM ledger WHERE id < ? ORDER BY id DESC LIMIT ?",
        opts.beforeId ?? Number.MAX_SAFE_INTEGER,
        opts.limit,
      )
      .toArray()
      .map((r) => ({
        id: num(r.id),
        at: num(r.at),
        kind: r.kind as LedgerEntry["kind"],
        orderNo: r.order_id === null ? null : String(r.order_id),
        dOnHand: num(r.d_on_hand),
        dReserved: num(r.d_reserved),
        dSold: num(r.d_sold),
        onHand: num(r.on_hand),
        reserved: num(r.reserved),
        sold: num(r.sold),
        available: num(r.on_hand) - num(r.reserved) - num(r.sold),
        reason: r.reason === null ? null : String(r.reason),
        actor: r.actor === null ? null : String(r.actor),
        opKey: r.op_key === null ? null : String(r.op_key),
      }));
  }

  // ---------- RPC: flash sales ----------

  /** Lists a flash sale on the SKU's regular counter: from its start, reserves are redirected to it. */
  addFlashSale(skuId: number, sale: FlashSaleRef): FlashSaleRef[] {
    this.checkSku(skuId);
    this.sql.exec(
      "INSERT OR IGNORE INTO flash_sales (id, shards, starts_at, ends_at) VALUES (?, ?, ?, ?)",
      sale.id,
      sale.shards,
      sale.startsAt,
      sale.endsAt,
    );
    this.loadFlashSales();
    return this.flash;
  }

  flashSales(skuId: number): FlashSaleRef[] {
    this.checkSku(skuId);
    return this.flash;
  }

  /** Makes this object shard `shard` of a sale; call before it receives any units. Idempotent. */
  markShard(skuId: number, saleId: string, shard: number): void {
    this.checkSku(skuId);
    this.sql.exec("INSERT OR IGNORE INTO flash_shard (id, sale_id, shard) VALUES (1, ?, ?)", saleId, shard);
    this.isShard = true;
  }

  /** Live numbers plus the calls served by this instance (not persisted: a load indicator). */
  stats(skuId: number): StockView & { calls: number } {
    const v = this.get(skuId);
    return { ...v, calls: this.calls };
  }

  // ---------- alarm ----------

  override async alarm(): Promise<void> {
    this.alarmAt = null;
    if (this.state) this.expireDue(Date.now());
    if (this.publishPending()) {
      this.startPublish();
      while (this.publishing) await this.publishing;
    }
    this.scheduleNextExpiry();
  }

  // ---------- internals ----------

  private loadFlashSales() {
    this.flash = this.sql
      .exec("SELECT * FROM flash_sales ORDER BY starts_at DESC, id")
      .toArray()
      .map((r) => ({
        id: String(r.id),
        shards: num(r.shards),
        startsAt: num(r.starts_at),
        endsAt: num(r.ends_at),
      }));
  }

  /** A reservation this (regular) counter does not hold, for a SKU that has had flash sales. */
  private elsewhere(orderNo: string): boolean {
    return this.flash.length > 0 && !this.reservation(orderNo);
  }

  private redirect(): FlashRedirect {
    this.calls++;
    return { ok: false, code: "FLASH_SALE", sales: this.flash };
  }

  private checkSku(skuId: number) {
    if (this.state && this.state.skuId !== skuId)
      throw new Error(`StockCounter for SKU ${this.state.skuId} called for SKU ${skuId}`);
  }

  /** Expires what is due, then applies one transition; all synchronous. */
  private run<R>(
    skuId: number,
    step: (s: StockState, now: number) => Transition<R>,
    opKey: string | null = null,
  ): R {
    this.checkSku(skuId);
    this.calls++;
    const now = Date.now();
    if (!this.state) this.state = emptyState(skuId, now);
    this.expireDue(now);
    const t = step(this.state, now);
    this.apply(t, now, opKey);
    return t.result;
  }

  private reservation(orderNo: string): Reservation | undefined {
    const row = this.sql.exec("SELECT * FROM reservations WHERE order_id = ?", orderNo).toArray()[0];
    return row ? toReservation(row) : undefined;
  }

  private opDone(opKey: string): boolean {
    return this.sql.exec("SELECT 1 FROM ledger WHERE op_key = ?", opKey).toArray().length > 0;
  }

  private expireDue(now: number) {
    const due = this.sql
      .exec("SELECT * FROM reservations WHERE status = 'held' AND expires_at <= ? ORDER BY expires_at", now)
      .toArray();
    for (const row of due) this.apply(expire(this.state!, toReservation(row), now), now, null);
  }

  private apply<R>(t: Transition<R>, now: number, opKey: string | null) {
    const before = this.state!;
    if (t.state === before) return;
    const s = t.state;
    this.ctx.storage.transactionSync(() => {
      this.sql.exec(
        `INSERT INTO stock (id, sku_id, on_hand, reserved, sold, threshold, alert_armed, alert_seq, version, updated_at)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET on_hand = excluded.on_hand, reserved = excluded.reserved, sold = excluded.sold,
           threshold = excluded.threshold, alert_armed = excluded.alert_armed, alert_seq = excluded.alert_seq,
           version = excluded.version, updated_at = excluded.updated_at`,
        s.skuId,
        s.onHand,
        s.reserved,
        s.sold,
        s.threshold,
        s.alertArmed ? 1 : 0,
        s.alertSeq,
        s.version,
        s.updatedAt,
      );
      if (t.reservation) {
        const r = t.reservation;
        this.sql.exec(
          `INSERT OR REPLACE INTO reservations (order_id, qty, status, expires_at, returned_qty, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          r.orderNo,
          r.qty,
          r.status,
          r.expiresAt,
          r.returnedQty,
          r.createdAt,
          r.updatedAt,
        );
      }
      if (t.deleteReservation)
        this.sql.exec("DELETE FROM reservations WHERE order_id = ?", t.deleteReservation);
      if (t.ledger) {
        const l = t.ledger;
        this.sql.exec(
          `INSERT INTO ledger (at, kind, order_id, d_on_hand, d_reserved, d_sold, on_hand, reserved, sold, reason, actor, op_key)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          now,
          l.kind,
          l.orderNo,
          l.dOnHand,
          l.dReserved,
          l.dSold,
          s.onHand,
          s.reserved,
          s.sold,
          l.reason,
          l.actor,
          opKey,
        );
      }
      if (t.salesDelta)
        this.sql.exec(
          `INSERT INTO sales_daily (day, qty, version) VALUES (?, ?, ?)
           ON CONFLICT(day) DO UPDATE SET qty = qty + excluded.qty, version = excluded.version`,
          shanghaiDay(now),
          t.salesDelta,
          s.version,
        );
      if (t.alert)
        this.sql.exec(
          "INSERT INTO alert_outbox (seq, available, threshold, created_at) VALUES (?, ?, ?, ?)",
          t.alert.seq,
          t.alert.available,
          t.alert.threshold,
          now,
        );
    });
    this.state = s;
    if (t.reservation?.status === "held") this.wakeAt(t.reservation.expiresAt);
    this.startPublish();
  }

  private view(skuId: number): StockView {
    const s = this.state ?? emptyState(skuId, Date.now());
    const held = this.sql.exec("SELECT count(*) AS n FROM reservations WHERE status = 'held'").one();
    return {
      skuId: s.skuId,
      onHand: s.onHand,
      reserved: s.reserved,
      available: availableOf(s),
      sold: s.sold,
      threshold: s.threshold,
      alertArmed: s.alertArmed,
      version: s.version,
      publishedVersion: this.publishedVersion,
      heldReservations: num(held.n),
      updatedAt: s.updatedAt,
    };
  }

  /** Moves the alarm earlier if needed; never later (one alarm serves expiry and publish retries). */
  private wakeAt(at: number) {
    if (this.alarmAt !== null && this.alarmAt <= at) return;
    this.alarmAt = at;
    void this.ctx.storage.setAlarm(at);
  }

  private scheduleNextExpiry() {
    const next = this.sql
      .exec("SELECT min(expires_at) AS at FROM reservations WHERE status = 'held'")
      .toArray()[0]?.at;
    if (next !== null && next !== undefined) this.wakeAt(num(next));
  }

  private publishPending(): boolean {
    if (this.state && this.state.version > this.publishedVersion) return true;
    return this.sql.exec("SELECT 1 FROM alert_outbox LIMIT 1").toArray().length > 0;
  }

  /** Coalesces: while one publish is in flight, later changes ride on the next loop iteration. */
  private startPublish() {
    if (this.publishing || this.isShard || !this.env.LIBSQL_URL) return;
    this.publishing = this.publishLoop().finally(() => {
      this.publishing = undefined;
    });
  }

  private async publishLoop(): Promise<void> {
    while (this.state && this.publishPending()) {
      const wait = this.lastPublishAt + PUBLISH_MIN_INTERVAL_MS - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      this.lastPublishAt = Date.now();
      const s = this.state;
      const days = this.sql
        .exec("SELECT day, qty, version FROM sales_daily WHERE version > ?", this.publishedVersion)
        .toArray()
        .map((r) => ({ day: String(r.day), qty: num(r.qty), version: num(r.version) }) satisfies SalesDay);
      const alerts = this.sql
        .exec("SELECT seq, available, threshold, created_at FROM alert_outbox ORDER BY seq")
        .toArray()
        .map((r) => ({
          alert: {
            seq: num(r.seq),
            available: num(r.available),
            threshold: num(r.threshold),
          } as LowStockAlert,
          createdAt: num(r.created_at),
        }));
      try {
        this.db ??= createClient({ url: this.env.LIBSQL_URL, authToken: this.env.LIBSQL_AUTH_TOKEN });
        await this.db.batch(
          [
            snapshotStatement(s),
            ...days.map((d) => salesDayStatement(s.skuId, d)),
            ...alerts.map((a) => lowStockStatement(s.skuId, a.alert, a.createdAt)),
            // 到货通知: waiting shoppers are told once when this snapshot shows stock again.
            ...restockNoticeStatements(s.skuId, Date.now(), restockNoticeConfig(this.env)),
          ],
          "write",
        );
      } catch (err) {
        this.publishFailures++;
        const delay = Math.min(PUBLISH_RETRY_MAX_MS, PUBLISH_RETRY_MIN_MS * 2 ** (this.publishFailures - 1));
        createLogger(this.env.LOG_LEVEL, { do: "StockCounter", skuId: s.skuId }).warn(
          "stock publish failed",
          {
            err: err instanceof Error ? err.message : String(err),
            retryInMs: delay,
          },
        );
        this.wakeAt(Date.now() + delay);
        return;
      }
      this.publishFailures = 0;
      this.publishedVersion = Math.max(this.publishedVersion, s.version);
      this.sql.exec("UPDATE stock SET published_version = ? WHERE id = 1", this.publishedVersion);
      if (alerts.length)
        this.sql.exec("DELETE FROM alert_outbox WHERE seq <= ?", alerts[alerts.length - 1]!.alert.seq);
    }
  }
}
