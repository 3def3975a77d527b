/**
 * Flash-sale benchmark: one hot SKU, sold through the API (POST /api/admin/inventory/reservations →
 * reserveItems → the flash route), in one workerd, in one run:
 *   no flash sale   the SKU's one StockCounter (the path every SKU takes today)
 *   N shards        a flash sale of the same units over N = 1, 2, 4, 8 (and 16) StockCounter shards
 * Each scenario sends REQUESTS reserve attempts (qty 1, unique order numbers) for STOCK units, so the
 * sale sells out and the rest are refused. Checked afterwards from the objects themselves: oversold
 * (units held beyond those on sale, must be 0) and stranded (units left on a shard while buyers were
 * refused, must be 0). The busiest shard's share of the shard calls and the coordinator's calls give the
 * production arithmetic: locally every object runs in one workerd process, so more shards add no cores
 * here; on Cloudflare each object is its own ≈1,000 req/s unit.
 *
 *   npm run bench -- flashsale      BENCH_REQUESTS=3000 BENCH_STOCK=2000 BENCH_CONCURRENCY=64
 */
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { startBenchStack, stockedSkus } from "./inventory";
import { classifyStatus, httpClient, type LoadResult, markdownTable, runLoad } from "./lib/load";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const STOCK = Number(process.env.BENCH_STOCK ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const SHARD_COUNTS = [1, 2, 4, 8, 16];
/** The production sale the arithmetic is for, and Cloudflare's documented soft limit per object. */
const SALE_RPS = 10_000;
const OBJECT_LIMIT_RPS = 1_000;

interface SaleView {
  id: string;
  rebalances: number;
  unitsMoved: number;
  coordinatorCalls: number;
  shardStats: { calls: number; available: number }[];
  totals: { onHand: number; available: number; reserved: number; sold: number };
}

interface Row {
  name: string;
  shards: number;
  result: LoadResult;
  held: number;
  /** Calls per attempt on the busiest object that serves buyers (shard or the one counter). */
  busiestCallsPerAttempt: number;
  busiestShare: number;
  /** All shard calls per attempt: 1 plus the refills' reads and transfers, minus memo-answered refusals. */
  shardCallsPerAttempt: number;
  coordinatorCallsPerAttempt: number;
  rebalances: number;
  unitsMoved: number;
  left: number;
}

export async function run(): Promise<void> {
  const loadBefore = loadavg()[0]!.toFixed(2);
  const s = await startBenchStack();
  const api = httpClient(s.apiUrl, CONCURRENCY);
  const reserve = (ref: string, skuId: number) =>
    api.send("/api/admin/inventory/reservations", {
      method: "POST",
      headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json" },
      body: JSON.stringify({ ref, items: [{ skuId, qty: 1 }] }),
    });
  const flashSale = async (skuId: number, shards: number) =>
    (await s.api("/api/admin/flash-sales", {
      method: "POST",
      json: { skuId, units: STOCK, shards, startsAt: Date.now() - 1000, endsAt: Date.now() + 3600_000 },
    })) as unknown as SaleView;
  const load = (tag: string, skuId: number) =>
    runLoad({
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      send: async (i) => {
        const status = await reserve(`${tag}-${i}`, skuId);
        return { outcome: classifyStatus(status), detail: `HTTP ${status}` };
      },
    });
  try {
    const skus = await stockedSkus(s, SHARD_COUNTS.length + 2);
    const [warmSku, plainSku] = skus as [number, number];
    // Warm the isolate and both paths on a SKU the measured runs do not use.
    await flashSale(warmSku, 2);
    await runLoad({
      requests: 200,
      concurrency: 8,
      send: async (i) => classifyStatus(await reserve(`w-${i}`, warmSku)),
    });

    const rows: Row[] = [];
    const plain = await load("plain", plainSku);
    const { stock } = (await s.api(`/api/admin/inventory/skus/${plainSku}`)) as {
      stock: { reserved: number; sold: number; available: number };
    };
    rows.push({
      name: "no flash sale (one StockCounter)",
      shards: 0,
      result: plain,
      held: stock.reserved + stock.sold,
      busiestCallsPerAttempt: 1,
      busiestShare: 1,
      shardCallsPerAttempt: 1,
      coordinatorCallsPerAttempt: 0,
      rebalances: 0,
      unitsMoved: 0,
      left: stock.available,
    });
    for (const [i, n] of SHARD_COUNTS.entries()) {
      const sale = await flashSale(skus[i + 2]!, n);
      const result = await load(`fs${n}`, skus[i + 2]!);
      const v = (await s.api(`/api/admin/flash-sales/${sale.id}`)) as unknown as SaleView;
      const calls = v.shardStats.map((k) => k.calls);
      const total = calls.reduce((a, b) => a + b, 0);
      rows.push({
        name: `flash sale, ${n} shard${n > 1 ? "s" : ""}`,
        shards: n,
        result,
        held: v.totals.reserved + v.totals.sold,
        busiestCallsPerAttempt: Math.max(...calls) / REQUESTS,
        busiestShare: Math.max(...calls) / total,
        shardCallsPerAttempt: total / REQUESTS,
        coordinatorCallsPerAttempt: v.coordinatorCalls / REQUESTS,
        rebalances: v.rebalances,
        unitsMoved: v.unitsMoved,
        left: v.totals.available,
      });
    }

    console.log(
      `${REQUESTS} reserve attempts per scenario (qty 1, unique order numbers) through the API for ${STOCK} units, ` +
        `${CONCURRENCY} concurrent keep-alive connections, one workerd, load generator on the same machine.\n`,
    );
    console.log(
      markdownTable(
        [
          "scenario",
          "req/s",
          "reservations/s",
          "p50 ms",
          "p99 ms",
          "sold (held)",
          "refused",
          "errors",
          "busiest shard's share",
          "rebalances (units moved)",
          "oversold",
          "stranded",
        ],
        rows.map((r) => [
          r.name,
          r.result.rps.toFixed(0),
          r.result.okPerSecond.toFixed(0),
          r.result.p50Ms.toFixed(1),
          r.result.p99Ms.toFixed(1),
          r.held,
          r.result.rejected,
          r.result.errors,
          r.shards
            ? `${(r.busiestShare * 100).toFixed(1)} % (ideal ${(100 / r.shards).toFixed(1)} %)`
            : "100 %",
          r.shards ? `${r.rebalances} (${r.unitsMoved})` : "–",
          Math.max(0, r.result.ok - STOCK) + Math.max(0, r.held - STOCK),
          // Units on a shard nobody could buy although buyers were refused.
          r.result.rejected > 0 ? r.left : 0,
        ]),
      ),
    );
    console.log(
      `\nProduction arithmetic for a ${SALE_RPS.toLocaleString("en")} req/s sale (each object ≈ ${OBJECT_LIMIT_RPS.toLocaleString("en")} req/s soft limit), ` +
        "from the object calls per attempt measured above (shard calls include the coordinator's reads and transfers):\n",
    );
    console.log(
      markdownTable(
        [
          "scenario",
          "busiest shard calls / attempt",
          "busiest shard req/s",
          "coordinator req/s",
          "under 1,000?",
          "shards needed (busiest at that N)",
        ],
        rows.map((r) => {
          const busiest = SALE_RPS * r.busiestCallsPerAttempt;
          const coord = SALE_RPS * r.coordinatorCallsPerAttempt;
          // The measured load (all shard calls, with the measured skew) spread over the N that keeps
          // the busiest shard under the limit.
          const skew = r.shards ? r.busiestShare * r.shards : 1;
          const perShardTotal = SALE_RPS * r.shardCallsPerAttempt * skew;
          const needed = Math.ceil(perShardTotal / OBJECT_LIMIT_RPS);
          return [
            r.name,
            r.busiestCallsPerAttempt.toFixed(3),
            busiest.toFixed(0),
            r.shards ? coord.toFixed(0) : "–",
            Math.max(busiest, coord) < OBJECT_LIMIT_RPS ? "yes" : "no",
            r.shards ? `${needed} (${(perShardTotal / needed).toFixed(0)} req/s)` : "– (one object)",
          ];
        }),
      ),
    );
    for (const r of rows)
      if (r.result.errors) console.log(`\n${r.name} errors: ${JSON.stringify(r.result.errorKinds)}`);
    console.log(`\nload average before/after: ${loadBefore} / ${loadavg()[0]!.toFixed(2)}`);
  } finally {
    api.close();
    await s.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await run();
