// What merchants and shoppers do to a placed order besides paying and cancelling: ship, confirm
// receipt, remark. Reactions (notices, the auto-complete timer) come from the event subscribers.
import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { autoCompleteMs, getShopSettings } from "../checkout/settings";
import type { OrderDeps } from "./deps";
import { orders } from "./schema";
import { type Actor, noteStatements, type OrderRow, transitionWithRetry } from "./transition";

export const shipInput = z.object({
  carrier: z.string().trim().min(1, "请填写快递公司").max(32),
  trackingNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{6,40}$/, "运单号格式不正确"),
});

export async function shipOrder(
  deps: OrderDeps,
  order: OrderRow,
  actor: Actor,
  input: z.infer<typeof shipInput>,
) {
  const settings = await getShopSettings(deps.db);
  return transitionWithRetry<OrderRow>(
    deps,
    order,
    (o) => {
      // A retried identical request is not an error.
      if (o.status === "shipped" && o.carrier === input.carrier && o.trackingNo === input.trackingNo)
        return { done: o };
      const now = Date.now();
      return {
        action: "ship",
        actor,
        reason: `${input.carrier} ${input.trackingNo}`,
        set: { ...input, shippedAt: now, autoCompleteAt: now + autoCompleteMs(deps.env, settings) },
      };
    },
    (o) => o,
  );
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
