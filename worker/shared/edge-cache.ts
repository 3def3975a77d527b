/**
 * The store's public reads (product list, product detail, categories, brands, home feed) from the edge:
 *
 * - Every answer carries a strong ETag (a hash of the body) and `Cache-Control: public, no-cache`, so a
 *   browser revalidates every time and gets 304 Not Modified without a body when nothing changed.
 * - Answers are kept in the Workers Cache API (`caches.default`, per data centre), each stamped with the
 *   catalog version it was read at (worker/catalog/revision.ts): a revision that triggers bump in the
 *   same statement as every merchant edit (product, SKU price, shelf status, category, banner,
 *   recommendation, promotion), plus the last promotion start/end that has passed. An entry is used only
 *   while its version is the current one, so a price change shows on the very next request, whatever
 *   data centre or isolate serves it; nothing is ever purged. The version is read in the same
 *   transaction as the data (never newer than what the entry holds), so an entry can only be thought
 *   older than it is, never newer.
 * - Round trips: a hit costs the version query alone (one); a miss runs the version query in front of the
 *   route's own first read, in one pipeline (one, db/read-ahead.ts). That is why the version is in the
 *   entry and not in the key: a key with the version needs it before the cache is asked, a round trip
 *   of its own on every miss. The first request after an edit finds an outdated entry: the version
 *   query, then the read (two), once per entry and data centre.
 * - Stock is the exception: availability labels (有货 / 仅剩 N 件 / 无货), 已售 and the cards' 评价数 · 好评率
 *   change without a catalog edit, so reads that show them are kept for STOCK_TTL_S seconds only. They are labels; the StockCounter
 *   decides every sale at checkout.
 * - Nothing shopper-specific can be cached: these routes run without the caller's identity (app.ts skips
 *   `authenticate` for them, so `c.get("auth")` is always undefined in their handlers), so the answer to a
 *   signed-in shopper is byte for byte the anonymous one. A route that needs the shopper must not be
 *   listed in PUBLIC_READS.
 *
 * Every other /api answer gets `Cache-Control: private, no-store` unless its route set one
 * (shared/request-pipeline.ts).
 *
 * EDGE_CACHE=off (a var) turns the Cache API and the version query off; ETag and 304 stay.
 */
import type { Context, MiddlewareHandler } from "hono";
import { catalogVersion, catalogVersionStatement, versionOf } from "../catalog/revision";
import { readAheadOf } from "../db/client";
import type { AppEnv } from "../env";
import { toBase64Url } from "./base64url";

/** Reads that show stock or sales figures: kept this long at most. */
export const STOCK_TTL_S = 5;
/** Reads without stock: the version in the key keeps them fresh, the TTL only bounds storage. */
export const CATALOG_TTL_S = 3600;

export interface PublicRead {
  name: string;
  path: RegExp;
  /** How long the Cache API keeps an answer. */
  ttlS: number;
}

export const PUBLIC_READS: readonly PublicRead[] = [
  { name: "categories", path: /^\/api\/categories$/, ttlS: CATALOG_TTL_S },
  { name: "brands", path: /^\/api\/brands$/, ttlS: CATALOG_TTL_S },
  { name: "home", path: /^\/api\/home$/, ttlS: STOCK_TTL_S },
  { name: "products", path: /^\/api\/products$/, ttlS: STOCK_TTL_S },
  { name: "product", path: /^\/api\/products\/\d+$/, ttlS: STOCK_TTL_S },
];

/** Which public read a request is, if any (GET only). */
export function publicReadOf(method: string, path: string): PublicRead | undefined {
  if (method !== "GET") return undefined;
  return PUBLIC_READS.find((r) => r.path.test(path));
}

const JSON_TYPE = "application/json";

/** What browsers are told: keep it, but ask (If-None-Match) before every use. */
export const CLIENT_CACHE_CONTROL = "public, no-cache";
/** Every other API answer. */
export const PRIVATE_CACHE_CONTROL = "private, no-store";

/** The catalog version a kept answer was read at. */
const VERSION_HEADER = "x-catalog-version";

