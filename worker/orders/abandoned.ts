// Checkouts whose request died between holding stock and writing the order (a crash, a deploy): the
// claim is left behind with the order number and the SKUs of the hold. If the shopper retries, the
// retry takes the claim over and reuses the hold (place.ts); if nobody does, the sweep gives the
// units back long before the hold's own expiry.
import { and, eq, isNotNull, lt, sql } from "drizzle-orm";
import { releaseItems } from "../inventory/client";
import type { OrderDeps } from "./deps";
import { orderRequests } from "./schema";

/** Well past any live request (claims go stale after a minute); holds last the pay window otherwise. */
export const ABANDONED_AFTER_MS = 5 * 60_000;

export async function releaseAbandonedHolds(deps: OrderDeps, now: number, limit = 20): Promise<number> {
  const { db, env, log } = deps;
  const stale = await db
    .select()
    .from(orderRequests)
    .where(
      and(
        lt(orderRequests.createdAt, now - ABANDONED_AFTER_MS),
        isNotNull(orderRequests.orderNo),
        sql`NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_no = ${orderRequests.orderNo})`,
      ),
    )
    .limit(limit);
  let released = 0;
  for (const claim of stale) {
    try {
      // Release first: should a retry take the claim over meanwhile, it finds the hold closed and asks
      // the shopper to submit again, rather than a hold that nothing would ever release.
      await releaseItems(env, claim.orderNo!, claim.skuIds ?? [], "order_abandoned");
    } catch (err) {
      log.warn("abandoned hold not released yet", { orderNo: claim.orderNo, err: String(err) });
      continue;
    }
    const gone = await db
      .delete(orderRequests)
      .where(
        and(
          eq(orderRequests.shopperId, claim.shopperId),
          eq(orderRequests.idempotencyKey, claim.idempotencyKey),
          eq(orderRequests.createdAt, claim.createdAt),
        ),
      )
      .returning({ orderNo: orderRequests.orderNo });
    if (gone.length) released++;
  }
  return released;
}
