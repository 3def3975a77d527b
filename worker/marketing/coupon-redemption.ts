// Spending a coupon on an order exactly once, and giving it back when the unpaid order is cancelled.
//
// Refund policy (for the README):
// - A coupon is spent in the order's own write batch (redeemStatements). If two checkouts race with
//   the same coupon, the second batch fails (isCouponAlreadyUsed) and writes nothing: no order, and
//   the placing saga releases the stock it held.
// - Cancelling an unpaid order — by the shopper, the merchant or the payment timeout — returns the
//   coupon in the cancel's own batch (couponReturnSubscriber), so exactly once. It comes back with its
//   original validity: if that has passed (or the merchant expired the template meanwhile) it shows
//   as 已过期 and cannot be used.
// - A payment that arrives after the cancel revives the order with the discount it was priced with;
//   the coupon is taken back for it if it is still unused (a coupon spent meanwhile on another order
//   stays with that order: the shopper got the discount twice, a loss bounded by one coupon).
// - After payment the coupon is not returned: after-sales refunds (full or partial) are a later issue;
//   the redemption row keeps the order and the saving to decide then.
import { and, asc, eq, gt, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { type BatchRead, batchRead, runRead } from "../db/batch-reads";
import type { Db } from "../db/client";
import type { OrderEventSubscriber } from "../orders/events";
import { snapshotOf } from "./coupon-model";
import type { CouponSnapshot } from "./coupon-rules";
import { couponTemplates, shopperCoupons } from "./schema";

/**
 * The shopper's unused, unexpired coupons with their terms, soonest expiry first (one query). Coupons
 * not yet valid are included; `evaluateCoupon` says 未到使用时间 for them. Only the shopper's own
 * coupons: another shopper's coupon id never appears here, and redeemStatements checks it again.
 */
export const usableCouponsRead = (db: Db, shopperId: number, now = Date.now()): BatchRead<CouponSnapshot[]> =>
  batchRead(
    [
      db
        .select({ c: shopperCoupons, t: couponTemplates })
        .from(shopperCoupons)
        .innerJoin(couponTemplates, eq(couponTemplates.id, shopperCoupons.templateId))
        .where(
          and(
            eq(shopperCoupons.shopperId, shopperId),
            eq(shopperCoupons.status, "available"),
            gt(shopperCoupons.validTo, now),
          ),
        )
        .orderBy(asc(shopperCoupons.validTo), asc(shopperCoupons.id)),
    ],
    ([rows]) => rows.map((r) => snapshotOf(r.c, r.t)),
  );

export const usableCoupons = (db: Db, shopperId: number, now = Date.now()): Promise<CouponSnapshot[]> =>
  runRead(db, usableCouponsRead(db, shopperId, now));

export interface Redemption {
  couponId: number;
  shopperId: number;
  /** The order's id, or an SQL expression for it when the order is inserted earlier in the same batch. */
  orderId: number | SQL;
  /** What the coupon took off the order (positive), for the usage report. */
  savingFen: number;
  now: number;
}

/**
 * Statements for the order's atomic write batch, placed AFTER the order's insert:
 * 1. the redemption row, keyed by the coupon: a second order with the same coupon fails on that key;
 *    its shopper_id is read from the coupon only if it is this shopper's, unused and valid at `now`,
 *    so any other coupon fails the batch on NOT NULL instead of being spent;
 * 2. the coupon marked used by the order.
 * Either failure rolls the whole batch back; recognise it with `isCouponAlreadyUsed`.
 */
export function redeemStatements(db: Db, r: Redemption): [BatchItem<"sqlite">, BatchItem<"sqlite">] {
  const mine = sql`FROM shopper_coupons WHERE id = ${r.couponId} AND shopper_id = ${r.shopperId}
    AND status = 'available' AND valid_from <= ${r.now} AND valid_to > ${r.now}`;
  return [
    db.run(sql`INSERT INTO coupon_redemptions (coupon_id, template_id, shopper_id, order_id, saving_fen, created_at)
      VALUES (${r.couponId}, (SELECT template_id ${mine}), (SELECT shopper_id ${mine}),
              ${r.orderId}, ${r.savingFen}, ${r.now})`),
    db
      .update(shopperCoupons)
      .set({ status: "used", usedAt: r.now, orderId: r.orderId })
      .where(eq(shopperCoupons.id, r.couponId)),
  ];
}

/**
 * Whether a failed batch failed because its coupon could not be spent: already used by another order
 * (the redemption key), or not this shopper's / not valid any more. Answer 409 and let the shopper
 * choose again; nothing of the order was written.
 */
export function isCouponAlreadyUsed(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const msg = String((e as { message?: unknown }).message ?? "");
    if (/UNIQUE constraint failed: coupon_redemptions\.coupon_id/.test(msg)) return true;
    if (/NOT NULL constraint failed: coupon_redemptions\.(template_id|shopper_id)/.test(msg)) return true;
  }
  return false;
}

/** What the order's coupon adjustment took off (positive), from the adjustments it was priced with. */
export const couponSavingOf = (adjustments: readonly { step: string; amountFen: number }[]) =>
  -adjustments.filter((a) => a.step === "coupon").reduce((s, a) => s + a.amountFen, 0);

/**
 * Cancel of an unpaid order, or of a paid one before shipping (refunded whole): its coupon goes back to the shopper (validity capped at the template's
 * "expire now"), in the cancel's own batch, so exactly once. A payment after the cancel takes it back
 * for the revived order if it is still unused.
 */
export const couponReturnSubscriber: OrderEventSubscriber = {
  name: "coupon-return",
  kinds: ["cancel", "cancel_paid", "pay_after_cancel"],
  inTransaction(db, _env, event, order) {
    // A paid order cancelled before shipping is refunded whole, so its coupon comes back too.
    if (event.kind === "cancel" || event.kind === "cancel_paid")
      return [
        db.run(sql`UPDATE shopper_coupons SET status = 'available', used_at = NULL,
            valid_to = min(valid_to, coalesce((SELECT expired_at FROM coupon_templates t
                                               WHERE t.id = shopper_coupons.template_id), valid_to))
          WHERE order_id = ${order.id} AND status = 'used'
            AND id IN (SELECT coupon_id FROM coupon_redemptions WHERE order_id = ${order.id})`),
        db.run(sql`DELETE FROM coupon_redemptions WHERE order_id = ${order.id}`),
      ];
    const savingFen = couponSavingOf(order.adjustments);
    if (savingFen <= 0) return [];
    const now = Date.now();
    return [
      db.run(sql`INSERT INTO coupon_redemptions (coupon_id, template_id, shopper_id, order_id, saving_fen, created_at)
        SELECT id, template_id, shopper_id, order_id, ${savingFen}, ${now} FROM shopper_coupons
        WHERE order_id = ${order.id} AND status = 'available'
        ON CONFLICT DO NOTHING`),
      db.run(sql`UPDATE shopper_coupons SET status = 'used', used_at = ${now}
        WHERE order_id = ${order.id} AND status = 'available'
          AND id IN (SELECT coupon_id FROM coupon_redemptions WHERE order_id = ${order.id})`),
    ];
  },
};
