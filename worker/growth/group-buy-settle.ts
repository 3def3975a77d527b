// 拼团 and the order lifecycle: a payment confirms the member's slot (and may fill the group), a cancel
// frees it, and a group that expires unfilled has every member's order cancelled by the system — a
// paid one through cancel_paid, whose subscribers refund it in full and put its stock back.
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { OrderDeps } from "../orders/deps";
import type { OrderEventSubscriber } from "../orders/events";
import { cancelOrder } from "../orders/lifecycle";
import { loadOrder, SYSTEM } from "../orders/transition";
import { AppError } from "../shared/errors";
import { groupBuyObject } from "./group-buy-client";
import { groupBuyMembers, groupBuys } from "./schema";

export const EXPIRED_REASON = "拼团未成团，订单已自动取消并全额退款";
const FULL_REASON = "拼团名额已满或已结束，订单已自动取消并全额退款";

/** The order's group-buy membership (none for an ordinary order), preloaded with the outbox's claim. */
const membership = (db: Db, orderId: number | SQL) =>
  db
    .select({ m: groupBuyMembers, groupNo: groupBuys.groupNo, groupStatus: groupBuys.status })
    .from(groupBuyMembers)
    .innerJoin(groupBuys, eq(groupBuys.id, groupBuyMembers.groupId))
    .where(eq(groupBuyMembers.orderId, orderId))
    .limit(1);

/** Cancels an order for the system, whatever state between unpaid and paid it is in now. Idempotent. */
async function cancelForGroup(deps: OrderDeps, orderId: number, reason: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const o = await loadOrder(deps.db, orderId);
    if (!o || (o.status !== "pending_payment" && o.status !== "paid")) return;
    try {
      await cancelOrder(deps, o, SYSTEM, reason);
      return;
    } catch (err) {
      // Paid at the gateway meanwhile: the next round cancels the paid order (refunded).
      if (!(err instanceof AppError && err.code === "ORDER_ALREADY_PAID")) throw err;
    }
  }
}

/**
 * After the commit of a member order's payment or cancellation. Idempotent: the group object answers
 * a repeated confirm or release the same way, and the rows (committed with the receipt) are updated
 * with conditions.
 */
export const groupBuySubscriber: OrderEventSubscriber<Awaited<ReturnType<typeof membership>>> = {
  name: "group-buy",
  kinds: ["pay", "pay_after_cancel", "cancel", "cancel_paid"],
  preload: membership,
  // A member's payment may cancel the order (the group filled meanwhile): the stock must be sold first.
  seesEarlierEffects: (event, preloaded) =>
    (event.kind === "pay" || event.kind === "pay_after_cancel") && !!preloaded?.length,
  async afterCommit(deps, event, order, preloaded) {
    const [member] = preloaded ?? (await membership(deps.db, order.id));
    if (!member) return;
    const { db, env } = deps;
    const group = groupBuyObject(env, member.groupNo);
    const now = Date.now();
    if (event.kind === "pay" || event.kind === "pay_after_cancel") {
      if (order.status !== "paid") return;
      const r = await group.confirm(order.orderNo);
      if (!r.ok) {
        // Too late for this group (expired, filled by others meanwhile): the money goes back.
        await cancelForGroup(deps, order.id, r.code === "EXPIRED" ? EXPIRED_REASON : FULL_REASON);
        return;
      }
      return [
        db
          .update(groupBuyMembers)
          .set({ status: "paid", paidAt: order.paidAt ?? now })
          .where(eq(groupBuyMembers.orderId, order.id)),
        db
          .update(groupBuys)
          .set({
            paidCount: sql`max(${groupBuys.paidCount}, ${r.paid})`,
            status: r.filled
              ? "filled"
              : sql`CASE WHEN ${groupBuys.status} = 'pending' THEN 'open' ELSE ${groupBuys.status} END`,
            ...(r.filled ? { filledAt: sql`coalesce(${groupBuys.filledAt}, ${now})` } : {}),
            updatedAt: now,
          })
          .where(
            and(
              eq(groupBuys.groupNo, member.groupNo),
              inArray(groupBuys.status, ["pending", "open", "filled"]),
            ),
          ),
      ];
    }
    if (order.status !== "cancelled") return;
    await group.release(order.orderNo);
    return [
      db.update(groupBuyMembers).set({ status: "cancelled" }).where(eq(groupBuyMembers.orderId, order.id)),
      db
        .update(groupBuys)
        .set({
          paidCount: sql`(SELECT count(*) FROM group_buy_members WHERE group_id = ${groupBuys.id} AND status = 'paid')`,
          // An opener who never paid leaves a group nobody could join.
          ...(member.m.leader
            ? {
                status: sql`CASE WHEN ${groupBuys.status} = 'pending' THEN 'void' ELSE ${groupBuys.status} END`,
              }
            : {}),
          updatedAt: now,
        })
        .where(eq(groupBuys.groupNo, member.groupNo)),
    ];
  },
};

/**
 * The group's deadline passed unfilled (its object says so and calls this; the sweep calls it through
 * the object too): the group is marked expired and every member order still unpaid or paid is
 * cancelled by the system (refund and stock follow from cancel_paid). Safe to run again.
 */
export async function settleExpiredGroup(deps: OrderDeps, groupNo: string) {
  const { db } = deps;
  const g = await db.select().from(groupBuys).where(eq(groupBuys.groupNo, groupNo)).get();
  if (!g || g.status === "filled") return;
  await db
    .update(groupBuys)
    .set({ status: g.status === "pending" ? "void" : "expired", updatedAt: Date.now() })
    .where(and(eq(groupBuys.id, g.id), inArray(groupBuys.status, ["pending", "open"])));
  const members = await db
    .select({ orderId: groupBuyMembers.orderId })
    .from(groupBuyMembers)
    .where(and(eq(groupBuyMembers.groupId, g.id), inArray(groupBuyMembers.status, ["held", "paid"])))
    // Unpaid holds first: they are released before any paid member's refund can start, so nobody
    // sees a refunded group that still holds someone's slot.
    .orderBy(sql`CASE ${groupBuyMembers.status} WHEN 'held' THEN 0 ELSE 1 END`, groupBuyMembers.orderId);
  for (const m of members) await cancelForGroup(deps, m.orderId, EXPIRED_REASON);
}
