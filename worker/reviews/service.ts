// 评价: written once per bought line by its shopper after the goods arrived; every change to reviews
// recomputes the product's totals in the same batch (an aggregate over its reviews, so a retried or
// concurrent write can never count twice).
import { z } from "@hono/zod-openapi";
import { and, desc, eq, exists, gt, gte, isNull, lt, lte, notExists, or, sql } from "drizzle-orm";
import { PHOTO_KEY_PATTERN } from "../after-sales/cases/model";
import { photoOwnedBy, photoUrl } from "../after-sales/cases/photos";
import { shoppers } from "../auth/schema";
import { cardReviewColumns, productCard } from "../catalog/card";
import { products } from "../catalog/schema";
import type { Db } from "../db/client";
import type { Env } from "../env";
import { orderEvents, orderItems, orders } from "../orders/schema";
import { cursorInt, decodeCursor, encodeCursor } from "../shared/cursor";
import { badRequest, conflict, notFound } from "../shared/errors";
import { checkReview, maskedName, reviewableOrder, statsView } from "./rules";
import { productReviewStats, reviews } from "./schema";

export const reviewBody = z.object({
  orderItemId: z.number({ error: "请选择要评价的商品" }).int().positive(),
  rating: z.number({ error: "请为商品打 1–5 星" }),
  content: z.string().max(2000).default(""),
  photos: z
    .array(z.string().regex(PHOTO_KEY_PATTERN, { message: "图片无效，请重新上传" }))
    .max(20)
    .default([]),
  anonymous: z.boolean().default(false),
});

export const reviewListQuery = z.object({
  filter: z.enum(["all", "photos", "good", "bad"]).default("all"),
  cursor: z.string().max(200).optional(),
});

const fieldError = (field: string, message: string) => badRequest(message, [{ path: field, message }]);

/** The product's totals recomputed from its visible reviews (one statement, safe to repeat). */
const refreshStats = (db: Db, productId: number) =>
  db.run(sql`INSERT INTO product_review_stats (product_id, count, rating_sum, good_count, with_photos)
    SELECT ${productId}, count(*), coalesce(sum(rating), 0), coalesce(sum(rating >= 4), 0),
           coalesce(sum(json_array_length(photos) > 0), 0)
    FROM reviews WHERE product_id = ${productId} AND status = 'visible'
    ON CONFLICT (product_id) DO UPDATE SET count = excluded.count, rating_sum = excluded.rating_sum,
      good_count = excluded.good_count, with_photos = excluded.with_photos`);

const deliveredCond = sql`EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = ${orders.id} AND e.kind = 'delivered')`;

export async function writeReview(db: Db, env: Env, shopperId: number, input: z.infer<typeof reviewBody>) {
  const checked = checkReview(input);
  if (!checked.ok) throw fieldError(checked.field, checked.message);
  const row = await db
    .select({ item: orderItems, order: orders, delivered: sql<number>`${deliveredCond}` })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(and(eq(orderItems.id, input.orderItemId), eq(orders.shopperId, shopperId)))
    .get();
  if (!row) throw notFound("订单商品不存在");
  const can = reviewableOrder(row.order, !!row.delivered, Date.now());
  if (!can.ok) throw conflict(can.message, "NOT_REVIEWABLE");
  const owned = await Promise.all(checked.value.photos.map((k) => photoOwnedBy(env, k, shopperId)));
  if (owned.includes(false)) throw fieldError("photos", "图片无效，请重新上传");

  const [inserted] = await db.batch([
    db
      .insert(reviews)
      .values({
        orderItemId: row.item.id,
        orderId: row.order.id,
        productId: row.item.productId,
        shopperId,
        specs: row.item.specs,
        rating: checked.value.rating,
        content: checked.value.content,
        photos: checked.value.photos,
        anonymous: input.anonymous,
        status: "visible",
        createdAt: Date.now(),
      })
      .onConflictDoNothing()
      .returning({ id: reviews.id }),
    refreshStats(db, row.item.productId),
  ]);
  if (!inserted.length) throw conflict("这件商品已经评价过了", "ALREADY_REVIEWED");
  return { id: inserted[0]!.id };
}

type ReviewRow = typeof reviews.$inferSelect;
const reviewView = (r: ReviewRow, nickname: string) => ({
  id: r.id,
  author: maskedName(nickname, r.anonymous),
  rating: r.rating,
  content: r.content,
  photos: r.photos.map(photoUrl),
  specsText: Object.values(r.specs).join(" "),
  reply: r.reply,
  createdAt: r.createdAt,
});

const FILTERS = {
  all: undefined,
  photos: sql`json_array_length(${reviews.photos}) > 0`,
  good: gte(reviews.rating, 4),
  bad: lte(reviews.rating, 2),
} as const;

const PAGE = 10;

