/**
 * FlashSale: the coordinator of one flash sale (秒杀), `idFromName("flash:<saleId>")`. It is not on
 * the buyers' path: reservations go straight to the sale's StockCounter shards. It is called to
 *   - set the sale up: mark the N shards, take the units off the SKU's regular counter, give each shard
 *     its slice, then list the sale on the regular counter (from which point reserves are redirected);
 *   - refill a dry shard from its siblings (rebalancing), one refill at a time;
 *   - after the end, move units left on the shards back to the regular counter.
 * Every unit move is a two-step transfer (take from A, give to B) with an op key per step, logged here
 * before it starts, so a move interrupted by a crash is finished on the next refill or alarm and never
 * counted twice: the units on sale are conserved across shards, which is what makes the total exact.
 */

import { DurableObject } from "cloudflare:workers";
import type { Env } from "../worker/env";
import type { RpcClient } from "../worker/shared/rpc-client";
import { type FlashSaleConfig, planRefill, shardName, splitUnits } from "./flash-shards";
import type { StockCounter, StockView } from "./stock-counter";

type Counter = RpcClient<StockCounter>;
type Row = Record<string, SqlStorageValue>;
const num = (v: SqlStorageValue | undefined) => Number(v ?? 0);

export type FlashSaleStatus = "setting_up" | "active" | "failed";

/** The SKU's regular counter as a transfer end (shards are 0…N−1). */
const REGULAR = -1;
/** After the end: leftovers go back at the end, and once more when every hold made in the sale has lapsed. */
const SWEEP_BACK_AGAIN_MS = 3 * 3600_000;
const RETRY_MS = 10_000;

export interface ShardView {
  shard: number;
  onHand: number;
  available: number;
  reserved: number;
  sold: number;
  calls: number;
}

export interface FlashSaleView extends FlashSaleConfig {
  status: FlashSaleStatus;
  failure: string | null;
  rebalances: number;
  unitsMoved: number;
  coordinatorCalls: number;
  shardStats: ShardView[];
  totals: { onHand: number; available: number; reserved: number; sold: number };
  createdAt: number;
}

