/**
 * Inventory benchmark: reservations per second on ONE hot SKU, in one workerd, in one run:
 *   bare     a minimal SQLite Durable Object counter with the same check-and-write (the ceiling)
 *   direct   StockCounter.reserve over RPC from a thin worker (no Hono, auth, validation or libSQL)
 *   api      POST /api/admin/inventory/reservations: Hono, JWT auth, zod, the inventory client, the object
 * Each scenario sends REQUESTS reserve attempts (qty 1, unique order numbers) against STOCK units, so
 * both successes and sell-outs are exercised; oversell = successes beyond STOCK (must be 0), and the
 * object's own counts are checked afterwards. Load comes from this process over loopback HTTP.
 *
 *   npm run bench -- inventory      BENCH_REQUESTS=3000 BENCH_STOCK=2000 BENCH_CONCURRENCY=64
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createClient } from "@libsql/client/web";
import { Log, LogLevel, Miniflare } from "miniflare";
import { startHranaGateway } from "../dev/hrana-gateway/index";
import { applyMigrations } from "../dev/migrate";
import { apiWorkerOptions } from "../dev/worker-runtime";
import { hashPassword } from "../worker/shared/password";
import {
  assertLoopback,
  classifyStatus,
  httpClient,
  type LoadResult,
  markdownTable,
  runLoad,
} from "./lib/load";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const STOCK = Number(process.env.BENCH_STOCK ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const WARMUP = 100;

/** The thin worker for the bare and direct scenarios, in the same workerd as the API. */
const BENCH_WORKER = `
import { DurableObject } from "cloudflare:workers";
export class BareCounter extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS c (id INTEGER PRIMARY KEY, taken INTEGER NOT NULL)");
    ctx.storage.sql.exec("INSERT OR IGNORE INTO c VALUES (1, 0)");
  }
  take(limit) {
    const taken = this.ctx.storage.sql.exec("SELECT taken FROM c WHERE id = 1").one().taken;
    if (taken >= limit) return false;
    this.ctx.storage.sql.exec("UPDATE c SET taken = taken + 1 WHERE id = 1");
    return true;
  }
  taken() { return this.ctx.storage.sql.exec("SELECT taken FROM c WHERE id = 1").one().taken; }
}
export default {
  async fetch(req, env) {
    const url = new URL(req.url);
    const q = url.searchParams;
    if (url.pathname === "/bare") {
      const stub = env.BARE.get(env.BARE.idFromName(q.get("name")));
      if (q.get("op") === "count") return Response.json({ taken: await stub.taken() });
      const ok = await stub.take(Number(q.get("limit")));
      return new Response(null, { status: ok ? 200 : 409 });
    }
    if (url.pathname === "/noop") return new Response(null, { status: 204 });
    if (url.pathname === "/direct") {
      const sku = Number(q.get("sku"));
      const r = await env.STOCK.get(env.STOCK.idFromName("sku:" + sku)).reserve(sku, q.get("order"), 1, 600000);
      return new Response(null, { status: r.ok ? 200 : 409 });
    }
    return new Response("not found", { status: 404 });
  },
};`;

interface Scenario {
  name: string;
  what: string;
  result: LoadResult;
  /** Units the object says it gave out (held + sold), checked against successes. */
  taken: number;
  balanced: boolean;
}

/**
 * Durable Object storage goes on tmpfs when there is one: workerd commits every DO write to its local
 * SQLite file, and on this VM's disk that fsync caps ANY writing object at ~150 writes/s — a property
 * of the disk, not of the runtime or of Cloudflare's storage. The libSQL file stays on disk.
 */
const DO_STORAGE_ROOT = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();

