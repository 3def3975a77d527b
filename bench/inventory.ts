/**
 * Inventory benchmark: reservations per second on ONE hot SKU, in one workerd, in one run:
 *   bare     a minimal SQLite Durable Object counter with the same check-and-write (the ceiling)
 *   direct   StockCounter.reserve over RPC from a thin worker (no Hono, auth, validation or libSQL)
 *   hono     the API's very request (JSON body, token) to a bare Hono route making the same RPC call
 *   api      POST /api/admin/inventory/reservations: Hono, JWT auth, zod, the inventory client, the object
 * Each scenario sends REQUESTS reserve attempts (qty 1, unique order numbers) against STOCK units, so
 * both successes and sell-outs are exercised; oversell = successes beyond STOCK (must be 0), and the
 * object's own counts are checked afterwards. Load comes from this process over loopback HTTP.
 * Before them, the request path without any object (LIGHT_REQUESTS each, issue #16): the no-op worker
 * (204), the same answering `Response.json`, a bare Hono app with one route (what Hono itself costs),
 * GET /api/health through the API's whole middleware, and (when the H5 build exists) the same behind
 * Miniflare's local static-assets workers (see startBenchStack).
 *
 *   npm run bench -- inventory      BENCH_REQUESTS=3000 BENCH_STOCK=2000 BENCH_CONCURRENCY=64
 *                                   BENCH_LIGHT_REQUESTS=20000 BENCH_ROUNDS=5
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { createClient } from "@libsql/client/web";
import { build } from "esbuild";
import { Log, LogLevel, Miniflare, type WorkerOptions } from "miniflare";
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
  percentile,
  runLoad,
} from "./lib/load";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const STOCK = Number(process.env.BENCH_STOCK ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const WARMUP = 100;
/** Interleaved rounds per run (see measureInRounds). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** The scenarios without an object answer in well under a second at REQUESTS: more of them, steadier rates. */
const LIGHT_REQUESTS = Number(process.env.BENCH_LIGHT_REQUESTS ?? 20_000);

/** The thin worker for the bare and direct scenarios, in the same workerd as the API. */
const BENCH_WORKER = `
import { DurableObject } from "cloudflare:workers";
import { honoFetch } from "./hono.js";
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
    if (url.pathname === "/json") return Response.json({ ok: true });
    if (url.pathname.startsWith("/hono")) return honoFetch(req, env);
    if (url.pathname === "/direct") {
      const sku = Number(q.get("sku"));
      const r = await env.STOCK.get(env.STOCK.idFromName("sku:" + sku)).reserve(sku, q.get("order"), 1, 600000);
      return new Response(null, { status: r.ok ? 200 : 409 });
    }
    return new Response("not found", { status: 404 });
  },
};`;

/**
 * A bare Hono app: what Hono itself costs. GET /hono answers like GET /api/health; POST /hono/reservations
 * takes the API's request (same JSON body and headers) and makes the same StockCounter call as the
 * API's route for one SKU, without the API's middleware, authentication, zod or inventory client.
 */
const BARE_HONO = `
import { Hono } from "hono";
const app = new Hono();
app.get("/hono", (c) => c.json({ ok: true }));
app.post("/hono/reservations", async (c) => {
  const { ref, items } = await c.req.json();
  const { skuId, qty } = items[0];
  const orderId = "manual:" + ref;
  const stub = c.env.STOCK.get(c.env.STOCK.idFromName("sku:" + skuId));
  const r = await stub.reserve(skuId, orderId, qty, 1800000);
  if (!r.ok) return c.json({ error: { code: r.code, message: "库存不足" } }, 409);
  return c.json({ ok: true, orderId });
});
export const honoFetch = app.fetch;
`;

async function bundleBareHono(): Promise<string> {
  const out = await build({
    stdin: { contents: BARE_HONO, resolveDir: import.meta.dirname, loader: "ts" },
    bundle: true,
    format: "esm",
    target: "es2022",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    write: false,
    logLevel: "warning",
  });
  return out.outputFiles[0]!.text;
}

/** The API worker's copy behind the local static-assets workers (see startBenchStack). */
const BEHIND_ASSETS = "jiadian-mall-behind-assets";
/** The API worker's copy that hosts every Durable Object (see startBenchStack). */
const OBJECTS = "jiadian-mall-objects";

