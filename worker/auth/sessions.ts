// Server-side sessions behind the bearer tokens: every login is a session row and every token carries
// its id, so tokens can be revoked before they expire. Checking a session costs a database read; a
// per-isolate cache keeps that to one read per session every CHECK_CACHE_MS (revocations made in the
// same isolate apply at once, elsewhere within that time).
import type { InStatement, Row } from "@libsql/client/web";
import { and, eq, isNull, sql } from "drizzle-orm";
import { type Db, readAheadOf } from "../db/client";
import { ACCESS_TTL_S, issueToken, type Principal, readTokenClaims } from "../shared/auth";
import { AppError, unauthorized } from "../shared/errors";
import { authSessions, staff } from "./schema";

/** How long a session lasts: a shopper's token lives as long; staff renew 1-hour tokens within it. */
const SESSION_TTL_MS = { shopper: ACCESS_TTL_S.shopper * 1000, staff: 12 * 3600_000 } as const;
export const CHECK_CACHE_MS = 30_000;

const checked = new Map<string, { active: boolean; until: number }>();

function remember(sid: string, active: boolean, now: number) {
  if (checked.size > 10_000) checked.clear();
  checked.set(sid, { active, until: active ? now + CHECK_CACHE_MS : Number.POSITIVE_INFINITY });
}

const newSessionId = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
};

export interface SessionTokens {
  token: string;
  /** Staff only: renews the 1-hour access token (POST /api/auth/refresh) until the session ends. */
  refreshToken?: string;
  expiresAt: number;
}

async function tokensFor(principal: Principal, sid: string, rotation: number, secret: string, now: number) {
  const token = await issueToken(principal, secret, now, { sid });
  if (principal.kind !== "staff")
    return { token, expiresAt: now + ACCESS_TTL_S.shopper * 1000 } satisfies SessionTokens;
  const refreshToken = await issueToken(principal, secret, now, {
    sid,
    use: "refresh",
    rotation,
    ttlS: SESSION_TTL_MS.staff / 1000,
  });
  return { token, refreshToken, expiresAt: now + ACCESS_TTL_S.staff * 1000 } satisfies SessionTokens;
}

/** A login: a new session and its tokens. */
export async function startSession(db: Db, principal: Principal, secret: string, now = Date.now()) {
  const sid = newSessionId();
  await db.insert(authSessions).values({
    id: sid,
    principalKind: principal.kind,
    principalId: principal.id,
    createdAt: now,
    expiresAt: now + SESSION_TTL_MS[principal.kind],
  });
  return tokensFor(principal, sid, 0, secret, now);
}

/** The row that says whether a session is open (and, for staff, the account still enabled). */
const sessionRow = (sid: string): InStatement => ({
  sql: `SELECT s.expires_at, s.revoked_at, st.disabled FROM auth_sessions s
        LEFT JOIN staff st ON s.principal_kind = 'staff' AND st.id = s.principal_id WHERE s.id = ?`,
  args: [sid],
});

function openFrom(row: Row | undefined, now: number): boolean {
  return !!row && row.revoked_at === null && Number(row.expires_at) > now && !Number(row.disabled ?? 0);
}

/** The answer remembered for this session, if it is still fresh. */
function rememberedState(sid: string, now: number): boolean | undefined {
  const hit = checked.get(sid);
  return hit && hit.until > now ? hit.active : undefined;
}

/** Whether the session behind a token is still open (and, for staff, the account still enabled). */
export async function isSessionActive(db: Db, sid: string, now = Date.now()): Promise<boolean> {
  const known = rememberedState(sid, now);
  if (known !== undefined) return known;
  const rs = await db.$client.execute(sessionRow(sid));
  const active = openFrom(rs.rows[0], now);
  remember(sid, active, now);
  return active;
}

/**
 * The same check, queued to ride ahead of the request's first read (db/read-ahead.ts) instead of costing
 * a round trip of its own; the request's later database calls wait for the answer (and fail when the
 * session is closed). Undefined when the answer is remembered or the database cannot read ahead.
 */
export function checkSessionAhead(db: Db, sid: string, now = Date.now()): Promise<boolean> | undefined {
  const ahead = readAheadOf(db);
  if (!ahead || rememberedState(sid, now) !== undefined) return undefined;
  const open = ahead.add(sessionRow(sid)).then((rs) => {
    const active = openFrom(rs.rows[0], now);
    remember(sid, active, now);
    return active;
  });
  ahead.gate(
    open.then((active) => {
      if (!active) throw sessionEnded();
    }),
  );
  return open;
}

export const sessionEnded = () => new AppError(401, "SESSION_EXPIRED", "登录已失效，请重新登录");

/** Logout: this session only. */
export async function endSession(db: Db, sid: string, now = Date.now()) {
  await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.id, sid), isNull(authSessions.revokedAt)));
  remember(sid, false, now);
}

/** Every session of an account: sign out everywhere, a disabled staff account, a password reset. */
export async function endAllSessions(db: Db, who: Pick<Principal, "kind" | "id">, now = Date.now()) {
  const ended = await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(authSessions.principalKind, who.kind),
        eq(authSessions.principalId, who.id),
        isNull(authSessions.revokedAt),
      ),
    )
    .returning({ id: authSessions.id });
  for (const s of ended) remember(s.id, false, now);
  return ended.length;
}

/**
 * A staff refresh token → fresh tokens, rotating the session: the rotation moves by compare-and-set, so
 * of two uses of one refresh token only the first succeeds, and a token of an older rotation (replayed
 * or stolen) ends the session altogether.
 */
export async function refreshSession(db: Db, refreshToken: string, secret: string, now = Date.now()) {
  const claims = await readTokenClaims(refreshToken, secret);
  const expired = () => new AppError(401, "SESSION_EXPIRED", "登录已过期，请重新登录");
  if (claims?.use !== "refresh" || !claims.sid || claims.rotation === undefined) throw expired();
  if (claims.principal.kind !== "staff") throw expired();
  const [rotated] = await db
    .update(authSessions)
    .set({ rotation: sql`${authSessions.rotation} + 1` })
    .where(
      and(
        eq(authSessions.id, claims.sid),
        eq(authSessions.rotation, claims.rotation),
        isNull(authSessions.revokedAt),
        sql`${authSessions.expiresAt} > ${now}`,
      ),
    )
    .returning({ rotation: authSessions.rotation });
  if (!rotated) {
    await endSession(db, claims.sid, now);
    throw expired();
  }
  checked.delete(claims.sid);
  // The account as it is now: a disabled one gets nothing; a changed role or name shows at once.
  const account = await db.select().from(staff).where(eq(staff.id, claims.principal.id)).get();
  if (!account || account.disabled) {
    await endSession(db, claims.sid, now);
    throw unauthorized();
  }
  const principal = { kind: "staff", id: account.id, role: account.role, name: account.displayName } as const;
  return tokensFor(principal, claims.sid, rotated.rotation, secret, now);
}
