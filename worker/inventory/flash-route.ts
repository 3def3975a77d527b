/**
 * Routes stock calls of SKUs on a flash sale (秒杀) to the sale's StockCounter shards; everything else
 * goes to the SKU's regular counter exactly as before (one call, one Map lookup more).
 *
 * How a worker learns of a sale: the regular counter answers a reserve during a live sale (and an order
 * call for a reservation it does not hold) with a FLASH_SALE redirect naming the SKU's sales. The isolate
 * remembers the live sale until its end, so later reserves go straight to a shard and the regular counter
 * sees one redirect per isolate, not the sale's traffic.
 *
 * Reserve: the order's home shard, `homeShard(orderNo, N)`. If it is dry, the sale's coordinator
 * (durable-objects/flash-sale.ts) moves units into it from its siblings and the reserve is tried again,
 * so a buyer is refused only when no shard had units left. Confirm, release, revert and return go to the
 * regular counter first (it answers its own reservations: a hold taken before the sale started) and
 * then to the home shard of each of the SKU's sales, newest first, so nothing needs recording beyond the
 * order number.
 */

import { homeShard, isLive, shardName } from "../../durable-objects/flash-shards";
import type { FlashRedirect, FlashSaleRef, StockCounter } from "../../durable-objects/stock-counter";
import type {
  ConfirmResult,
  ReleaseResult,
  ReReserveResult,
  ReserveResult,
  ReturnResult,
  RevertResult,
} from "../../durable-objects/stock-ledger";
import type { Env } from "../env";
import type { RpcClient } from "../shared/rpc-client";

export type FlashEnv = Pick<Env, "STOCK_COUNTER"> & Partial<Pick<Env, "FLASH_SALE">>;
type Counter = RpcClient<StockCounter>;

/**
 * After a refill found fewer units left in the whole sale than a buyer asked for, this isolate refuses
 * larger requests for a moment without calling any object: after a sell-out almost every attempt is a
 * refusal, and these would otherwise load the shards and the coordinator. The cost: a unit that comes
 * back (an expired or cancelled hold) can wait up to this long for its next buyer.
 */
const SOLD_OUT_MEMO_MS = 200;

/** SKU → its flash sales (newest first), learnt from redirects; kept until the newest one ends. */
const knownSales = new Map<number, FlashSaleRef[]>();
/** Sale id → until when, and how many units the sale had left when a refill last came up short. */
const soldOut = new Map<string, { until: number; left: number }>();

export const counterNamed = (env: FlashEnv, name: string) =>
  env.STOCK_COUNTER.get(env.STOCK_COUNTER.idFromName(name)) as unknown as Counter;

const regular = (env: FlashEnv, skuId: number) => counterNamed(env, `sku:${skuId}`);

const shardFor = (env: FlashEnv, skuId: number, sale: FlashSaleRef, orderNo: string) =>
  counterNamed(env, shardName(skuId, sale.id, homeShard(orderNo, sale.shards)));

export function isRedirect(r: unknown): r is FlashRedirect {
  return typeof r === "object" && r !== null && (r as FlashRedirect).code === "FLASH_SALE";
}

function liveSale(skuId: number, now: number): FlashSaleRef | undefined {
  const sales = knownSales.get(skuId);
  if (!sales) return undefined;
  const live = sales.find((s) => isLive(s, now));
  if (!live && sales.every((s) => s.endsAt <= now)) knownSales.delete(skuId);
  return live;
}

export type ReserveSkuResult = ReserveResult & { shard?: number };

export async function reserveSku(
  env: FlashEnv,
  skuId: number,
  orderNo: string,
  qty: number,
  ttlMs: number,
): Promise<ReserveSkuResult> {
  const cached = liveSale(skuId, Date.now());
  if (cached) return reserveOnShards(env, skuId, cached, orderNo, qty, ttlMs);
  const r = await regular(env, skuId).reserve(skuId, orderNo, qty, ttlMs);
  if (!isRedirect(r)) return r;
  knownSales.set(skuId, r.sales);
  // The counter judged a sale live; our clock may differ by a little, so fall back to the newest.
  const sale = r.sales.find((s) => isLive(s, Date.now())) ?? r.sales[0]!;
  return reserveOnShards(env, skuId, sale, orderNo, qty, ttlMs);
}

