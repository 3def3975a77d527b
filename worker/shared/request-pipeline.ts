/**
 * The cross-cutting work of every request, as ONE middleware layer mounted on "*" (worker/app.ts):
 *
 *   every path   request id (X-Request-Id: the caller's if well-formed, else a new one), and the
 *                security headers on HTML answers (shared/security-headers.ts)
 *   /api/*       CORS (preflight answered here), the body-size limit (shared/body-limit.ts),
 *                X-HTTP-Method-Override, the request's database and order deps, then either the edge
 *                cache (the store's public reads, without the caller's identity) or authentication and,
 *                under /api/admin, the admin guard (shared/admin-guard.ts); every answer but a public
 *                read's gets `Cache-Control: private, no-store` unless its route set one
 *
 * Why one layer: these used to be ten Hono middlewares (requestId, htmlSecurityHeaders, cors, bodyLimit,
 * methodOverride, database, provideDeps, edgeCache, authenticate, adminGuard). Each layer costs an async
 * frame, and hono/cors wrote headers onto `c.res` before the route had answered, so Hono built a
 * placeholder Response and then copied it, header by header, into a new Response when the route's own
 * replaced it, and once more for `Vary` after it. Here nothing touches `c.res` until the route has
 * answered; the headers are then set once on the final Response (docs/benchmarks.md, request path).
 *
 * Errors thrown by the steps folded in here (413, 401/403, a failed session lookup) are answered by the
 * app's error handler right here, as Hono would have for their own layers, and still get every header.
 */
import type { Context, ErrorHandler, MiddlewareHandler, Next } from "hono";
import { serverTimingOf } from "../db/server-timing";
import type { AppEnv, Env } from "../env";
import { checkAdminAccess, isAdminPath } from "./admin-guard";
import { limitBody } from "./body-limit";
import { type CorsPolicy, corsPolicy } from "./cors";
import { PRIVATE_CACHE_CONTROL, publicReadOf } from "./edge-cache";
import { applyHtmlSecurityHeaders } from "./security-headers";

export const REQUEST_ID_HEADER = "x-request-id";
/** wx.request cannot send PATCH: the mini program POSTs with this header instead. */
export const METHOD_OVERRIDE_HEADER = "x-http-method-override";

/** The same acceptance rule as hono/request-id: up to 255 of [A-Za-z0-9_=-]. */
const ACCEPTED_REQUEST_ID = /^[\w\-=]{1,255}$/;

let idPrefix: string | undefined;
let idSeq = 0;

/**
 * A request id unique without a random draw per request: 64 random bits per isolate, then a counter
 * (crypto.randomUUID showed in the request path's profile; ids only need to be unique, not secret).
 */
export function newRequestId(): string {
  idPrefix ??= Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
  idSeq++;
  return `${idPrefix}-${idSeq.toString(36)}`;
}

/** The caller's X-Request-Id when it is well-formed, else a new one. */
export function requestIdFor(header: string | null): string {
  return header && ACCEPTED_REQUEST_ID.test(header) ? header : newRequestId();
}

/** What Hono's "/api/*" matches: /api itself and everything below it. */
export const isApiPath = (path: string) => path === "/api" || path.startsWith("/api/");

export interface RequestPipelineOptions {
  /** Dispatches a method-overridden request again (the app's own fetch). */
  fetch: (request: Request, env: Env, ctx?: HonoExecutionContext) => Response | Promise<Response>;
  /** The app's error handler, for errors thrown by the steps folded in here. */
  onError: ErrorHandler<AppEnv>;
  /** Puts the request's own values on the context (database client, order deps); /api only. */
  provide: (c: Context<AppEnv>) => void;
  /** Runs around the store's public reads (the edge cache); they skip `authenticate`. */
  publicRead: MiddlewareHandler<AppEnv>;
  /** Signs the caller in (or leaves them anonymous) on every other /api request. */
  authenticate: MiddlewareHandler<AppEnv>;
}

interface ApiAnswer {
  cors: CorsPolicy;
  origin: string | null;
  /** Not a public read: `Cache-Control: private, no-store` unless the route set one. */
  privateByDefault: boolean;
}

/** Sets the headers every answer gets, once, on the route's final Response. */
function finish(c: Context<AppEnv>, requestId: string, api: ApiAnswer | undefined): void {
  const apply = (headers: Headers) => {
    headers.set(REQUEST_ID_HEADER, requestId);
    if (api) {
      api.cors.apply(headers, api.origin);
      const timing = serverTimingOf(c);
      if (timing) headers.set("server-timing", timing);
      if (api.privateByDefault && c.res.status !== 101 && !headers.has("cache-control"))
        headers.set("cache-control", PRIVATE_CACHE_CONTROL);
    }
    applyHtmlSecurityHeaders(headers);
  };
  try {
    apply(c.res.headers);
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    // A Response with immutable headers (passed through from fetch(), Response.redirect): answer a copy.
    c.res = new Response(c.res.body, c.res);
    apply(c.res.headers);
  }
}

/** The request again, with the method its X-HTTP-Method-Override names and the same request id. */
function overridden(c: Context<AppEnv>, method: string, requestId: string): Request {
  const raw = c.req.raw;
  const headers = new Headers(raw.headers);
  headers.delete(METHOD_OVERRIDE_HEADER);
  headers.set(REQUEST_ID_HEADER, requestId);
  if (/^(?:GET|HEAD)$/i.test(method)) {
    headers.delete("content-type");
    headers.delete("content-length");
    return new Request(raw.url, { headers, method });
  }
  return new Request(raw, { headers, method });
}

type HonoExecutionContext = Context<AppEnv>["executionCtx"];

function executionCtxOf(c: Context<AppEnv>): HonoExecutionContext | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined; // app.request() in tests has none
  }
}

export function requestPipeline(o: RequestPipelineOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const headers = c.req.raw.headers;
    const requestId = requestIdFor(headers.get(REQUEST_ID_HEADER));
    c.set("requestId", requestId);
    const path = c.req.path;
    if (!isApiPath(path)) {
      await next();
      finish(c, requestId, undefined);
      return;
    }
    const cors = corsPolicy(c.env.CORS_ORIGINS);
    const origin = headers.get("origin");
    const method = c.req.method;
    if (method === "OPTIONS") return cors.preflight(origin, requestId);
    const read = publicReadOf(method, path);
    try {
      await limitBody(c);
      const override = method === "GET" ? null : headers.get(METHOD_OVERRIDE_HEADER);
      if (override) {
        // The overridden request runs this whole pipeline itself: its answer is complete.
        c.res = await o.fetch(overridden(c, override, requestId), c.env, executionCtxOf(c));
        return;
      }
      o.provide(c);
      if (read) await o.publicRead(c, next);
      else if (isAdminPath(path))
        await o.authenticate(c, () => {
          checkAdminAccess(c.get("auth"), path);
          return next();
        });
      else await o.authenticate(c, next as Next);
    } catch (err) {
      if (!(err instanceof Error)) throw err;
      c.error = err;
      c.res = await o.onError(err, c);
    }
    finish(c, requestId, { cors, origin, privateByDefault: !read });
    // After Server-Timing is set: what the answer did not wait for starts now.
    const later = c.get("afterReply");
    if (later) {
      const ctx = executionCtxOf(c);
      for (const task of later) {
        const running = task();
        ctx?.waitUntil(running);
      }
    }
  };
}
