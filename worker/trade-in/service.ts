// 以旧换新: the valuation table (merchant CRUD), what checkout needs (resolve declarations, the quote's
// picker, the rows written with the order), and the collection at delivery with its settlement.
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { CheckedLine } from "../cart/line-check";
import { categories, products } from "../catalog/schema";
import { goodsNetByLine, type Quote } from "../checkout/pricing";
import { type BatchRead, batchRead, runRead } from "../db/batch-reads";
import type { Db } from "../db/client";
import type { OrderDeps } from "../orders/deps";
import { getShopperOrderByNo } from "../orders/queries";
import { orders } from "../orders/schema";
import { loadOrder, type OrderRow } from "../orders/transition";
import { chargeOf, createCharge } from "../payments/charges";
import { requestRefund } from "../payments/refunds";
import { AppError, conflict, notFound } from "../shared/errors";
import { fenToYuan } from "../shared/money";
import {
  CONDITION_LABELS,
  CONDITIONS,
  type CollectionInput,
  TRADE_IN_STATUS_LABELS,
  type TradeInDeclaration,
  type ValuationEntry,
  type ValuationInput,
} from "./model";
import { tradeIns, tradeInValuations } from "./schema";
import { deductionsBySku, TRADE_IN_KIND } from "./step";
import {
  capFen,
  optionsFor,
  type ResolvedTradeIn,
  resolveDeclarations,
  settlementOf,
  valuationOf,
} from "./valuation";

type ValuationRow = typeof tradeInValuations.$inferSelect;
export type TradeInRow = typeof tradeIns.$inferSelect;

// ---------- the valuation table ----------

const asEntry = (r: ValuationRow): ValuationEntry => ({
  slug: r.slug,
  name: r.name,
  categoryIds: r.categoryIds,
  capPercent: r.capPercent,
  bands: r.bands,
  active: r.active,
});

export const valuationTableRead = (db: Db): BatchRead<Map<string, ValuationEntry>> =>
  batchRead(
    [db.select().from(tradeInValuations).orderBy(asc(tradeInValuations.slug))],
    ([rows]) => new Map(rows.map((r) => [r.slug, asEntry(r)])),
  );

export const valuationTable = (db: Db): Promise<Map<string, ValuationEntry>> =>
  runRead(db, valuationTableRead(db));

const valuationView = (r: ValuationRow) => ({ ...asEntry(r), updatedAt: r.updatedAt });

export async function listValuations(db: Db) {
  const rows = await db.select().from(tradeInValuations).orderBy(asc(tradeInValuations.slug));
  return { items: rows.map(valuationView) };
}

/** Creates or replaces the valuation of one kind of old appliance. Orders already placed keep theirs. */
export async function saveValuation(db: Db, slug: string, input: ValuationInput, now = Date.now()) {
  const values = { ...input, updatedAt: now };
  const [row] = await db
    .insert(tradeInValuations)
    .values({ slug, ...values })
    .onConflictDoUpdate({ target: tradeInValuations.slug, set: values })
    .returning();
  return valuationView(row!);
}

// ---------- checkout ----------

/** A declaration as priced: what the order records. */
export interface QuotedTradeIn extends ResolvedTradeIn {
  /** What the quote deducted (after the cap). */
  deductionFen: number;
  /** The most any valuation of this old unit may deduct. */
  capFen: number;
}

export interface CheckoutTradeIn {
  accepted: ResolvedTradeIn[];
  problems: string[];
  table: Map<string, ValuationEntry>;
}

/**
 * Checks the shopper's declarations against the lines with the valuation table (read by the checkout's
 * batch: `valuationTableRead`); problems block the order.
 */
export const checkoutTradeIn = (
  table: Map<string, ValuationEntry>,
  declarations: readonly TradeInDeclaration[],
  lines: readonly CheckedLine[],
): CheckoutTradeIn => ({ ...resolveDeclarations(declarations, lines, table), table });

/** The accepted declarations with what the priced quote deducted and the cap it was judged against. */
export function quotedTradeIns(t: CheckoutTradeIn, quote: Quote): QuotedTradeIn[] {
  const deducted = deductionsBySku(quote.adjustments);
  const before = goodsNetByLine(
    quote.lines,
    quote.adjustments.filter((a) => a.kind !== TRADE_IN_KIND),
  );
  return t.accepted.flatMap((a) => {
    const i = quote.lines.findIndex((l) => l.skuId === a.skuId);
    const deductionFen = deducted.get(a.skuId) ?? 0;
    if (i < 0 || deductionFen <= 0) return [];
    const cap = capFen(a.capPercent, Math.floor(before[i]! / quote.lines[i]!.quantity));
    return [{ ...a, deductionFen, capFen: cap }];
  });
}

