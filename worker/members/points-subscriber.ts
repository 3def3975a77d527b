// Points reacting to order events (registered in worker/subscribers.ts):
// - in the change's own batch (exactly once): cancel / cancel_paid return the spent points, a payment
//   reviving a cancelled order spends them again, a goods refund's refund_succeeded note returns spent
//   points and takes back earned ones in proportion (points-ledger.ts);
// - after the commit (at least once, deduplicated per order): a completed order earns frozen points
//   at the shopper's tier multiplier.
import type { OrderEventSubscriber } from "../orders/events";
import {
  clawbackOnRefund,
  earnOnCompletion,
  GOODS_REFUND_SOURCES,
  respendOnRevive,
  returnSpendOnCancel,
  returnSpendOnRefund,
} from "./points-ledger";
import { memberTier } from "./service";

const isGoodsRefund = (source: unknown) => (GOODS_REFUND_SOURCES as readonly unknown[]).includes(source);

export const pointsLedgerSubscriber: OrderEventSubscriber = {
  name: "points-ledger",
  kinds: ["cancel", "cancel_paid", "pay_after_cancel", "refund_succeeded"],
  inTransaction(db, _env, event, order) {
    const now = Date.now();
    if (event.kind === "cancel" || event.kind === "cancel_paid") return [returnSpendOnCancel(db, order, now)];
    if (event.kind === "pay_after_cancel") return [respendOnRevive(db, order, now)];
    const d = event.data;
    if (!d || !isGoodsRefund(d.source) || typeof d.outRefundNo !== "string") return [];
    const note = { outRefundNo: d.outRefundNo, amountFen: Math.max(0, Number(d.amountFen ?? 0)) };
    return [returnSpendOnRefund(db, order, note, now), clawbackOnRefund(db, order, note, now)];
  },
};

export const pointsEarnSubscriber: OrderEventSubscriber = {
  name: "points-earn",
  kinds: ["confirm_receipt", "auto_complete"],
  async afterCommit(deps, _event, order) {
    if (order.status !== "completed") return;
    const { settings, tier } = await memberTier(deps.db, order.shopperId);
    await earnOnCompletion(deps.db, order, {
      pointsPerYuan: settings.points.earnPointsPerYuan,
      multiplierPercent: tier.pointsMultiplierPercent,
      windowDays: settings.points.returnWindowDays,
      tierName: tier.name,
    });
  },
};
