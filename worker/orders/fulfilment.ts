// What merchants and shoppers do to a placed order besides paying and cancelling: ship, confirm
// receipt, remark. Reactions (notices, the auto-complete timer) come from the event subscribers.
import { z } from "@hono/zod-openapi";
import { and, eq, isNull } from "drizzle-orm";
import { autoCompleteMs, getShopSettings } from "../checkout/settings";
import { assertGroupFilled } from "../growth/group-buy-service";
import { carrierName, shipParcelsInput } from "../logistics/carriers";
import { parcelsOfOtherOrders } from "../logistics/parcels";
import { AppError } from "../shared/errors";
import type { OrderDeps } from "./deps";
import { commitAndDeliver } from "./outbox";
import { orders } from "./schema";
import {
  type Actor,
  loadOrder,
  noteStatements,
  type OrderRow,
  SYSTEM,
  transitionWithRetry,
} from "./transition";

const trackingNo = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{6,40}$/, "运单号格式不正确");

/**
 * One parcel (`carrier` + `trackingNo`, the carrier by name or 快递100 code) or several (`parcels`, each
 * with a carrier code from GET /api/logistics/carriers). The parcels travel in the "ship" event, whose
 * tracking subscriber records them and subscribes each waybill.
 */
export const shipInput = z
  .object({
    carrier: z.string().trim().min(1, "请填写快递公司").max(32).optional(),
    trackingNo: trackingNo.optional(),
    parcels: shipParcelsInput.optional(),
  })
  .refine((i) => i.parcels || (i.carrier && i.trackingNo), "请填写快递公司和运单号");
export type ShipInput = z.infer<typeof shipInput>;

export async function shipOrder(deps: OrderDeps, order: OrderRow, actor: Actor, input: ShipInput) {
  // 拼团: an order ships only once its group has filled (409 GROUP_NOT_FILLED).
  await assertGroupFilled(deps.db, order.id);
  const [settings, taken] = await Promise.all([
    getShopSettings(deps.db),
    parcelsOfOtherOrders(deps.db, order.id, input.parcels ?? []),
  ]);
  if (taken.length)
    throw new AppError(409, "WAYBILL_IN_USE", `运单号 ${taken[0]!.trackingNo} 已用于其他订单`);
  const first = input.parcels?.[0];
  const carrier = first ? carrierName(first.carrierCode) : input.carrier!;
  const waybill = first ? first.trackingNo : input.trackingNo!;
  const all = input.parcels?.map((p) => `${carrierName(p.carrierCode)} ${p.trackingNo}`).join("，");
  return transitionWithRetry<OrderRow>(
    deps,
    order,
    (o) => {
      // A retried identical request is not an error.
      if (o.status === "shipped" && o.carrier === carrier && o.trackingNo === waybill) return { done: o };
      const now = Date.now();
      return {
        action: "ship",
        actor,
        reason: all ?? `${carrier} ${waybill}`,
        set: {
          carrier,
          trackingNo: waybill,
          shippedAt: now,
          autoCompleteAt: now + autoCompleteMs(deps.env, settings),
        },
        ...(input.parcels ? { data: { parcels: input.parcels } } : {}),
      };
    },
    (o) => o,
  );
}

/**
 * The carrier reports a parcel signed for (签收): the auto-complete countdown restarts from that moment
 * (a note event, so the timer subscriber re-arms the order's timer). Later signatures of other parcels
 * of the same order change nothing. Idempotent.
 */
export async function markDelivered(deps: OrderDeps, orderId: number, signedAt: number) {
  const { db } = deps;
  const order = await loadOrder(db, orderId);
  if (order?.status !== "shipped" || order.deliveredAt !== null) return order;
  const settings = await getShopSettings(db);
  const autoCompleteAt = Math.max(signedAt + autoCompleteMs(deps.env, settings), Date.now());
  const next: OrderRow = { ...order, deliveredAt: signedAt, autoCompleteAt };
  // Claim first, so one push wins. Should we die before the note, the sweep still completes the order at
  // auto_complete_at; only the timer's early wake-up is lost.
  const claimed = await db
    .update(orders)
    .set({ deliveredAt: signedAt, autoCompleteAt, updatedAt: Date.now() })
    .where(and(eq(orders.id, orderId), eq(orders.status, "shipped"), isNull(orders.deliveredAt)))
    .returning({ id: orders.id });
  if (!claimed.length) return loadOrder(db, orderId);
  await commitAndDeliver(
    deps,
    orderId,
    ["delivered"],
    noteStatements(deps, next, "delivered", SYSTEM, "快递已签收"),
  );
  return next;
}

export async function confirmReceipt(deps: OrderDeps, order: OrderRow, actor: Actor) {
  return transitionWithRetry<OrderRow>(
    deps,
    order,
    (o) =>
      o.status === "completed"
        ? { done: o }
        : { action: "confirm_receipt", actor, reason: "买家确认收货", set: { completedAt: Date.now() } },
    (o) => o,
  );
}

export const remarkInput = z.object({ remark: z.string().trim().max(500) });

export async function setMerchantRemark(deps: OrderDeps, order: OrderRow, actor: Actor, remark: string) {
  const { db } = deps;
  const updated = { ...order, merchantRemark: remark };
  await db.batch([
    db.update(orders).set({ merchantRemark: remark, updatedAt: Date.now() }).where(eq(orders.id, order.id)),
    ...noteStatements(deps, updated, "remark", actor, remark || "清空备注"),
  ]);
  return updated;
}