/** The quote's 以旧换新 section: per line the old kinds it accepts and what was declared. */
export function tradeInQuoteView(
  table: ReadonlyMap<string, ValuationEntry> | undefined,
  lines: readonly CheckedLine[],
  quoted: readonly QuotedTradeIn[],
) {
  return {
    conditions: CONDITIONS.map((value) => ({ value, ...CONDITION_LABELS[value] })),
    lines: lines.map((l) => {
      const d = quoted.find((q) => q.skuId === l.skuId);
      return {
        skuId: l.skuId,
        options: table ? optionsFor(l, table) : [],
        declared: d
          ? {
              categorySlug: d.categorySlug,
              name: d.name,
              ageYears: d.ageYears,
              condition: d.condition,
              conditionLabel: CONDITION_LABELS[d.condition].label,
              valuationFen: d.valuationFen,
              deductionFen: d.deductionFen,
              capped: d.deductionFen < d.valuationFen,
            }
          : null,
      };
    }),
  };
}

/** The product page's "支持以旧换新": the old kinds its new units accept (none: the row is not shown). */
export async function productTradeIn(db: Db, productId: number) {
  const [product, table] = await Promise.all([
    db
      .select({ categoryId: products.categoryId, parentId: categories.parentId })
      .from(products)
      .leftJoin(categories, eq(categories.id, products.categoryId))
      .where(and(eq(products.id, productId), eq(products.status, "on_sale")))
      .get(),
    valuationTable(db),
  ]);
  if (!product) throw notFound("商品不存在");
  const categoryIds = [product.categoryId, ...(product.parentId ? [product.parentId] : [])];
  return { kinds: optionsFor({ skuId: 0, name: "", categoryIds }, table) };
}

/** The trade-in rows, written in the order's own batch (`orderId` is the SQL naming the new order). */
export function tradeInStatements(
  db: Db,
  orderId: SQL,
  shopperId: number,
  quoted: readonly QuotedTradeIn[],
  now: number,
) {
  if (quoted.length === 0) return [];
  return [
    db.insert(tradeIns).values(
      quoted.map((q) => ({
        orderId: orderId as unknown as number,
        orderItemId:
          sql`(SELECT id FROM order_items WHERE order_id = ${orderId} AND sku_id = ${q.skuId})` as unknown as number,
        shopperId,
        categorySlug: q.categorySlug,
        categoryName: q.name,
        ageYears: q.ageYears,
        condition: q.condition,
        declaredValuationFen: q.valuationFen,
        deductedFen: q.deductionFen,
        capFen: q.capFen,
        status: "declared" as const,
        createdAt: now,
        updatedAt: now,
      })),
    ),
  ];
}

// ---------- views ----------

export async function tradeInView(db: Db, r: TradeInRow) {
  const charge =
    r.settlementKind === "charge" ? await chargeOf(db, "trade_in", String(r.orderItemId)) : undefined;
  return {
    id: r.id,
    orderItemId: r.orderItemId,
    categorySlug: r.categorySlug,
    name: r.categoryName,
    ageYears: r.ageYears,
    condition: r.condition,
    conditionLabel: CONDITION_LABELS[r.condition].label,
    declaredValuationFen: r.declaredValuationFen,
    deductedFen: r.deductedFen,
    capFen: r.capFen,
    status: r.status,
    statusLabel: TRADE_IN_STATUS_LABELS[r.status],
    finalCondition: r.finalCondition,
    finalValuationFen: r.finalValuationFen,
    settlement:
      r.settlementKind === null
        ? null
        : {
            kind: r.settlementKind,
            amountFen: r.settlementFen ?? 0,
            chargeNo: charge?.chargeNo ?? null,
            chargeStatus: charge?.status ?? null,
          },
    note: r.note,
    collectedAt: r.collectedAt,
  };
}

export type TradeInView = Awaited<ReturnType<typeof tradeInView>>;

const viewsOf = (db: Db, rows: TradeInRow[]) => Promise.all(rows.map((r) => tradeInView(db, r)));

export async function shopperTradeIns(db: Db, shopperId: number, orderNo: string) {
  const order = await getShopperOrderByNo(db, shopperId, orderNo);
  const rows = await db
    .select()
    .from(tradeIns)
    .where(eq(tradeIns.orderId, order.id))
    .orderBy(asc(tradeIns.id));
  return { orderNo: order.orderNo, items: await viewsOf(db, rows) };
}

export async function tradeInsByStatus(db: Db, status: TradeInRow["status"] | undefined) {
  const rows = await db
    .select({ t: tradeIns, orderNo: orders.orderNo })
    .from(tradeIns)
    .innerJoin(orders, eq(orders.id, tradeIns.orderId))
    .where(status ? eq(tradeIns.status, status) : undefined)
    .orderBy(asc(tradeIns.id))
    .limit(200);
  return {
    items: await Promise.all(
      rows.map(async (r) => ({ orderNo: r.orderNo, ...(await tradeInView(db, r.t)) })),
    ),
  };
}

