// 收藏 and 足迹: each read or write is one round trip (a batch), and a write never trusts the client
// about the product: the statement itself checks that it exists and may be shown.

import { z } from "@hono/zod-openapi";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { type CardReviewTotals, cardReviewColumns, productCard } from "../catalog/card";
import { products } from "../catalog/schema";
import type { Db } from "../db/client";
import { cursorInt, decodeCursor, encodeCursor } from "../shared/cursor";
import { conflict, notFound } from "../shared/errors";
import { favorites, productViews } from "./schema";

/** A shopper keeps at most this many favourites (JD's limit is of this order). */
export const FAVORITES_MAX = 500;
/** 足迹 keeps the newest visits only. */
export const FOOTPRINTS_KEPT = 100;

const pageCursor = z.object({ t: cursorInt, p: cursorInt });

type ProductRow = typeof products.$inferSelect;
/** A saved or visited product as a card, with whether it can still be bought. */
const savedCard = (p: ProductRow, reviews: CardReviewTotals, at: number) => ({
  ...productCard(p, reviews),
  onSale: p.status === "on_sale",
  salesCount: p.salesCount,
  at,
});

/** Saves a product (again: no change). 404 for a product that does not exist or is a draft. */
export async function addFavorite(db: Db, shopperId: number, productId: number) {
  const now = Date.now();
  const [inserted, [product], [count]] = await db.batch([
    db.run(sql`INSERT INTO favorites (shopper_id, product_id, created_at)
      SELECT ${shopperId}, id, ${now} FROM products WHERE id = ${productId} AND status != 'draft'
        AND (SELECT count(*) FROM favorites WHERE shopper_id = ${shopperId}) < ${FAVORITES_MAX}
      ON CONFLICT (shopper_id, product_id) DO NOTHING`),
    db.select({ status: products.status }).from(products).where(eq(products.id, productId)),
    db
      .select({ mine: sql<number>`count(*)` })
      .from(favorites)
      .where(and(eq(favorites.shopperId, shopperId), eq(favorites.productId, productId))),
  ]);
  if (!product || product.status === "draft") throw notFound("商品不存在");
  if (!inserted.rowsAffected && !count?.mine)
    throw conflict(`收藏已达上限（${FAVORITES_MAX} 件），请先整理收藏夹`, "FAVORITES_FULL");
  return { favorited: true };
}

export async function removeFavorite(db: Db, shopperId: number, productId: number) {
  await db
    .delete(favorites)
    .where(and(eq(favorites.shopperId, shopperId), eq(favorites.productId, productId)));
  return { favorited: false };
}

export async function isFavorite(db: Db, shopperId: number, productId: number) {
  const row = await db
    .select({ at: favorites.createdAt })
    .from(favorites)
    .where(and(eq(favorites.shopperId, shopperId), eq(favorites.productId, productId)))
    .get();
  return { favorited: !!row };
}

const PAGE = 20;

/**
 * One page of a shopper's saved (favorites) or visited (product_views) products, newest first; both
 * tables key on (shopper, product) and carry the time the list is ordered by.
 */
async function savedProducts(
  db: Db,
  table: typeof favorites | typeof productViews,
  at: typeof favorites.createdAt | typeof productViews.viewedAt,
  shopperId: number,
  cursor?: string,
) {
  const after = cursor ? decodeCursor(cursor, pageCursor) : undefined;
  const rows = await db
    .select({ p: products, at, ...cardReviewColumns() })
    .from(table)
    .innerJoin(products, eq(products.id, table.productId))
    .where(
      and(
        eq(table.shopperId, shopperId),
        after ? or(lt(at, after.t), and(eq(at, after.t), lt(table.productId, after.p))) : undefined,
      ),
    )
    .orderBy(desc(at), desc(table.productId))
    .limit(PAGE + 1);
  return pageOf(rows);
}

/** Newest first; products taken off the shelf stay listed, marked as not on sale. */
export const listFavorites = (db: Db, shopperId: number, cursor?: string) =>
  savedProducts(db, favorites, favorites.createdAt, shopperId, cursor);

function pageOf(rows: ({ p: ProductRow; at: number } & CardReviewTotals)[]) {
  const page = rows.slice(0, PAGE);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => savedCard(r.p, r, r.at)),
    nextCursor: rows.length > PAGE && last ? encodeCursor({ t: last.at, p: last.p.id }) : null,
  };
}

/**
 * A visit to a product page: the latest visit per product, the oldest beyond FOOTPRINTS_KEPT dropped,
 * in one batch. Products not on sale leave no footprint.
 */
export async function recordView(db: Db, shopperId: number, productId: number) {
  const now = Date.now();
  await db.batch([
    db.run(sql`INSERT INTO product_views (shopper_id, product_id, viewed_at)
      SELECT ${shopperId}, id, ${now} FROM products WHERE id = ${productId} AND status = 'on_sale'
      ON CONFLICT (shopper_id, product_id) DO UPDATE SET viewed_at = max(viewed_at, excluded.viewed_at)`),
    db.run(sql`DELETE FROM product_views WHERE shopper_id = ${shopperId} AND product_id NOT IN (
      SELECT product_id FROM product_views WHERE shopper_id = ${shopperId}
      ORDER BY viewed_at DESC, product_id DESC LIMIT ${FOOTPRINTS_KEPT})`),
  ]);
  return { ok: true };
}

export const listFootprints = (db: Db, shopperId: number, cursor?: string) =>
  savedProducts(db, productViews, productViews.viewedAt, shopperId, cursor);

/** Forgets one footprint, or all of them. */
export async function clearFootprints(db: Db, shopperId: number, productId?: number) {
  await db
    .delete(productViews)
    .where(
      and(
        eq(productViews.shopperId, shopperId),
        productId === undefined ? undefined : eq(productViews.productId, productId),
      ),
    );
  return { ok: true };
}
