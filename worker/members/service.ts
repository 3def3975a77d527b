// Member reads and writes: growth and tier, the points summary and history, the birthday, the
// merchant's manual adjustment, and the birthday coupon sweep.

import { z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { type BatchRead, batchRead, combineReads, constRead, mapRead, runRead } from "../db/batch-reads";
import type { Db } from "../db/client";
import { grantCoupon } from "../marketing/coupon-claims";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { AppError, notFound } from "../shared/errors";
import type { Logger } from "../shared/log";
import { balanceOf, first, GOODS_REFUND_SOURCES, ledgerEntries } from "./points-ledger";
import { BEIJING_OFFSET_MS, deriveLots, liveLots, lotExpiry } from "./points-rules";
import type { MemberSettings } from "./schema";
import { getMemberSettings, memberSettingsRead } from "./settings";
import {
  type CompletedSpend,
  GROWTH_WINDOW_MS,
  growthValue,
  type TierRule,
  tierFor,
  tierProgress,
} from "./tiers-rules";

const goodsSources = sql.raw(GOODS_REFUND_SOURCES.map((s) => `'${s}'`).join(", "));

/** Orders completed in the last 12 months with what was paid for goods less goods refunds. */
export const completedSpendsRead = (db: Db, shopperId: number, now: number): BatchRead<CompletedSpend[]> =>
  batchRead(
    [
      db.all<{ completed_at: number; net: number }>(sql`SELECT o.completed_at,
      o.items_total_fen - o.discount_fen - coalesce((SELECT sum(r.amount_fen) FROM refunds r
        WHERE r.order_id = o.id AND r.status = 'succeeded' AND r.source IN (${goodsSources})), 0) AS net
    FROM orders o
    WHERE o.shopper_id = ${shopperId} AND o.status = 'completed' AND o.completed_at > ${now - GROWTH_WINDOW_MS}`),
    ],
    ([rows]) => rows.map((r) => ({ completedAt: Number(r.completed_at), netFen: Number(r.net) })),
  );

export const completedSpends = (db: Db, shopperId: number, now: number): Promise<CompletedSpend[]> =>
  runRead(db, completedSpendsRead(db, shopperId, now));

function tierOf(settings: MemberSettings, spends: CompletedSpend[], now: number) {
  const growth = growthValue(spends, now);
  return {
    settings,
    growth,
    tier: tierFor(settings.tiers, growth),
    progress: tierProgress(settings.tiers, growth),
  };
}

/**
 * The shopper's tier now (recomputed from orders on every read, so completions and refunds count at
 * once), as a read that can share a batch: the settings (unless given) and the spends.
 */
export const memberTierRead = (db: Db, shopperId: number, now = Date.now(), settings?: MemberSettings) =>
  mapRead(
    combineReads({
      settings: settings ? constRead(settings) : memberSettingsRead(db),
      spends: completedSpendsRead(db, shopperId, now),
    }),
    (r) => tierOf(r.settings, r.spends, now),
  );

export const memberTier = (db: Db, shopperId: number, now = Date.now(), settings?: MemberSettings) =>
  runRead(db, memberTierRead(db, shopperId, now, settings));

const tierView = (t: TierRule) => ({
  level: t.level,
  name: t.name,
  minGrowth: t.minGrowth,
  discountPercent: t.discountPercent,
  freeShipping: t.freeShipping,
  pointsMultiplierPercent: t.pointsMultiplierPercent,
  birthdayCoupon: t.birthdayCouponTemplateId !== null,
  queueBoostMinutes: t.queueBoostMinutes,
});

export async function pointsSummary(db: Db, shopperId: number, now = Date.now()) {
  const entries = await ledgerEntries(db, shopperId);
  const state = deriveLots(entries);
  const live = liveLots(state, now);
  const soonest = live[0];
  return {
    available: state.available,
    frozen: state.frozen,
    /** Points of the lots that expire first, and when. */
    expiring: soonest
      ? {
          points: live.filter((l) => l.expiresAt === soonest.expiresAt).reduce((a, l) => a + l.remaining, 0),
          at: soonest.expiresAt,
        }
      : null,
    lots: live.map((l) => ({ points: l.remaining, expiresAt: l.expiresAt })),
  };
}

export async function memberOverview(db: Db, shopperId: number, now = Date.now()) {
  const [{ settings, growth, progress }, points, profile] = await Promise.all([
    memberTier(db, shopperId, now),
    pointsSummary(db, shopperId, now),
    first<{ birthday: string | null }>(
      db,
      sql`SELECT birthday FROM member_profiles WHERE shopper_id = ${shopperId}`,
    ),
  ]);
  return {
    growth,
    tier: tierView(progress.tier),
    nextTier: progress.next ? tierView(progress.next) : null,
    toNextTier: progress.toNext,
    progressPercent: progress.percent,
    tiers: settings.tiers.map(tierView).sort((a, b) => a.minGrowth - b.minGrowth),
    points,
    pointsRules: settings.points,
    birthday: profile?.birthday ?? null,
  };
}

export const historyQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

const KIND_TEXT: Record<string, string> = {
  earn: "获得（冻结中）",
  unfreeze: "到账",
  spend: "抵扣",
  spend_return: "退回",
  clawback: "收回",
  expire: "过期",
  adjust: "商家调整",
  referral: "邀请奖励",
};

/** History, newest first; rows that changed nothing (markers for cumulative refunds) are left out. */
export async function pointsHistory(db: Db, shopperId: number, q: z.infer<typeof historyQuery>) {
  const before = q.cursor ? decodeCursor(q.cursor, z.object({ id: z.number().int() })).id : null;
  const rows = await db.all<{
    id: number;
    kind: string;
    source: string;
    source_ref: string;
    reason: string;
    delta: number;
    frozen_delta: number;
    expires_at: number | null;
    available_at: number | null;
    created_at: number;
  }>(sql`SELECT id, kind, source, source_ref, reason, delta, frozen_delta, expires_at, available_at, created_at
    FROM points_ledger WHERE shopper_id = ${shopperId} AND (delta <> 0 OR frozen_delta <> 0)
      ${before === null ? sql`` : sql`AND id < ${before}`}
    ORDER BY id DESC LIMIT ${q.limit + 1}`);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      kindText: KIND_TEXT[r.kind] ?? r.kind,
      source: r.source,
      sourceRef: r.source_ref,
      reason: r.reason,
      points: Number(r.delta),
      frozenPoints: Number(r.frozen_delta),
      expiresAt: r.expires_at === null ? null : Number(r.expires_at),
      availableAt: r.available_at === null ? null : Number(r.available_at),
      createdAt: Number(r.created_at),
    })),
    nextCursor: rows.length > q.limit ? encodeCursor({ id: Number(page[page.length - 1]!.id) }) : null,
  };
}

