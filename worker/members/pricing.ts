// What the checkout needs of a member, in one place: the tier (rolling 12 months), the points balance
// and the rules.
import type { Db } from "../db/client";
import { balanceOf } from "./points-ledger";
import type { MemberSettings } from "./schema";
import { memberTier } from "./service";
import type { TierRule } from "./tiers-rules";

export interface MemberPricing {
  tier: TierRule;
  balance: number;
  settings: MemberSettings;
}

export async function memberPricing(db: Db, shopperId: number, now = Date.now()): Promise<MemberPricing> {
  const [{ settings, tier }, { available }] = await Promise.all([
    memberTier(db, shopperId, now),
    balanceOf(db, shopperId),
  ]);
  return { tier, balance: available, settings };
}
