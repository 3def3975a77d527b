import { eq, inArray, type SQLWrapper } from "drizzle-orm";
import type { BatchResponse } from "drizzle-orm/batch";
import { imageUrl } from "../catalog/model";
import { categories, products, skus } from "../catalog/schema";
import type { Db } from "../db/client";
import { stockSnapshots } from "../inventory/schema";
import type { LineShipping } from "../logistics/freight";

/** Why a line cannot be bought right now. Shown as a flag in the cart and the quote, never silently dropped. */
export type UnavailableReason =
  | "not_found"
  | "off_shelf"
  | "sku_disabled"
  | "out_of_stock"
  | "insufficient_stock";

export const UNAVAILABLE_LABELS: Record<UnavailableReason, string> = {
  not_found: "商品不存在",
  off_shelf: "商品已下架",
  sku_disabled: "该规格已停售",
  out_of_stock: "暂时缺货",
  insufficient_stock: "库存不足",
};

export interface RequestedLine {
  skuId: number;
  quantity: number;
}

/** What checking a line yields: current catalog facts (the pricing pipeline's items) plus availability. */
export interface CheckedLine {
  skuId: number;
  productId: number;
  name: string;
  specs: Record<string, string>;
  image: string | null;
  unitPriceFen: number;
  quantity: number;
  weightG: number;
  volumeCm3: number;
  categoryId: number;
  /** The product's category and its parent (coupon and promotion scopes name either). */
  categoryIds: number[];
  /** How the product ships (freight template, free, fixed fee, or the shop's default rule). */
  shipping: LineShipping;
  /** Units available for sale (snapshot; null when the SKU is missing). */
  stock: number | null;
  imageUrl: string | null;
  unavailable: UnavailableReason | null;
}

/**
 * Current catalog data (price, names, images, status) plus stock for each requested line. The stock
 * figure is the inventory snapshot (may lag): it flags lines early, the reservation at order time decides.
 */
export async function checkLines(db: Db, lines: RequestedLine[]): Promise<CheckedLine[]> {
  if (lines.length === 0) return [];
  return checkedLinesFrom(
    lines,
    await db.batch(lineCheckQueries(db, [...new Set(lines.map((l) => l.skuId))])),
  );
}

/**
 * The reads `checkLines` needs, for a caller that folds them into its own batch: `skuIds` is a non-empty
 * list or a subquery selecting SKU ids (e.g. the shopper's cart lines).
 */
export function lineCheckQueries(db: Db, skuIds: readonly number[] | SQLWrapper) {
  const ids = Array.isArray(skuIds) ? [...skuIds] : (skuIds as SQLWrapper);
  return [
    db
      .select({
        sku: skus,
        product: {
          id: products.id,
          name: products.name,
          status: products.status,
          images: products.images,
          categoryId: products.categoryId,
          parentCategoryId: categories.parentId,
          shippingMode: products.shippingMode,
          freightTemplateId: products.freightTemplateId,
          fixedFreightFen: products.fixedFreightFen,
        },
      })
      .from(skus)
      .innerJoin(products, eq(products.id, skus.productId))
      .leftJoin(categories, eq(categories.id, products.categoryId))
      .where(inArray(skus.id, ids)),
    db
      .select({ skuId: stockSnapshots.skuId, available: stockSnapshots.available })
      .from(stockSnapshots)
      .where(inArray(stockSnapshots.skuId, ids)),
  ] as const;
}

export type LineCheckRows = BatchResponse<ReturnType<typeof lineCheckQueries>>;

/** The checked lines from the results of `lineCheckQueries` (SKUs never stocked have 0 available). */
export function checkedLinesFrom(lines: RequestedLine[], [rows, stockRows]: LineCheckRows): CheckedLine[] {
  const available = new Map(stockRows.map((r) => [r.skuId, { available: r.available }]));
  const byId = new Map(rows.map((r) => [r.sku.id, r]));
  return lines.map((l) => {
    const r = byId.get(l.skuId);
    if (!r)
      return {
        skuId: l.skuId,
        productId: 0,
        name: "商品已失效",
        specs: {},
        image: null,
        imageUrl: null,
        unitPriceFen: 0,
        quantity: l.quantity,
        weightG: 0,
        volumeCm3: 0,
        categoryId: 0,
        categoryIds: [],
        shipping: { mode: "free" },
        stock: null,
        unavailable: "not_found",
      };
    const image = r.sku.image ?? r.product.images[0] ?? null;
    const units = available.get(l.skuId)?.available ?? 0;
    const unavailable: UnavailableReason | null =
      r.product.status !== "on_sale"
        ? "off_shelf"
        : !r.sku.active
          ? "sku_disabled"
          : units <= 0
            ? "out_of_stock"
            : units < l.quantity
              ? "insufficient_stock"
              : null;
    return {
      skuId: l.skuId,
      productId: r.product.id,
      name: r.product.name,
      specs: r.sku.specs,
      image,
      imageUrl: image ? imageUrl(image) : null,
      unitPriceFen: r.sku.priceFen,
      quantity: l.quantity,
      weightG: r.sku.weightG,
      volumeCm3: r.sku.volumeCm3,
      categoryId: r.product.categoryId,
      categoryIds: [
        r.product.categoryId,
        ...(r.product.parentCategoryId ? [r.product.parentCategoryId] : []),
      ],
      shipping: lineShipping(r.product),
      stock: units,
      unavailable,
    };
  });
}

/** A product's shipping columns as the freight rules read them; a template that went missing falls back to the shop rule. */
function lineShipping(p: {
  shippingMode: "shop_default" | "template" | "free" | "fixed";
  freightTemplateId: number | null;
  fixedFreightFen: number | null;
}): LineShipping {
  if (p.shippingMode === "template" && p.freightTemplateId !== null)
    return { mode: "template", templateId: p.freightTemplateId };
  if (p.shippingMode === "fixed") return { mode: "fixed", feeFen: p.fixedFreightFen ?? 0 };
  if (p.shippingMode === "free") return { mode: "free" };
  return { mode: "shop_default" };
}

export function lineView(l: CheckedLine) {
  return {
    skuId: l.skuId,
    productId: l.productId,
    name: l.name,
    specs: l.specs,
    imageUrl: l.imageUrl,
    unitPriceFen: l.unitPriceFen,
    quantity: l.quantity,
    lineTotalFen: l.unitPriceFen * l.quantity,
    stock: l.stock,
    available: l.unavailable === null,
    unavailableReason: l.unavailable,
    unavailableLabel: l.unavailable ? UNAVAILABLE_LABELS[l.unavailable] : null,
  };
}
