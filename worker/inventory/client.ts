/**
 * Inventory client for other domains (orders, checkout, seed). Every stock decision is made by the
 * SKU's StockCounter Durable Object; this file only fans out across SKUs and compensates.
 * `orderNo` keys a reservation: the order's number (orders.order_no, "2026…"), or "manual:<ref>" for a
 * merchant's manual hold; never the numeric orders.id.
 *
 *   reserveItems(env, orderNo, items, ttlMs)   all-or-nothing across SKUs, idempotent by orderNo.
 *       A short SKU → the SKUs this call reserved are released (compensation, which leaves no
 *       trace, so a later retry with the same orderNo may reserve afresh); a repeated call returns
 *       ok without reserving twice. A held reservation expires by itself after ttlMs.
 *   confirmItems(env, orderNo, skuIds, { reReserve })   the order is paid: held → sold, all or
 *       nothing. An expired/released reservation is refused (RESERVATION_EXPIRED/RELEASED) unless
 *       reReserve: true, which takes the units again from what is available now (payment arriving
 *       after the hold lapsed). If any SKU fails, the SKUs sold by the order are reverted.
 *   releaseItems(env, orderNo, skuIds, reason?)   cancel/expire a hold; idempotent. Refuses
 *       (ALREADY_SOLD) for SKUs already confirmed: use revertItems or returnItems for those.
 *   revertItems(env, orderNo, skuIds)   un-sell a confirmed order (refunded before shipping).
 *   returnItems(env, orderNo, items, { returnId, reason, actor })   returned goods back to stock;
 *       idempotent per returnId; never more than the order bought.
 *   availabilityOf(db, skuIds)   shopper labels from the libSQL snapshot (may lag; never decides).
 *
 * SKUs on a flash sale (秒杀) are routed to the sale's shards by ./flash-route.ts, transparently.
 *
 * Throws AppError 503 STOCK_UNAVAILABLE when a StockCounter cannot be reached (after compensating).
 * Concurrent calls with one orderNo never reserve twice; but a checkout should still make its order
 * row first (unique order number) so that two racing duplicates do not both run reserve + compensate.
 */

import { inArray } from "drizzle-orm";
import type { StockCounter } from "../../durable-objects/stock-counter";
import type { ConfirmResult, ReserveResult, ReturnResult } from "../../durable-objects/stock-ledger";
import type { Db } from "../db/client";
import { AppError } from "../shared/errors";
import { sumBySku } from "../shared/lines";
import type { RpcClient } from "../shared/rpc-client";
import { type Availability, availabilityLabel } from "./availability";
import { confirmSku, type FlashEnv, releaseSku, reserveSku, returnSku, revertSku } from "./flash-route";
import { stockSnapshots } from "./schema";

export type StockEnv = FlashEnv;

export interface LineItem {
  skuId: number;
  qty: number;
}

/** The object's RPC methods with plain result types. */
export type StockCounterStub = RpcClient<StockCounter>;

export const stockCounter = (env: StockEnv, skuId: number) =>
  env.STOCK_COUNTER.get(env.STOCK_COUNTER.idFromName(`sku:${skuId}`)) as unknown as StockCounterStub;

const unavailable = () => new AppError(503, "STOCK_UNAVAILABLE", "库存服务繁忙，请稍后再试");

/** Merges repeated SKUs so one order holds one reservation per SKU. */
export function mergeItems(items: LineItem[]): LineItem[] {
  // In SKU order, so every order takes its holds in the same sequence.
  return sumBySku(items, "qty").sort((a, b) => a.skuId - b.skuId);
}

type Settled<T> = { skuId: number } & ({ ok: true; value: T } | { ok: false; error: unknown });

async function eachSku<T>(skuIds: number[], call: (skuId: number) => Promise<T>): Promise<Settled<T>[]> {
  return Promise.all(
    skuIds.map(async (skuId) => {
      try {
        return { skuId, ok: true as const, value: await call(skuId) };
      } catch (error) {
        return { skuId, ok: false as const, error };
      }
    }),
  );
}

export type ReserveItemsResult =
  | { ok: true }
  | { ok: false; code: "OUT_OF_STOCK"; skuId: number; available: number }
  | { ok: false; code: "ORDER_QTY_MISMATCH" | "RESERVATION_CLOSED"; skuId: number };

