// 价保 as pure rules (no I/O): which price is compared, the window, and the amount.
//
// Compared prices (like with like, both the SKU's own selling price, never a basket's):
// - paid:    the order line's unit price at purchase (order_items.unit_price_fen, the list price then)
//            minus that line's 限时折扣 per unit (its "limited_time" allocation), i.e. the price the SKU
//            sold at. 满减, coupons, points, trade-in and freight are left out: they depend on the basket
//            and the shopper, and today's price has nothing to compare them with.
// - current: the SKU's list price now, or its best active 限时折扣 price when lower — exactly what
//            limitedTimePriceStep would charge for one unit in a quote now.
// Amount: Σ over the units not returned of (paid share − current price), capped at what those units
// still paid for their goods after every discount (so a refund never exceeds the money paid for them).
import { LIMITED_TIME_KIND } from "../../marketing/promotion-rules";
import type { OrderStatus } from "../../orders/state-machine";
import { unitShares } from "../../shared/allocate";

export const PRICE_PROTECTION_DAYS = 7;
const DAY_MS = 86_400_000;

/** Applications are accepted while now < paidAt + days (the deadline itself is too late). */
export const priceProtectionDeadline = (paidAt: number, days = PRICE_PROTECTION_DAYS) =>
  paidAt + days * DAY_MS;

export interface ProtectedLine {
  unitPriceFen: number;
  quantity: number;
  lineTotalFen: number;
  allocations: readonly { kind: string; amountFen: number }[];
}

export interface CurrentPrice {
  priceFen: number;
  /** "limited_time" when a 限时折扣 sets today's price. */
  source: "list" | "limited_time";
}

export interface PriceProtectionCase {
  line: ProtectedLine;
  orderStatus: OrderStatus;
  paidAt: number | null;
  now: number;
  days?: number;
  /** Unit numbers (0-based, as after-sales cases claim them) in refund or return cases: they get no 价保. */
  returnedUnitNos: readonly number[];
  /** null: the SKU is no longer sold. */
  current: CurrentPrice | null;
  alreadyApplied: boolean;
}

export interface PriceProtectionEvaluation {
  eligible: boolean;
  /** Why not (Chinese), null when eligible. */
  reason: string | null;
  /** The SKU price the shopper paid per unit (the largest unit share when it does not divide evenly). */
  paidUnitFen: number;
  currentUnitFen: number | null;
  /** Per unit, ≥ 0. */
  differenceFen: number;
  /** Units that would be compensated (the line's quantity minus returned units). */
  units: number;
  /** What the refund would be: the sum of `unitAmounts`. */
  amountFen: number;
  /** Per compensated unit (by its number in the line): what it gets, never more than it paid for its goods. */
  unitAmounts: { unitNo: number; amountFen: number }[];
  deadline: number | null;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The line's SKU price paid, per unit: the line total with its 限时折扣 taken off, split over the units. */
export function paidUnitShares(line: ProtectedLine): number[] {
  const limited = sum(line.allocations.filter((a) => a.kind === LIMITED_TIME_KIND).map((a) => a.amountFen));
  return unitShares(line.lineTotalFen + limited, line.quantity);
}

/** What the line's units paid for their goods after every discount (freight and fees left out). */
export function goodsPaidShares(line: ProtectedLine): number[] {
  const discounts = sum(line.allocations.filter((a) => a.amountFen < 0).map((a) => a.amountFen));
  return unitShares(Math.max(0, line.lineTotalFen + discounts), line.quantity);
}

/**
 * Unit i of a line pays its i-th share; the units in return cases are left out by their numbers. Each
 * kept unit gets (its paid share − current), at most what it paid for its goods after every discount.
 */
export function evaluatePriceProtection(c: PriceProtectionCase): PriceProtectionEvaluation {
  const returned = new Set(c.returnedUnitNos);
  const paid = paidUnitShares(c.line);
  const goods = goodsPaidShares(c.line);
  const keptNos = paid.map((_, i) => i).filter((i) => !returned.has(i));
  const kept = keptNos.length;
  const current = c.current?.priceFen ?? null;
  const difference = current === null ? 0 : Math.max(0, ...keptNos.map((i) => paid[i]! - current));
  const unitAmounts =
    current === null
      ? []
      : keptNos
          .map((i) => ({ unitNo: i, amountFen: Math.max(0, Math.min(paid[i]! - current, goods[i]!)) }))
          .filter((u) => u.amountFen > 0);
  const amount = sum(unitAmounts.map((u) => u.amountFen));
  const deadline = c.paidAt === null ? null : priceProtectionDeadline(c.paidAt, c.days);
  const result = {
    paidUnitFen: paid[0] ?? 0,
    currentUnitFen: current,
    differenceFen: difference,
    units: kept,
    amountFen: amount,
    unitAmounts,
    deadline,
  };
  const reason = refusal(c, kept, current, amount, deadline);
  return reason ? { ...result, eligible: false, reason } : { ...result, eligible: true, reason: null };
}

function refusal(
  c: PriceProtectionCase,
  kept: number,
  current: number | null,
  amount: number,
  deadline: number | null,
): string | null {
  if (c.alreadyApplied) return "该商品已申请过价保";
  if (c.orderStatus === "cancelled") return "订单已取消，不能申请价保";
  if (c.orderStatus === "pending_payment" || deadline === null) return "订单未付款，不能申请价保";
  if (c.now >= deadline) return `已超过价保期限（付款后 ${c.days ?? PRICE_PROTECTION_DAYS} 天内）`;
  if (kept === 0) return "该商品已全部申请退货，不能价保";
  if (current === null) return "该商品已下架，不能价保";
  if (amount <= 0) return "当前价格未低于您的购买价格";
  return null;
}
