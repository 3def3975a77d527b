// What a case does outside its own rows: the refund (payments), goods back to stock and the exchange
// unit out of it (StockCounter), the repair work order. Each is idempotent per case number, so the
// request that moved the case and the sweep (which retries whatever did not finish) may both run it.
import { and, eq, inArray, sql } from "drizzle-orm";
import { confirmItems, reserveItems, returnItems } from "../../inventory/client";
import type { OrderDeps } from "../../orders/deps";
import type { Actor, OrderRow } from "../../orders/transition";
import { loadOrder, SYSTEM } from "../../orders/transition";
import { refundableFen, requestRefund } from "../../payments/refunds";
import { AppError } from "../../shared/errors";
import { openRepairWorkOrder } from "../repair/service";
import { capAt, caseRefund, type RefundAmount } from "./amounts";
import { orderLines } from "./lines";
import { afterSaleCaseItems, afterSaleCases, afterSaleUnitClaims } from "./schema";
import { isMerchantFault } from "./state-machine";
import {
  applyCaseTransition,
  type CaseRow,
  caseNoteStatement,
  caseTransitionWithRetry,
  loadCase,
} from "./transition";

export const caseItemsOf = (deps: Pick<OrderDeps, "db">, caseId: number) =>
  deps.db.select().from(afterSaleCaseItems).where(eq(afterSaleCaseItems.caseId, caseId));

/** The units a case gives back: for a received return, the first `receivedQty` of each line's units. */
export function unitsBack(c: CaseRow, items: (typeof afterSaleCaseItems.$inferSelect)[]) {
  return items
    .map((i) => {
      const got = c.received?.find((r) => r.orderItemId === i.orderItemId);
      const n = got ? got.receivedQty : i.quantity;
      return { orderItemId: i.orderItemId, unitNos: i.unitNos.slice(0, n), damaged: got?.damagedQty ?? 0 };
    })
    .filter((u) => u.unitNos.length > 0);
}

/** The refund of a case as of now (see amounts.ts for the policy). */
export async function computeCaseRefund(deps: Pick<OrderDeps, "db">, c: CaseRow): Promise<RefundAmount> {
  const { db } = deps;
  const [lines, items, others] = await Promise.all([
    orderLines(db, c.orderId),
    caseItemsOf(deps, c.id),
    db.get<{ units: number | null; freight: number | null }>(sql`
      SELECT (SELECT count(*) FROM after_sale_unit_claims u JOIN after_sale_cases o ON o.id = u.case_id
              WHERE o.order_id = ${c.orderId} AND o.id != ${c.id} AND o.status IN ('refunding', 'refunded')
                AND o.type IN ('refund_only', 'return_refund')) AS units,
             (SELECT sum(refund_freight_fen) FROM after_sale_cases
              WHERE order_id = ${c.orderId} AND id != ${c.id} AND status IN ('refunding', 'refunded')) AS freight`),
  ]);
  const byId = new Map(lines.map((l) => [l.item.id, l.item]));
  const back = unitsBack(c, items);
  const orderUnits = lines.reduce((s, l) => s + l.item.quantity, 0);
  const mine = back.reduce((s, u) => s + u.unitNos.length, 0);
  const orderFreightFen = lines.reduce(
    (s, l) =>
      s + l.item.allocations.filter((a) => a.kind === "shipping").reduce((t, a) => t + a.amountFen, 0),
    0,
  );
  return caseRefund({
    lines: back.map((u) => ({ line: byId.get(u.orderItemId)!, unitNos: u.unitNos })),
    merchantAtFault: isMerchantFault(c.reasonCode),
    serviceNotPerformed: c.type === "refund_only",
    completesWholeOrder: mine + Number(others?.units ?? 0) >= orderUnits,
    orderFreightFen,
    freightRefundedFen: Number(others?.freight ?? 0),
  });
}

/**
 * Moves the case to refunding with its amount fixed (exactly one caller wins the compare-and-set), then
 * asks payments for the refund named by the case number: a retry or a racing caller gets the same
 * refund, never a second one. A zero amount (fully discounted units) is refunded at once.
 */
export async function startRefund(deps: OrderDeps, c: CaseRow, actor: Actor): Promise<CaseRow> {
  let current = c;
  if (current.status !== "refunding") {
    const amount = capAt(
      await computeCaseRefund(deps, current),
      await refundableFen(deps.db, current.orderId),
    );
    const moved = await caseTransitionWithRetry(deps.db, current, (fresh) =>
      fresh.status === "refunding" || fresh.status === "refunded"
        ? { done: fresh }
        : {
            action: "refund",
            actor,
            reason: `已发起退款 ¥${(amount.totalFen / 100).toFixed(2)}`,
            set: {
              refundFen: amount.totalFen,
              refundGoodsFen: amount.goodsFen,
              refundFreightFen: amount.freightFen,
              refundChargesFen: amount.chargesFen,
              deadlineAt: null,
            },
            data: { ...amount },
          },
    );
    current = moved.case;
  }
  if (current.status !== "refunding" || current.outRefundNo) return current;
  if (current.refundFen === 0) {
    const out = await applyCaseTransition(deps.db, current, {
      action: "refund_succeeded",
      actor: SYSTEM,
      reason: "退款金额为 0，无需退款",
    });
    return out.case;
  }
  const order = (await loadOrder(deps.db, current.orderId))!;
  const { refund } = await requestRefund(deps, order, {
    source: "after_sale",
    sourceRef: current.caseNo,
    amountFen: current.refundFen,
    reason: `售后退款（${current.caseNo}）`,
  });
  await deps.db
    .update(afterSaleCases)
    .set({ outRefundNo: refund.outRefundNo })
    .where(eq(afterSaleCases.id, current.id));
  return (await loadCase(deps.db, current.caseNo)) ?? current;
}

