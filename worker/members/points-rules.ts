// Points (积分), pure rules: lots and their expiry, FIFO consumption, the checkout redemption offer and
// what an order earns. No I/O: the ledger rows come in, amounts come out.
//
// The ledger has two columns per row: `delta` moves the available balance, `frozenDelta` the frozen
// one (points earned on an order wait out the return window). Both balances are the column sums.
// A row with delta > 0 is a lot (it carries expiresAt); every row with delta < 0 consumes the oldest
// lots first (earliest expiry, then oldest row). A balance below zero is a debt: later lots repay it
// before anything becomes spendable.

export const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** End of the year after the one `at` falls in, Beijing time (the instant the points stop counting). */
export function lotExpiry(at: number): number {
  const year = new Date(at + BEIJING_OFFSET_MS).getUTCFullYear();
  return Date.UTC(year + 2, 0, 1) - BEIJING_OFFSET_MS;
}

export type LedgerKind =
  | "earn"
  | "unfreeze"
  | "spend"
  | "spend_return"
  | "clawback"
  | "expire"
  | "adjust"
  | "referral";
export type LedgerSource = "order" | "refund" | "referral" | "adjustment" | "expiry";

export interface LedgerEntry {
  id: number;
  kind: LedgerKind;
  delta: number;
  frozenDelta: number;
  expiresAt: number | null;
}

export interface Lot {
  /** The ledger row that created it. */
  id: number;
  amount: number;
  remaining: number;
  expiresAt: number;
}

export interface LotState {
  lots: Lot[];
  /** Points owed (a clawback of points already spent): repaid by the next lots. */
  debt: number;
  available: number;
  frozen: number;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Replays the ledger in row order: lots in, deductions out of the oldest lots. */
export function deriveLots(entries: readonly LedgerEntry[]): LotState {
  const lots: Lot[] = [];
  let debt = 0;
  for (const e of [...entries].sort((a, b) => a.id - b.id)) {
    if (e.delta > 0) {
      const repay = Math.min(debt, e.delta);
      debt -= repay;
      lots.push({
        id: e.id,
        amount: e.delta,
        remaining: e.delta - repay,
        expiresAt: e.expiresAt ?? Infinity,
      });
      lots.sort((a, b) => a.expiresAt - b.expiresAt || a.id - b.id);
    } else if (e.delta < 0) {
      let left = -e.delta;
      for (const lot of lots) {
        if (left === 0) break;
        const take = Math.min(lot.remaining, left);
        lot.remaining -= take;
        left -= take;
      }
      debt += left;
    }
  }
  return {
    lots,
    debt,
    available: sum(entries.map((e) => e.delta)),
    frozen: sum(entries.map((e) => e.frozenDelta)),
  };
}

/** Lots past their expiry with points left: each becomes one "expire" row of -remaining. */
export const expiredLots = (state: LotState, now: number) =>
  state.lots.filter((l) => l.expiresAt <= now && l.remaining > 0);

/** Lots not yet expired, soonest first, with what is left of them ("即将过期"). */
export const liveLots = (state: LotState, now: number) =>
  state.lots.filter((l) => l.expiresAt > now && l.remaining > 0);

export interface PointsRules {
  /** Points earned per ¥1 actually paid for goods (before the tier multiplier). */
  earnPointsPerYuan: number;
  /** N points = ¥1 at checkout. */
  redeemPointsPerYuan: number;
  /** Points pay at most this share (%) of the goods after other discounts. */
  maxRedeemPercent: number;
  /** Points can be used only from this balance up. */
  minBalanceToRedeem: number;
  /** Earned points stay frozen this many days after completion (the return window). */
  returnWindowDays: number;
}

/** What an order earns: floor(paid yuan × rate × tier multiplier %), never negative. */
export const earnedPoints = (goodsPaidFen: number, rules: PointsRules, multiplierPercent: number) =>
  Math.max(0, Math.floor((Math.max(0, goodsPaidFen) * rules.earnPointsPerYuan * multiplierPercent) / 10_000));

export type RedemptionOffer =
  | { usable: true; maxPoints: number; maxDiscountFen: number }
  | { usable: false; maxPoints: 0; maxDiscountFen: 0; reason: string };

/**
 * How many points this order can take and for how much: the cap is the lower of the balance and
 * maxRedeemPercent of the goods; the points for a discount are rounded up, so a discount of D fen
 * never costs fewer points than it is worth and never more than the balance.
 */
export function redemptionOffer(balance: number, goodsNetFen: number, rules: PointsRules): RedemptionOffer {
  const no = (reason: string): RedemptionOffer => ({
    usable: false,
    maxPoints: 0,
    maxDiscountFen: 0,
    reason,
  });
  if (balance < 0) return no("积分欠扣未补足（退款收回了已使用的积分），暂不能使用积分");
  if (balance < rules.minBalanceToRedeem) return no(`积分满 ${rules.minBalanceToRedeem} 才可使用`);
  const byBalance = Math.floor((balance * 100) / rules.redeemPointsPerYuan);
  const byShare = Math.floor((Math.max(0, goodsNetFen) * rules.maxRedeemPercent) / 100);
  const maxDiscountFen = Math.min(byBalance, byShare);
  if (maxDiscountFen <= 0) return no("本单暂不能使用积分");
  return { usable: true, maxPoints: pointsFor(maxDiscountFen, rules), maxDiscountFen };
}

/** The points a discount of `discountFen` costs (rounded up). */
export const pointsFor = (discountFen: number, rules: Pick<PointsRules, "redeemPointsPerYuan">) =>
  Math.ceil((discountFen * rules.redeemPointsPerYuan) / 100);

/**
 * Points given back for a refund, cumulatively: after refunds totalling `refundedFen` of `baseFen`,
 * min(total, total × refunded / base) have been returned; this refund returns the difference.
 */
export function proportionalShare(
  total: number,
  baseFen: number,
  refundedBeforeFen: number,
  refundFen: number,
) {
  if (total <= 0 || baseFen <= 0) return 0;
  const target = (refunded: number) => Math.min(total, Math.floor((total * refunded) / baseFen));
  return target(refundedBeforeFen + refundFen) - target(refundedBeforeFen);
}