export type CreateResult =
  | { ok: true; sale: FlashSaleView }
  | { ok: false; code: "INSUFFICIENT_AVAILABLE"; available: number };

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS sale (id INTEGER PRIMARY KEY CHECK (id = 1), sale_id TEXT NOT NULL,
     sku_id INTEGER NOT NULL, units INTEGER NOT NULL, shards INTEGER NOT NULL, starts_at INTEGER NOT NULL,
     ends_at INTEGER NOT NULL, status TEXT NOT NULL, failure TEXT, rebalances INTEGER NOT NULL DEFAULT 0,
     units_moved INTEGER NOT NULL DEFAULT 0, sweeps INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL)`,
  // One row per unit move; `done` = 0 while it may be half-way.
  `CREATE TABLE IF NOT EXISTS transfers (id INTEGER PRIMARY KEY AUTOINCREMENT, from_shard INTEGER NOT NULL,
     to_shard INTEGER NOT NULL, units INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0)`,
];

export class FlashSale extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  /** Refills run one after another: each re-reads the shards, so a queued one moves only what is still missing. */
  private chain: Promise<unknown> = Promise.resolve();
  private calls = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    for (const stmt of SCHEMA) this.sql.exec(stmt);
  }

  // ---------- RPC ----------

  /** Sets the sale up (idempotent: a repeat finishes or returns the first one). */
  async create(config: FlashSaleConfig): Promise<CreateResult> {
    if (!this.row())
      this.sql.exec(
        `INSERT INTO sale (id, sale_id, sku_id, units, shards, starts_at, ends_at, status, created_at)
         VALUES (1, ?, ?, ?, ?, ?, ?, 'setting_up', ?)`,
        config.id,
        config.skuId,
        config.units,
        config.shards,
        config.startsAt,
        config.endsAt,
        Date.now(),
      );
    await this.ctx.storage.setAlarm(Date.now() + RETRY_MS);
    const failed = await this.setUp();
    if (failed) return failed;
    await this.ctx.storage.setAlarm(this.config().endsAt);
    return { ok: true, sale: await this.view() };
  }

  /**
   * Moves units into shard `home` from its siblings until it holds `need` available units, or the
   * siblings have none. Returns the units moved and what the home shard then has available.
   */
  refill(home: number, need: number): Promise<{ moved: number; available: number }> {
    this.calls++;
    const next = this.chain.then(() => this.doRefill(home, need));
    this.chain = next.catch(() => undefined);
    return next;
  }

  exists(): boolean {
    return this.row() !== undefined;
  }

  async view(): Promise<FlashSaleView> {
    const c = this.config();
    const r = this.row()!;
    const stats = await Promise.all(Array.from({ length: c.shards }, (_, k) => this.shard(k).stats(c.skuId)));
    const shardStats = stats.map((s, k) => ({
      shard: k,
      onHand: s.onHand,
      available: s.available,
      reserved: s.reserved,
      sold: s.sold,
      calls: s.calls,
    }));
    const sum = (f: keyof ShardView) => shardStats.reduce((a, s) => a + s[f], 0);
    return {
      ...c,
      status: String(r.status) as FlashSaleStatus,
      failure: r.failure === null ? null : String(r.failure),
      rebalances: num(r.rebalances),
      unitsMoved: num(r.units_moved),
      coordinatorCalls: this.calls,
      shardStats,
      totals: {
        onHand: sum("onHand"),
        available: sum("available"),
        reserved: sum("reserved"),
        sold: sum("sold"),
      },
      createdAt: num(r.created_at),
    };
  }

  override async alarm(): Promise<void> {
    const r = this.row();
    if (!r) return;
    if (r.status === "setting_up") {
      await this.setUp();
      return;
    }
    await this.serially(() => this.finishTransfers());
    const c = this.config();
    if (r.status !== "active" || Date.now() < c.endsAt) {
      if (r.status === "active") await this.ctx.storage.setAlarm(c.endsAt);
      return;
    }
    // The sale is over: what the shards still have goes back on regular sale.
    await this.serially(() => this.sweepBack());
    const sweeps = num(this.row()!.sweeps) + 1;
    this.sql.exec("UPDATE sale SET sweeps = ? WHERE id = 1", sweeps);
    if (sweeps < 2) await this.ctx.storage.setAlarm(c.endsAt + SWEEP_BACK_AGAIN_MS);
  }

  // ---------- internals ----------

  private row(): Row | undefined {
    return this.sql.exec("SELECT * FROM sale WHERE id = 1").toArray()[0];
  }

  private config(): FlashSaleConfig {
    const r = this.row();
    if (!r) throw new Error("flash sale not set up");
    return {
      id: String(r.sale_id),
      skuId: num(r.sku_id),
      units: num(r.units),
      shards: num(r.shards),
      startsAt: num(r.starts_at),
      endsAt: num(r.ends_at),
    };
  }

  private counter(name: string): Counter {
    const ns = this.env.STOCK_COUNTER;
    return ns.get(ns.idFromName(name)) as unknown as Counter;
  }

  private regular(): Counter {
    return this.counter(`sku:${this.config().skuId}`);
  }

  private shard(k: number): Counter {
    const c = this.config();
    return k === REGULAR ? this.regular() : this.counter(shardName(c.skuId, c.id, k));
  }

  private serially<T>(step: () => Promise<T>): Promise<T> {
    const next = this.chain.then(step);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async setUp(): Promise<Extract<CreateResult, { ok: false }> | null> {
    const c = this.config();
    const status = String(this.row()!.status);
    if (status === "failed") {
      const { available } = await this.regular().get(c.skuId);
      return { ok: false, code: "INSUFFICIENT_AVAILABLE", available };
    }
    if (status === "active") return null;
    // Shards first: a shard must know it is one before it holds units (it must never publish).
    await Promise.all(Array.from({ length: c.shards }, (_, k) => this.shard(k).markShard(c.skuId, c.id, k)));
    const who = { reason: `秒杀 ${c.id}`, actor: "flash-sale" };
    const out = await this.regular().adjust(
      c.skuId,
      { mode: "delta", delta: -c.units },
      { ...who, opKey: `flash:${c.id}:out` },
    );
    if (!out.ok) {
      this.sql.exec("UPDATE sale SET status = 'failed', failure = 'INSUFFICIENT_AVAILABLE' WHERE id = 1");
      await this.ctx.storage.deleteAlarm();
      return { ok: false, code: "INSUFFICIENT_AVAILABLE", available: out.available };
    }
    const slices = splitUnits(c.units, c.shards);
    await Promise.all(
      slices.map((units, k) =>
        units > 0
          ? this.shard(k).adjust(
              c.skuId,
              { mode: "restock", quantity: units },
              { ...who, opKey: `flash:${c.id}:in` },
            )
          : undefined,
      ),
    );
    await this.regular().addFlashSale(c.skuId, {
      id: c.id,
      shards: c.shards,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
    });
    this.sql.exec("UPDATE sale SET status = 'active' WHERE id = 1");
    return null;
  }

  private async doRefill(home: number, need: number): Promise<{ moved: number; available: number }> {
    await this.finishTransfers();
    const c = this.config();
    let moved = 0;
    for (;;) {
      const views = await Promise.all(Array.from({ length: c.shards }, (_, k) => this.shard(k).get(c.skuId)));
      const available = views.map((v: StockView) => v.available);
      let movedNow = 0;
      let short = false;
      for (const take of planRefill(home, available[home]!, need, available)) {
        const units = await this.transfer(take.from, home, take.units);
        if (units < take.units) short = true;
        if (units > 0) {
          movedNow += units;
          this.sql.exec(
            "UPDATE sale SET rebalances = rebalances + 1, units_moved = units_moved + ? WHERE id = 1",
            units,
          );
        }
      }
      moved += movedNow;
      // A sibling that sold some of its units since it was read gave fewer than planned: the others may
      // still have spare, so look again. Only a plan carried out in full (or none at all: every sibling
      // dry) answers, so a shortfall really means the sale has no more units (the buyers' sell-out memo).
      if (!short) return { moved, available: available[home]! + movedNow };
    }
  }

  /** Returns every shard's available units to the regular counter. */
  private async sweepBack() {
    const c = this.config();
    const views = await Promise.all(Array.from({ length: c.shards }, (_, k) => this.shard(k).get(c.skuId)));
    for (const [k, v] of views.entries()) if (v.available > 0) await this.transfer(k, REGULAR, v.available);
  }

  /** Logs, then takes from `from` (at most what it has at that moment), then gives to `to`. */
  private async transfer(from: number, to: number, units: number): Promise<number> {
    const id = num(
      this.sql
        .exec(
          "INSERT INTO transfers (from_shard, to_shard, units) VALUES (?, ?, ?) RETURNING id",
          from,
          to,
          units,
        )
        .one().id,
    );
    return this.complete(id, from, to, units);
  }

  private async complete(id: number, from: number, to: number, units: number): Promise<number> {
    const c = this.config();
    const who = { reason: "秒杀分片调拨", actor: `flash-sale:${c.id}` };
    const key = `flash:${c.id}:xfer:${id}`;
    let take = units;
    // A sibling may have sold units since it was read: take what it has (no row is written on a refusal,
    // so the same op key can ask again for less).
    for (;;) {
      // Persist the amount before asking: a crash after the take must give exactly what was taken.
      this.sql.exec("UPDATE transfers SET units = ? WHERE id = ?", take, id);
      const out = await this.shard(from).adjust(
        c.skuId,
        { mode: "delta", delta: -take },
        { ...who, opKey: `${key}:out` },
      );
      if (out.ok) break;
      take = Math.min(take, out.available);
      if (take <= 0) {
        this.sql.exec("DELETE FROM transfers WHERE id = ?", id);
        return 0;
      }
    }
    await this.shard(to).adjust(c.skuId, { mode: "restock", quantity: take }, { ...who, opKey: `${key}:in` });
    this.sql.exec("UPDATE transfers SET done = 1 WHERE id = ?", id);
    return take;
  }

  /** Finishes moves a crash interrupted: both steps are idempotent by op key. */
  private async finishTransfers() {
    const open = this.sql.exec("SELECT * FROM transfers WHERE done = 0 ORDER BY id").toArray();
    for (const t of open) await this.complete(num(t.id), num(t.from_shard), num(t.to_shard), num(t.units));
  }
}
