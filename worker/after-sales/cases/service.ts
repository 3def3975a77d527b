// After-sales cases: what a shopper may apply for, applying (units claimed atomically), and every later
// step by the shopper, the merchant or the clock. Routes parse and call these; rules are pure
// (eligibility.ts, amounts.ts, state-machine.ts).
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { categories } from "../../catalog/schema";
import type { Db } from "../../db/client";
import type { OrderDeps } from "../../orders/deps";
import { getShopperOrderByNo } from "../../orders/queries";
import { type Actor, isUniqueViolation } from "../../orders/transition";
import { formatShanghaiDateTime } from "../../payments/gateways/china-time";
import { cursorInt, decodeCursor, encodeCursor } from "../../shared/cursor";
import { AppError, conflict, notFound } from "../../shared/errors";
import { pickUnits, unitMoney } from "./amounts";
import {
  afterApproval,
  caseItemsOf,
  releaseUnreceived,
  returnCaseStock,
  startRefund,
  takeExchangeStock,
} from "./effects";
import { checkApplication, DAY_MS, lineEligibility } from "./eligibility";
import { claimedUnits, lineFacts, orderLines } from "./lines";
import type { ApplyInput, ReceiveInput, ReturnShipmentInput } from "./model";
import { caseNoticeStatements } from "./notices";
import { photoOwnedBy } from "./photos";
import { afterSaleCaseEvents, afterSaleCaseItems, afterSaleCases, afterSaleUnitClaims } from "./schema";
import { CASE_TYPE_LABELS, type CaseStatus, REASON_CODES, REASON_LABELS } from "./state-machine";
import { applyCaseTransition, type CaseRow, caseTransitionWithRetry, loadCase } from "./transition";

/** The merchant answers within this many days, or the case is approved by itself. */
export const MERCHANT_ANSWER_DAYS = 2;
/** The shopper ships the goods back within this many days of approval, or the case closes. */
export const SHIP_BACK_DAYS = 7;

export const newCaseNo = (now: number) => {
  const [a = 0] = crypto.getRandomValues(new Uint32Array(1));
  return `AS${formatShanghaiDateTime(now).replace(/\D/g, "")}${String(a % 1_000_000).padStart(6, "0")}`;
};

// ---------- eligibility ----------

export async function caseEligibility(db: Db, shopperId: number, orderNo: string, now: number) {
  const order = await getShopperOrderByNo(db, shopperId, orderNo);
  const lines = await orderLines(db, order.id);
  const taken = await claimedUnits(
    db,
    lines.map((l) => l.item.id),
  );
  return {
    orderNo: order.orderNo,
    items: lines.map((l) => {
      const units = unitMoney(l.item);
      const mine = taken.get(l.item.id)!;
      const next = pickUnits(l.item.quantity, mine, 1)?.[0];
      return {
        orderItemId: l.item.id,
        name: l.item.name,
        image: l.item.image,
        specs: l.item.specs,
        quantity: l.item.quantity,
        available: l.item.quantity - mine.size,
        unitRefundFen: next === undefined ? 0 : units[next]!.goodsFen,
        noReasonReturn: l.noReasonReturn,
        types: lineEligibility(order, lineFacts(order, l, mine, now), now).map((e) => ({
          ...e,
          label: CASE_TYPE_LABELS[e.type],
        })),
      };
    }),
    reasons: REASON_CODES.map((code) => ({ code, label: REASON_LABELS[code] })),
  };
}

// ---------- applying ----------

const unprocessable = (message: string, code = "CASE_NOT_ALLOWED") => new AppError(422, code, message);

/**
 * Opens a case. Every check happens before anything is written; the case, its items, its unit claims
 * and its first event go in one batch. The claims' primary key (order item, unit) makes two concurrent
 * applications for the same units impossible: the second batch fails and is retried against the fresh
 * claims, where it finds the units gone (409).
 */
