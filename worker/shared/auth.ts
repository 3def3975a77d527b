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

const TOKEN_TTL_S = { shopper: 30 * 24 * 3600, staff: 12 * 3600 } as const;

export async function issueToken(principal: Principal, secret: string, nowMs = Date.now()): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  return sign({ ...principal, iat, exp: iat + TOKEN_TTL_S[principal.kind] }, secret, "HS256");
}

export async function readToken(token: string, secret: string): Promise<Principal | undefined> {
  try {
    const p = (await verify(token, secret, "HS256")) as Record<string, unknown>;
    if (p.kind === "shopper" && typeof p.id === "number")
      return { kind: "shopper", id: p.id, nickname: String(p.nickname ?? "") };
    if (p.kind === "staff" && typeof p.id === "number" && STAFF_ROLES.includes(p.role as StaffRole))
      return { kind: "staff", id: p.id, role: p.role as StaffRole, name: String(p.name ?? "") };
  } catch {
    // expired, forged or malformed: treated as anonymous, the route decides whether that is allowed
  }
  return undefined;
}

export function bearerToken(header: string | undefined): string | undefined {
  const m = header?.match(/^Bearer\s+(\S+)$/i);
  return m?.[1];
}

/** Reads the bearer token if present; routes then demand what they need. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = bearerToken(c.req.header("authorization"));
  c.set("auth", token ? await readToken(token, c.env.SESSION_SECRET) : undefined);
  await next();
};

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

export function staffOf(c: { get(key: "auth"): Principal | undefined }) {
  const auth = c.get("auth");
  if (auth?.kind !== "staff") throw unauthorized();
  return auth;
}
