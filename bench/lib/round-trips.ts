/**
 * libSQL round trips per shopper request, counted by the local Hrana gateway (`GET /_stats`): every HTTP
 * request the production driver (@libsql/client/web) sends to /v2/pipeline or /v3/cursor is one network
 * round trip to Turso in production. Shared by worker/perf/round-trips.test.ts (CI fails on a regression)
 * and `npm run bench -- roundtrips` (prints the table).
 *
 * Each request is measured alone: wait until the database is quiet, reset the counter, send the request,
 * and read the counter once the database is quiet again. Everything the request causes counts, also what
 * lands after the reply (the StockCounter's snapshot publish, which is coalesced and may trail it, and
 * the outbox's delivery record, written from `waitUntil`), and nothing an earlier request left running is
 * charged to the next one. What the caller waited for, the round trips made before the answer, the worker
 * says itself in its `Server-Timing` header (worker/shared/edge-cache.ts); the goals apply to
 * those, and the totals are held too. The shopper's
 * session check is cached per isolate for 30 s (worker/auth/sessions.ts), so the session is warmed by an
 * authenticated request just before each measurement; the cold check is its own row.
 */
import type { RoundTripStats } from "../../dev/hrana-gateway/index";
import { json, type OrderFixture } from "../../test/order-fixture";

export interface RoundTripRow {
  name: string;
  kind: "read" | "write";
  /** The issue #16 goal: at most this many round trips. */
  goal: number;
  /** Made before the answer (the worker's Server-Timing): what the caller waited for. */
  beforeReply: number;
  /** Everything the request caused, counted by the gateway, also after the answer. */
  roundTrips: number;
  statements: number;
  status: number;
  /** What each round trip carried (first words of each statement), for finding what to fold. */
  log: RoundTripStats["log"];
}

const READ_GOAL = 1;
const WRITE_GOAL = 2;
/** Create + pay + payment notification together. */
export const FLOW_GOAL = 6;
export const FLOW_ROWS = [
  "POST /api/orders",
  "POST /api/orders/{id}/pay",
  "payment notification (WeChat Pay)",
];

async function stats(f: OrderFixture, reset = false): Promise<RoundTripStats> {
  const res = await fetch(`${f.stack.vars.LIBSQL_URL}/_stats${reset ? "/reset" : ""}`, {
    method: reset ? "POST" : "GET",
  });
  if (!res.ok) throw new Error(`gateway stats: ${res.status} ${await res.text()}`);
  return (await res.json()) as RoundTripStats;
}

/** Quiet = no new round trip for this long; longer than the StockCounter's publish spacing (100 ms). */
const QUIET_MS = 400;
const QUIET_LIMIT_MS = 15_000;

/** Waits until no round trip has arrived for QUIET_MS (background work of earlier requests has landed). */
async function untilQuiet(f: OrderFixture): Promise<RoundTripStats> {
  const deadline = Date.now() + QUIET_LIMIT_MS;
  let last = await stats(f);
  let quietSince = Date.now();
  while (Date.now() - quietSince < QUIET_MS) {
    if (Date.now() > deadline) throw new Error(`the database did not go quiet within ${QUIET_LIMIT_MS} ms`);
    await new Promise((r) => setTimeout(r, 50));
    const now = await stats(f);
    if (now.roundTrips !== last.roundTrips) quietSince = Date.now();
    last = now;
  }
  return last;
}

