// What a shopper may apply for, per order line, decided by the server. Pure: no I/O.
//
// - 仅退款 refund_only: a paid order that has not shipped (refunded at approval), or a shipped order
//   not yet received (the merchant decides whether to intercept and refund).
// - 退货退款 return_refund: within 7 days of delivery; the no-reason return (七天无理由) only where
//   the category allows it and the shopper declares the goods unused; quality reasons always.
// - 换货 exchange: within 15 days of delivery, for a fault of the merchant (quality, damaged, wrong item,
//   not as described).
// - 维修 repair: while the warranty (after-sales/warranty.ts) is active.
// Delivery is the carrier's sign-off (orders.deliveredAt) or else the shopper's receipt (completedAt).
import type { OrderStatus } from "../../orders/state-machine";
import { type CaseType, isMerchantFault, REASON_LABELS, type ReasonCode } from "./state-machine";

export const DAY_MS = 86_400_000;
export const RETURN_DAYS = 7;
export const EXCHANGE_DAYS = 15;

export interface OrderFacts {
  status: OrderStatus;
  deliveredAt: number | null;
  completedAt: number | null;
}

export interface LineFacts {
  /** Units of the line not in another open or finished case. */
  available: number;
  /** The category allows 七天无理由. */
  noReasonReturn: boolean;
  /** The warranty's end (exclusive) when known and delivered; null when there is no warranty data. */
  warrantyEndsAt: number | null;
}

export interface TypeEligibility {
  type: CaseType;
  allowed: boolean;
  /** Why not (or a restriction that still applies), in Chinese. */
  reason?: string;
  /** Until when it may be applied for (UTC ms). */
  deadline?: number;
}

export const deliveryDate = (o: Pick<OrderFacts, "deliveredAt" | "completedAt">) =>
  o.deliveredAt ?? o.completedAt;

const no = (type: CaseType, reason: string): TypeEligibility => ({ type, allowed: false, reason });

function refundOnly(o: OrderFacts): TypeEligibility {
  if (o.status === "paid") return { type: "refund_only", allowed: true };
  if (o.status === "shipped" && deliveryDate(o) === null)
    return { type: "refund_only", allowed: true, reason: "商品已发出，是否拦截退款由商家审核" };
  if (o.status === "pending_payment") return no("refund_only", "订单尚未支付");
  if (o.status === "cancelled") return no("refund_only", "订单已取消");
  return no("refund_only", "商品已签收，请申请退货退款");
}

function withinDays(type: CaseType, o: OrderFacts, days: number, now: number, restriction?: string) {
  const at = deliveryDate(o);
  if (at === null || o.status === "paid" || o.status === "pending_payment" || o.status === "cancelled")
    return no(type, "商品签收后才能申请");
  const deadline = at + days * DAY_MS;
  if (now >= deadline) return { ...no(type, `已超过签收后 ${days} 天的申请期限`), deadline };
  return { type, allowed: true, deadline, ...(restriction ? { reason: restriction } : {}) };
}

function repair(o: OrderFacts, line: LineFacts, now: number): TypeEligibility {
  if (deliveryDate(o) === null) return no("repair", "商品签收后才能申请维修");
  if (line.warrantyEndsAt === null || now >= line.warrantyEndsAt)
    return {
      ...no("repair", "已超出保修期，可联系客服付费维修"),
      ...(line.warrantyEndsAt ? { deadline: line.warrantyEndsAt } : {}),
    };
  return { type: "repair", allowed: true, deadline: line.warrantyEndsAt };
}

/** Every case type for one line, in the order the apps list them. */
export function lineEligibility(o: OrderFacts, line: LineFacts, now: number): TypeEligibility[] {
  const all = [
    refundOnly(o),
    withinDays(
      "return_refund",
      o,
      RETURN_DAYS,
      now,
      line.noReasonReturn ? undefined : "该品类不支持七天无理由退货，仅质量问题可退",
    ),
    withinDays("exchange", o, EXCHANGE_DAYS, now, "仅限质量问题、收货破损、发错货或与描述不符"),
    repair(o, line, now),
  ];
  if (line.available > 0) return all;
  return all.map((e) => ({ ...e, allowed: false, reason: "该商品已全部申请售后" }));
}

/** Which reasons go with which type. */
const REASONS_FOR: Record<CaseType, readonly ReasonCode[]> = {
  refund_only: ["not_received", "no_reason", "quality", "wrong_item", "not_as_described", "other"],
  return_refund: ["no_reason", "quality", "damaged_on_arrival", "wrong_item", "not_as_described", "other"],
  exchange: ["quality", "damaged_on_arrival", "wrong_item", "not_as_described"],
  repair: ["quality", "other"],
};

export type ApplicationCheck = { ok: true } | { ok: false; message: string };

/**
 * Whether an application of `type` for `reason` may be made on a line whose eligibility is `e`.
 * A no-reason return needs the category's permission and the shopper's "unused" declaration; a return
 * for "other" reasons is treated as a no-reason return.
 */
export function checkApplication(
  e: TypeEligibility,
  line: LineFacts,
  reason: ReasonCode,
  unused: boolean,
): ApplicationCheck {
  if (!e.allowed) return { ok: false, message: e.reason ?? "该商品不能申请此类售后" };
  if (!REASONS_FOR[e.type].includes(reason))
    return { ok: false, message: `「${REASON_LABELS[reason]}」不能作为此类售后的原因` };
  if (e.type === "return_refund" && !isMerchantFault(reason)) {
    if (!line.noReasonReturn) return { ok: false, message: "该品类不支持七天无理由退货，仅质量问题可退" };
    if (!unused) return { ok: false, message: "七天无理由退货要求商品未使用，请确认商品完好未使用" };
  }
  return { ok: true };
}