/**
 * The Cache API key: the request's own origin and path, with the query parameters sorted (?a=1&b=2 and
 * ?b=2&a=1 are one entry). The path prefix keeps the entries apart from anything a real URL could name.
 */
export function cacheKey(requestUrl: string): string {
  const url = new URL(requestUrl);
  const params = [...url.searchParams].sort(([a, x], [b, y]) =>
    a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0,
  );
  const query = new URLSearchParams(params).toString();
  return `${url.origin}/__edge-cache${url.pathname}${query ? `?${query}` : ""}`;
}

/** A strong ETag: the first 128 bits of the body's SHA-256. */
export async function etagOf(body: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", body);
  return `"${toBase64Url(new Uint8Array(digest).slice(0, 16))}"`;
}

/** If-None-Match against our ETag (weak comparison, as RFC 9110 asks for GET; `*` matches anything). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || bare(t) === bare(etag));
}

function cacheOf(c: Context<AppEnv>): Cache | undefined {
  if (c.env.EDGE_CACHE === "off") return undefined;
  return (globalThis as { caches?: { default?: Cache } }).caches?.default;
}

/** The answer to the client: 304 when its copy is current, else the body; never any caller state. */
function answer(c: Context<AppEnv>, body: ArrayBuffer, etag: string, contentType: string, state: string) {
  const headers = { etag, "cache-control": CLIENT_CACHE_CONTROL, "x-edge-cache": state };
  if (etagMatches(c.req.header("if-none-match"), etag)) return c.body(null, 304, headers);
  return c.body(body, 200, { ...headers, "content-type": contentType });
}

/**
 * Runs around the store's public reads (the request pipeline calls it for them, without authentication:
 * shared/request-pipeline.ts): answers from the cache, or lets the route answer and keeps a 200 (errors
 * are never kept).
 */
export const edgeCache: MiddlewareHandler<AppEnv> = async (c, next) => {
  const read = publicReadOf(c.req.method, c.req.path);
  if (!read) return next();
  const cache = cacheOf(c);
  if (!cache) {
    await next();
    if (c.res.status !== 200) return;
    const body = await c.res.arrayBuffer();
    c.res = answer(c, body, await etagOf(body), c.res.headers.get("content-type") ?? JSON_TYPE, "off");
    return;
  }
  const db = c.get("db");
  const key = cacheKey(c.req.url);
  const hit = await cache.match(key);
  let version: Promise<string | undefined>;
  if (hit) {
    const current = await catalogVersion(db);
    const etag = hit.headers.get("etag");
    if (etag && hit.headers.get(VERSION_HEADER) === current) {
      c.res = answer(c, await hit.arrayBuffer(), etag, hit.headers.get("content-type") ?? JSON_TYPE, "hit");
      return;
    }
    version = Promise.resolve(current);
  } else {
    const ahead = readAheadOf(db);
    version = ahead
      ? ahead.add(catalogVersionStatement()).then(
          (rs) => versionOf(rs.rows[0] as Parameters<typeof versionOf>[0]),
          // The route's read failed with it: the route's own error is the answer, nothing is kept.
          () => undefined,
        )
      : catalogVersion(db);
  }
  await next();
  if (c.res.status !== 200) return;
  // A route that made no read-only query leaves the version read queued: it runs now, on its own.
  await readAheadOf(db)?.flush();
  const body = await c.res.arrayBuffer();
  const etag = await etagOf(body);
  const contentType = c.res.headers.get("content-type") ?? JSON_TYPE;
  const readAt = await version;
  if (readAt !== undefined) {
    const stored = new Response(body, {
      headers: {
        "content-type": contentType,
        etag,
        "cache-control": `public, max-age=${read.ttlS}`,
        [VERSION_HEADER]: readAt,
      },
    });
    c.executionCtx.waitUntil(cache.put(key, stored));
  }
  // Hono carries the route's other headers (request id, CORS) over to the new response.
  c.res = answer(c, body, etag, contentType, hit ? "stale" : "miss");
};
