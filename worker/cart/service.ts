import { z } from "@hono/zod-openapi";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { BatchResponse } from "drizzle-orm/batch";
import { products, skus } from "../catalog/schema";
import type { Db } from "../db/client";
import { AppError, notFound } from "../shared/errors";
import { countBelow, rowIf } from "../shared/limits";
import { checkedLinesFrom, lineCheckQueries, lineView } from "./line-check";
import { cartItems } from "./schema";

export const MAX_CART_LINES = 50;
export const MAX_LINE_QUANTITY = 99;

const quantity = z
  .number()
  .int()
  .min(1, "数量至少为 1")
  .max(MAX_LINE_QUANTITY, `单件商品最多购买 ${MAX_LINE_QUANTITY} 件`);
export const addInput = z.object({ skuId: z.number().int().positive(), quantity: quantity.default(1) });
export const patchInput = z
  .object({ quantity: quantity.optional(), selected: z.boolean().optional() })
  .refine((v) => v.quantity !== undefined || v.selected !== undefined, "请提供数量或勾选状态");
export const selectInput = z.object({
  /** Omitted = every line in the cart (全选 / 全不选). */
  skuIds: z.array(z.number().int().positive()).max(MAX_CART_LINES).optional(),
  selected: z.boolean(),
});
export const removeInput = z.object({
  skuIds: z.array(z.number().int().positive()).min(1).max(MAX_CART_LINES),
});

/** The cart with every line re-checked against the catalog and stock: unavailable lines are flagged. One round trip. */
export async function getCart(db: Db, shopperId: number) {
  return cartFrom(await db.batch(cartQueries(db, shopperId)));
}

/** The reads of `getCart`, for a write that answers with the cart in the same batch (`cartFrom` the results). */
export function cartQueries(db: Db, shopperId: number) {
  return [
    db
      .select()
      .from(cartItems)
      .where(eq(cartItems.shopperId, shopperId))
      .orderBy(asc(cartItems.createdAt), asc(cartItems.skuId)),
    ...lineCheckQueries(
      db,
      db.select({ skuId: cartItems.skuId }).from(cartItems).where(eq(cartItems.shopperId, shopperId)),
    ),
  ] as const;
}

export function cartFrom([rows, ...lineRows]: BatchResponse<ReturnType<typeof cartQueries>>) {
  const checked = checkedLinesFrom(rows, lineRows);
  const items = checked.map((l, i) => ({ ...lineView(l), selected: rows[i]!.selected }));
  const buyable = items.filter((i) => i.selected && i.available);
  return {
    items,
    summary: {
      lineCount: items.length,
      selectedCount: buyable.reduce((n, i) => n + i.quantity, 0),
      /** Goods only; shipping and discounts are in the checkout quote. */
      selectedTotalFen: buyable.reduce((n, i) => n + i.lineTotalFen, 0),
      unavailableCount: items.filter((i) => !i.available).length,
    },
  };
}

/**
 * Adds to the line (or creates it) and answers with the cart, in one round trip: the upsert runs only
 * for an on-sale, active SKU while the cart has room, and the cart is read in the same batch. When
 * nothing was written, a second read says why (not found, not on sale, cart full).
 */
export async function addToCart(db: Db, shopperId: number, input: z.infer<typeof addInput>) {
  const now = Date.now();
  const own = eq(cartItems.shopperId, shopperId);
  const onSale = sql`EXISTS (SELECT 1 FROM ${skus} INNER JOIN ${products} ON ${products.id} = ${skus.productId} WHERE ${skus.id} = ${input.skuId} AND ${skus.active} = 1 AND ${products.status} = 'on_sale')`;
  // One statement: a new line only while the cart has room (an existing line always takes more), and
  // an upsert so two quick taps on "加入购物车" add up instead of racing.
  const [written, ...cart] = await db.batch([
    db
      .insert(cartItems)
      .select(
        rowIf(
          cartItems,
          {
            shopperId,
            skuId: input.skuId,
            quantity: input.quantity,
            selected: true,
            createdAt: now,
            updatedAt: now,
          },
          sql`${onSale} AND (EXISTS (SELECT 1 FROM ${cartItems} WHERE ${and(own, eq(cartItems.skuId, input.skuId))}) OR ${countBelow(cartItems, own, MAX_CART_LINES)})`,
        ),
      )
      .onConflictDoUpdate({
        target: [cartItems.shopperId, cartItems.skuId],
        set: {
          quantity: sql`min(${cartItems.quantity} + ${input.quantity}, ${MAX_LINE_QUANTITY})`,
          selected: true,
          updatedAt: now,
        },
      })
      .returning({ skuId: cartItems.skuId }),
    ...cartQueries(db, shopperId),
  ]);
  if (written.length) return cartFrom(cart as BatchResponse<ReturnType<typeof cartQueries>>);
  const sku = await db
    .select({ active: skus.active, status: products.status })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(eq(skus.id, input.skuId))
    .get();
  if (!sku) throw notFound("商品不存在");
  if (sku.status !== "on_sale" || !sku.active)
    throw new AppError(409, "NOT_ON_SALE", "商品已下架或该规格已停售");
  throw new AppError(409, "CART_FULL", `购物车最多放 ${MAX_CART_LINES} 种商品`);
}

export async function updateLine(
  db: Db,
  shopperId: number,
  skuId: number,
  patch: z.infer<typeof patchInput>,
) {
  const [row] = await db
    .update(cartItems)
    .set({ ...patch, updatedAt: Date.now() })
    .where(and(eq(cartItems.shopperId, shopperId), eq(cartItems.skuId, skuId)))
    .returning({ skuId: cartItems.skuId });
  if (!row) throw notFound("购物车中没有该商品");
}

export async function selectLines(db: Db, shopperId: number, input: z.infer<typeof selectInput>) {
  const where = input.skuIds
    ? and(eq(cartItems.shopperId, shopperId), inArray(cartItems.skuId, input.skuIds))
    : eq(cartItems.shopperId, shopperId);
  await db.update(cartItems).set({ selected: input.selected, updatedAt: Date.now() }).where(where);
}

export async function removeLines(db: Db, shopperId: number, skuIds: number[]) {
  await db.delete(cartItems).where(and(eq(cartItems.shopperId, shopperId), inArray(cartItems.skuId, skuIds)));
}

/** The selected lines, for a checkout "from cart" (a query: run it or fold it into a batch). */
export function selectedLines(db: Db, shopperId: number) {
  return db
    .select({ skuId: cartItems.skuId, quantity: cartItems.quantity })
    .from(cartItems)
    .where(and(eq(cartItems.shopperId, shopperId), eq(cartItems.selected, true)))
    .orderBy(asc(cartItems.createdAt), asc(cartItems.skuId));
}

/** The SKU ids of the selected lines, as a subquery. */
export function selectedSkuIds(db: Db, shopperId: number) {
  return db
    .select({ skuId: cartItems.skuId })
    .from(cartItems)
    .where(and(eq(cartItems.shopperId, shopperId), eq(cartItems.selected, true)));
}