interface Scenario {
  name: string;
  what: string;
  result: LoadResult;
  /** req/s of each round (see measureInRounds). */
  roundRps: number[];
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
  // Two local artifacts are kept out of the measured API path, and each is measured by a scenario of its own:
  // - Workers static assets (the H5 build, when built) put two more JS workers in front of the API —
  //   Miniflare's rpc-proxy and the assets router-worker, which sets up Sentry, analytics and its routing
  //   rules on every request — that on Cloudflare run outside the API's isolate and CPU. The API is
  //   measured on its own socket; a copy behind them (BEHIND_ASSETS) answers GET /api/health.
  // - Locally a Durable Object runs in the isolate of the worker that defines it, so every StockCounter
  //   shared one isolate with the API requests calling it, and reservations through the API stalled in
  //   bursts (p99 ≈ 300–500 ms, ≈ 25 % fewer req/s; bare Hono calling the same objects from another isolate
  //   did not). On Cloudflare an object is an instance of its own. The objects therefore live in a copy of
  //   the API worker (OBJECTS) that every other worker's bindings point to; that copy, whose objects share
  //   its isolate, also serves the co-located reservation scenario.
  const { assets, ...apiOnly } = apiWorker;
  const objectsIn = (scriptName: string) =>
    Object.fromEntries(
      Object.entries(apiWorker.durableObjects ?? {}).map(([binding, d]) => [
        binding,
        { ...(d as object), scriptName },
      ]),
    ) as WorkerOptions["durableObjects"];
  const socket = { unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }] };
  const behindAssets: WorkerOptions[] =
    assets && opts.inspectorPort === undefined
      ? [{ ...apiWorker, name: BEHIND_ASSETS, durableObjects: objectsIn(OBJECTS), ...socket }]
      : [];
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
        ...apiOnly,
        durableObjects: objectsIn(OBJECTS),
        unsafeInspectorProxy: opts.inspectorPort !== undefined,
        // Every worker is measured on a direct socket: Miniflare's entry socket adds a proxy worker.
        ...socket,
      },
      { ...apiOnly, name: OBJECTS, ...socket },
      {
        name: "bench",
        compatibilityDate: apiWorker.compatibilityDate,
        modules: [
          { type: "ESModule", path: "bench.js", contents: BENCH_WORKER },
          { type: "ESModule", path: "hono.js", contents: await bundleBareHono() },
        ],
        durableObjects: {
          BARE: { className: "BareCounter", useSQLite: true },
          STOCK: { className: "StockCounter", scriptName: OBJECTS, useSQLite: true },
        },
        ...socket,
      },
      ...behindAssets,
    ],
  });
  await mf.ready;
  const directUrl = async (name: string) => {
    const url = (await mf.unsafeGetDirectURL(name)).toString().replace(/\/$/, "");
    assertLoopback(url);
    return url;
  };
  const apiUrl = await directUrl("jiadian-mall");
  const benchUrl = await directUrl("bench");
  const behindAssetsUrl = behindAssets.length ? await directUrl(BEHIND_ASSETS) : undefined;
  const coLocatedUrl = await directUrl(OBJECTS);
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
    behindAssetsUrl,
    coLocatedUrl,
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

