// 价保: reading what each line of an order could get, and applying once per line. The amounts come from
// rules.ts; the money goes back through the payments domain's requestRefund (source
// "price_protection", sourceRef = the order item id), which also keeps all refunds within what was paid.
import { and, eq, inArray } from "drizzle-orm";
import { products, skus } from "../../catalog/schema";
import type { Db } from "../../db/client";
import { limitedTimePrices } from "../../marketing/promotion-service";
import type { OrderDeps } from "../../orders/deps";
import { getShopperOrderByNo } from "../../orders/queries";
import { orderItems, orders } from "../../orders/schema";
import type { OrderRow } from "../../orders/transition";
import { type RefundView, refundsOfOrder, requestRefund } from "../../payments/refunds";
import { AppError, conflict, notFound } from "../../shared/errors";
import { afterSaleCases, afterSaleUnitClaims } from "../cases/schema";
import { type CurrentPrice, evaluatePriceProtection, type PriceProtectionEvaluation } from "./rules";
import { priceProtectionClaims } from "./schema";

type ItemRow = typeof orderItems.$inferSelect;
type ClaimRow = typeof priceProtectionClaims.$inferSelect;

/** Case types whose units leave the shopper (their money comes back): those units get no 价保. */
const RETURNING_CASE_TYPES = ["refund_only", "return_refund"] as const;

/** Today's price of each SKU still sold: the list price, or the active 限时折扣 price when lower. */
async function currentPrices(db: Db, skuIds: number[], now: number): Promise<Map<number, CurrentPrice>> {
  const [rows, limited] = await Promise.all([
    db
      .select({ id: skus.id, priceFen: skus.priceFen })
      .from(skus)
      .innerJoin(products, eq(products.id, skus.productId))
      .where(and(inArray(skus.id, skuIds), eq(skus.active, true), eq(products.status, "on_sale"))),
    limitedTimePrices(db, skuIds, now),
  ]);
  const out = new Map<number, CurrentPrice>();
  for (const r of rows) {
    const lt = limited.get(r.id);
    out.set(
      r.id,
      lt && lt.priceFen < r.priceFen
        ? { priceFen: lt.priceFen, source: "limited_time" }
        : { priceFen: r.priceFen, source: "list" },
    );
  }
  return out;
}

/** Unit numbers of each line claimed by refund or return cases (open or finished). */
async function returnedUnits(db: Db, itemIds: number[]): Promise<Map<number, number[]>> {
  const rows = await db
    .select({ orderItemId: afterSaleUnitClaims.orderItemId, unitNo: afterSaleUnitClaims.unitNo })
    .from(afterSaleUnitClaims)
    .innerJoin(afterSaleCases, eq(afterSaleCases.id, afterSaleUnitClaims.caseId))
    .where(
      and(
        inArray(afterSaleUnitClaims.orderItemId, itemIds),
        inArray(afterSaleCases.type, [...RETURNING_CASE_TYPES]),
      ),
    );
  const out = new Map<number, number[]>();
  for (const r of rows) out.set(r.orderItemId, [...(out.get(r.orderItemId) ?? []), r.unitNo]);
  return out;
}

interface LineState {
  item: ItemRow;
  evaluation: PriceProtectionEvaluation & { priceSource: CurrentPrice["source"] | null };
  claim: ClaimRow | undefined;
  refund: RefundView | undefined;
}

/** Everything the view and the application need about the order's lines, in one pass. */
async function lineStates(db: Db, order: OrderRow, now: number): Promise<LineState[]> {
  const items = await db.select().from(orderItems).where(eq(orderItems.orderId, order.id));
  const itemIds = items.map((i) => i.id);
  const [prices, returned, claims, refunds] = await Promise.all([
    currentPrices(
      db,
      items.map((i) => i.skuId),
      now,
    ),
    returnedUnits(db, itemIds),
    db.select().from(priceProtectionClaims).where(eq(priceProtectionClaims.orderId, order.id)),
    refundsOfOrder(db, order.id),
  ]);
  return items.map((item) => {
    const claim = claims.find((c) => c.orderItemId === item.id);
    const current = prices.get(item.skuId) ?? null;
    const evaluation = evaluatePriceProtection({
      line: item,
      orderStatus: order.status,
      paidAt: order.paidAt,
      now,
      returnedUnitNos: returned.get(item.id) ?? [],
      current,
      alreadyApplied: claim !== undefined,
    });
    return {
      item,
      evaluation: { ...evaluation, priceSource: current?.source ?? null },
      claim,
      refund: refunds.find((r) => r.source === "price_protection" && r.sourceRef === String(item.id)),
    };
  });
}