/** Runs every shopper request of issue #16 once against the fixture's worker and counts its round trips. */
export async function measureRoundTrips(f: OrderFixture): Promise<RoundTripRow[]> {
  const rows: RoundTripRow[] = [];
  const skuA = await f.createSku(299_900, 50, "往返冰箱");
  const skuB = await f.createSku(159_900, 50, "往返洗衣机");
  const productOf = async (skuId: number) =>
    Number(
      (await f.stack.sql.execute({ sql: "SELECT product_id FROM skus WHERE id = ?", args: [skuId] })).rows[0]!
        .product_id,
    );
  const productA = await productOf(skuA);
  const categoryId = Number(
    (await f.stack.sql.execute({ sql: "SELECT category_id FROM products WHERE id = ?", args: [productA] }))
      .rows[0]!.category_id,
  );
  // The home feed recommends both products, so its promotion lookup has products to look up.
  await f.stack.sql.execute({
    sql: "INSERT OR IGNORE INTO home_recommendations (product_id, sort_order) VALUES (?, 0), (?, 1)",
    args: [productA, await productOf(skuB)],
  });
  const { token } = await f.newShopper(`往返-${Date.now()}`);
  const warm = async () => {
    const res = await f.stack.fetch("/api/me", { token });
    await res.arrayBuffer();
  };

  async function measure(
    name: string,
    kind: RoundTripRow["kind"],
    send: () => Promise<Response | { status: number; json?: unknown }>,
    opts: { goal?: number; warmSession?: boolean; cacheHit?: boolean } = {},
  ): Promise<Json> {
    if (opts.warmSession !== false) await warm();
    await untilQuiet(f);
    await stats(f, true);
    const res = await send();
    const body =
      typeof (res as Response).arrayBuffer === "function" ? await json(res as Response) : ({} as Json);
    const s = await untilQuiet(f);
    if (res.status >= 300) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
    const timing =
      (res as Response).headers?.get("server-timing") ??
      // The payment simulator's answer: its delivery attempts, with the worker's header.
      (
        res as { json?: { delivery?: { attempts?: { serverTiming?: string }[] } } }
      ).json?.delivery?.attempts?.at(-1)?.serverTiming;
    const cacheState = (res as Response).headers?.get("x-edge-cache");
    if (opts.cacheHit && cacheState !== "hit")
      throw new Error(`${name}: x-edge-cache is ${cacheState}, not hit`);
    rows.push({
      name,
      kind,
      goal: opts.goal ?? (kind === "read" ? READ_GOAL : WRITE_GOAL),
      beforeReply: roundTripsInTiming(timing),
      roundTrips: s.roundTrips,
      statements: s.statements,
      status: res.status,
      log: s.log,
    });
    return body;
  }
  const get =
    (path: string, withToken = true) =>
    () =>
      f.stack.fetch(path, withToken ? { token } : {});
  const post =
    (path: string, body: unknown, headers: Record<string, string> = {}) =>
    () =>
      f.stack.fetch(path, { method: "POST", token, json: body, headers });

  // The store's public reads, first on an edge-cache miss (the catalog version query, then the read), then
  // the same request again: a hit costs the version query alone (worker/shared/edge-cache.ts).
  const publicReads: [string, string][] = [
    ["GET /api/home", "/api/home"],
    ["GET /api/categories", "/api/categories"],
    ["GET /api/products", `/api/products?categoryId=${categoryId}`],
    ["GET /api/products/{id}", `/api/products/${productA}`],
  ];
  for (const [name, path] of publicReads) {
    await measure(`${name} (cache miss)`, "read", get(path, false), { warmSession: false });
    await measure(`${name} (cache hit)`, "read", get(path, false), { warmSession: false, cacheHit: true });
  }
  await measure("POST /api/cart/items", "write", post("/api/cart/items", { skuId: skuA, quantity: 1 }));
  await f.stack.fetch("/api/cart/items", { method: "POST", token, json: { skuId: skuB, quantity: 2 } });
  await measure("GET /api/cart", "read", get("/api/cart"));
  await measure("POST /api/checkout/quote", "read", post("/api/checkout/quote", {}));

  const order = await measure(
    "POST /api/orders",
    "write",
    post("/api/orders", { items: [{ skuId: skuA, quantity: 1 }] }, { "idempotency-key": `rt-${Date.now()}` }),
  );
  const orderId = Number(order.id);
  await measure(
    "POST /api/orders/{id}/pay",
    "write",
    post(`/api/orders/${orderId}/pay`, { method: "wechat", channel: "miniprogram" }),
  );
  await measure(
    "payment notification (WeChat Pay)",
    "write",
    () => f.payAtGateway("wechat", String(order.orderNo)),
    { warmSession: false },
  );
  const paid = await f.orderRow(orderId);
  if (paid.status !== "paid") throw new Error(`order ${orderId} is ${paid.status} after the notification`);
  await measure("GET /api/orders", "read", get("/api/orders"));
  await measure("GET /api/orders/{id}", "read", get(`/api/orders/${orderId}`));
  await measure("GET /api/notifications", "read", get("/api/notifications"));

  const second = await json(await f.placeOrder(token, [{ skuId: skuB, quantity: 1 }]));
  await measure("POST /api/orders/{id}/cancel", "write", post(`/api/orders/${second.id}/cancel`, {}));

  // A fresh login's first request pays the session check once (then cached 30 s per isolate).
  const coldToken = await (async () => {
    const res = await f.stack.fetch("/api/auth/dev-login", {
      method: "POST",
      json: { nickname: `往返会话-${Date.now()}` },
    });
    return String((await json(res)).token);
  })();
  await measure(
    "GET /api/cart (first request of a session)",
    "read",
    () => f.stack.fetch("/api/cart", { token: coldToken }),
    {
      warmSession: false,
    },
  );
  return rows;
}

type Json = Awaited<ReturnType<typeof json>>;

/** `libsql;desc="2 round trips";dur=41` → 2; no header (no query made) → 0. */
export function roundTripsInTiming(header: string | null | undefined): number {
  const m = /(?:^|,)\s*libsql;desc="(\d+) round trips?"/.exec(header ?? "");
  return m ? Number(m[1]) : 0;
}

/** Sum of the create + pay + notification rows: before the replies, and in all. */
export function flowRoundTrips(rows: RoundTripRow[]): { beforeReply: number; roundTrips: number } {
  const flow = rows.filter((r) => FLOW_ROWS.includes(r.name));
  return {
    beforeReply: flow.reduce((n, r) => n + r.beforeReply, 0),
    roundTrips: flow.reduce((n, r) => n + r.roundTrips, 0),
  };
}

export function roundTripTable(rows: RoundTripRow[]): string {
  const flow = flowRoundTrips(rows);
  const lines = [
    "| request | kind | before the reply | in all | statements | goal (before the reply) |",
    "| --- | --- | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) => `| ${r.name} | ${r.kind} | ${r.beforeReply} | ${r.roundTrips} | ${r.statements} | ≤ ${r.goal} |`,
    ),
    `| create + pay + notification | flow | ${flow.beforeReply} | ${flow.roundTrips} | | ≤ ${FLOW_GOAL} |`,
  ];
  return lines.join("\n");
}
