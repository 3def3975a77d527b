// A case's refund outcome, reacting to the order's refund_succeeded / refund_failed note (written once
// per refund by payments): the case moves to refunded in the note's own batch, so exactly once however
// often the gateway notifies. (The shopper's notice about the refund comes from the order's refund notices.) With the last units of the order refunded, the coupon comes back if it
// is still valid (amounts.ts couponComesBack; the same rule as SQL here).
import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../../db/client";
import type { OrderEventSubscriber } from "../../orders/events";
import type { OrderRow } from "../../orders/transition";
import { fenToYuan } from "../../shared/money";

function succeeded(
  db: Db,
  caseNo: string,
  amountFen: number,
  order: OrderRow,
  now: number,
): BatchItem<"sqlite">[] {
  const reason = `退款成功 ¥${fenToYuan(amountFen)}`;
  return [
    // The event first: it reads the version the update then bumps.
    db.run(sql`INSERT INTO after_sale_case_events
        (case_id, seq, kind, from_status, to_status, actor_kind, actor_id, reason, data, created_at)
      SELECT id, version + 1, 'refund_succeeded', 'refunding', 'refunded', 'gateway', NULL, ${reason},
        ${JSON.stringify({ amountFen })}, ${now}
      FROM after_sale_cases WHERE case_no = ${caseNo} AND status = 'refunding'`),
    db.run(sql`UPDATE after_sale_cases SET status = 'refunded', version = version + 1, updated_at = ${now},
        deadline_at = NULL
      WHERE case_no = ${caseNo} AND status = 'refunding'`),
    // Coupon policy: back only when every unit of the order is in a refunded case, and only while valid.
    db.run(sql`UPDATE shopper_coupons SET status = 'available', used_at = NULL
      WHERE order_id = ${order.id} AND status = 'used' AND valid_to > ${now}
        AND coalesce((SELECT expired_at FROM coupon_templates t WHERE t.id = shopper_coupons.template_id), ${now + 1}) > ${now}
        AND id IN (SELECT coupon_id FROM coupon_redemptions WHERE order_id = ${order.id})
        AND (SELECT sum(quantity) FROM order_items WHERE order_id = ${order.id}) <=
            (SELECT count(*) FROM after_sale_unit_claims u JOIN after_sale_cases c ON c.id = u.case_id
             WHERE c.order_id = ${order.id} AND c.status = 'refunded' AND c.type IN ('refund_only', 'return_refund'))`),
    db.run(sql`DELETE FROM coupon_redemptions WHERE order_id = ${order.id}
        AND coupon_id IN (SELECT id FROM shopper_coupons WHERE order_id = ${order.id} AND status = 'available')`),
  ];
}

function failed(db: Db, caseNo: string, now: number): BatchItem<"sqlite">[] {
  return [
    db.run(sql`INSERT INTO after_sale_case_events
        (case_id, seq, kind, from_status, to_status, actor_kind, actor_id, reason, data, created_at)
      SELECT id, NULL, 'refund_failed', NULL, NULL, 'gateway', NULL, '退款失败，客服将尽快为您处理', NULL, ${now}
      FROM after_sale_cases WHERE case_no = ${caseNo} AND status = 'refunding'`),
  ];
}

export const caseRefundSubscriber: OrderEventSubscriber = {
  name: "after-sale-case-refunds",
  kinds: ["refund_succeeded", "refund_failed"],
  inTransaction(db, _env, event, order) {
    if (event.data?.source !== "after_sale" || typeof event.data.sourceRef !== "string") return [];
    const now = Date.now();
    return event.kind === "refund_succeeded"
      ? succeeded(db, event.data.sourceRef, Number(event.data.amountFen ?? 0), order, now)
      : failed(db, event.data.sourceRef, now);
  },
};

/** Statuses of a case still waiting for the merchant or the shopper (nothing refunded or shipped yet). */
const OPEN = sql`('applied', 'approved')`;

/**
 * A paid order cancelled before shipping is refunded whole by the order side: its open applications
 * close in the cancel's own batch (an event each, units released), so none is approved or refunded later.
 */
export const caseOrderCancelSubscriber: OrderEventSubscriber = {
  name: "after-sale-cases-on-cancel",
  kinds: ["cancel_paid"],
  inTransaction(db, _env, _event, order) {
    const now = Date.now();
    const mine = sql`order_id = ${order.id} AND status IN ${OPEN}`;
    return [
      db.run(sql`INSERT INTO after_sale_case_events
          (case_id, seq, kind, from_status, to_status, actor_kind, actor_id, reason, data, created_at)
        SELECT id, version + 1, 'order_cancelled', status, 'closed', 'system', NULL,
          '订单已取消并全额退款，售后关闭', NULL, ${now}
        FROM after_sale_cases WHERE ${mine}`),
      db.run(
        sql`DELETE FROM after_sale_unit_claims WHERE case_id IN (SELECT id FROM after_sale_cases WHERE ${mine})`,
      ),
      db.run(sql`UPDATE after_sale_cases SET status = 'closed', version = version + 1, deadline_at = NULL,
          updated_at = ${now} WHERE ${mine}`),
    ];
  },
};
