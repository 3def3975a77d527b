// 到货通知 (back-in-stock notices). A shopper subscribes to a sold-out SKU; when the SKU's StockCounter
// publishes a snapshot with units available again (a merchant restock, a cancelled order releasing its
// hold, a return), the same publish batch (durable-objects/stock-publish.ts, the inventory notice seam
// that also carries low-stock alerts) announces it to every waiting subscriber: an in-app notice in the
// message centre and a WeChat subscribe message row (sent by the sweep when WeChat is configured), and
// marks the subscriptions notified. One batch, keyed by `restock:<subscription>:<round>`: a publish
// retried or repeated never announces a round twice.
import type { InStatement } from "@libsql/client/web";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { AppError } from "../shared/errors";
import { restockSubscriptions } from "./restock-schema";

/** The subscribe-message template key (WECHAT_SUBSCRIBE_TEMPLATES), beside the order notice kinds. */
export const RESTOCK_TEMPLATE_KEY = "back_in_stock";

export interface RestockNoticeConfig {
  /** WeChat template id when subscribe messages are sent (credentials + template set); else only recorded. */
  templateId: string | undefined;
  send: boolean;
}

/** Reads the same settings as notifications/service.ts subscribeConfig, from any env (the stock object's too). */
export function restockNoticeConfig(env: {
  WECHAT_APP_ID?: string;
  WECHAT_APP_SECRET?: string;
  WECHAT_SUBSCRIBE_TEMPLATES?: string;
}): RestockNoticeConfig {
  let templateId: string | undefined;
  try {
    templateId = env.WECHAT_SUBSCRIBE_TEMPLATES
      ? (JSON.parse(env.WECHAT_SUBSCRIBE_TEMPLATES) as Record<string, string>)[RESTOCK_TEMPLATE_KEY]
      : undefined;
  } catch {
    templateId = undefined;
  }
  return { templateId, send: Boolean(env.WECHAT_APP_ID && env.WECHAT_APP_SECRET && templateId) };
}

// Whether the snapshot written earlier in the same batch shows units for sale.
const AVAILABLE_NOW = "(SELECT available FROM stock_snapshots WHERE sku_id = ?) > 0";

/**
 * For the StockCounter's publish batch, after its snapshot statement: notices for this SKU's waiting
 * subscribers if the snapshot now shows stock, then the subscriptions marked notified. A snapshot
 * that is still 0 (or a stale publish that did not move it) matches nothing.
 */
export function restockNoticeStatements(skuId: number, now: number, cfg: RestockNoticeConfig): InStatement[] {
  const waiting = `FROM restock_subscriptions r JOIN skus s ON s.id = r.sku_id JOIN products p ON p.id = r.product_id
    WHERE r.sku_id = ? AND r.status = 'pending' AND ${AVAILABLE_NOW}`;
  return [
    {
      sql: `INSERT INTO merchant_notifications (audience, shopper_id, kind, title, body, ref_type, ref_id, created_at, read_at, dedupe_key)
            SELECT 'shopper', r.shopper_id, 'back_in_stock', '到货通知',
              '您订阅的「' || p.name || '」已到货，库存有限，欲购从速', 'product', CAST(r.product_id AS TEXT), ?, NULL,
              'restock:' || r.id || ':' || r.round
            ${waiting}
            ON CONFLICT(dedupe_key) DO NOTHING`,
      args: [now, skuId, skuId],
    },
    {
      sql: `INSERT INTO wechat_subscribe_messages (dedupe_key, shopper_id, openid, template_key, template_id, page, data, status, created_at)
            SELECT 'restock:' || r.id || ':' || r.round, r.shopper_id, sh.openid, ?, ?,
              'pages/product/detail?id=' || r.product_id,
              json_object('thing1', json_object('value', substr(p.name, 1, 20)),
                          'phrase2', json_object('value', '已到货'),
                          'thing3', json_object('value', '库存有限，欲购从速')),
              ?, ?
            ${waiting.replace("WHERE", "JOIN shoppers sh ON sh.id = r.shopper_id WHERE")}
            ON CONFLICT(dedupe_key) DO NOTHING`,
      args: [
        RESTOCK_TEMPLATE_KEY,
        cfg.templateId ?? null,
        cfg.send ? "pending" : "recorded",
        now,
        skuId,
        skuId,
      ],
    },
    {
      sql: `UPDATE restock_subscriptions SET status = 'notified', notified_at = ?
            WHERE sku_id = ? AND status = 'pending' AND ${AVAILABLE_NOW}`,
      args: [now, skuId, skuId],
    },
  ];
}

/**
 * Subscribes the shopper to a SKU that cannot be bought now. Refused (409 IN_STOCK) when the snapshot
 * shows units: the check is in the same statement as the insert, so a restock published before it
 * refuses it and one published after it finds it waiting. Subscribing twice is a no-op.
 */
export async function subscribeRestock(db: Db, shopperId: number, skuId: number, now = Date.now()) {
  const sku = await db.get<{ product_id: number; status: string; available: number | null } | undefined>(
    sql`SELECT s.product_id, p.status, (SELECT available FROM stock_snapshots WHERE sku_id = s.id) AS available
        FROM skus s JOIN products p ON p.id = s.product_id WHERE s.id = ${skuId}`,
  );
  if (sku?.status !== "on_sale") throw new AppError(404, "SKU_NOT_FOUND", "商品不存在或已下架");
  const rows = await db.all<{ id: number }>(
    sql`INSERT INTO restock_subscriptions (shopper_id, sku_id, product_id, status, round, created_at)
        SELECT ${shopperId}, ${skuId}, ${sku.product_id}, 'pending', 1, ${now}
        WHERE coalesce((SELECT available FROM stock_snapshots WHERE sku_id = ${skuId}), 0) <= 0
        ON CONFLICT (shopper_id, sku_id) DO UPDATE SET status = 'pending', round = round + 1, created_at = excluded.created_at,
          notified_at = NULL
        WHERE restock_subscriptions.status = 'notified'
        RETURNING id`,
  );
  if (!rows.length) {
    const existing = await db
      .select({ id: restockSubscriptions.id })
      .from(restockSubscriptions)
      .where(
        and(
          eq(restockSubscriptions.shopperId, shopperId),
          eq(restockSubscriptions.skuId, skuId),
          eq(restockSubscriptions.status, "pending"),
        ),
      )
      .get();
    if (!existing) throw new AppError(409, "IN_STOCK", "该商品已有货，可直接购买");
  }
  return { skuId, subscribed: true };
}

/** Which of these SKUs the shopper is waiting for. */
export async function pendingRestockSkus(db: Db, shopperId: number, productId: number): Promise<number[]> {
  const rows = await db
    .select({ skuId: restockSubscriptions.skuId })
    .from(restockSubscriptions)
    .where(
      and(
        eq(restockSubscriptions.shopperId, shopperId),
        eq(restockSubscriptions.productId, productId),
        eq(restockSubscriptions.status, "pending"),
      ),
    );
  return rows.map((r) => r.skuId);
}
