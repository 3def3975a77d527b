/** Logins: find or create the shopper or check the staff password, then issue a session token. */
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import type { Env } from "../env";
import { welcomeNewShopper } from "../marketing/coupon-claims";
import { AppError, notFound } from "../shared/errors";
import { hashPassword, verifyPassword } from "../shared/password";
import { shoppers, staff } from "./schema";
import { endAllSessions, startSession } from "./sessions";
import { admitLoginAttempt, clearAccountAttempts } from "./throttle";
import { code2Session } from "./wechat";

type WechatEnv = Pick<Env, "WECHAT_APP_ID" | "WECHAT_APP_SECRET" | "WECHAT_API_BASE" | "SESSION_SECRET">;

async function upsertShopper(db: Db, openid: string, nickname: string, unionid?: string) {
  const now = Date.now();
  const [row] = await db
    .insert(shoppers)
    .values({ openid, nickname, unionid: unionid ?? null, createdAt: now })
    .onConflictDoUpdate({ target: shoppers.openid, set: { unionid: unionid ?? null } })
    .returning();
  // created_at is only set on insert: this call signed the shopper up (new-shopper coupons, idempotent).
  if (row!.createdAt === now) await welcomeNewShopper(db, row!.id, now);
  return row!;
}

/** A shopper login's answer: a new session's token and who it belongs to. */
async function shopperSession(db: Db, shopper: { id: number; nickname: string }, secret: string) {
  const who = { id: shopper.id, nickname: shopper.nickname };
  const { token, expiresAt } = await startSession(db, { kind: "shopper", ...who }, secret);
  return { token, expiresAt, shopper: who };
}

/** Mini program login: a wx.login code → openid (code2Session) → the shopper's session. */
export async function wechatLogin(
  db: Db,
  env: WechatEnv,
  input: { code: string; nickname?: string | undefined },
) {
  const { WECHAT_APP_ID: appId, WECHAT_APP_SECRET: appSecret } = env;
  if (!appId || !appSecret)
    throw new AppError(503, "WECHAT_NOT_CONFIGURED", "微信登录未配置，本地开发请使用开发登录");
  const session = await code2Session({ appId, appSecret, apiBase: env.WECHAT_API_BASE }, input.code);
  const shopper = await upsertShopper(db, session.openid, input.nickname || "微信用户", session.unionid);
  return shopperSession(db, shopper, env.SESSION_SECRET);
}

/** Local development login by nickname; answers 404 unless DEV_LOGIN=1, as if it did not exist. */
export async function devLogin(db: Db, env: Pick<Env, "DEV_LOGIN" | "SESSION_SECRET">, nickname: string) {
  if (env.DEV_LOGIN !== "1") throw notFound("接口不存在");
  const shopper = await upsertShopper(db, `dev:${nickname}`, nickname);
  return shopperSession(db, shopper, env.SESSION_SECRET);
}

const DUMMY_HASH =
  "pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

/** Merchant admin or agent login by username and password. */
export async function staffLogin(
  db: Db,
  secret: string,
  input: { username: string; password: string },
  clientIp?: string,
) {
  await admitLoginAttempt(db, input.username, clientIp);
  const row = await db.query.staff.findFirst({ where: eq(staff.username, input.username) });
  // Verify against a dummy hash when the user is unknown, so timing does not reveal usernames.
  const ok = await verifyPassword(input.password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !ok || row.disabled) throw new AppError(401, "BAD_CREDENTIALS", "用户名或密码错误");
  await clearAccountAttempts(db, input.username);
  const principal = { kind: "staff", id: row.id, role: row.role, name: row.displayName } as const;
  return {
    ...(await startSession(db, principal, secret)),
    staff: { id: row.id, username: row.username, name: row.displayName, role: row.role },
  };
}

/**
 * A merchant admin disables or re-enables a staff account, or resets its password: either ends every
 * session of that account at once (its tokens stop working; it must log in again).
 */
export async function updateStaffAccount(
  db: Db,
  id: number,
  input: { disabled?: boolean | undefined; password?: string | undefined },
) {
  const row = await db.select().from(staff).where(eq(staff.id, id)).get();
  if (!row) throw notFound("员工账号不存在");
  const set = {
    ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    ...(input.password !== undefined ? { passwordHash: await hashPassword(input.password) } : {}),
  };
  if (Object.keys(set).length) await db.update(staff).set(set).where(eq(staff.id, id));
  const endedSessions =
    input.disabled || input.password !== undefined ? await endAllSessions(db, { kind: "staff", id }) : 0;
  return { id, disabled: input.disabled ?? row.disabled, endedSessions };
}
