/** Merchant inventory operations: StockCounter for every decision, libSQL for listings and reports. */
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { StockView } from "../../durable-objects/stock-counter";
import { type AdjustCommand, shanghaiDay } from "../../durable-objects/stock-ledger";
import { products, skus } from "../catalog/schema";
import type { Db } from "../db/client";
import { merchantNotifications } from "../notifications/schema";
import { AppError, notFound } from "../shared/errors";
import { type StockEnv, stockCounter } from "./client";
import { restockSuggestion } from "./suggestions";

const DAY_MS = 86_400_000;

export async function skuInfo(db: Db, skuId: number) {
  const row = await db
    .select({
      skuId: skus.id,
      skuCode: skus.skuCode,
      specs: skus.specs,
      active: skus.active,
      productId: products.id,
      productName: products.name,
    })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(eq(skus.id, skuId))
    .get();
  if (!row) throw notFound("SKU 不存在");
  return row;
}

export async function stockDetail(db: Db, env: StockEnv, skuId: number) {
  const sku = await skuInfo(db, skuId);
  return { ...sku, stock: await stockCounter(env, skuId).get(skuId) };
}

export interface Actor {
  id: number;
  name: string;
}
export const actorLabel = (a: Actor) => `staff:${a.id} ${a.name}`;

export async function adjustStock(
  db: Db,
  env: StockEnv,
  skuId: number,
  cmd: AdjustCommand,
  reason: string,
  actor: Actor,
  idempotencyKey: string | undefined,
): Promise<{ duplicate: boolean; stock: StockView }> {
  await skuInfo(db, skuId);
  const r = await stockCounter(env, skuId).adjust(skuId, cmd, {
    reason,
    actor: actorLabel(actor),
    opKey: idempotencyKey ? `adjust:${idempotencyKey}` : null,
  });
  if (!r.ok)
    throw new AppError(409, r.code, `可售库存只有 ${r.available} 件，已被订单占用或售出的库存不能扣减`, {
      available: r.available,
    });
  return { duplicate: "duplicate" in r, stock: r.stock };
}

export async function setLowStockThreshold(db: Db, env: StockEnv, skuId: number, threshold: number | null) {
  await skuInfo(db, skuId);
  return stockCounter(env, skuId).setThreshold(skuId, threshold);
}

