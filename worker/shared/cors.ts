/**
 * CORS for /api/*. The allowed origins come from the CORS_ORIGINS var, which a Worker only sees at
 * request time; the policy is therefore built lazily, once per distinct CORS_ORIGINS string.
 */
import type { Context } from "hono";
import type { AppEnv } from "../env";

/** "a, b,,c" → ["a", "b", "c"]; unset or blank → [] (no cross-origin access). */
export function parseOrigins(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Whether a browser origin may call the API: listed exactly, or the list contains "*". */
export function isAllowedOrigin(allowed: readonly string[], origin: string): boolean {
  return allowed.includes("*") || allowed.includes(origin);
}

/**
 * The store origin a gateway may send the shopper's browser back to (Alipay H5 return_url): the
 * browser's own origin, only when it is this worker's or an allowed CORS origin, so a request can
 * never make the gateway redirect elsewhere.
 */
export function storeOriginOf(c: Context<AppEnv>): string | undefined {
  const origin = c.req.header("origin");
  if (!origin) return undefined;
  const allowed = parseOrigins(c.env.CORS_ORIGINS);
  return origin === new URL(c.req.url).origin || allowed.includes(origin) ? origin : undefined;
}

const ALLOW_HEADERS = "authorization,content-type,idempotency-key,x-request-id,x-http-method-override";
const ALLOW_METHODS = "GET,POST,PUT,PATCH,DELETE,OPTIONS";
const EXPOSE_HEADERS = "x-request-id";
const MAX_AGE_S = "600";

/**
 * The CORS answer for one CORS_ORIGINS value, applied by the request pipeline (shared/request-pipeline.ts):
 * the same headers hono/cors sets, written once onto the route's final Response instead of onto a
 * Response that Hono has to copy when the route's own one replaces it (docs/benchmarks.md, request path).
 */
export interface CorsPolicy {
  /** The Access-Control-Allow-Origin for a request's Origin header: the origin itself, or null. */
  allowOrigin(origin: string | null): string | null;
  /** An actual (non-preflight) answer: allowed origin, exposed headers, `Vary: Origin` appended. */
  apply(headers: Headers, origin: string | null): void;
  /** The answer to a preflight (OPTIONS), whatever the path: 204 with the allowed methods and headers. */
  preflight(origin: string | null, requestId: string): Response;
}

function buildPolicy(allowed: readonly string[]): CorsPolicy {
  const allowOrigin = (origin: string | null) => (origin && isAllowedOrigin(allowed, origin) ? origin : null);
  return {
    allowOrigin,
    apply(headers, origin) {
      const allow = allowOrigin(origin);
      if (allow) headers.set("access-control-allow-origin", allow);
      headers.set("access-control-expose-headers", EXPOSE_HEADERS);
      headers.append("vary", "Origin");
    },
    preflight(origin, requestId) {
      const allow = allowOrigin(origin);
      return new Response(null, {
        status: 204,
        statusText: "No Content",
        headers: {
          "x-request-id": requestId,
          ...(allow ? { "access-control-allow-origin": allow } : {}),
          "access-control-expose-headers": EXPOSE_HEADERS,
          "access-control-max-age": MAX_AGE_S,
          "access-control-allow-methods": ALLOW_METHODS,
          "access-control-allow-headers": ALLOW_HEADERS,
          vary: "Origin, Access-Control-Request-Headers",
        },
      });
    },
  };
}

// Keyed by the raw var: one entry per deployment in practice (the value comes from config, never a request).
const policies = new Map<string, CorsPolicy>();

/** The CORS policy for one CORS_ORIGINS value, built on first use and reused afterwards. */
export function corsPolicy(value: string | undefined): CorsPolicy {
  const key = value ?? "";
  let policy = policies.get(key);
  if (!policy) {
    policy = buildPolicy(parseOrigins(key));
    policies.set(key, policy);
  }
  return policy;
}