/**
 * Goods back on sale: the units given back minus the damaged ones, through the StockCounter's return
 * operation keyed by the case number (idempotent per case), then `stockReturnedAt` and a timeline note.
 */
export async function returnCaseStock(deps: OrderDeps, c: CaseRow, order?: OrderRow): Promise<void> {
  if (c.stockReturnedAt !== null) return;
  const o = order ?? (await loadOrder(deps.db, c.orderId))!;
  const lines = new Map((await orderLines(deps.db, c.orderId)).map((l) => [l.item.id, l.item]));
  const items = unitsBack(c, await caseItemsOf(deps, c.id))
    .map((u) => ({ skuId: lines.get(u.orderItemId)!.skuId, qty: u.unitNos.length - u.damaged }))
    .filter((i) => i.qty > 0);
  if (items.length > 0) {
    const r = await returnItems(deps.env, o.orderNo, items, {
      returnId: c.caseNo,
      reason: `售后 ${c.caseNo} 退回入库`,
      actor: "after_sale",
    });
    if (!r.ok) {
      deps.log.error("case stock return refused", { caseNo: c.caseNo, code: r.code, skuId: r.skuId });
      throw new AppError(409, r.code, "退货入库失败：退回数量超过订单已售数量");
    }
  }
  const now = Date.now();
  const marked = await deps.db
    .update(afterSaleCases)
    .set({ stockReturnedAt: now })
    .where(and(eq(afterSaleCases.id, c.id), sql`${afterSaleCases.stockReturnedAt} IS NULL`))
    .returning({ id: afterSaleCases.id });
  if (marked.length === 0) return; // another caller recorded it first
  const units = items.reduce((s, i) => s + i.qty, 0);
  await caseNoteStatement(
    deps.db,
    c.id,
    "stock_returned",
    SYSTEM,
    units ? `已退回库存 ${units} 件` : "退回商品均已损坏，未入库",
    { items },
    now,
  );
}

/** The replacement units of an exchange, taken from stock under the case number (idempotent). */
export async function takeExchangeStock(deps: OrderDeps, c: CaseRow): Promise<void> {
  const lines = new Map((await orderLines(deps.db, c.orderId)).map((l) => [l.item.id, l.item]));
  const items = unitsBack(c, await caseItemsOf(deps, c.id)).map((u) => ({
    skuId: lines.get(u.orderItemId)!.skuId,
    qty: u.unitNos.length,
  }));
  const held = await reserveItems(deps.env, c.caseNo, items, 10 * 60_000);
  if (!held.ok) throw new AppError(409, "EXCHANGE_OUT_OF_STOCK", "换货商品库存不足，请补货后再发出换货");
  const sold = await confirmItems(
    deps.env,
    c.caseNo,
    items.map((i) => i.skuId),
  );
  if (!sold.ok) throw new AppError(409, "EXCHANGE_OUT_OF_STOCK", "换货商品库存不足，请补货后再发出换货");
}

/** A repair case's work order (idempotent per case number), then the case follows it as repairing. */
export async function startRepair(deps: OrderDeps, c: CaseRow): Promise<CaseRow> {
  const [item] = await caseItemsOf(deps, c.id);
  const { workOrderNo } = await openRepairWorkOrder(deps, {
    shopperId: c.shopperId,
    source: "case",
    orderItemId: item!.orderItemId,
    caseNo: c.caseNo,
    problem: c.description,
    photos: c.photos,
  });
  const out = await caseTransitionWithRetry(deps.db, c, (fresh) =>
    fresh.status !== "approved"
      ? { done: fresh }
      : { action: "start_repair", actor: SYSTEM, set: { workOrderNo }, data: { workOrderNo } },
  );
  return out.case;
}

/** What follows an approval at once: 仅退款 refunds (and unshipped goods go back on sale); a repair opens its work order. */
export async function afterApproval(deps: OrderDeps, c: CaseRow): Promise<CaseRow> {
  if (c.type === "refund_only") {
    const next = await startRefund(deps, c, SYSTEM);
    if (!c.orderShipped) await returnCaseStock(deps, next);
    return (await loadCase(deps.db, c.caseNo)) ?? next;
  }
  if (c.type === "repair") return startRepair(deps, c);
  return c;
}

/** Units claimed by a case that were not received are released (they may be applied for again). */
export function releaseUnreceived(
  deps: Pick<OrderDeps, "db">,
  c: CaseRow,
  items: (typeof afterSaleCaseItems.$inferSelect)[],
) {
  const kept = unitsBack(c, items);
  return items.flatMap((i) => {
    const keep = kept.find((k) => k.orderItemId === i.orderItemId)?.unitNos ?? [];
    const drop = i.unitNos.filter((n) => !keep.includes(n));
    return drop.length
      ? [
          deps.db
            .delete(afterSaleUnitClaims)
            .where(
              and(
                eq(afterSaleUnitClaims.caseId, c.id),
                eq(afterSaleUnitClaims.orderItemId, i.orderItemId),
                inArray(afterSaleUnitClaims.unitNo, drop),
              ),
            ),
        ]
      : [];
  });
}