export async function stockLedger(
  db: Db,
  env: StockEnv,
  skuId: number,
  beforeId: number | undefined,
  limit: number,
) {
  await skuInfo(db, skuId);
  const rows = await stockCounter(env, skuId).ledger(skuId, { beforeId, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return { items: page, nextBefore: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

/** Every SKU with its last published stock (SKUs never stocked show zeros), newest SKU first. */
export async function listStock(
  db: Db,
  opts: { lowOnly: boolean; productId?: number; afterId?: number; limit: number },
) {
  const where = [
    opts.productId ? sql`k.product_id = ${opts.productId}` : sql`1`,
    opts.afterId ? sql`k.id < ${opts.afterId}` : sql`1`,
    opts.lowOnly
      ? sql`s.low_stock_threshold > 0 AND COALESCE(s.available, 0) < s.low_stock_threshold`
      : sql`1`,
  ];
  const rows = await db.all<{
    sku_id: number;
    sku_code: string;
    specs: string;
    active: number;
    product_id: number;
    product_name: string;
    on_hand: number | null;
    reserved: number | null;
    available: number | null;
    sold: number | null;
    low_stock_threshold: number | null;
    updated_at: number | null;
  }>(sql`SELECT k.id AS sku_id, k.sku_code, k.specs, k.active, p.id AS product_id, p.name AS product_name,
                s.on_hand, s.reserved, s.available, s.sold, s.low_stock_threshold, s.updated_at
         FROM skus k JOIN products p ON p.id = k.product_id LEFT JOIN stock_snapshots s ON s.sku_id = k.id
         WHERE ${sql.join(where, sql` AND `)} ORDER BY k.id DESC LIMIT ${opts.limit + 1}`);
  const page = rows.slice(0, opts.limit).map((r) => ({
    skuId: r.sku_id,
    skuCode: r.sku_code,
    specs: JSON.parse(r.specs) as Record<string, string>,
    active: r.active === 1,
    productId: r.product_id,
    productName: r.product_name,
    onHand: r.on_hand ?? 0,
    reserved: r.reserved ?? 0,
    available: r.available ?? 0,
    sold: r.sold ?? 0,
    threshold: r.low_stock_threshold,
    snapshotAt: r.updated_at,
  }));
  return {
    items: page,
    nextAfter: rows.length > opts.limit ? (page[page.length - 1]?.skuId ?? null) : null,
  };
}

export async function lowStockAlerts(db: Db, opts: { beforeId?: number; limit: number }) {
  const rows = await db
    .select()
    .from(merchantNotifications)
    .where(
      and(
        eq(merchantNotifications.audience, "merchant"),
        eq(merchantNotifications.kind, "low_stock"),
        opts.beforeId ? lt(merchantNotifications.id, opts.beforeId) : undefined,
      ),
    )
    .orderBy(desc(merchantNotifications.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit).map(({ dedupeKey: _k, audience: _a, shopperId: _s, ...n }) => ({
    ...n,
    skuId: Number(n.refId),
  }));
  return { items: page, nextBefore: rows.length > opts.limit ? (page[page.length - 1]?.id ?? null) : null };
}

/** Sales velocity over the last `days` Beijing-time days (today included) and days of cover. */
export async function restockSuggestions(
  db: Db,
  opts: { days: number; targetDays: number; all: boolean; limit: number },
  now = Date.now(),
) {
  const since = shanghaiDay(now - (opts.days - 1) * DAY_MS);
  const rows = await db.all<{
    sku_id: number;
    sku_code: string;
    product_name: string;
    available: number | null;
    reserved: number | null;
    sold_window: number;
  }>(sql`SELECT k.id AS sku_id, k.sku_code, p.name AS product_name, s.available, s.reserved,
                COALESCE((SELECT SUM(d.qty) FROM stock_sales_daily d WHERE d.sku_id = k.id AND d.day >= ${since}), 0) AS sold_window
         FROM skus k JOIN products p ON p.id = k.product_id LEFT JOIN stock_snapshots s ON s.sku_id = k.id
         WHERE k.active = 1`);
  const items = rows
    .map((r) => ({
      skuId: r.sku_id,
      skuCode: r.sku_code,
      productName: r.product_name,
      available: r.available ?? 0,
      reserved: r.reserved ?? 0,
      soldInWindow: r.sold_window,
      ...restockSuggestion({
        available: r.available ?? 0,
        reserved: r.reserved ?? 0,
        soldInWindow: r.sold_window,
        windowDays: opts.days,
        targetDays: opts.targetDays,
      }),
    }))
    .filter((s) => opts.all || s.suggestedQty > 0)
    // Most urgent first: least cover, then biggest order; SKUs that do not sell last.
    .sort(
      (a, b) =>
        (a.daysOfCover ?? Number.POSITIVE_INFINITY) - (b.daysOfCover ?? Number.POSITIVE_INFINITY) ||
        b.suggestedQty - a.suggestedQty ||
        a.skuId - b.skuId,
    )
    .slice(0, opts.limit);
  return { windowDays: opts.days, targetDays: opts.targetDays, since, items };
}

export function manualOrderId(ref: string) {
  return `manual:${ref}`;
}

export function stockConflict(code: string, skuId: number, available?: number) {
  const messages: Record<string, string> = {
    OUT_OF_STOCK: `SKU ${skuId} 库存不足${available !== undefined ? `，可售 ${available} 件` : ""}`,
    ORDER_QTY_MISMATCH: `预留单号已用于 SKU ${skuId} 的不同数量`,
    RESERVATION_CLOSED: "该预留单已取消或已过期，请使用新的单号",
    RESERVATION_NOT_FOUND: `SKU ${skuId} 没有该单号的预留`,
    RESERVATION_EXPIRED: `SKU ${skuId} 的预留已过期`,
    RESERVATION_RELEASED: `SKU ${skuId} 的预留已释放`,
    ALREADY_SOLD: "已确认售出的库存不能释放",
    NOT_SOLD: `SKU ${skuId} 在该订单中没有已售出的数量，无法退货入库`,
    RETURN_EXCEEDS_SOLD: `SKU ${skuId} 的退货数量超过订单已售出且未退回的数量`,
  };
  return new AppError(409, code, messages[code] ?? "库存操作冲突", { skuId, available });
}
