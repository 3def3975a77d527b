/**
 * The store's public reads (product list, product detail, categories, brands, home feed) from the edge:
 *
 * - Every answer carries a strong ETag (a hash of the body) and `Cache-Control: public, no-cache`, so a
 *   browser revalidates every time and gets 304 Not Modified without a body when nothing changed.
 * - Answers are kept in the Workers Cache API (`caches.default`, per data centre) under a key that
 *   contains the catalog version (worker/catalog/revision.ts): a revision that triggers bump in the same
 *   statement as every merchant edit (product, SKU price, shelf status, category, banner, recommendation,
 *   promotion), plus the last promotion start/end that has passed. A price change therefore changes the
 *   key of the very next request, whatever data centre or isolate serves it; nothing is ever purged.
 *   Reading the version costs one small query per request (instead of the read's own queries).
 * - Stock is the exception: availability labels (有货 / 仅剩 N 件 / 无货), 已售 and the cards' 评价数 · 好评率
 *   change without a catalog edit, so reads that show them are kept for STOCK_TTL_S seconds only. They are labels; the StockCounter
 *   decides every sale at checkout.
 * - Nothing shopper-specific can be cached: these routes run without the caller's identity (app.ts skips
 *   `authenticate` for them, so `c.get("auth")` is always undefined in their handlers), so the answer to a
 *   signed-in shopper is byte for byte the anonymous one. A route that needs the shopper must not be
 *   listed in PUBLIC_READS.
 *
 * Every other /api answer gets `Cache-Control: private, no-store` unless its route set one.
 *
 * EDGE_CACHE=off (a var) turns the Cache API and the version query off; ETag and 304 stay.
 */
import type { Context, MiddlewareHandler } from "hono";
import { catalogVersion } from "../catalog/revision";
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

/**
 * The Cache API key: the request's own origin and path under the catalog version, with the query
 * parameters sorted (?a=1&b=2 and ?b=2&a=1 are one entry). The path prefix keeps the entries apart from
 * anything a real URL could name.
 */
export function cacheKey(requestUrl: string, version: string): string {
  const url = new URL(requestUrl);
  const params = [...url.searchParams].sort(([a, x], [b, y]) =>
    a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0,
  );
  const query = new URLSearchParams(params).toString();
  return `${url.origin}/__edge-cache/v${encodeURIComponent(version)}${url.pathname}${query ? `?${query}` : ""}`;
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
 * Mounted on /api/* after the database middleware and before authentication: answers public reads from
 * the cache, or lets the route answer and keeps a 200 (errors are never kept).
 */
export const edgeCache: MiddlewareHandler<AppEnv> = async (c, next) => {
  const read = publicReadOf(c.req.method, c.req.path);
  if (!read) {
    await next();
    // Everything else may depend on the caller: no shared cache keeps it unless its route says so
    // (product images do).
    if (c.res.status === 101 || c.res.headers.has("cache-control")) return;
    try {
      c.res.headers.set("cache-control", PRIVATE_CACHE_CONTROL);
    } catch {
      // a response passed through from fetch() has immutable headers: it keeps its own
    }
    return;
  }
  const cache = cacheOf(c);
  const key = cache ? cacheKey(c.req.url, await catalogVersion(c.get("db"))) : undefined;
  if (cache && key) {
    const hit = await cache.match(key);
    const etag = hit?.headers.get("etag");
    if (hit && etag)
      return answer(c, await hit.arrayBuffer(), etag, hit.headers.get("content-type") ?? JSON_TYPE, "hit");
  }
  await next();
  if (c.res.status !== 200) return;
  const body = await c.res.arrayBuffer();
  const etag = await etagOf(body);
  const contentType = c.res.headers.get("content-type") ?? JSON_TYPE;
  if (cache && key) {
    const stored = new Response(body, {
      headers: { "content-type": contentType, etag, "cache-control": `public, max-age=${read.ttlS}` },
    });
    c.executionCtx.waitUntil(cache.put(key, stored));
  }
  // Hono carries the route's other headers (request id, CORS) over to the new response.
  c.res = answer(c, body, etag, contentType, cache ? "miss" : "off");
};

/** Authentication for everything but the public reads, which must not depend on who asks. */
export function unlessPublicRead(mw: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return (c, next) => (publicReadOf(c.req.method, c.req.path) ? next() : mw(c, next));
}