export async function applyCase(
  deps: OrderDeps,
  shopperId: number,
  input: ApplyInput,
  now = Date.now(),
): Promise<CaseRow> {
  const { db } = deps;
  const order = await getShopperOrderByNo(db, shopperId, input.orderNo);
  if (input.type === "repair" && input.items.length !== 1)
    throw unprocessable("维修申请一次只能选择一件商品");
  if (input.type === "repair" && !input.description)
    throw unprocessable("请描述故障情况", "PROBLEM_REQUIRED");
  for (const key of input.photos)
    if (!(await photoOwnedBy(deps.env, key, shopperId)))
      throw unprocessable("图片无效，请重新上传", "INVALID_PHOTO");
  const lines = await orderLines(db, order.id);
  for (const want of input.items)
    if (!lines.some((l) => l.item.id === want.orderItemId))
      throw unprocessable("订单中没有所选商品", "ORDER_ITEM_NOT_FOUND");

  for (let attempt = 0; attempt < 4; attempt++) {
    const taken = await claimedUnits(
      db,
      input.items.map((i) => i.orderItemId),
    );
    const picked = input.items.map((want) => {
      const line = lines.find((l) => l.item.id === want.orderItemId)!;
      const mine = taken.get(line.item.id)!;
      const facts = lineFacts(order, line, mine, now);
      const e = lineEligibility(order, facts, now).find((x) => x.type === input.type)!;
      if (facts.available <= 0 || want.quantity > facts.available)
        throw conflict(
          facts.available <= 0
            ? `「${line.item.name}」已全部申请售后`
            : `「${line.item.name}」最多还可申请 ${facts.available} 件`,
          "UNITS_UNAVAILABLE",
        );
      const check = checkApplication(e, facts, input.reasonCode, input.unused);
      if (!check.ok) throw unprocessable(`「${line.item.name}」${check.message}`);
      const unitNos = pickUnits(line.item.quantity, mine, want.quantity)!;
      const units = unitMoney(line.item);
      return { line, unitNos, goodsFen: unitNos.reduce((s, n) => s + units[n]!.goodsFen, 0) };
    });
    const caseNo = newCaseNo(now);
    const row: CaseRow = {
      id: 0,
      caseNo,
      orderId: order.id,
      shopperId,
      type: input.type,
      status: "applied",
      version: 1,
      reasonCode: input.reasonCode,
      description: input.description,
      photos: input.photos,
      unused: input.unused,
      orderShipped: order.status !== "paid",
      refundFen:
        input.type === "refund_only" || input.type === "return_refund"
          ? picked.reduce((s, p) => s + p.goodsFen, 0)
          : 0,
      refundGoodsFen: 0,
      refundFreightFen: 0,
      refundChargesFen: 0,
      outRefundNo: null,
      refuseReason: null,
      returnCarrier: null,
      returnTrackingNo: null,
      returnPickup: null,
      received: null,
      receiveNote: null,
      stockReturnedAt: null,
      exchangeCarrier: null,
      exchangeTrackingNo: null,
      workOrderNo: null,
      deadlineAt: now + MERCHANT_ANSWER_DAYS * DAY_MS,
      createdAt: now,
      updatedAt: now,
    };
    const { id: _id, ...values } = row;
    const caseId = sql`(SELECT id FROM after_sale_cases WHERE case_no = ${caseNo})`;
    const stmts: BatchItem<"sqlite">[] = [
      ...picked.flatMap((p) => [
        db.insert(afterSaleCaseItems).values({
          caseId: caseId as unknown as number,
          orderItemId: p.line.item.id,
          quantity: p.unitNos.length,
          unitNos: p.unitNos,
          goodsFen: p.goodsFen,
        }),
        ...p.unitNos.map((unitNo) =>
          db
            .insert(afterSaleUnitClaims)
            .values({ orderItemId: p.line.item.id, unitNo, caseId: caseId as unknown as number }),
        ),
      ]),
      db.insert(afterSaleCaseEvents).values({
        caseId: caseId as unknown as number,
        seq: 1,
        kind: "created",
        fromStatus: null,
        toStatus: "applied",
        actorKind: "shopper",
        actorId: shopperId,
        reason: `申请${CASE_TYPE_LABELS[input.type]}：${REASON_LABELS[input.reasonCode]}`,
        data: { items: picked.map((p) => ({ orderItemId: p.line.item.id, unitNos: p.unitNos })) },
        createdAt: now,
      }),
      ...caseNoticeStatements(db, row, now),
    ];
    try {
      await db.batch([db.insert(afterSaleCases).values(values), ...stmts]);
    } catch (err) {
      if (isUniqueViolation(err, "after_sale_unit_claims")) continue;
      throw err;
    }
    return (await loadCase(db, caseNo))!;
  }
  throw conflict("所选商品正在被其他售后申请占用，请稍后再试", "UNITS_UNAVAILABLE");
}

