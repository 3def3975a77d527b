// 老带新: codes, bindings and the referrer's reward. The rules are in referral-rules.ts; here the facts
// are read for clear refusals, and the writes repeat the decisive conditions in one statement each
// (one binding per referee, no loop, no orders yet; one reward per referee; caps) so that racing
// requests cannot get past them.
import { z } from "@hono/zod-openapi";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { shoppers } from "../auth/schema";
import type { Db } from "../db/client";
import { lotExpiry } from "../members/points-rules";
import type { OrderDeps } from "../orders/deps";
import type { OrderEventSubscriber } from "../orders/events";
import { orders } from "../orders/schema";
import { AppError, badRequest, notFound } from "../shared/errors";
import {
  beijingDayRange,
  beijingMonthRange,
  DEFAULT_REFERRAL_SETTINGS,
  decideBinding,
  decideReward,
  newReferralCode,
  normaliseCode,
  RETURN_WINDOW_MS,
} from "./referral-rules";
import { referralBindings, referralCodes, referralRewards, referralSettings } from "./schema";

// ---------- settings ----------

export const referralSettingsInput = z.object({
  rewardPoints: z.number().int().min(0, "奖励积分不能为负").max(100_000, "奖励积分最多 100000"),
  dailyCap: z.number().int().min(0).max(1000),
  monthlyCap: z.number().int().min(0).max(10_000),
  bindingWindowHours: z
    .number()
    .int()
    .min(1, "绑定时限至少 1 小时")
    .max(30 * 24, "绑定时限最多 30 天"),
});
export type ReferralSettings = z.infer<typeof referralSettingsInput>;

export async function getReferralSettings(db: Db): Promise<ReferralSettings> {
  const row = await db.select().from(referralSettings).where(eq(referralSettings.id, 1)).get();
  return row
    ? {
        rewardPoints: row.rewardPoints,
        dailyCap: row.dailyCap,
        monthlyCap: row.monthlyCap,
        bindingWindowHours: row.bindingWindowHours,
      }
    : { rewardPoints: 500, ...DEFAULT_REFERRAL_SETTINGS };
}

export async function putReferralSettings(db: Db, input: ReferralSettings) {
  if (input.dailyCap > input.monthlyCap) throw badRequest("每日上限不能大于每月上限");
  const now = Date.now();
  await db
    .insert(referralSettings)
    .values({ id: 1, ...input, updatedAt: now })
    .onConflictDoUpdate({ target: referralSettings.id, set: { ...input, updatedAt: now } });
  return getReferralSettings(db);
}

// ---------- codes ----------

/** The shopper's code, created on first use (a collision of random codes simply draws again). */
export async function referralCodeOf(db: Db, shopperId: number): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await db
      .select({ code: referralCodes.code })
      .from(referralCodes)
      .where(eq(referralCodes.shopperId, shopperId))
      .get();
    if (existing) return existing.code;
    await db
      .insert(referralCodes)
      .values({ shopperId, code: newReferralCode(), createdAt: Date.now() })
      .onConflictDoNothing();
  }
  throw new AppError(503, "CODE_UNAVAILABLE", "邀请码生成失败，请稍后再试");
}

// ---------- binding ----------

export const bindInput = z.object({
  code: z.string().trim().min(1, "请填写邀请码").max(32, "邀请码格式不正确"),
  via: z.enum(["link", "scene"], { error: "via 须为 link 或 scene" }).default("link"),
});

/** The referrer's chain upwards (their referrer, and so on), nearest first, at most `depth` steps. */
async function ancestorsOf(db: Db, shopperId: number, depth = 20): Promise<number[]> {
  const rows = await db.all<{ id: number }>(sql`
    WITH RECURSIVE up(id, n) AS (
      SELECT referrer_id, 1 FROM referral_bindings WHERE referee_id = ${shopperId}
      UNION ALL
      SELECT b.referrer_id, up.n + 1 FROM referral_bindings b JOIN up ON b.referee_id = up.id WHERE up.n < ${depth}
    ) SELECT id FROM up ORDER BY n`);
  return rows.map((r) => Number(r.id));
}

