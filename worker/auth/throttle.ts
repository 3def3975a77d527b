import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { AppError } from "../shared/errors";
import { loginAttempts } from "./schema";

/**
 * Staff login throttling. A wrong password costs a PBKDF2 run, and a guesser should not get many: per
 * account and per client IP, attempts in a fixed window are counted BEFORE the password is checked,
 * by one upsert per key in one batch (atomic in libSQL), so of 50 parallel guesses only the first
 * ACCOUNT_LIMIT are evaluated and the rest get 429 with Retry-After. A success clears the account's
 * count. A libSQL table rather than a Durable Object: one round trip next to a 100 ms hash, no new
 * binding or class, the counts survive deploys, and the numbers are small (one row per key).
 */
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_LIMIT = 10;
export const IP_LIMIT = 50;

export interface WindowCount {
  count: number;
  windowStart: number;
}

/** Pure decision: seconds to wait, or 0 when this attempt may be evaluated. */
export function retryAfterSeconds(account: WindowCount, ip: WindowCount | undefined, now: number): number {
  const waits = [
    account.count > ACCOUNT_LIMIT ? account.windowStart + LOGIN_WINDOW_MS - now : 0,
    ip && ip.count > IP_LIMIT ? ip.windowStart + LOGIN_WINDOW_MS - now : 0,
  ];
  return Math.max(0, Math.ceil(Math.max(...waits) / 1000));
}

/** Counts one attempt for the key and returns its window; a window older than LOGIN_WINDOW_MS restarts. */
function countAttempt(db: Db, key: string, now: number) {
  const expired = sql`${loginAttempts.windowStart} <= ${now - LOGIN_WINDOW_MS}`;
  return db
    .insert(loginAttempts)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      // SET expressions all read the row as it was, so both see the same window.
      set: {
        count: sql`CASE WHEN ${expired} THEN 1 ELSE ${loginAttempts.count} + 1 END`,
        windowStart: sql`CASE WHEN ${expired} THEN ${now} ELSE ${loginAttempts.windowStart} END`,
      },
    })
    .returning({ count: loginAttempts.count, windowStart: loginAttempts.windowStart });
}

/** Counts this attempt; throws 429 TOO_MANY_ATTEMPTS (with retryAfter seconds) when over a limit. */
export async function admitLoginAttempt(db: Db, username: string, ip: string | undefined, now = Date.now()) {
  const account = countAttempt(db, `account:${username.toLowerCase()}`, now);
  const [[a], ipRows] = ip
    ? await db.batch([account, countAttempt(db, `ip:${ip}`, now)])
    : [await account, undefined];
  const wait = retryAfterSeconds(a!, ipRows?.[0], now);
  if (wait > 0)
    throw new AppError(429, "TOO_MANY_ATTEMPTS", `登录尝试过于频繁，请 ${Math.ceil(wait / 60)} 分钟后再试`, {
      retryAfter: wait,
    });
}

export async function clearAccountAttempts(db: Db, username: string) {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, `account:${username.toLowerCase()}`));
}