export const birthdayInput = z.object({
  birthday: z
    .string({ error: "请选择生日" })
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "生日格式应为 MM-DD，如 05-20")
    .refine(
      (s) =>
        !Number.isNaN(Date.parse(`2000-${s}T00:00:00Z`)) &&
        new Date(`2000-${s}T00:00:00Z`).getUTCDate() === Number(s.slice(3)),
      "生日日期不存在",
    ),
});

/** Set once: a second attempt (even the same date) is refused, so the birthday gift cannot be farmed. */
export async function setBirthday(db: Db, shopperId: number, birthday: string, now = Date.now()) {
  const rows = await db.all(sql`INSERT INTO member_profiles (shopper_id, birthday, birthday_set_at)
    VALUES (${shopperId}, ${birthday}, ${now})
    ON CONFLICT(shopper_id) DO UPDATE SET birthday = excluded.birthday, birthday_set_at = excluded.birthday_set_at
      WHERE member_profiles.birthday IS NULL
    RETURNING shopper_id`);
  if (rows.length === 0) throw new AppError(409, "BIRTHDAY_ALREADY_SET", "生日已设置，不能修改");
  return { birthday };
}

export const adjustmentInput = z.object({
  points: z
    .number({ error: "请填写调整积分" })
    .int("调整积分须为整数")
    .min(-1_000_000, "单次最多扣减 1000000 积分")
    .max(1_000_000, "单次最多增加 1000000 积分")
    .refine((n) => n !== 0, "调整积分不能为 0"),
  reason: z
    .string({ error: "请填写调整原因" })
    .trim()
    .min(2, "请填写调整原因（至少 2 个字）")
    .max(100, "原因最多 100 字"),
});