export async function bindReferrer(
  db: Db,
  refereeId: number,
  input: z.infer<typeof bindInput>,
  now = Date.now(),
) {
  const code = normaliseCode(input.code);
  if (!code) throw badRequest("邀请码格式不正确", undefined, "INVALID_CODE");
  const referrer = await db.select().from(referralCodes).where(eq(referralCodes.code, code)).get();
  if (!referrer) throw notFound("邀请码不存在");
  const [me, bound, orderCount, settings, ancestors] = await Promise.all([
    db.select({ createdAt: shoppers.createdAt }).from(shoppers).where(eq(shoppers.id, refereeId)).get(),
    db.select().from(referralBindings).where(eq(referralBindings.refereeId, refereeId)).get(),
    db.select({ n: sql<number>`count(*)` }).from(orders).where(eq(orders.shopperId, refereeId)).get(),
    getReferralSettings(db),
    ancestorsOf(db, referrer.shopperId),
  ]);
  if (bound?.referrerId === referrer.shopperId) return { bound: true, created: false };
  const decision = decideBinding({
    refereeId,
    refereeCreatedAt: me!.createdAt,
    refereeOrders: Number(orderCount?.n ?? 0),
    alreadyBound: Boolean(bound),
    referrerId: referrer.shopperId,
    referrerAncestors: ancestors,
    bindingWindowHours: settings.bindingWindowHours,
    now,
  });
  if (!decision.ok)
    throw new AppError(decision.code === "SELF_REFERRAL" ? 400 : 409, decision.code, decision.message);
  // The same conditions in the insert itself: a concurrent reverse binding (B → A while A → B) or an
  // order placed meanwhile makes it insert nothing.
  const inserted = await db.all<{ refereeId: number }>(sql`
    INSERT INTO referral_bindings (referee_id, referrer_id, via, bound_at)
    SELECT ${refereeId}, ${referrer.shopperId}, ${input.via}, ${now}
    WHERE NOT EXISTS (SELECT 1 FROM orders WHERE shopper_id = ${refereeId})
      AND ${refereeId} NOT IN (
        WITH RECURSIVE up(id, n) AS (
          SELECT referrer_id, 1 FROM referral_bindings WHERE referee_id = ${referrer.shopperId}
          UNION ALL
          SELECT b.referrer_id, up.n + 1 FROM referral_bindings b JOIN up ON b.referee_id = up.id WHERE up.n < 20
        ) SELECT id FROM up)
    ON CONFLICT (referee_id) DO NOTHING
    RETURNING referee_id AS refereeId`);
  if (inserted.length) return { bound: true, created: true };
  const again = await db
    .select()
    .from(referralBindings)
    .where(eq(referralBindings.refereeId, refereeId))
    .get();
  if (again?.referrerId === referrer.shopperId) return { bound: true, created: false };
  if (again) throw new AppError(409, "ALREADY_BOUND", "您已绑定过邀请人，不能重复绑定");
  throw new AppError(409, "REFERRAL_REFUSED", "暂时无法绑定该邀请人，请稍后再试");
}

// ---------- rewards ----------

/**
 * Completion of the referee's first completed order opens the reward (pending until the return window
 * has passed). In the completion's own batch, and keyed by the referee: exactly once, however many of
 * the referee's orders complete at the same time.
 */
export const referralRewardSubscriber: OrderEventSubscriber = {
  name: "referral-reward",
  kinds: ["confirm_receipt", "auto_complete", "refund_requested"],
  inTransaction(db, _env, event, order) {
    const now = Date.now();
    if (event.kind === "refund_requested") {
      // A return (after-sales) or a cancellation of that order before the reward is granted cancels it.
      // 价保 and 以旧换新 settlements are price adjustments, not returns: they do not.
      const source = (event.data as { source?: string } | null)?.source;
      if (source !== "after_sale" && source !== "order_cancel") return [];
      return [
        db
          .update(referralRewards)
          .set({ status: "cancelled", note: "首单已申请退款，邀请奖励取消" })
          .where(and(eq(referralRewards.orderId, order.id), eq(referralRewards.status, "pending"))),
      ];
    }
    return [
      db.run(sql`INSERT INTO referral_rewards (referee_id, referrer_id, order_id, status, due_at, points, note, created_at)
        SELECT referee_id, referrer_id, ${order.id}, 'pending', ${(order.completedAt ?? now) + RETURN_WINDOW_MS}, 0, '', ${now}
        FROM referral_bindings WHERE referee_id = ${order.shopperId}
        ON CONFLICT (referee_id) DO NOTHING`),
    ];
  },
};

/**
 * Sweep: rewards past the return window are granted (points through the ledger, dedupe key per
 * referee) unless the referrer's daily or monthly cap is reached. The claim (status → granted) and the
 * ledger row go in one batch; the claim's condition repeats the caps, so concurrent sweeps grant once.
 */