/** A product's visible reviews (newest first) with its totals: one round trip. */
export async function productReviews(db: Db, productId: number, q: z.infer<typeof reviewListQuery>) {
  const before = q.cursor ? decodeCursor(q.cursor, cursorInt) : undefined;
  const [stats, rows] = await db.batch([
    db.select().from(productReviewStats).where(eq(productReviewStats.productId, productId)),
    db
      .select({ r: reviews, nickname: shoppers.nickname })
      .from(reviews)
      .innerJoin(shoppers, eq(shoppers.id, reviews.shopperId))
      .where(
        and(
          eq(reviews.productId, productId),
          eq(reviews.status, "visible"),
          FILTERS[q.filter],
          before !== undefined ? lt(reviews.id, before) : undefined,
        ),
      )
      .orderBy(desc(reviews.id))
      .limit(PAGE + 1),
  ]);
  const page = rows.slice(0, PAGE);
  return {
    stats: statsView(stats[0]),
    items: page.map((x) => reviewView(x.r, x.nickname)),
    nextCursor: rows.length > PAGE ? encodeCursor(page[page.length - 1]!.r.id) : null,
  };
}

/** 待评价: lines of orders whose goods arrived, not yet reviewed (newest order first). */
export async function pendingReviews(db: Db, shopperId: number) {
  const rows = await db
    .select({ item: orderItems, order: orders, p: products, ...cardReviewColumns() })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(products, eq(products.id, orderItems.productId))
    .where(
      and(
        eq(orders.shopperId, shopperId),
        or(
          and(eq(orders.status, "completed"), gt(orders.completedAt, Date.now() - 90 * 24 * 3600 * 1000)),
          and(
            eq(orders.status, "shipped"),
            exists(
              db
                .select({ one: sql`1` })
                .from(orderEvents)
                .where(and(eq(orderEvents.orderId, orders.id), eq(orderEvents.kind, "delivered"))),
            ),
          ),
        ),
        notExists(db.select({ one: sql`1` }).from(reviews).where(eq(reviews.orderItemId, orderItems.id))),
      ),
    )
    .orderBy(desc(orders.id), orderItems.id)
    .limit(50);
  return {
    items: rows.map((r) => ({
      orderItemId: r.item.id,
      orderId: r.order.id,
      orderNo: r.order.orderNo,
      product: productCard(r.p, r),
      specsText: Object.values(r.item.specs).join(" "),
    })),
  };
}

// ---- merchant ----

export const adminReviewQuery = z.object({
  rating: z.coerce.number().int().min(1).max(5).optional(),
  unreplied: z.enum(["1", "0"]).optional(),
  cursor: z.string().max(200).optional(),
});

export async function listReviewsForMerchant(db: Db, q: z.infer<typeof adminReviewQuery>) {
  const before = q.cursor ? decodeCursor(q.cursor, cursorInt) : undefined;
  const rows = await db
    .select({ r: reviews, nickname: shoppers.nickname, productName: products.name })
    .from(reviews)
    .innerJoin(shoppers, eq(shoppers.id, reviews.shopperId))
    .innerJoin(products, eq(products.id, reviews.productId))
    .where(
      and(
        q.rating ? eq(reviews.rating, q.rating) : undefined,
        q.unreplied === "1" ? isNull(reviews.reply) : undefined,
        before !== undefined ? lt(reviews.id, before) : undefined,
      ),
    )
    .orderBy(desc(reviews.id))
    .limit(21);
  const page = rows.slice(0, 20);
  return {
    items: page.map((x) => ({
      ...reviewView(x.r, x.nickname),
      productId: x.r.productId,
      productName: x.productName,
      orderId: x.r.orderId,
      status: x.r.status,
    })),
    nextCursor: rows.length > 20 ? encodeCursor(page[page.length - 1]!.r.id) : null,
  };
}

export async function replyToReview(db: Db, id: number, content: string) {
  const text = content.trim();
  if (text.length < 1 || text.length > 500) throw fieldError("content", "回复请填写 1–500 字");
  const [r] = await db
    .update(reviews)
    .set({ reply: text, repliedAt: Date.now() })
    .where(eq(reviews.id, id))
    .returning({ id: reviews.id });
  if (!r) throw notFound("评价不存在");
  return { ok: true };
}

/** Hides (or shows again) a review; the product's totals follow in the same batch. */
export async function setReviewVisible(db: Db, id: number, visible: boolean) {
  const r = await db.select({ productId: reviews.productId }).from(reviews).where(eq(reviews.id, id)).get();
  if (!r) throw notFound("评价不存在");
  await db.batch([
    db
      .update(reviews)
      .set({ status: visible ? "visible" : "hidden" })
      .where(eq(reviews.id, id)),
    refreshStats(db, r.productId),
  ]);
  return { ok: true };
}
