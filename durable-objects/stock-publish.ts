/**
 * What a StockCounter publishes to libSQL after a change: the read-side snapshot shoppers see,
 * the daily sales series restock suggestions read, and low-stock merchant notifications.
 * Every statement is safe to repeat and to arrive late: snapshots and sales rows only move to a
 * higher version, notifications are deduplicated by key. That is what lets the object publish
 * outside its check-and-write, coalesce publishes, and retry them from an alarm.
 */
import type { InStatement } from "@libsql/client/web";
import { availableOf, type LowStockAlert, type StockState } from "./stock-ledger";

export interface SalesDay {
  day: string;
  qty: number;
  version: number;
}

export function snapshotStatement(s: StockState): InStatement {
  return {
    sql: `INSERT INTO stock_snapshots (sku_id, on_hand, reserved, available, sold, low_stock_threshold, updated_at, version)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT(sku_id) DO UPDATE SET on_hand = excluded.on_hand, reserved = excluded.reserved,
            available = excluded.available, sold = excluded.sold, low_stock_threshold = excluded.low_stock_threshold,
            updated_at = excluded.updated_at, version = excluded.version
          WHERE excluded.version > stock_snapshots.version`,
    args: [s.skuId, s.onHand, s.reserved, availableOf(s), s.sold, s.threshold, s.updatedAt, s.version],
  };
}

export function salesDayStatement(skuId: number, d: SalesDay): InStatement {
  return {
    sql: `INSERT INTO stock_sales_daily (sku_id, day, qty, version) VALUES (?, ?, ?, ?)
          ON CONFLICT(sku_id, day) DO UPDATE SET qty = excluded.qty, version = excluded.version
          WHERE excluded.version > stock_sales_daily.version`,
    args: [skuId, d.day, d.qty, d.version],
  };
}

export const lowStockDedupeKey = (skuId: number, seq: number) => `low_stock:${skuId}:${seq}`;

/** One notification per alert, however often the publish is retried. */
export function lowStockStatement(skuId: number, alert: LowStockAlert, createdAt: number): InStatement {
  return {
    sql: `INSERT INTO merchant_notifications (audience, shopper_id, kind, title, body, ref_type, ref_id, created_at, read_at, dedupe_key)
          VALUES ('merchant', NULL, 'low_stock', '库存预警',
            '「' || COALESCE((SELECT p.name || ' ' || s.sku_code FROM skus s JOIN products p ON p.id = s.product_id WHERE s.id = ?), ?) || ?,
            'sku', ?, ?, NULL, ?)
          ON CONFLICT(dedupe_key) DO NOTHING`,
    args: [
      skuId,
      `SKU ${skuId}`,
      // Numbers are formatted here: over Hrana they arrive as floats and SQL would print "4.0".
      `」可售库存仅剩 ${alert.available} 件，低于预警值 ${alert.threshold} 件，请及时补货`,
      String(skuId),
      createdAt,
      lowStockDedupeKey(skuId, alert.seq),
    ],
  };
}