export async function reserveItems(
  env: StockEnv,
  orderNo: string,
  items: LineItem[],
  ttlMs: number,
): Promise<ReserveItemsResult> {
  const merged = mergeItems(items);
  const qtyOf = new Map(merged.map((i) => [i.skuId, i.qty]));
  const results = await eachSku<ReserveResult>(
    merged.map((i) => i.skuId),
    (skuId) => reserveSku(env, skuId, orderNo, qtyOf.get(skuId)!, ttlMs),
  );
  const failed = results.find((r) => !r.ok || !r.value.ok);
  if (!failed) return { ok: true };
  // Undo only what this call took (a duplicate's hold belongs to the first call), plus any SKU
  // whose call failed in transit: it may have reserved before the error reached us.
  const toUndo = results.filter((r) => (r.ok ? r.value.ok && !r.value.duplicate : true)).map((r) => r.skuId);
  await eachSku(toUndo, (skuId) => releaseSku(env, skuId, orderNo, { compensation: true }));
  if (!failed.ok) throw unavailable();
  const v = failed.value as Exclude<ReserveResult, { ok: true }>;
  if (v.code === "OUT_OF_STOCK")
    return { ok: false, code: v.code, skuId: failed.skuId, available: v.available };
  return { ok: false, code: v.code, skuId: failed.skuId };
}

export type ConfirmItemsResult =
  | { ok: true }
  | {
      ok: false;
      code: "RESERVATION_NOT_FOUND" | "RESERVATION_EXPIRED" | "RESERVATION_RELEASED" | "OUT_OF_STOCK";
      skuId: number;
    };

export async function confirmItems(
  env: StockEnv,
  orderNo: string,
  skuIds: number[],
  opts: { reReserve?: boolean } = {},
): Promise<ConfirmItemsResult> {
  const ids = [...new Set(skuIds)].sort((a, b) => a - b);
  const results = await eachSku<ConfirmResult>(ids, (skuId) =>
    confirmSku(env, skuId, orderNo, { reReserve: !!opts.reReserve }),
  );
  const failed = results.find((r) => !r.ok || !r.value.ok);
  if (!failed) return { ok: true };
  await revertItems(env, orderNo, ids).catch(() => undefined);
  if (!failed.ok) throw unavailable();
  const v = failed.value as Exclude<ConfirmResult, { ok: true }>;
  return { ok: false, code: v.code, skuId: failed.skuId };
}

export type ReleaseItemsResult = { ok: true } | { ok: false; code: "ALREADY_SOLD"; skuIds: number[] };

export async function releaseItems(
  env: StockEnv,
  orderNo: string,
  skuIds: number[],
  reason = "cancelled",
): Promise<ReleaseItemsResult> {
  const results = await eachSku([...new Set(skuIds)], (skuId) => releaseSku(env, skuId, orderNo, { reason }));
  if (results.some((r) => !r.ok)) throw unavailable();
  const sold = results.filter((r) => r.ok && !r.value.ok).map((r) => r.skuId);
  return sold.length ? { ok: false, code: "ALREADY_SOLD", skuIds: sold } : { ok: true };
}

/** Un-sells a confirmed order on every SKU (no-op where it is not sold). */
export async function revertItems(env: StockEnv, orderNo: string, skuIds: number[]): Promise<void> {
  const results = await eachSku([...new Set(skuIds)], (skuId) => revertSku(env, skuId, orderNo));
  if (results.some((r) => !r.ok)) throw unavailable();
}

export type ReturnItemsResult =
  | { ok: true }
  | { ok: false; code: "NOT_SOLD" | "RETURN_EXCEEDS_SOLD"; skuId: number };

/**
 * Puts returned goods back on sale. Idempotent per (returnId, SKU); SKUs are independent, so on a
 * failure the others may already be back in stock — retry with the same returnId after fixing it.
 */
export async function returnItems(
  env: StockEnv,
  orderNo: string,
  items: LineItem[],
  who: { returnId: string; reason: string; actor: string },
): Promise<ReturnItemsResult> {
  const merged = mergeItems(items);
  const results = await eachSku<ReturnResult | { ok: true; duplicate: true }>(
    merged.map((i) => i.skuId),
    (skuId) =>
      returnSku(env, skuId, orderNo, merged.find((i) => i.skuId === skuId)!.qty, {
        reason: who.reason,
        actor: who.actor,
        opKey: `return:${who.returnId}`,
      }),
  );
  if (results.some((r) => !r.ok)) throw unavailable();
  for (const r of results) if (r.ok && !r.value.ok) return { ok: false, code: r.value.code, skuId: r.skuId };
  return { ok: true };
}

export interface SkuAvailability extends Availability {
  available: number;
}

/** Shopper-facing availability from the snapshots; SKUs never stocked are 无货. */
export async function availabilityOf(db: Db, skuIds: number[]): Promise<Map<number, SkuAvailability>> {
  const ids = [...new Set(skuIds)];
  const rows = ids.length
    ? await db
        .select({ skuId: stockSnapshots.skuId, available: stockSnapshots.available })
        .from(stockSnapshots)
        .where(inArray(stockSnapshots.skuId, ids))
    : [];
  const found = new Map(rows.map((r) => [r.skuId, r.available]));
  return new Map(
    ids.map((id) => {
      const available = found.get(id) ?? 0;
      return [id, { available, ...availabilityLabel(available) }];
    }),
  );
}