// ---------- reading ----------

export async function shopperCase(db: Db, shopperId: number, caseNo: string): Promise<CaseRow> {
  const c = await loadCase(db, caseNo);
  if (!c || c.shopperId !== shopperId) throw notFound("售后单不存在");
  return c;
}

export async function merchantCase(db: Db, caseNo: string): Promise<CaseRow> {
  const c = await loadCase(db, caseNo);
  if (!c) throw notFound("售后单不存在");
  return c;
}

export async function listCases(
  db: Db,
  filter: { shopperId?: number; status?: CaseStatus },
  page: { cursor?: string; limit: number },
) {
  const conds = [];
  if (filter.shopperId !== undefined) conds.push(eq(afterSaleCases.shopperId, filter.shopperId));
  if (filter.status) conds.push(eq(afterSaleCases.status, filter.status));
  if (page.cursor) conds.push(lt(afterSaleCases.id, decodeCursor(page.cursor, cursorInt)));
  const rows = await db
    .select()
    .from(afterSaleCases)
    .where(and(...conds))
    .orderBy(desc(afterSaleCases.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  return { items, nextCursor: rows.length > page.limit ? encodeCursor(items.at(-1)!.id) : null };
}

// ---------- steps ----------

const shopperActor = (id: number): Actor => ({ kind: "shopper", id });

export async function cancelCase(deps: OrderDeps, c: CaseRow, shopperId: number) {
  const out = await caseTransitionWithRetry(deps.db, c, (fresh) =>
    fresh.status === "cancelled"
      ? { done: fresh }
      : { action: "cancel", actor: shopperActor(shopperId), set: { deadlineAt: null } },
  );
  return out.case;
}

/** Approval by the merchant or, after the merchant's silence, by the sweep; then what follows it. */
export async function approveCase(deps: OrderDeps, c: CaseRow, actor: Actor, now = Date.now()) {
  const returns = c.type === "return_refund" || c.type === "exchange";
  const out = await applyCaseTransition(
    deps.db,
    c,
    {
      action: "approve",
      actor,
      reason: actor.kind === "system" ? "商家超时未处理，系统自动同意" : "",
      set: { deadlineAt: returns ? now + SHIP_BACK_DAYS * DAY_MS : null },
    },
    now,
  );
  if (!out.applied) throw conflict("售后单已被处理，请刷新后查看", "CONCURRENT_UPDATE");
  return afterApproval(deps, out.case);
}

export async function refuseCase(deps: OrderDeps, c: CaseRow, actor: Actor, reason: string) {
  const out = await applyCaseTransition(deps.db, c, {
    action: "refuse",
    actor,
    reason: `商家拒绝：${reason}`,
    set: { refuseReason: reason, deadlineAt: null },
  });
  if (!out.applied) throw conflict("售后单已被处理，请刷新后查看", "CONCURRENT_UPDATE");
  return out.case;
}

export async function shipBack(deps: OrderDeps, c: CaseRow, shopperId: number, input: ReturnShipmentInput) {
  const set =
    "pickup" in input
      ? { returnPickup: input.pickup, returnCarrier: null, returnTrackingNo: null }
      : { returnCarrier: input.carrier, returnTrackingNo: input.trackingNo, returnPickup: null };
  const out = await applyCaseTransition(deps.db, c, {
    action: "ship_back",
    actor: shopperActor(shopperId),
    reason:
      "pickup" in input
        ? `已预约上门取件：${input.pickup.date} ${input.pickup.slot}`
        : `已寄回：${input.carrier} ${input.trackingNo}`,
    set: { ...set, deadlineAt: null },
  });
  if (!out.applied) throw conflict("售后单已被处理，请刷新后查看", "CONCURRENT_UPDATE");
  return out.case;
}

/**
 * The merchant received and inspected the goods. Units not received are released; the others (minus the
 * damaged) go back to stock once; a return is then refunded for the units received.
 */
export async function receiveCase(deps: OrderDeps, c: CaseRow, actor: Actor, input: ReceiveInput) {
  const items = await caseItemsOf(deps, c.id);
  for (const r of input.items) {
    const it = items.find((i) => i.orderItemId === r.orderItemId);
    if (!it) throw unprocessable("收货商品不在该售后单中", "ITEM_NOT_IN_CASE");
    if (r.receivedQty > it.quantity)
      throw unprocessable(`收货数量不能超过申请数量（${it.quantity} 件）`, "BAD_QUANTITY");
    if (r.damagedQty > r.receivedQty) throw unprocessable("损坏数量不能超过收货数量", "BAD_QUANTITY");
  }
  if (items.some((i) => !input.items.some((r) => r.orderItemId === i.orderItemId)))
    throw unprocessable("请填写售后单中每件商品的收货数量", "BAD_QUANTITY");
  if (input.items.every((r) => r.receivedQty === 0))
    throw unprocessable("未收到任何商品，无法确认收货", "BAD_QUANTITY");
  const received = input.items.map((r) => ({ ...r }));
  const out = await applyCaseTransition(deps.db, c, {
    action: "receive",
    actor,
    reason: `商家已收货：${received.map((r) => `收到 ${r.receivedQty} 件${r.damagedQty ? `，损坏 ${r.damagedQty} 件` : ""}`).join("；")}${input.note ? `（${input.note}）` : ""}`,
    set: { received, receiveNote: input.note || null },
    data: { received },
    extra: (db, next) => releaseUnreceived({ db }, next, items),
  });
  if (!out.applied) throw conflict("售后单已被处理，请刷新后查看", "CONCURRENT_UPDATE");
  await returnCaseStock(deps, out.case);
  if (c.type === "return_refund") return startRefund(deps, (await loadCase(deps.db, c.caseNo))!, actor);
  return (await loadCase(deps.db, c.caseNo))!;
}

export async function shipExchange(
  deps: OrderDeps,
  c: CaseRow,
  actor: Actor,
  input: { carrier: string; trackingNo: string },
) {
  // Checked before stock is touched; the transition checks again against the fresh row.
  if (c.type !== "exchange" || c.status !== "received")
    return applyCaseTransition(deps.db, c, { action: "ship_exchange", actor }).then((o) => o.case);
  await takeExchangeStock(deps, c);
  const out = await caseTransitionWithRetry(deps.db, c, (fresh) =>
    fresh.status === "exchange_shipped"
      ? { done: fresh }
      : {
          action: "ship_exchange",
          actor,
          reason: `换货已发出：${input.carrier} ${input.trackingNo}`,
          set: { exchangeCarrier: input.carrier, exchangeTrackingNo: input.trackingNo },
        },
  );
  return out.case;
}

export async function confirmExchange(deps: OrderDeps, c: CaseRow, shopperId: number) {
  const out = await caseTransitionWithRetry(deps.db, c, (fresh) =>
    fresh.status === "done" ? { done: fresh } : { action: "confirm", actor: shopperActor(shopperId) },
  );
  return out.case;
}

/** Merchants decide per category whether 七天无理由 applies (e.g. not for installed built-in appliances). */
export async function setNoReasonReturn(db: Db, categoryId: number, allowed: boolean) {
  const rows = await db
    .update(categories)
    .set({ noReasonReturn: allowed, updatedAt: Date.now() })
    .where(eq(categories.id, categoryId))
    .returning({ id: categories.id, name: categories.name, noReasonReturn: categories.noReasonReturn });
  if (!rows[0]) throw notFound("品类不存在");
  return rows[0];
}
