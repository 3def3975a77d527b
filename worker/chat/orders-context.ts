/**
 * The shopper's recent orders as the bot and the agent see them. The one place chat reads the orders
 * domain's tables (by SQL, read-only), so a schema change there touches only this file.
 */
import { sql } from "drizzle-orm";
import type { OrderContext } from "../../faq-bot/types";
import type { Db } from "../db/client";
import { STATUS_LABELS } from "../orders/state-machine";

/** Enough for "where is my order"; older orders are on the order page. */
export const RECENT_ORDERS = 5;
/** Items named per order before "等 N 件". */
const ITEMS_NAMED = 3;

interface OrderRow {
  order_no: string;
  status: string;
  carrier: string | null;
  tracking_no: string | null;
  created_at: number;
  items: string | null;
  latest_trace: string | null;
}

/** "A ×1，B ×2，C ×1 等 5 件": enough names for the bot to match "my fridge order" (notices use the short orders/items-summary). */
export function itemsListing(items: { name: string; quantity: number }[]): string {
  const named = items.slice(0, ITEMS_NAMED).map((i) => `${i.name} ×${i.quantity}`);
  const rest = items.length - named.length;
  return named.join("，") + (rest > 0 ? ` 等 ${items.length} 件` : "");
}

function latestTrace(json: string): { time: number; context: string } {
  const t = JSON.parse(json) as { time: number; context: string };
  return { time: Number(t.time), context: t.context };
}

/** The shopper's newest orders with items, waybill and the newest parcel trace line (one query). */
export async function recentOrders(
  db: Db,
  shopperId: number,
  limit = RECENT_ORDERS,
): Promise<OrderContext[]> {
  const rows = await db.all<OrderRow>(sql`
    SELECT o.order_no, o.status, o.carrier, o.tracking_no, o.created_at,
           (SELECT json_group_array(json_object('name', i.name, 'quantity', i.quantity))
              FROM order_items i WHERE i.order_id = o.id) AS items,
           (SELECT json_object('time', t.time, 'context', t.context)
              FROM parcel_traces t JOIN order_parcels p ON p.id = t.parcel_id
             WHERE p.order_id = o.id
             ORDER BY t.time DESC, t.id DESC LIMIT 1) AS latest_trace
      FROM orders o
     WHERE o.shopper_id = ${shopperId}
     ORDER BY o.created_at DESC, o.id DESC
     LIMIT ${limit}`);
  return rows.map((r) => ({
    orderNo: r.order_no,
    status: r.status,
    statusText: STATUS_LABELS[r.status as keyof typeof STATUS_LABELS] ?? r.status,
    itemsSummary: itemsListing(r.items ? (JSON.parse(r.items) as { name: string; quantity: number }[]) : []),
    ...(r.carrier ? { carrier: r.carrier } : {}),
    ...(r.tracking_no ? { trackingNo: r.tracking_no } : {}),
    ...(r.latest_trace ? { latestTrace: latestTrace(r.latest_trace) } : {}),
    createdAt: Number(r.created_at),
  }));
}