function lineView(s: LineState) {
  const { item, evaluation: e, claim, refund } = s;
  return {
    orderItemId: item.id,
    skuId: item.skuId,
    name: item.name,
    specs: item.specs,
    image: item.image,
    quantity: item.quantity,
    eligible: e.eligible,
    reason: e.reason,
    paidUnitFen: e.paidUnitFen,
    currentUnitFen: e.currentUnitFen,
    currentPriceSource: e.priceSource,
    differenceFen: e.differenceFen,
    units: e.units,
    refundFen: e.eligible ? e.amountFen : 0,
    deadline: e.deadline,
    applied: claim
      ? {
          amountFen: claim.amountFen,
          paidUnitFen: claim.paidUnitFen,
          currentUnitFen: claim.currentUnitFen,
          units: claim.units,
          appliedAt: claim.createdAt,
          refundStatus: refund?.status ?? null,
          refundStatusLabel: refund?.statusLabel ?? null,
          outRefundNo: refund?.outRefundNo ?? null,
        }
      : null,
  };
}

export async function priceProtectionForOrder(db: Db, shopperId: number, orderNo: string, now = Date.now()) {
  const order = await getShopperOrderByNo(db, shopperId, orderNo);
  const lines = await lineStates(db, order, now);
  return { orderNo: order.orderNo, paidAt: order.paidAt, lines: lines.map(lineView) };
}

/** A claim whose refund never got recorded (the worker died in between) is taken over after this long. */
const STALE_CLAIM_MS = 60_000;

const refundOf = (claim: ClaimRow, name: string) => ({
  source: "price_protection" as const,
  sourceRef: String(claim.orderItemId),
  amountFen: claim.amountFen,
  reason: `价保退差价：${name}`,
});

/**
 * Applies for one line. Concurrent applications for the same line: the claim's unique index lets one
 * in, the others get 409; the refund is keyed by the order item, so even a takeover pays once.
 */
export async function applyPriceProtection(
  deps: OrderDeps,
  shopperId: number,
  orderItemId: number,
  now = Date.now(),
) {
  const { db } = deps;
  const found = await db
    .select({ order: orders, name: orderItems.name })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(and(eq(orderItems.id, orderItemId), eq(orders.shopperId, shopperId)))
    .get();
  if (!found) throw notFound("订单商品不存在");
  const { order } = found;
  const state = (await lineStates(db, order, now)).find((s) => s.item.id === orderItemId)!;
  if (state.claim) {
    // A claim whose refund is missing for longer than a request takes: the worker died in between; finish it.
    if (state.refund || now - state.claim.createdAt <= STALE_CLAIM_MS) throw alreadyApplied();
    await requestRefund(deps, order, refundOf(state.claim, state.item.name));
    return lineView((await lineStates(db, order, now)).find((s) => s.item.id === orderItemId)!);
  }
  const e = state.evaluation;
  if (!e.eligible || e.currentUnitFen === null || e.priceSource === null)
    throw new AppError(422, "PRICE_PROTECTION_NOT_ELIGIBLE", e.reason ?? "不符合价保条件");
  const [claim] = await db
    .insert(priceProtectionClaims)
    .values({
      orderId: order.id,
      orderItemId,
      shopperId,
      paidUnitFen: e.paidUnitFen,
      currentUnitFen: e.currentUnitFen,
      priceSource: e.priceSource,
      units: e.units,
      amountFen: e.amountFen,
      unitAmounts: e.unitAmounts,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!claim) throw alreadyApplied();
  try {
    await requestRefund(deps, order, refundOf(claim, state.item.name));
  } catch (err) {
    // Refused by the payments side (nothing refundable left…): no refund exists, so the claim goes too.
    if (err instanceof AppError && err.status < 500)
      await db.delete(priceProtectionClaims).where(eq(priceProtectionClaims.id, claim.id));
    throw err;
  }
  return lineView((await lineStates(db, order, now)).find((s) => s.item.id === orderItemId)!);
}

const alreadyApplied = () => conflict("该商品已申请过价保", "PRICE_PROTECTION_APPLIED");

/**
 * What 价保 gave back for these units of a line (by unit number), so an after-sales refund of those units
 * returns that much less and a unit's refunds never exceed what it paid. 0 when the line had no 价保.
 */
export async function priceProtectedFen(
  db: Db,
  orderItemId: number,
  unitNos: readonly number[],
): Promise<number> {
  const claim = await db
    .select({ unitAmounts: priceProtectionClaims.unitAmounts })
    .from(priceProtectionClaims)
    .where(eq(priceProtectionClaims.orderItemId, orderItemId))
    .get();
  const wanted = new Set(unitNos);
  return (claim?.unitAmounts ?? []).filter((u) => wanted.has(u.unitNo)).reduce((s, u) => s + u.amountFen, 0);
}
