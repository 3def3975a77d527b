// What the checkout needs of a member, in one place: the tier (rolling 12 months), the points balance
// and the rules.
import { type BatchRead, combineReads, mapRead, runRead } from "../db/batch-reads";
import type { Db } from "../db/client";
import { balanceRead } from "./points-ledger";
import type { MemberSettings } from "./schema";
import { memberTierRead } from "./service";
import type { TierRule } from "./tiers-rules";

export interface MemberPricing {
  tier: TierRule;
  balance: number;
  settings: MemberSettings;
}

/** The tier and the balance in one read that can share a batch (the settings, the spends, the ledger sum). */
export const memberPricingRead = (db: Db, shopperId: number, now = Date.now()): BatchRead<MemberPricing> =>
  mapRead(
    combineReads({ member: memberTierRead(db, shopperId, now), balance: balanceRead(db, shopperId) }),
    ({ member, balance }) => ({ tier: member.tier, balance: balance.available, settings: member.settings }),
  );

export const memberPricing = (db: Db, shopperId: number, now = Date.now()): Promise<MemberPricing> =>
  runRead(db, memberPricingRead(db, shopperId, now));
