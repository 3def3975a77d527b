// What a case refunds, from what the shopper actually paid. Pure: no I/O.
//
// Each order line stores its share of every adjustment (`order_items.allocations`). A line's discount
// and each charge are split over its units by the same largest-remainder allocator (`unitShares`), and a
// case holds numbered units (0-based) of the line, so the units of one line refunded over several cases
// sum exactly to the line's goods net, to the fen.
//
// Policies (README "售后 / After-sales cases"):
// - Goods: unit price minus the unit's share of the line's discounts (限时折扣, 满减, coupon…).
// - Freight (allocation kind "shipping"): refunded only when the merchant is at fault (quality,
//   damaged_on_arrival, wrong_item, not_as_described: the units' freight shares), or when this refund
//   completes the return of the whole order (then whatever freight has not been refunded yet).
// - Other charges (installation, carrying…): refunded when the service was never performed (仅退款 of
//   goods that did not arrive) or the merchant is at fault; an installation done for a no-reason return
//   is not refunded.
// - Coupons: the money refunded is already net of the coupon. The coupon itself goes back only when
//   the whole order ends up refunded and the coupon is still valid (couponComesBack).
import { unitShares } from "../../shared/allocate";

export interface LineMoney {
  unitPriceFen: number;
  quantity: number;
  allocations: readonly { kind: string; amountFen: number }[];
}

export interface UnitMoney {
  /** Price minus this unit's discount share (≥ 0). */
  goodsFen: number;
  freightFen: number;
  /** Installation and other charges. */
  chargesFen: number;
}

const isFreight = (a: { kind: string }) => a.kind === "shipping";

/** Every unit of a line with its money. */
export function unitMoney(line: LineMoney): UnitMoney[] {
  const sum = (pred: (a: { kind: string; amountFen: number }) => boolean) =>
    line.allocations.filter(pred).reduce((s, a) => s + a.amountFen, 0);
  const discounts = unitShares(
    sum((a) => !isFreight(a) && a.amountFen < 0),
    line.quantity,
  );
  const freight = unitShares(sum(isFreight), line.quantity);
  const charges = unitShares(
    sum((a) => !isFreight(a) && a.amountFen > 0),
    line.quantity,
  );
  return discounts.map((d, i) => ({
    goodsFen: line.unitPriceFen + d,
    freightFen: freight[i]!,
    chargesFen: charges[i]!,
  }));
}

/** The goods amount of the given units of a line. */
export function unitsGoodsFen(line: LineMoney, unitNos: readonly number[]): number {
  const units = unitMoney(line);
  return unitNos.reduce((s, n) => s + units[n]!.goodsFen, 0);
}

export interface RefundInput {
  lines: { line: LineMoney; unitNos: readonly number[] }[];
  merchantAtFault: boolean;
  /** The service the charges paid for never happened (仅退款 before delivery). */
  serviceNotPerformed: boolean;
  /** With this refund every unit of the order is refunded. */
  completesWholeOrder: boolean;
  /** The order's freight (sum of its lines' "shipping" allocations). */
  orderFreightFen: number;
  /** Freight already refunded (or being refunded) by the order's other cases. */
  freightRefundedFen: number;
}

export interface RefundAmount {
  goodsFen: number;
  freightFen: number;
  chargesFen: number;
  totalFen: number;
}

export function caseRefund(input: RefundInput): RefundAmount {
  let goodsFen = 0;
  let unitFreight = 0;
  let chargesFen = 0;
  const refundCharges = input.serviceNotPerformed || input.merchantAtFault;
  for (const { line, unitNos } of input.lines) {
    const units = unitMoney(line);
    for (const n of unitNos) {
      const u = units[n];
      if (!u) throw new RangeError(`unit ${n} of a line of ${line.quantity}`);
      goodsFen += u.goodsFen;
      unitFreight += u.freightFen;
      if (refundCharges) chargesFen += u.chargesFen;
    }
  }
  const freightFen = input.completesWholeOrder
    ? Math.max(0, input.orderFreightFen - input.freightRefundedFen)
    : input.merchantAtFault
      ? unitFreight
      : 0;
  return { goodsFen, freightFen, chargesFen, totalFen: goodsFen + freightFen + chargesFen };
}

/**
 * Never more than the order's payment can still give back: other refunds of the order (a 价保 price
 * difference for the same unit, say) come off the goods part first.
 */
export function capAt(amount: RefundAmount, left: number | null): RefundAmount {
  if (left === null || amount.totalFen <= left) return amount;
  const over = amount.totalFen - Math.max(0, left);
  const goodsFen = Math.max(0, amount.goodsFen - over);
  const rest = over - (amount.goodsFen - goodsFen);
  const freightFen = Math.max(0, amount.freightFen - rest);
  const chargesFen = Math.max(0, amount.chargesFen - (rest - (amount.freightFen - freightFen)));
  return { goodsFen, freightFen, chargesFen, totalFen: goodsFen + freightFen + chargesFen };
}

/**
 * The lowest `qty` unit numbers of a line of `quantity` not in `taken`, or undefined when there are
 * not that many free.
 */
export function pickUnits(quantity: number, taken: ReadonlySet<number>, qty: number): number[] | undefined {
  const free: number[] = [];
  for (let n = 0; n < quantity && free.length < qty; n++) if (!taken.has(n)) free.push(n);
  return free.length === qty ? free : undefined;
}

/** Coupon policy: back to the shopper only when the whole order is refunded and the coupon is still valid. */
export function couponComesBack(wholeOrderRefunded: boolean, couponValidTo: number, now: number): boolean {
  return wholeOrderRefunded && couponValidTo > now;
}
