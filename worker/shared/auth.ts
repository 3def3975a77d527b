import type { MiddlewareHandler } from "hono";
import { sign, verify } from "hono/jwt";
import type { AppEnv } from "../env";
import { forbidden, unauthorized } from "./errors";

/** operations (运营): ships and handles orders, stock and after-sales, but never prices or catalog. */
export const STAFF_ROLES = ["merchant_admin", "operations", "agent", "installer"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Principal =
  | { kind: "shopper"; id: number; nickname: string }
  | { kind: "staff"; id: number; role: StaffRole; name: string };

/** Access tokens: a shopper stays signed in for 30 days; staff get 1 hour and renew with a refresh token. */
export const ACCESS_TTL_S = { shopper: 30 * 24 * 3600, staff: 3600 } as const;

export interface TokenOptions {
  /** The server-side session the token belongs to (auth/sessions.ts): revoking it ends the token. */
  sid?: string;
  /** "refresh" tokens only renew a staff session; they are never accepted as a bearer token. */
  use?: "access" | "refresh";
  /** Refresh tokens: the session's rotation they were issued for. */
  rotation?: number;
  ttlS?: number;
}

export async function issueToken(
  principal: Principal,
  secret: string,
  nowMs = Date.now(),
  opts: TokenOptions = {},
): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  const ttl = opts.ttlS ?? ACCESS_TTL_S[principal.kind];
  const extra = {
    ...(opts.sid ? { sid: opts.sid } : {}),
    ...(opts.use === "refresh" ? { use: "refresh", rot: opts.rotation ?? 0 } : {}),
  };
  return sign({ ...principal, ...extra, iat, exp: iat + ttl }, secret, "HS256");
}

export interface TokenClaims {
  principal: Principal;
  sid: string | undefined;
  use: "access" | "refresh";
  /** Refresh tokens: which rotation of the session they belong to. */
  rotation: number | undefined;
}

/**
 * Tokens already verified by this isolate, with their claims: checking the signature imports the key
 * and computes an HMAC on every request, which the profile of the request path showed as a tenth of an
 * authenticated request's CPU (docs/benchmarks.md). Keyed by secret and token, dropped at expiry.
 */
const verifiedTokens = new Map<string, { claims: TokenClaims; expMs: number }>();
const VERIFIED_TOKENS_MAX = 5000;

/** The verified claims of a token, or undefined when it is expired, forged or malformed. */
export async function readTokenClaims(token: string, secret: string): Promise<TokenClaims | undefined> {
  const key = `${secret}\n${token}`;
  const known = verifiedTokens.get(key);
  if (known) {
    if (known.expMs > Date.now()) return known.claims;
    verifiedTokens.delete(key);
  }
  const verified = await verifyTokenClaims(token, secret);
  if (!verified) return undefined;
  // Only tokens with an expiry are remembered, and only until it (every token we issue has one).
  if (verified.expMs > Date.now()) {
    if (verifiedTokens.size >= VERIFIED_TOKENS_MAX)
      verifiedTokens.delete(verifiedTokens.keys().next().value!);
    verifiedTokens.set(key, verified);
  }
  return verified.claims;
}

async function verifyTokenClaims(
  token: string,
  secret: string,
): Promise<{ claims: TokenClaims; expMs: number } | undefined> {
  try {
    const p = (await verify(token, secret, "HS256")) as Record<string, unknown>;
    let principal: Principal | undefined;
    if (p.kind === "shopper" && typeof p.id === "number")
      principal = { kind: "shopper", id: p.id, nickname: String(p.nickname ?? "") };
    if (p.kind === "staff" && typeof p.id === "number" && STAFF_ROLES.includes(p.role as StaffRole))
      principal = { kind: "staff", id: p.id, role: p.role as StaffRole, name: String(p.name ?? "") };
    if (!principal) return undefined;
    const claims: TokenClaims = {
      principal,
      sid: typeof p.sid === "string" ? p.sid : undefined,
      use: p.use === "refresh" ? "refresh" : "access",
      rotation: typeof p.rot === "number" ? p.rot : undefined,
    };
    return { claims, expMs: typeof p.exp === "number" ? p.exp * 1000 : 0 };
  } catch {
    // expired, forged or malformed: treated as anonymous, the route decides whether that is allowed
    return undefined;
  }
}

/** Just who a token names (chat tickets; tests): no session check. */
export async function readToken(token: string, secret: string): Promise<Principal | undefined> {
  return (await readTokenClaims(token, secret))?.principal;
}

export function bearerToken(header: string | undefined): string | undefined {
  const m = header?.match(/^Bearer\s+(\S+)$/i);
  return m?.[1];
}

/** Any valid token (shopper or staff); see createRouter, which puts it before every bearer route's validation. */
export const requireSignedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get("auth")) throw unauthorized();
  await next();
};

export const requireShopper: MiddlewareHandler<AppEnv> = async (c, next) => {
  const auth = c.get("auth");
  if (!auth) throw unauthorized();
  if (auth.kind !== "shopper") throw forbidden("仅限顾客账号使用");
  await next();
};

export function requireStaff(...roles: StaffRole[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = c.get("auth");
    if (!auth) throw unauthorized();
    if (auth.kind !== "staff" || (roles.length > 0 && !roles.includes(auth.role))) throw forbidden();
    await next();
  };
}

export function shopperOf(c: { get(key: "auth"): Principal | undefined }) {
  const auth = c.get("auth");
  if (auth?.kind !== "shopper") throw unauthorized();
  return auth;
}

/** The signed-in shopper's id on routes that also serve anonymous visitors (optionalBearer); staff count as anonymous. */
export const maybeShopperId = (c: { get(key: "auth"): Principal | undefined }): number | undefined => {
  const auth = c.get("auth");
  return auth?.kind === "shopper" ? auth.id : undefined;
};

export function staffOf(c: { get(key: "auth"): Principal | undefined }) {
  const auth = c.get("auth");
  if (auth?.kind !== "staff") throw unauthorized();
  return auth;
}