export async function grantDueReferralRewards(deps: Pick<OrderDeps, "db">, now = Date.now()) {
  const { db } = deps;
  const due = await db
    .select()
    .from(referralRewards)
    .where(and(eq(referralRewards.status, "pending"), sql`${referralRewards.dueAt} <= ${now}`))
    .limit(50);
  if (!due.length) return { granted: 0, capped: 0 };
  const settings = await getReferralSettings(db);
  const [dayFrom] = beijingDayRange(now);
  const [monthFrom] = beijingMonthRange(now);
  let granted = 0;
  let capped = 0;
  for (const r of due) {
    const counts = await db.get<{ today: number; month: number }>(sql`
      SELECT coalesce(sum(granted_at >= ${dayFrom}), 0) AS today, count(*) AS month FROM referral_rewards
      WHERE referrer_id = ${r.referrerId} AND status = 'granted' AND granted_at >= ${monthFrom}`);
    const decision = decideReward({
      status: r.status,
      dueAt: r.dueAt,
      grantedToday: Number(counts?.today ?? 0),
      grantedThisMonth: Number(counts?.month ?? 0),
      dailyCap: settings.dailyCap,
      monthlyCap: settings.monthlyCap,
      rewardConfigured: settings.rewardPoints > 0,
      now,
    });
    if (decision === "capped" || decision === "no_reward") {
      await db
        .update(referralRewards)
        .set({
          status: decision === "capped" ? "capped" : "cancelled",
          note: decision === "capped" ? "邀请人已达奖励上限" : "未设置邀请奖励",
        })
        .where(and(eq(referralRewards.refereeId, r.refereeId), eq(referralRewards.status, "pending")));
      if (decision === "capped") capped++;
      continue;
    }
    if (decision !== "grant") continue;
    const points = settings.rewardPoints;
    const [claimed] = await db.batch([
      db.all<{ refereeId: number }>(sql`
        UPDATE referral_rewards SET status = 'granted', granted_at = ${now}, points = ${points}, note = '已发放'
        WHERE referee_id = ${r.refereeId} AND status = 'pending'
          AND (SELECT count(*) FROM referral_rewards WHERE referrer_id = ${r.referrerId} AND status = 'granted' AND granted_at >= ${dayFrom}) < ${settings.dailyCap}
          AND (SELECT count(*) FROM referral_rewards WHERE referrer_id = ${r.referrerId} AND status = 'granted' AND granted_at >= ${monthFrom}) < ${settings.monthlyCap}
        RETURNING referee_id AS refereeId`),
      // Only when the claim above changed the row (this batch's own update is visible here).
      db.run(sql`INSERT INTO points_ledger (shopper_id, kind, source, source_ref, reason, delta, expires_at, dedupe_key, created_at)
        SELECT ${r.referrerId}, 'referral', 'referral', ${`referee:${r.refereeId}`}, '邀请好友首单完成奖励', ${points},
          ${lotExpiry(now)}, ${`referral:${r.refereeId}`}, ${now}
        WHERE EXISTS (SELECT 1 FROM referral_rewards WHERE referee_id = ${r.refereeId} AND status = 'granted' AND granted_at = ${now})
        ON CONFLICT DO NOTHING`),
    ]);
    if (claimed.length) granted++;
  }
  return { granted, capped };
}

// ---------- views ----------

const REWARD_STATUS_LABELS = {
  pending: "待发放（好友首单退货期后）",
  granting: "发放中",
  granted: "已发放",
  cancelled: "已取消",
  capped: "已达上限",
} as const;

export async function myReferrals(db: Db, shopperId: number) {
  const [code, settings, invited, rewards, myBinding] = await Promise.all([
    referralCodeOf(db, shopperId),
    getReferralSettings(db),
    db
      .select({ n: sql<number>`count(*)` })
      .from(referralBindings)
      .where(eq(referralBindings.referrerId, shopperId))
      .get(),
    db
      .select({ r: referralRewards, nickname: shoppers.nickname })
      .from(referralRewards)
      .innerJoin(shoppers, eq(shoppers.id, referralRewards.refereeId))
      .where(eq(referralRewards.referrerId, shopperId))
      .orderBy(desc(referralRewards.createdAt))
      .limit(50),
    db.select().from(referralBindings).where(eq(referralBindings.refereeId, shopperId)).get(),
  ]);
  return {
    code,
    rewardPoints: settings.rewardPoints,
    invitedCount: Number(invited?.n ?? 0),
    boundToReferrer: Boolean(myBinding),
    rewards: rewards.map(({ r, nickname }) => ({
      refereeName: nickname.length <= 1 ? `${nickname}*` : `${nickname[0]}**`,
      status: r.status,
      statusLabel: REWARD_STATUS_LABELS[r.status],
      points: r.points,
      dueAt: r.dueAt,
      grantedAt: r.grantedAt,
    })),
  };
}

/** Merchant: the latest rewards, for support questions. */
export async function listRewards(db: Db, status?: string) {
  const rows = await db
    .select()
    .from(referralRewards)
    .where(status ? inArray(referralRewards.status, [status as "pending"]) : undefined)
    .orderBy(desc(referralRewards.createdAt))
    .limit(200);
  return { items: rows.map((r) => ({ ...r, statusLabel: REWARD_STATUS_LABELS[r.status] })) };
}