export async function startBenchStack(opts: { inspectorPort?: number } = {}) {
  const dir = await mkdtemp(join(tmpdir(), "jiadian-bench-"));
  const doDir = await mkdtemp(join(DO_STORAGE_ROOT, "jiadian-bench-do-"));
  const gateway = await startHranaGateway({ dbPath: join(dir, "bench.db") });
  await applyMigrations(gateway.url);
  const secret = randomBytes(32).toString("hex");
  const apiWorker = await apiWorkerOptions({
    LIBSQL_URL: gateway.url,
    SESSION_SECRET: secret,
    LOG_LEVEL: "error",
  });
  const mf = new Miniflare({
    host: "127.0.0.1",
    port: 0,
    cf: false,
    log: new Log(LogLevel.WARN),
    durableObjectsPersist: doDir,
    r2Persist: false,
    // bench/lib/profile.ts: the V8 inspector of the API worker, for CPU profiles under load.
    ...(opts.inspectorPort === undefined ? {} : { inspectorPort: opts.inspectorPort }),
    workers: [
      {
        ...apiWorker,
        unsafeInspectorProxy: opts.inspectorPort !== undefined,
        // Both workers are measured on direct sockets: Miniflare's entry socket adds a proxy worker.
        unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
      },
      {
        name: "bench",
        compatibilityDate: apiWorker.compatibilityDate,
        modules: [{ type: "ESModule", path: "bench.js", contents: BENCH_WORKER }],
        durableObjects: {
          BARE: { className: "BareCounter", useSQLite: true },
          STOCK: { className: "StockCounter", scriptName: "jiadian-mall", useSQLite: true },
        },
        unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
      },
    ],
  });
  await mf.ready;
  const apiUrl = (await mf.unsafeGetDirectURL("jiadian-mall")).toString().replace(/\/$/, "");
  const benchUrl = (await mf.unsafeGetDirectURL("bench")).toString().replace(/\/$/, "");
  assertLoopback(apiUrl);
  assertLoopback(benchUrl);
  // Tokens need a login session: a bench merchant signs in like anyone else.
  const password = randomBytes(12).toString("hex");
  const db = createClient({ url: gateway.url });
  await db.execute({
    sql: `INSERT INTO staff (username, display_name, role, password_hash, disabled, created_at)
          VALUES ('bench', 'bench', 'merchant_admin', ?, 0, ?)`,
    args: [await hashPassword(password), Date.now()],
  });
  db.close();
  const login = await fetch(`${apiUrl}/api/auth/staff-login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "bench", password }),
  });
  const { token } = (await login.json()) as { token?: string };
  if (!token) throw new Error(`bench login failed: ${login.status}`);
  const api = async (path: string, init: { method?: string; json?: unknown } = {}) => {
    const res = await fetch(apiUrl + path, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    const body = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return body;
  };
  return {
    apiUrl,
    benchUrl,
    token,
    api,
    async close() {
      await mf.dispose();
      await gateway.close();
      await rm(dir, { recursive: true, force: true });
      await rm(doDir, { recursive: true, force: true });
    },
  };
}

export type BenchStack = Awaited<ReturnType<typeof startBenchStack>>;

/** A product with `n` SKUs (through the merchant API), each SKU stocked with STOCK units. */
export async function stockedSkus(s: BenchStack, n: number): Promise<number[]> {
  const category = (await s.api("/api/admin/categories", { method: "POST", json: { name: "压测" } })) as {
    id: number;
  };
  const product = (await s.api("/api/admin/products", {
    method: "POST",
    json: {
      categoryId: category.id,
      name: "压测冰箱",
      brand: "压测",
      status: "on_sale",
      skus: Array.from({ length: n }, (_, i) => ({
        skuCode: `BENCH-${i}`,
        specs: { 编号: String(i) },
        priceFen: 100,
      })),
    },
  })) as { skus: { id: number }[] };
  const ids = product.skus.map((k) => k.id);
  for (const id of ids)
    await s.api(`/api/admin/inventory/skus/${id}/adjustments`, {
      method: "POST",
      json: { mode: "set", available: STOCK, reason: "压测" },
    });
  return ids;
}

async function stockCheck(s: BenchStack, skuId: number) {
  const { stock } = (await s.api(`/api/admin/inventory/skus/${skuId}`)) as {
    stock: { onHand: number; reserved: number; available: number; sold: number };
  };
  return {
    taken: stock.reserved + stock.sold,
    balanced: stock.onHand === stock.available + stock.reserved + stock.sold && stock.available >= 0,
  };
}

async function scenario(
  name: string,
  what: string,
  send: (i: number) => Promise<number>,
  check: () => Promise<{ taken: number; balanced: boolean } | undefined>,
): Promise<Scenario> {
  const result = await runLoad({
    requests: REQUESTS,
    concurrency: CONCURRENCY,
    send: async (i) => {
      const status = await send(i);
      return { outcome: classifyStatus(status), detail: `HTTP ${status}` };
    },
  });
  return { name, what, result, ...((await check()) ?? { taken: Number.NaN, balanced: true }) };
}

export async function run(): Promise<void> {
  const loadBefore = loadavg()[0]!.toFixed(2);
  const s = await startBenchStack();
  const bench = httpClient(s.benchUrl, CONCURRENCY);
  const api = httpClient(s.apiUrl, CONCURRENCY);
  const reserveViaApi = (ref: string, skuId: number) =>
    api.send("/api/admin/inventory/reservations", {
      method: "POST",
      headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json" },
      body: JSON.stringify({ ref, items: [{ skuId, qty: 1 }] }),
    });
  try {
    const [directSku, apiSku, warmSku] = (await stockedSkus(s, 3)) as [number, number, number];
    // Warm the isolate, the JIT and each path, on objects the measured runs do not use.
    await runLoad({
      requests: WARMUP,
      concurrency: 8,
      send: async (i) => {
        await Promise.all([
          bench.send("/noop"),
          api.send("/api/health"),
          bench.send(`/bare?name=warm&limit=${WARMUP}`),
          bench.send(`/direct?sku=${warmSku}&order=warm-d-${i}`),
          reserveViaApi(`warm-a-${i}`, warmSku),
        ]);
        return "ok";
      },
    });

    const results: Scenario[] = [
      await scenario(
        "no-op worker",
        "thin worker → 204, no object (HTTP + load generator floor)",
        () => bench.send("/noop"),
        async () => undefined,
      ),
      await scenario(
        "API no-op",
        "GET /api/health (Hono middleware, no auth, no object)",
        () => api.send("/api/health"),
        async () => undefined,
      ),
      await scenario(
        "bare DO counter",
        "thin worker → SQLite DO take(limit)",
        () => bench.send(`/bare?name=hot&limit=${STOCK}`),
        async () => {
          const r = await fetch(`${s.benchUrl}/bare?name=hot&op=count`);
          return { taken: ((await r.json()) as { taken: number }).taken, balanced: true };
        },
      ),
      await scenario(
        "StockCounter direct",
        "thin worker → StockCounter.reserve RPC",
        (i) => bench.send(`/direct?sku=${directSku}&order=d-${i}`),
        () => stockCheck(s, directSku),
      ),
      await scenario(
        "StockCounter via API",
        "POST /api/admin/inventory/reservations",
        (i) => reserveViaApi(`a-${i}`, apiSku),
        () => stockCheck(s, apiSku),
      ),
    ];

    console.log(
      `${REQUESTS} requests per scenario; the reserve scenarios hit one hot SKU/object holding ${STOCK} units ` +
        `(qty 1, unique order ids), ${CONCURRENCY} concurrent keep-alive connections, load generator on the same machine.\n`,
    );
    console.log(
      markdownTable(
        [
          "scenario",
          "path",
          "req/s",
          "reserved/s",
          "p50 ms",
          "p99 ms",
          "ok",
          "sold out",
          "errors",
          "oversell",
          "object counts",
        ],
        results.map((r) => {
          const counted = !Number.isNaN(r.taken);
          return [
            r.name,
            r.what,
            r.result.rps.toFixed(0),
            counted ? r.result.okPerSecond.toFixed(0) : "–",
            r.result.p50Ms.toFixed(1),
            r.result.p99Ms.toFixed(1),
            r.result.ok,
            counted ? r.result.rejected : "–",
            r.result.errors,
            counted ? Math.max(0, r.result.ok - STOCK) + Math.max(0, r.taken - STOCK) : "–",
            !counted
              ? "–"
              : r.taken === r.result.ok && r.balanced
                ? "consistent"
                : `MISMATCH (object gave ${r.taken})`,
          ];
        }),
      ),
    );
    for (const r of results)
      if (r.result.errors) console.log(`\n${r.name} errors: ${JSON.stringify(r.result.errorKinds)}`);
    const cpu = cpus();
    console.log(
      `\nmachine: ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
        `Node ${process.version}, ${process.platform}/${process.arch}; DO storage in ${DO_STORAGE_ROOT}; ` +
        `load average before/after: ${loadBefore} / ${loadavg()[0]!.toFixed(2)} (other processes share the cores)`,
    );
  } finally {
    bench.close();
    api.close();
    await s.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await run();