async function reserveOnShards(
  env: FlashEnv,
  skuId: number,
  sale: FlashSaleRef,
  orderNo: string,
  qty: number,
  ttlMs: number,
): Promise<ReserveSkuResult> {
  const k = homeShard(orderNo, sale.shards);
  const memo = soldOut.get(sale.id);
  if (memo && memo.until > Date.now() && qty > memo.left)
    return { ok: false, code: "OUT_OF_STOCK", available: memo.left, shard: k };
  const shard = counterNamed(env, shardName(skuId, sale.id, k));
  // Each round either reserves, or moves units in, or finds every shard empty: at most N+1 rounds.
  for (let round = 0; ; round++) {
    const r = (await shard.reserve(skuId, orderNo, qty, ttlMs)) as ReserveResult;
    if (r.ok || r.code !== "OUT_OF_STOCK" || sale.shards === 1 || round > sale.shards)
      return { ...r, shard: k };
    if (!env.FLASH_SALE) throw new Error("FLASH_SALE binding missing");
    const coordinator = env.FLASH_SALE.get(env.FLASH_SALE.idFromName(`flash:${sale.id}`));
    const refill = await coordinator.refill(k, qty);
    if (refill.available < qty) {
      // A refill that falls short has drained every sibling into the home shard: this is all that is left.
      soldOut.set(sale.id, { until: Date.now() + SOLD_OUT_MEMO_MS, left: refill.available });
      return { ok: false, code: "OUT_OF_STOCK", available: refill.available, shard: k };
    }
  }
}

/**
 * Runs an order call on the counter holding the order's reservation: the regular counter, else the
 * home shard of each sale (newest first) until one holds it. `missing` tells "not here" results.
 */
async function onHolder<R>(
  env: FlashEnv,
  skuId: number,
  orderNo: string,
  call: (c: Counter) => Promise<R | FlashRedirect>,
  missing: (r: R) => boolean,
): Promise<R> {
  const r = await call(regular(env, skuId));
  if (!isRedirect(r)) return r;
  let last: R | undefined;
  for (const sale of r.sales) {
    last = (await call(shardFor(env, skuId, sale, orderNo))) as R;
    if (!missing(last)) return last;
  }
  return last!;
}

const notFound = (r: { ok: boolean; code?: string }) => !r.ok && r.code === "RESERVATION_NOT_FOUND";
const noOp = (r: { ok: boolean; changed?: boolean }) => r.ok && r.changed === false;

export const confirmSku = (env: FlashEnv, skuId: number, orderNo: string, opts: { reReserve: boolean }) =>
  onHolder<ConfirmResult>(env, skuId, orderNo, (c) => c.confirm(skuId, orderNo, opts), notFound);

export const reReserveSku = (env: FlashEnv, skuId: number, orderNo: string, ttlMs: number) =>
  onHolder<ReReserveResult>(env, skuId, orderNo, (c) => c.reReserve(skuId, orderNo, ttlMs), notFound);

export const releaseSku = (
  env: FlashEnv,
  skuId: number,
  orderNo: string,
  opts: { compensation?: boolean; reason?: string },
) => onHolder<ReleaseResult>(env, skuId, orderNo, (c) => c.release(skuId, orderNo, opts), noOp);

export const revertSku = (env: FlashEnv, skuId: number, orderNo: string) =>
  onHolder<RevertResult>(env, skuId, orderNo, (c) => c.revert(skuId, orderNo), noOp);

export const returnSku = (
  env: FlashEnv,
  skuId: number,
  orderNo: string,
  qty: number,
  who: { reason: string; actor: string; opKey: string },
) =>
  onHolder<ReturnResult | { ok: true; duplicate: true }>(
    env,
    skuId,
    orderNo,
    (c) => c.returnToStock(skuId, orderNo, qty, who),
    (r) => !r.ok && r.code === "NOT_SOLD",
  );
