// The merchant's points rules and tier table (member_settings, one row), with defaults until saved.
import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { type BatchRead, batchRead, runRead } from "../db/batch-reads";
import type { Db } from "../db/client";
import { badRequest } from "../shared/errors";
import { type MemberSettings, memberSettings } from "./schema";
import { tierTableProblems } from "./tiers-rules";

export const DEFAULT_MEMBER_SETTINGS: MemberSettings = {
  points: {
    earnPointsPerYuan: 1,
    redeemPointsPerYuan: 100,
    maxRedeemPercent: 20,
    minBalanceToRedeem: 100,
    returnWindowDays: 7,
  },
  tiers: [
    tier(1, "普通会员", 0, 0, false, 100, 0),
    tier(2, "银卡会员", 2_000, 0, false, 120, 5),
    tier(3, "金卡会员", 10_000, 2, true, 150, 15),
    tier(4, "钻石会员", 30_000, 5, true, 200, 30),
  ],
};

function tier(
  level: number,
  name: string,
  minGrowth: number,
  discountPercent: number,
  freeShipping: boolean,
  pointsMultiplierPercent: number,
  queueBoostMinutes: number,
) {
  return {
    level,
    name,
    minGrowth,
    discountPercent,
    freeShipping,
    pointsMultiplierPercent,
    birthdayCouponTemplateId: null,
    queueBoostMinutes,
  };
}

const int = (min: number, max: number, what: string) =>
  z
    .number({ error: `${what}须为整数` })
    .int(`${what}须为整数`)
    .min(min, `${what}不能小于 ${min}`)
    .max(max, `${what}不能大于 ${max}`);

export const tierRuleInput = z.object({
  level: int(1, 20, "等级编号"),
  name: z.string().trim().min(1, "请填写等级名称").max(20, "等级名称最多 20 字"),
  minGrowth: int(0, 100_000_000, "成长值门槛"),
  discountPercent: int(0, 30, "会员折扣"),
  freeShipping: z.boolean(),
  pointsMultiplierPercent: int(100, 500, "积分倍率"),
  birthdayCouponTemplateId: z.number().int().positive().nullable(),
  queueBoostMinutes: int(0, 120, "客服优先分钟数"),
});

export const memberSettingsInput = z.object({
  points: z.object({
    earnPointsPerYuan: int(0, 100, "每元积分"),
    redeemPointsPerYuan: int(1, 10_000, "抵扣比例"),
    maxRedeemPercent: int(0, 100, "积分抵扣上限"),
    minBalanceToRedeem: int(0, 1_000_000, "起用积分"),
    returnWindowDays: int(0, 60, "冻结天数"),
  }),
  tiers: z.array(tierRuleInput).min(1, "至少需要一个等级").max(10, "最多 10 个等级"),
});

export const memberSettingsRead = (db: Db): BatchRead<MemberSettings> =>
  batchRead(
    [db.select().from(memberSettings).where(eq(memberSettings.id, 1))],
    ([[row]]) => row?.settings ?? DEFAULT_MEMBER_SETTINGS,
  );

export const getMemberSettings = (db: Db): Promise<MemberSettings> => runRead(db, memberSettingsRead(db));

export async function saveMemberSettings(
  db: Db,
  staffId: number,
  input: z.infer<typeof memberSettingsInput>,
) {
  const problems = tierTableProblems(input.tiers);
  if (problems.length) throw badRequest(problems[0]!, problems, "INVALID_TIERS");
  const now = Date.now();
  await db
    .insert(memberSettings)
    .values({ id: 1, settings: input, updatedAt: now, updatedBy: staffId })
    .onConflictDoUpdate({
      target: memberSettings.id,
      set: { settings: input, updatedAt: now, updatedBy: staffId },
    });
  return input;
}
