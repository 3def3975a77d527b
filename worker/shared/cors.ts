/**
 * CORS for /api/*. The allowed origins come from the CORS_ORIGINS var, which a Worker only sees at
 * request time; the handler is therefore built lazily, once per distinct CORS_ORIGINS string.
 */
import type { Context, MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
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

function buildCors(allowed: readonly string[]): MiddlewareHandler<AppEnv> {
  return cors({
    origin: (origin) => (isAllowedOrigin(allowed, origin) ? origin : null),
    allowHeaders: [
      "authorization",
      "content-type",
      "idempotency-key",
      "x-request-id",
      "x-http-method-override",
    ],
    allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    exposeHeaders: ["x-request-id"],
    maxAge: 600,
  });
}

// Keyed by the raw var: one entry per deployment in practice (the value comes from config, never a request).
const handlers = new Map<string, MiddlewareHandler<AppEnv>>();

/** The CORS handler for one CORS_ORIGINS value, built on first use and reused afterwards. */
export function corsFor(value: string | undefined): MiddlewareHandler<AppEnv> {
  const key = value ?? "";
  let handler = handlers.get(key);
  if (!handler) {
    handler = buildCors(parseOrigins(key));
    handlers.set(key, handler);
  }
  return handler;
}

/** The /api/* CORS middleware: allows the origins listed in CORS_ORIGINS. */
export const corsFromEnv: MiddlewareHandler<AppEnv> = (c, next) => corsFor(c.env.CORS_ORIGINS)(c, next);