/**
 * The merchant's manual adjustment, once per request key (a retry returns the same row). A deduction
 * never takes the balance below zero (the insert checks it); an addition is a lot expiring like earnings.
 */
export async function adjustPoints(
  db: Db,
  staffId: number,
  shopperId: number,
  input: z.infer<typeof adjustmentInput>,
  requestKey: string,
  now = Date.now(),
) {
  const exists = await first<{ id: number }>(db, sql`SELECT id FROM shoppers WHERE id = ${shopperId}`);
  if (!exists) throw notFound("顾客不存在");
  const key = `adjust:${requestKey}`;
  const owner =
    input.points < 0
      ? sql`(SELECT ${shopperId} WHERE (SELECT coalesce(sum(delta), 0) FROM points_ledger
        WHERE shopper_id = ${shopperId}) >= ${-input.points})`
      : sql`${shopperId}`;
  try {
    await db.run(sql`INSERT INTO points_ledger (shopper_id, kind, source, source_ref, reason, delta, expires_at,
        dedupe_key, created_by, created_at)
      VALUES (${owner}, 'adjust', 'adjustment', ${requestKey}, ${input.reason}, ${input.points},
        ${input.points > 0 ? lotExpiry(now) : null}, ${key}, ${staffId}, ${now})
      ON CONFLICT(dedupe_key) DO NOTHING`);
  } catch (err) {
    if (
      /NOT NULL constraint failed: points_ledger\.shopper_id/.test(
        String(err) + String((err as { cause?: unknown }).cause),
      )
    )
      throw new AppError(409, "POINTS_INSUFFICIENT", "顾客可用积分不足，不能扣减这么多");
    throw err;
  }
  const row = await first<{ shopper_id: number; delta: number; reason: string }>(
    db,
    sql`SELECT shopper_id, delta, reason FROM points_ledger WHERE dedupe_key = ${key}`,
  );
  if (!row || Number(row.shopper_id) !== shopperId || Number(row.delta) !== input.points)
    throw new AppError(409, "IDEMPOTENCY_KEY_REUSED", "该请求编号已用于另一笔调整");
  return { ...(await balanceOf(db, shopperId)), points: input.points, reason: row.reason };
}

/**
 * Sweep: shoppers whose birthday is today (Beijing) and who have not had this year's gift get their
 * tier's birthday coupon through the coupon grant (claim key per shopper and year, so never twice),
 * then the year is recorded. Tiers without a birthday coupon get nothing.
 */
export async function grantBirthdayCoupons(
  db: Db,
  log: Logger,
  now = Date.now(),
  limit = 50,
): Promise<number> {
  const bj = new Date(now + BEIJING_OFFSET_MS);
  const year = bj.getUTCFullYear();
  const today = `${String(bj.getUTCMonth() + 1).padStart(2, "0")}-${String(bj.getUTCDate()).padStart(2, "0")}`;
  const due = await db.all<{ shopper_id: number }>(sql`SELECT shopper_id FROM member_profiles
    WHERE birthday = ${today} AND coalesce(birthday_granted_year, 0) < ${year} LIMIT ${limit}`);
  if (!due.length) return 0;
  const settings = await getMemberSettings(db);
  let granted = 0;
  for (const { shopper_id } of due) {
    const shopperId = Number(shopper_id);
    const { tier } = await memberTier(db, shopperId, now, settings);
    try {
      if (tier.birthdayCouponTemplateId !== null) {
        const r = await grantCoupon(
          db,
          tier.birthdayCouponTemplateId,
          [shopperId],
          `birthday-${shopperId}-${year}`,
        );
        granted += r.granted.length;
      }
    } catch (err) {
      log.error("birthday coupon failed", { shopperId, err: String(err) });
      continue;
    }
    await db.run(sql`UPDATE member_profiles SET birthday_granted_year = ${year}
      WHERE shopper_id = ${shopperId} AND coalesce(birthday_granted_year, 0) < ${year}`);
  }
  return granted;
}

/** 会员优先 in the agents' queue: the tier's boost in ms; 0 when it cannot be read (never blocks a handoff). */
export async function queueBoostMs(db: Db, shopperId: number): Promise<number> {
  try {
    return (await memberTier(db, shopperId)).tier.queueBoostMinutes * 60_000;
  } catch {
    return 0;
  }
}
