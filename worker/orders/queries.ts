// Reading orders: one order (owner-scoped for shoppers), pages of orders with their items, badge counts.
import { z } from "@hono/zod-openapi";
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { BatchResponse } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { cursorInt, decodeCursor, encodeCursor } from "../shared/cursor";
import { notFound } from "../shared/errors";
import { orderItems, orders } from "./schema";
import { type OrderStatus, SHOPPER_TABS, type ShopperTab } from "./state-machine";
import type { OrderRow } from "./transition";
import { listRowView, type OrderItemRow, orderDetailQueries, orderDetailView, type Viewer } from "./views";

/**
 * GET /api/orders/{id}: the shopper's own order with items, timeline, payments and refunds, in one round
 * trip (the order and its children in one batch; someone else's order is "not found", its rows unused).
 */
export async function shopperOrderDetail(db: Db, shopperId: number, id: number) {
  return shopperOrderDetailFrom(await db.batch(shopperOrderDetailQueries(db, shopperId, id)));
}

/** The reads of `shopperOrderDetail`, for a batch that has other work too (a cancel's delivery record). */
export function shopperOrderDetailQueries(db: Db, shopperId: number, id: number) {
  return [
    db
      .select()
      .from(orders)
      .where(and(eq(orders.id, id), eq(orders.shopperId, shopperId))),
    ...orderDetailQueries(db, id),
  ] as const;
}

export function shopperOrderDetailFrom(results: readonly unknown[]) {
  const [found, ...children] = results as BatchResponse<ReturnType<typeof shopperOrderDetailQueries>>;
  const o = found[0];
  if (!o) throw notFound("订单不存在");
  return orderDetailView(o, "shopper", children as BatchResponse<ReturnType<typeof orderDetailQueries>>);
}

/** A shopper's own order; anyone else's is "not found" (never 403: that would confirm it exists). */
async function shopperOrder(db: Db, shopperId: number, match: SQL): Promise<OrderRow> {
  const o = await db
    .select()
    .from(orders)
    .where(and(match, eq(orders.shopperId, shopperId)))
    .get();
  if (!o) throw notFound("订单不存在");
  return o;
}

export function getShopperOrder(db: Db, shopperId: number, id: number): Promise<OrderRow> {
  return shopperOrder(db, shopperId, eq(orders.id, id));
}

export function getShopperOrderByNo(db: Db, shopperId: number, orderNo: string): Promise<OrderRow> {
  return shopperOrder(db, shopperId, eq(orders.orderNo, orderNo));
}

/**
 * Whose orders a staff member may see: everyone's, or for an agent only those of the shoppers whose
 * chats the agent is serving now (an order outside that is "not found", like a missing one).
 */
export type StaffScope = { kind: "all" } | { kind: "agent"; agentId: number };

export const staffScope = (staff: { id: number; role: string }): StaffScope =>
  staff.role === "agent" ? { kind: "agent", agentId: staff.id } : { kind: "all" };

const scopeCond = (scope: StaffScope): SQL | undefined =>
  scope.kind === "all"
    ? undefined
    : sql`${orders.shopperId} IN (SELECT shopper_id FROM conversations
                                  WHERE agent_id = ${scope.agentId} AND status = 'assigned')`;

export async function getOrderForStaff(
  db: Db,
  id: number,
  scope: StaffScope = { kind: "all" },
): Promise<OrderRow> {
  const o = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, id), scopeCond(scope)))
    .get();
  if (!o) throw notFound("订单不存在");
  return o;
}

/** Orders matching `where`, newest first, each with its items: one round trip. */
export async function ordersWithItems(
  db: Db,
  where: SQL | undefined,
  limit: number,
): Promise<{ order: OrderRow; items: OrderItemRow[] }[]> {
  const page = db
    .select({ id: orders.id })
    .from(orders)
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
  const [list, items] = await db.batch([
    db.select().from(orders).where(where).orderBy(desc(orders.createdAt), desc(orders.id)).limit(limit),
    db.select().from(orderItems).where(inArray(orderItems.orderId, page)).orderBy(asc(orderItems.id)),
  ]);
  return list.map((order) => ({ order, items: items.filter((i) => i.orderId === order.id) }));
}

const OrderCursor = z.object({ t: cursorInt, id: cursorInt });

function cursorCond(cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const c = decodeCursor(cursor, OrderCursor);
  return sql`(${orders.createdAt}, ${orders.id}) < (${c.t}, ${c.id})`;
}

async function page(db: Db, where: SQL | undefined, limit: number, viewer: Viewer) {
  const rows = await ordersWithItems(db, where, limit + 1);
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1]?.order;
  return {
    items: shown.map((r) => listRowView(r.order, r.items, viewer)),
    nextCursor: rows.length > limit && last ? encodeCursor({ t: last.createdAt, id: last.id }) : null,
  };
}

export const shopperListQuery = z.object({
  tab: z.enum(Object.keys(SHOPPER_TABS) as [ShopperTab, ...ShopperTab[]]).default("all"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export async function listShopperOrders(db: Db, shopperId: number, q: z.infer<typeof shopperListQuery>) {
  const statuses = SHOPPER_TABS[q.tab] as readonly OrderStatus[];
  const where = and(
    eq(orders.shopperId, shopperId),
    q.tab === "all" ? undefined : inArray(orders.status, [...statuses]),
    cursorCond(q.cursor),
  );
  return page(db, where, q.limit, "shopper");
}

export const merchantListQuery = z.object({
  status: z.enum(["pending_payment", "paid", "shipped", "completed", "cancelled", "any"]).default("any"),
  /** Order number, receiver phone, receiver name or product name. */
  q: z.string().trim().max(64).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type MerchantListQuery = z.infer<typeof merchantListQuery>;
export type MerchantFilter = Omit<MerchantListQuery, "cursor" | "limit">;

export function merchantWhere(q: MerchantFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (q.status !== "any") conds.push(eq(orders.status, q.status));
  if (q.from !== undefined) conds.push(sql`${orders.createdAt} >= ${q.from}`);
  if (q.to !== undefined) conds.push(sql`${orders.createdAt} < ${q.to}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(
      sql`(${orders.orderNo} = ${q.q} OR ${orders.receiverPhone} = ${q.q} OR ${orders.receiverName} LIKE ${like} ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM order_items oi WHERE oi.order_id = ${orders.id} AND oi.name LIKE ${like} ESCAPE '\\'))`,
    );
  }
  return and(...conds);
}

export async function listMerchantOrders(db: Db, q: MerchantListQuery, scope: StaffScope = { kind: "all" }) {
  return page(db, and(merchantWhere(q), cursorCond(q.cursor), scopeCond(scope)), q.limit, "merchant");
}

/** Badge counts for the 我的订单 tabs (待付款 / 待发货 / 待收货). */
export async function shopperTabCounts(db: Db, shopperId: number) {
  const rows = await db
    .select({ status: orders.status, n: sql<number>`count(*)` })
    .from(orders)
    .where(
      and(eq(orders.shopperId, shopperId), inArray(orders.status, ["pending_payment", "paid", "shipped"])),
    )
    .groupBy(orders.status);
  const n = (s: OrderStatus) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { unpaid: n("pending_payment"), to_ship: n("paid"), to_receive: n("shipped") };
}
