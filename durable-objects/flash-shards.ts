/**
 * Flash-sale (秒杀) sharding as plain functions: how a sale's units are split across N StockCounter
 * shards, which shard an order lives on, and how units are moved into a dry shard. No storage, no I/O;
 * durable-objects/flash-sale.ts (the coordinator) and worker/inventory/flash-route.ts use these.
 *
 * An order's reservation always lives on its home shard, `homeShard(orderNo, n)`: a retry reaches the
 * same shard (idempotency by order number keeps working), and confirm / release / revert / return
 * find it without a lookup table. When the home shard is dry the coordinator moves units into it from
 * its siblings (rebalancing), instead of the buyer reserving elsewhere.
 */

export interface FlashSaleConfig {
  id: string;
  skuId: number;
  units: number;
  shards: number;
  startsAt: number;
  endsAt: number;
}

export const MAX_SHARDS = 32;

/** The StockCounter object name of shard k (the SKU's regular counter is `sku:<id>`). */
export const shardName = (skuId: number, saleId: string, k: number) =>
  `sku:${skuId}:flash:${saleId}:shard:${k}`;

/** The coordinator object's name. */
export const coordinatorName = (saleId: string) => `flash:${saleId}`;

/** FNV-1a over the order number: stable across isolates and deploys (unlike a seeded hash). */
export function homeShard(orderNo: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < orderNo.length; i++) {
    h ^= orderNo.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % n;
}

/** Splits `units` into `n` slices that differ by at most one (the first `units mod n` get one more). */
export function splitUnits(units: number, n: number): number[] {
  if (!Number.isSafeInteger(units) || units < 0) throw new RangeError(`invalid units: ${units}`);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`invalid shard count: ${n}`);
  const base = Math.floor(units / n);
  return Array.from({ length: n }, (_, k) => base + (k < units % n ? 1 : 0));
}

/** The order in which a dry shard asks its siblings: the next ones round the ring, so load spreads. */
export const siblingsOf = (k: number, n: number) => Array.from({ length: n - 1 }, (_, i) => (k + 1 + i) % n);

export interface Take {
  from: number;
  units: number;
}

/**
 * Which units to move into shard `home` so that it can serve `need` more units. From each sibling it
 * takes at least what is still missing and, beyond that, half of the sibling's spare units, so the next
 * buyers landing on the home shard do not each need a rebalance, while the sibling keeps the other
 * half for its own buyers. Takes nothing when the home shard already has enough, and never takes more
 * than a sibling has available.
 */
export function planRefill(
  home: number,
  homeAvailable: number,
  need: number,
  available: readonly number[],
): Take[] {
  let missing = need - homeAvailable;
  if (missing <= 0) return [];
  const takes: Take[] = [];
  for (const from of siblingsOf(home, available.length)) {
    const spare = available[from] ?? 0;
    if (spare <= 0) continue;
    const units = Math.min(spare, Math.max(missing, Math.ceil(spare / 2)));
    takes.push({ from, units });
    missing -= units;
    if (missing <= 0) break;
  }
  return takes;
}

export type SaleWindow = Pick<FlashSaleConfig, "startsAt" | "endsAt">;

export const isLive = (sale: SaleWindow, now: number) => now >= sale.startsAt && now < sale.endsAt;

/** Validates a merchant's flash sale; returns the Chinese message of the first problem, or null. */
export function invalidSale(input: Omit<FlashSaleConfig, "id" | "skuId">, now: number): string | null {
  if (!Number.isSafeInteger(input.units) || input.units < 1) return "秒杀数量至少为 1";
  if (!Number.isSafeInteger(input.shards) || input.shards < 1 || input.shards > MAX_SHARDS)
    return `分片数须在 1 到 ${MAX_SHARDS} 之间`;
  if (input.shards > input.units) return "分片数不能多于秒杀数量";
  if (input.endsAt <= input.startsAt) return "结束时间须晚于开始时间";
  if (input.endsAt <= now) return "结束时间已过";
  return null;
}