export async function tradeInOfItem(db: Db, orderItemId: number): Promise<TradeInRow> {
  const row = await db.select().from(tradeIns).where(eq(tradeIns.orderItemId, orderItemId)).get();
  if (!row) throw notFound("该商品没有以旧换新");
  return row;
}

// ---------- collection at delivery ----------

/** Orders whose old unit can be collected: paid, on the way, or delivered. */
const COLLECTABLE = new Set<OrderRow["status"]>(["paid", "shipped", "completed"]);

/** The valuation as found on site: the installer's amount, else the table's for the new condition, else as declared. */
async function finalValuation(
  db: Db,
  row: TradeInRow,
  input: Extract<CollectionInput, { outcome: "collected" }>,
) {
  if (input.valuationFen !== undefined) return input.valuationFen;
  if (!input.condition || input.condition === row.condition) return row.deductedFen;
  const entry = (await valuationTable(db)).get(row.categorySlug);
  if (!entry)
    throw new AppError(422, "VALUATION_REQUIRED", "该旧机品类已不在估价表中，请填写回收估价（valuationFen）");
  return Math.min(valuationOf(entry, row.ageYears, input.condition), row.capFen);
}

/**
 * Records what happened to the old unit (once) and settles the difference with what the order
 * deducted: more → a refund (source "trade_in"), less or not handed over → a charge (kind "trade_in"),
 * both keyed by the order item, so a retried request settles once. Recording the same outcome again
 * returns the row (and finishes a settlement a crash interrupted); a different one is 409.
 */
export async function recordCollection(
  deps: OrderDeps,
  orderItemId: number,
  staffId: number,
  input: CollectionInput,
  now = Date.now(),
) {
  const { db } = deps;
  const row = await tradeInOfItem(db, orderItemId);
  const order = (await loadOrder(db, row.orderId))!;
  const final = input.outcome === "collected" ? await finalValuation(db, row, input) : null;
  if (final !== null && final > row.capFen)
    throw new AppError(
      422,
      "VALUATION_OVER_CAP",
      `回收估价不能超过 ¥${fenToYuan(row.capFen)}（以旧换新抵扣上限）`,
    );
  const status = input.outcome;
  if (row.status !== "declared") return sameOutcomeOrConflict(deps, order, row, status, final);
  if (!COLLECTABLE.has(order.status)) throw conflict("订单当前状态不能登记旧机回收", "ORDER_NOT_COLLECTABLE");
  const settlement = settlementOf(row.deductedFen, final);
  const [updated] = await db
    .update(tradeIns)
    .set({
      status,
      finalCondition: input.outcome === "collected" ? (input.condition ?? row.condition) : null,
      finalValuationFen: final,
      settlementKind: settlement.kind,
      settlementFen: settlement.amountFen,
      note: input.note,
      collectedBy: staffId,
      collectedAt: now,
      updatedAt: now,
    })
    .where(and(eq(tradeIns.id, row.id), eq(tradeIns.status, "declared")))
    .returning();
  if (!updated)
    return sameOutcomeOrConflict(deps, order, await tradeInOfItem(db, orderItemId), status, final);
  await settle(deps, order, updated);
  return tradeInView(db, await tradeInOfItem(db, orderItemId));
}

async function sameOutcomeOrConflict(
  deps: OrderDeps,
  order: OrderRow,
  row: TradeInRow,
  status: TradeInRow["status"],
  final: number | null,
) {
  if (row.status !== status || row.finalValuationFen !== final)
    throw conflict(`该旧机已登记为“${TRADE_IN_STATUS_LABELS[row.status]}”，不能再修改`, "TRADE_IN_RECORDED");
  await settle(deps, order, row);
  return tradeInView(deps.db, row);
}

/** Idempotent: the refund and the charge are keyed by the order item. */
async function settle(deps: OrderDeps, order: OrderRow, row: TradeInRow) {
  const amountFen = row.settlementFen ?? 0;
  if (amountFen <= 0) return;
  const what = `旧${row.categoryName}`;
  if (row.settlementKind === "refund")
    await requestRefund(deps, order, {
      source: "trade_in",
      sourceRef: String(row.orderItemId),
      amountFen,
      reason: `以旧换新：${what}上门估价 ¥${fenToYuan(row.finalValuationFen ?? 0)}，退还差价`,
    });
  else if (row.settlementKind === "charge")
    await createCharge(deps.db, {
      shopperId: row.shopperId,
      orderId: row.orderId,
      kind: "trade_in",
      sourceRef: String(row.orderItemId),
      amountFen,
      description:
        row.status === "not_collected"
          ? `以旧换新：${what}未回收，补缴已抵扣的 ¥${fenToYuan(row.deductedFen)}`
          : `以旧换新：${what}上门估价 ¥${fenToYuan(row.finalValuationFen ?? 0)}，补缴差价`,
    });
}
