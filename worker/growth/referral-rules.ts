// 老带新, pure rules: who may be bound to whom, when a reward falls due, and the caps. No I/O: the
// service reads the facts, these decide, and the conditional statements repeat the decisive checks so
// that racing requests cannot slip past them.

/** Codes: 8 characters without look-alikes (0/O, 1/I/L), so they survive being read out or typed. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 8;
export const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

export function newReferralCode(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
) {
  return [...random(CODE_LENGTH)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
}

/** Accepts what a shopper may paste (spaces, lower case); null when it cannot be a code. */
export function normaliseCode(raw: string): string | null {
  const code = raw.replace(/\s+/g, "").toUpperCase();
  return CODE_PATTERN.test(code) ? code : null;
}

/** The return window after completion before a referral reward is granted (七天无理由). */
export const RETURN_WINDOW_MS = 7 * 24 * 3600_000;

export const DEFAULT_REFERRAL_SETTINGS = { dailyCap: 5, monthlyCap: 30, bindingWindowHours: 72 } as const;

export interface BindingFacts {
  refereeId: number;
  refereeCreatedAt: number;
  /** Orders the referee has placed (any status): a shopper who has ordered is not new. */
  refereeOrders: number;
  /** The referee is already bound to someone. */
  alreadyBound: boolean;
  referrerId: number;
  /** The referrer's chain upwards: their referrer, that one's referrer… (nearest first). */
  referrerAncestors: readonly number[];
  bindingWindowHours: number;
  now: number;
}

export type BindingDecision =
  | { ok: true }
  | {
      ok: false;
      code: "SELF_REFERRAL" | "ALREADY_BOUND" | "NOT_NEW_SHOPPER" | "BINDING_WINDOW_PASSED" | "REFERRAL_LOOP";
      message: string;
    };

export function decideBinding(f: BindingFacts): BindingDecision {
  if (f.refereeId === f.referrerId)
    return { ok: false, code: "SELF_REFERRAL", message: "不能使用自己的邀请码" };
  if (f.alreadyBound) return { ok: false, code: "ALREADY_BOUND", message: "您已绑定过邀请人，不能重复绑定" };
  if (f.refereeOrders > 0) return { ok: false, code: "NOT_NEW_SHOPPER", message: "邀请仅限未下过单的新用户" };
  if (f.now - f.refereeCreatedAt > f.bindingWindowHours * 3600_000)
    return {
      ok: false,
      code: "BINDING_WINDOW_PASSED",
      message: `邀请需在注册后 ${f.bindingWindowHours} 小时内绑定，已超过时限`,
    };
  // A ↔ B (or A → B → C → A): the referee is somewhere above the referrer.
  if (f.referrerAncestors.includes(f.refereeId))
    return { ok: false, code: "REFERRAL_LOOP", message: "不能绑定由您邀请的用户为邀请人" };
  return { ok: true };
}

/** Beijing time (UTC+8, no DST): caps count per Beijing day and calendar month. */
const BEIJING_MS = 8 * 3600_000;

export function beijingDayRange(now: number): [number, number] {
  const day = Math.floor((now + BEIJING_MS) / 86_400_000);
  return [day * 86_400_000 - BEIJING_MS, (day + 1) * 86_400_000 - BEIJING_MS];
}

export function beijingMonthRange(now: number): [number, number] {
  const d = new Date(now + BEIJING_MS);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - BEIJING_MS;
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - BEIJING_MS;
  return [start, end];
}

export interface RewardFacts {
  status: "pending" | "granting" | "granted" | "cancelled" | "capped";
  dueAt: number;
  /** Rewards already granted (or being granted) to this referrer today / this month (Beijing). */
  grantedToday: number;
  grantedThisMonth: number;
  dailyCap: number;
  monthlyCap: number;
  rewardConfigured: boolean;
  now: number;
}

export type RewardDecision = "wait" | "grant" | "capped" | "no_reward" | "done";

/** What the sweep does with a reward row now. */
export function decideReward(f: RewardFacts): RewardDecision {
  if (f.status === "granted" || f.status === "cancelled" || f.status === "capped") return "done";
  if (f.status === "granting") return "grant"; // a grant that died half-way: finish it (idempotent)
  if (f.dueAt > f.now) return "wait";
  if (!f.rewardConfigured) return "no_reward";
  if (f.grantedToday >= f.dailyCap || f.grantedThisMonth >= f.monthlyCap) return "capped";
  return "grant";
}