/** A product with `n` SKUs (through the merchant API), each SKU stocked with `stock` units. */
export async function stockedSkus(s: BenchStack, n: number, stock = STOCK): Promise<number[]> {
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
      json: { mode: "set", available: stock, reason: "压测" },
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

interface Plan {
  name: string;
  what: string;
  /** Sends request number i (0 … requests-1, each once) and gives its HTTP status. */
  send: (i: number) => Promise<number>;
  check: () => Promise<{ taken: number; balanced: boolean } | undefined>;
  requests: number;
}

const plan = (
  name: string,
  what: string,
  send: Plan["send"],
  check: Plan["check"] = async () => undefined,
  requests = REQUESTS,
): Plan => ({ name, what, send, check, requests });

/**
 * Measures the scenarios in ROUNDS interleaved rounds (each round sends every scenario its share of the
 * requests, starting one scenario later each round) and adds the rounds up. Measured one after the other,
 * a scenario's rate also depends on when it ran: with other work on the machine coming and going, rows
 * measured back to back drifted by 30–50 % within one run, which no ratio between them survives.
 */
async function measureInRounds(plans: Plan[]): Promise<Scenario[]> {
  const acc = plans.map(() => ({
    seconds: 0,
    ok: 0,
    rejected: 0,
    errors: 0,
    latencies: [] as number[],
    errorKinds: {} as Record<string, number>,
    roundRps: [] as number[],
  }));
  const sent = plans.map(() => 0);
  for (let round = 0; round < ROUNDS; round++)
    for (let k = 0; k < plans.length; k++) {
      const index = (k + round) % plans.length;
      const p = plans[index]!;
      const a = acc[index]!;
      const n = Math.round((p.requests * (round + 1)) / ROUNDS) - Math.round((p.requests * round) / ROUNDS);
      const base = sent[index]!;
      sent[index] = base + n;
      const r = await runLoad({
        requests: n,
        concurrency: CONCURRENCY,
        send: async (i) => {
          const t0 = performance.now();
          try {
            const status = await p.send(base + i);
            return { outcome: classifyStatus(status), detail: `HTTP ${status}` };
          } finally {
            a.latencies.push(performance.now() - t0);
          }
        },
      });
      a.seconds += r.seconds;
      a.roundRps[round] = r.rps;
      a.ok += r.ok;
      a.rejected += r.rejected;
      a.errors += r.errors;
      for (const [kind, count] of Object.entries(r.errorKinds))
        a.errorKinds[kind] = (a.errorKinds[kind] ?? 0) + count;
    }
  const results: Scenario[] = [];
  for (const [k, p] of plans.entries()) {
    const a = acc[k]!;
    a.latencies.sort((x, y) => x - y);
    const result: LoadResult = {
      requests: p.requests,
      ok: a.ok,
      rejected: a.rejected,
      errors: a.errors,
      seconds: a.seconds,
      rps: p.requests / a.seconds,
      okPerSecond: a.ok / a.seconds,
      p50Ms: percentile(a.latencies, 50),
      p99Ms: percentile(a.latencies, 99),
      errorKinds: a.errorKinds,
    };
    results.push({
      name: p.name,
      what: p.what,
      result,
      roundRps: a.roundRps,
      ...((await p.check()) ?? { taken: Number.NaN, balanced: true }),
    });
  }
  return results;
}

export async function run(): Promise<void> {
  const loadBefore = loadavg()[0]!.toFixed(2);
  const s = await startBenchStack();
  const bench = httpClient(s.benchUrl, CONCURRENCY);
  const api = httpClient(s.apiUrl, CONCURRENCY);
  const routed = s.behindAssetsUrl ? httpClient(s.behindAssetsUrl, CONCURRENCY) : undefined;
  const coLocated = httpClient(s.coLocatedUrl, CONCURRENCY);
  // The API's request; bare Hono gets the very same one (its token unread).
  const reserveRequest = (ref: string, skuId: number) => ({
    method: "POST",
    headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json" },
    body: JSON.stringify({ ref, items: [{ skuId, qty: 1 }] }),
  });
  const reserveViaApi = (ref: string, skuId: number) =>
    api.send("/api/admin/inventory/reservations", reserveRequest(ref, skuId));
  const reserveCoLocated = (ref: string, skuId: number) =>
    coLocated.send("/api/admin/inventory/reservations", reserveRequest(ref, skuId));
  const reserveViaHono = (ref: string, skuId: number) =>
    bench.send("/hono/reservations", reserveRequest(ref, skuId));
  try {
    const [directSku, honoSku, apiSku, coLocatedSku, warmSku] = (await stockedSkus(s, 5)) as [
      number,
      number,
      number,
      number,
      number,
    ];
    // Warm the isolate, the JIT and each path, on objects the measured runs do not use.
    await runLoad({
      requests: WARMUP,
      concurrency: 8,
      send: async (i) => {
        await Promise.all([
          bench.send("/noop"),
          bench.send("/json"),
          bench.send("/hono"),
          api.send("/api/health"),
          routed?.send("/api/health"),
          bench.send(`/bare?name=warm&limit=${WARMUP}`),
          bench.send(`/direct?sku=${warmSku}&order=warm-d-${i}`),
          reserveViaHono(`warm-h-${i}`, warmSku),
          reserveViaApi(`warm-a-${i}`, warmSku),
          reserveCoLocated(`warm-c-${i}`, warmSku),
        ]);
        return "ok";
      },
    });

    // The first measured scenario otherwise pays for warming the load generator and the sockets (it read
    // ~30 % slower than the same path measured later): every light path once more at full concurrency.
    const warm = async (send: () => Promise<number>) => {
      await runLoad({
        requests: 1000,
        concurrency: CONCURRENCY,
        send: async () => classifyStatus(await send()),
      });
    };
    for (const path of ["/noop", "/json", "/hono"]) await warm(() => bench.send(path));
    for (const client of [api, routed]) if (client) await warm(() => client.send("/api/health"));

    const results = await measureInRounds([
      plan(
        "no-op worker",
        "thin worker → 204, no object (HTTP + load generator floor)",
        () => bench.send("/noop"),
        undefined,
        LIGHT_REQUESTS,
      ),
      plan(
        "no-op worker, JSON",
        "thin worker → Response.json({ ok: true })",
        () => bench.send("/json"),
        undefined,
        LIGHT_REQUESTS,
      ),
      plan(
        "bare Hono",
        "thin worker → Hono app with one route → c.json({ ok: true })",
        () => bench.send("/hono"),
        undefined,
        LIGHT_REQUESTS,
      ),
      plan(
        "API no-op",
        "GET /api/health (the API's middleware, no auth, no object)",
        () => api.send("/api/health"),
        undefined,
        LIGHT_REQUESTS,
      ),
      ...(routed
        ? [
            plan(
              "API no-op behind local assets",
              "GET /api/health via Miniflare's assets rpc-proxy + router-worker (local only)",
              () => routed.send("/api/health"),
              undefined,
              // A quarter: at a quarter of the rate, its rounds last as long as the others'.
              Math.round(LIGHT_REQUESTS / 4),
            ),
          ]
        : []),
      plan(
        "bare DO counter",
        "thin worker → SQLite DO take(limit)",
        () => bench.send(`/bare?name=hot&limit=${STOCK}`),
        async () => {
          const r = await fetch(`${s.benchUrl}/bare?name=hot&op=count`);
          return { taken: ((await r.json()) as { taken: number }).taken, balanced: true };
        },
      ),
      plan(
        "StockCounter direct",
        "thin worker → StockCounter.reserve RPC",
        (i) => bench.send(`/direct?sku=${directSku}&order=d-${i}`),
        () => stockCheck(s, directSku),
      ),
      plan(
        "StockCounter via bare Hono",
        "the same POST → bare Hono route → StockCounter.reserve RPC",
        (i) => reserveViaHono(`h-${i}`, honoSku),
        () => stockCheck(s, honoSku),
      ),
      plan(
        "StockCounter via API",
        "POST /api/admin/inventory/reservations",
        (i) => reserveViaApi(`a-${i}`, apiSku),
        () => stockCheck(s, apiSku),
      ),
      plan(
        "StockCounter via API, co-located",
        "the same, the object in the API's own isolate (local only, see startBenchStack)",
        (i) => reserveCoLocated(`c-${i}`, coLocatedSku),
        () => stockCheck(s, coLocatedSku),
      ),
    ]);

    console.log(
      `${LIGHT_REQUESTS} requests per scenario without an object (a quarter behind local assets), ${REQUESTS} per reserve scenario; the reserve ` +
        `scenarios hit one hot SKU/object holding ${STOCK} units ` +
        `(qty 1, unique order ids), ${CONCURRENCY} concurrent keep-alive connections, load generator on the same machine; ` +
        `measured in ${ROUNDS} interleaved rounds.\n`,
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
    // The issue #16 goals: each path through the API against its floor without the API.
    // A ratio is the median of its per-round ratios: the two rows of a round ran within a second of each
    // other, so a round disturbed by other work on the machine moves both, and an odd round drops out.
    const rounds = (name: string) => results.find((r) => r.name === name)!.roundRps;
    const ratio = (a: string, b: string) => {
      const per = rounds(a)
        .map((x, i) => x / rounds(b)[i]!)
        .sort((x, y) => x - y);
      const pct = (x: number) => (x * 100).toFixed(0);
      return `${pct(percentile(per, 50))} % (${pct(per[0]!)}–${pct(per[per.length - 1]!)})`;
    };
    console.log(
      `\nratios, median of the ${ROUNDS} rounds' (lowest–highest): API no-op / no-op worker: ${ratio("API no-op", "no-op worker")} (goal ≥ 80 %); ` +
        `bare Hono / no-op worker: ${ratio("bare Hono", "no-op worker")}; ` +
        `API no-op / bare Hono: ${ratio("API no-op", "bare Hono")}; ` +
        `via API / bare DO counter: ${ratio("StockCounter via API", "bare DO counter")} (goal ≥ 80 %); ` +
        `direct / bare DO counter: ${ratio("StockCounter direct", "bare DO counter")}; ` +
        `via bare Hono / bare DO counter: ${ratio("StockCounter via bare Hono", "bare DO counter")}; ` +
        `via API / via bare Hono: ${ratio("StockCounter via API", "StockCounter via bare Hono")}; ` +
        `co-located via API / bare DO counter: ${ratio("StockCounter via API, co-located", "bare DO counter")}` +
        (routed
          ? `; API no-op behind local assets / no-op worker: ${ratio("API no-op behind local assets", "no-op worker")}`
          : ""),
    );
    const cpu = cpus();
    console.log(
      `\nmachine: ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
        `Node ${process.version}, ${process.platform}/${process.arch}; DO storage in ${DO_STORAGE_ROOT}; ` +
        `load average before/after: ${loadBefore} / ${loadavg()[0]!.toFixed(2)} (other processes share the cores)`,
    );
  } finally {
    bench.close();
    api.close();
    routed?.close();
    coLocated.close();
    await s.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await run();
