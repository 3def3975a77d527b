import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { availabilityLabel } from "../inventory/availability";
import { stockSnapshots } from "../inventory/schema";
import {
  displayOf,
  type PromotionDisplayRows,
  promotionDisplayFrom,
  promotionDisplayQueries,
} from "../marketing/promotion-service";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { AppError, badRequest, conflict, notFound } from "../shared/errors";
import type { FieldIssue } from "../shared/validation";
import {
  type AttributeValues,
  attributeIndexRows,
  parseAttributeFilter,
  specTable,
  validateAttributes,
} from "./attributes";
import { cardReviewColumns, cardReviews } from "./card";
import { type Cursor, listCursor, listingTags, SORT_COLUMNS } from "./listing";
import {
  type CategoryInput,
  imageUrl,
  type ListQuery,
  type ProductInput,
  type ProductPatch,
  type SkuInput,
} from "./model";
import { sanitizeHtml } from "./sanitize-html";
import { categories, images, productAttributes, products, skus } from "./schema";
import { queryTokens, toIndexText, toMatchExpression } from "./search-tokens";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Conn = Db | Tx;

// ---------- categories ----------

export async function categoryTree(db: Db) {
  const rows = await db.select().from(categories).orderBy(asc(categories.sortOrder), asc(categories.id));
  const node = (r: (typeof rows)[number]) => ({
    id: r.id,
    name: r.name,
    icon: r.icon,
    sortOrder: r.sortOrder,
  });
  return rows
    .filter((r) => r.parentId === null)
    .map((r) => ({ ...node(r), children: rows.filter((c) => c.parentId === r.id).map(node) }));
}

/** Every category, flat, with its attribute keys (the console edits both levels in one table). */
export function listCategoriesAdmin(db: Db) {
  return db.select().from(categories).orderBy(asc(categories.sortOrder), asc(categories.id));
}

async function assertCategoryParent(db: Conn, parentId: number | null, selfId?: number) {
  if (parentId === null) return;
  if (parentId === selfId) throw badRequest("分类不能以自己为上级");
  const parent = await db.select().from(categories).where(eq(categories.id, parentId)).get();
  if (!parent) throw badRequest("上级分类不存在", undefined, "INVALID_REFERENCE");
  if (parent.parentId !== null) throw badRequest("分类最多两级");
}

export async function createCategory(db: Db, input: CategoryInput) {
  await assertCategoryParent(db, input.parentId);
  const now = Date.now();
  const [row] = await db
    .insert(categories)
    .values({ ...input, createdAt: now, updatedAt: now })
    .returning();
  return row!;
}

export async function updateCategory(db: Db, id: number, input: CategoryInput) {
  return db.transaction(async (tx) => {
    const existing = await tx.select().from(categories).where(eq(categories.id, id)).get();
    if (!existing) throw notFound("分类不存在");
    await assertCategoryParent(tx, input.parentId, id);
    const [row] = await tx
      .update(categories)
      .set({ ...input, updatedAt: Date.now() })
      .where(eq(categories.id, id))
      .returning();
    if (existing.name !== input.name) {
      // The category name is part of every product's search document.
      const ids = await tx.select({ id: products.id }).from(products).where(eq(products.categoryId, id));
      for (const p of ids) await reindexProduct(tx, p.id);
    }
    return row!;
  });
}

export async function deleteCategory(db: Db, id: number) {
  const existing = await db.select().from(categories).where(eq(categories.id, id)).get();
  if (!existing) throw notFound("分类不存在");
  const child = await db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.parentId, id))
    .get();
  if (child) throw conflict("该分类下还有子分类，不能删除", "CATEGORY_NOT_EMPTY");
  const product = await db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.categoryId, id))
    .get();
  if (product) throw conflict("该分类下还有商品，不能删除", "CATEGORY_NOT_EMPTY");
  await db.delete(categories).where(eq(categories.id, id));
}

// ---------- products: writes ----------

/**
 * Checks what zod cannot: attributes, references, unique SKU codes and specs. Returns the cleaned values.
 * Each problem carries the field it concerns ({ path, message }, like zod's), so a form can show it there.
 */
async function checkProduct(db: Conn, input: ProductInput, productId?: number) {
  const errors: FieldIssue[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  const { values, errors: attrErrors } = validateAttributes(input.attributes);
  for (const e of attrErrors) add(`attributes.${e.key}`, e.message);
  const category = await db.select().from(categories).where(eq(categories.id, input.categoryId)).get();
  if (!category) add("categoryId", "商品分类不存在");
  const keys = [...new Set([...input.images, ...input.skus.flatMap((s) => (s.image ? [s.image] : []))])];
  if (keys.length) {
    const found = await db.select({ key: images.key }).from(images).where(inArray(images.key, keys));
    const missing = keys.filter((k) => !found.some((f) => f.key === k));
    if (missing.length) add("images", `图片不存在，请先上传：${missing.join("，")}`);
  }
  const codes = input.skus.map((s) => s.skuCode);
  codes.forEach((code, i) => {
    if (codes.indexOf(code) !== i) add(`skus.${i}.skuCode`, "SKU 编码重复");
  });
  const specKeys = input.skus.map((s) => JSON.stringify(Object.entries(s.specs).sort()));
  specKeys.forEach((k, i) => {
    if (specKeys.indexOf(k) !== i) add(`skus.${i}.specs`, "存在规格完全相同的 SKU");
  });
  input.skus.forEach((s, i) => {
    if (s.originalPriceFen != null && s.originalPriceFen < s.priceFen)
      add(`skus.${i}.originalPriceFen`, `SKU ${s.skuCode} 的划线价不能低于售价`);
  });
  if (input.status === "on_sale" && !input.skus.some((s) => s.active))
    add("skus", "上架商品至少需要一个可售 SKU");
  const taken = await db
    .select({ code: skus.skuCode, productId: skus.productId })
    .from(skus)
    .where(inArray(skus.skuCode, codes));
  for (const t of taken)
    if (t.productId !== productId)
      add(`skus.${codes.indexOf(t.code)}.skuCode`, `SKU 编码已被其他商品使用：${t.code}`);
  if (errors.length) throw new AppError(400, "VALIDATION_FAILED", errors[0]!.message, errors);
  return { attributes: values, descriptionHtml: sanitizeHtml(input.descriptionHtml), category: category! };
}

function priceSummary(list: Pick<SkuInput, "priceFen" | "originalPriceFen" | "active">[]) {
  const active = list.filter((s) => s.active);
  const cheapest = [...(active.length ? active : list)].sort((a, b) => a.priceFen - b.priceFen)[0];
  return { minPriceFen: cheapest?.priceFen ?? 0, minOriginalPriceFen: cheapest?.originalPriceFen ?? null };
}

async function writeAttributes(tx: Tx, productId: number, values: AttributeValues) {
  await tx.delete(productAttributes).where(eq(productAttributes.productId, productId));
  const rows = attributeIndexRows(values).map((r) => ({ ...r, productId }));
  if (rows.length) await tx.insert(productAttributes).values(rows);
}

/** Rebuilds a product's search document from its current name, brand, category, attributes and specs. */
async function reindexProduct(tx: Conn, productId: number) {
  const p = await tx.select().from(products).where(eq(products.id, productId)).get();
  if (!p) return;
  const cat = await tx.select().from(categories).where(eq(categories.id, p.categoryId)).get();
  const parent = cat?.parentId
    ? await tx.select().from(categories).where(eq(categories.id, cat.parentId)).get()
    : undefined;
  const specs = await tx.select({ specs: skus.specs }).from(skus).where(eq(skus.productId, productId));
  const text = toIndexText([
    p.name,
    p.subtitle,
    p.brand,
    cat?.name ?? "",
    parent?.name ?? "",
    ...specTable(p.attributes as AttributeValues).map((r) => r.value),
    ...specs.flatMap((s) => Object.values(s.specs)),
  ]);
  await tx.run(sql`DELETE FROM catalog_search WHERE product_id = ${productId}`);
  await tx.run(sql`INSERT INTO catalog_search (product_id, tokens) VALUES (${productId}, ${text})`);
}

async function writeSkus(tx: Tx, productId: number, list: SkuInput[], now: number) {
  const existing = await tx.select({ id: skus.id }).from(skus).where(eq(skus.productId, productId));
  const keep = new Set<number>();
  for (const s of list) {
    const values = {
      skuCode: s.skuCode,
      specs: s.specs,
      priceFen: s.priceFen,
      originalPriceFen: s.originalPriceFen ?? null,
      barcode: s.barcode ?? null,
      weightG: s.weightG,
      volumeCm3: s.volumeCm3,
      image: s.image ?? null,
      active: s.active,
      updatedAt: now,
    };
    if (s.id !== undefined) {
      if (!existing.some((e) => e.id === s.id)) throw badRequest(`SKU ${s.id} 不属于该商品`);
      await tx.update(skus).set(values).where(eq(skus.id, s.id));
      keep.add(s.id);
    } else {
      await tx.insert(skus).values({ ...values, productId, createdAt: now });
    }
  }
  // SKUs missing from the list are disabled, never deleted: orders keep pointing at them.
  const dropped = existing.filter((e) => !keep.has(e.id)).map((e) => e.id);
  if (dropped.length)
    await tx.update(skus).set({ active: false, updatedAt: now }).where(inArray(skus.id, dropped));
}

export async function createProduct(db: Db, input: ProductInput) {
  const id = await db.transaction(async (tx) => {
    const checked = await checkProduct(tx, input);
    const now = Date.now();
    const [row] = await tx
      .insert(products)
      .values({
        categoryId: input.categoryId,
        name: input.name,
        subtitle: input.subtitle,
        descriptionHtml: checked.descriptionHtml,
        brand: input.brand,
        status: input.status,
        warrantyMonths: input.warrantyMonths,
        attributes: checked.attributes,
        images: input.images,
        ...priceSummary(input.skus),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: products.id });
    await writeAttributes(tx, row!.id, checked.attributes);
    await writeSkus(tx, row!.id, input.skus, now);
    await reindexProduct(tx, row!.id);
    return row!.id;
  });
  return getProductAdmin(db, id);
}

export async function updateProduct(db: Db, id: number, patch: ProductPatch) {
  await db.transaction(async (tx) => {
    const current = await getProductAdmin(tx, id);
    const merged: ProductInput = {
      categoryId: patch.categoryId ?? current.categoryId,
      name: patch.name ?? current.name,
      subtitle: patch.subtitle ?? current.subtitle,
      descriptionHtml: patch.descriptionHtml ?? current.descriptionHtml,
      brand: patch.brand ?? current.brand,
      status: patch.status ?? current.status,
      warrantyMonths: patch.warrantyMonths ?? current.warrantyMonths,
      attributes: patch.attributes ?? current.attributes,
      images: patch.images ?? current.imageKeys,
      skus: patch.skus ?? current.skus,
    };
    const checked = await checkProduct(tx, merged, id);
    const now = Date.now();
    if (patch.skus) await writeSkus(tx, id, patch.skus, now);
    const allSkus = await tx.select().from(skus).where(eq(skus.productId, id));
    if (merged.status === "on_sale" && !allSkus.some((s) => s.active))
      throw badRequest("上架商品至少需要一个可售 SKU");
    await tx
      .update(products)
      .set({
        categoryId: merged.categoryId,
        name: merged.name,
        subtitle: merged.subtitle,
        descriptionHtml: checked.descriptionHtml,
        brand: merged.brand,
        status: merged.status,
        warrantyMonths: merged.warrantyMonths,
        attributes: checked.attributes,
        images: merged.images,
        ...priceSummary(allSkus),
        updatedAt: now,
      })
      .where(eq(products.id, id));
    await writeAttributes(tx, id, checked.attributes);
    await reindexProduct(tx, id);
  });
  return getProductAdmin(db, id);
}

// ---------- products: reads ----------

function skuView(s: typeof skus.$inferSelect) {
  return {
    id: s.id,
    skuCode: s.skuCode,
    specs: s.specs,
    priceFen: s.priceFen,
    originalPriceFen: s.originalPriceFen,
    barcode: s.barcode,
    weightG: s.weightG,
    volumeCm3: s.volumeCm3,
    image: s.image,
    imageUrl: s.image ? imageUrl(s.image) : null,
    active: s.active,
  };
}

/** Spec dimensions for the SKU picker: 颜色 → [白, 灰], 容量 → [..], in first-seen order. */
export function specOptions(list: { specs: Record<string, string> }[]) {
  const dims = new Map<string, string[]>();
  for (const s of list)
    for (const [k, v] of Object.entries(s.specs)) {
      const values = dims.get(k) ?? [];
      if (!values.includes(v)) values.push(v);
      dims.set(k, values);
    }
  return [...dims].map(([name, values]) => ({ name, values }));
}

export async function getProductAdmin(db: Conn, id: number) {
  const p = await db.select().from(products).where(eq(products.id, id)).get();
  if (!p) throw notFound("商品不存在");
  return productView(p, await db.select().from(skus).where(eq(skus.productId, id)).orderBy(asc(skus.id)));
}

function productView(p: typeof products.$inferSelect, list: (typeof skus.$inferSelect)[]) {
  const { images: imageKeys, ...rest } = p;
  return {
    ...rest,
    imageKeys,
    images: imageKeys.map(imageUrl),
    specTable: specTable(p.attributes as AttributeValues),
    skus: list.map(skuView),
  };
}

/**
 * What a shopper may see: on-sale products only, active SKUs only. One round trip: the product, its
 * SKUs, category, stock snapshots and promotions in one batch (one read snapshot).
 */
export async function getProductForShopper(db: Db, id: number) {
  const now = Date.now();
  const [productRows, skuRows, categoryRows, stockRows, ...promotionRows] = await db.batch([
    db.select().from(products).where(eq(products.id, id)),
    db.select().from(skus).where(eq(skus.productId, id)).orderBy(asc(skus.id)),
    db
      .select()
      .from(categories)
      .where(
        eq(categories.id, sql`(SELECT ${products.categoryId} FROM ${products} WHERE ${products.id} = ${id})`),
      ),
    db
      .select({ skuId: stockSnapshots.skuId, available: stockSnapshots.available })
      .from(stockSnapshots)
      .where(
        inArray(
          stockSnapshots.skuId,
          db
            .select({ id: skus.id })
            .from(skus)
            .where(and(eq(skus.productId, id), eq(skus.active, true))),
        ),
      ),
    ...promotionDisplayQueries(db, [id], now),
  ]);
  const row = productRows[0];
  if (row?.status !== "on_sale") throw notFound("商品不存在或已下架");
  const p = productView(row, skuRows);
  const category = categoryRows[0];
  const active = p.skus.filter((s) => s.active);
  const stock = new Map(stockRows.map((r) => [r.skuId, r.available]));
  const promotion = displayOf(promotionDisplayFrom(promotionRows as PromotionDisplayRows, now), p.id);
  const availableUnits = active.reduce((n, s) => n + (stock.get(s.id) ?? 0), 0);
  return {
    id: p.id,
    name: p.name,
    subtitle: p.subtitle,
    brand: p.brand,
    category: category ? { id: category.id, name: category.name } : null,
    descriptionHtml: p.descriptionHtml,
    images: p.images,
    warrantyMonths: p.warrantyMonths,
    priceFen: p.minPriceFen,
    originalPriceFen: p.minOriginalPriceFen,
    salesCount: p.salesCount,
    specTable: p.specTable,
    tags: listingTags(p.attributes as AttributeValues),
    promotionTags: promotion.promotionTags,
    promoPriceFen: promotion.promoPriceFen,
    specOptions: specOptions(active),
    availability: availabilityLabel(availableUnits),
    skus: active.map(({ active: _a, barcode: _b, ...s }) => ({
      ...s,
      availability: availabilityLabel(stock.get(s.id) ?? 0),
      promoPriceFen: promotion.skuPromoPrices.get(s.id) ?? null,
    })),
  };
}

export interface ListOptions extends ListQuery {
  /** Raw `attr.*` query parameters. */
  attributeFilters: Record<string, string>;
  /** Shoppers see only on-sale products; merchants may filter by any status. */
  status: "on_sale" | "draft" | "off_shelf" | "any";
}

type ListRow = {
  id: number;
  name: string;
  subtitle: string;
  brand: string;
  category_id: number;
  status: string;
  min_price_fen: number;
  min_original_price_fen: number | null;
  sales_count: number;
  created_at: number;
  attributes: string;
  images: string;
  rank?: number;
  /** Sum of available units of the active SKUs, from the stock snapshots. */
  stock_available: number;
  /** The product's review totals (cardReviewColumns), 0 without reviews. */
  review_count: number;
  review_good_count: number;
};

// One aggregate per listed product over the snapshot table, not one StockCounter call per product.
const STOCK_AVAILABLE = sql`(SELECT COALESCE(SUM(ss.available), 0) FROM skus sk JOIN stock_snapshots ss ON ss.sku_id = sk.id WHERE sk.product_id = p.id AND sk.active = 1)`;

// The cards' 评价数 and 好评率: primary-key lookups in the page's own statement.
const LIST_REVIEWS = cardReviewColumns(sql`p.id`);

async function knownTokens(db: Db, tokens: string[]): Promise<Set<string>> {
  if (!tokens.length) return new Set();
  const rows = await db.all<{ term: string }>(
    sql`SELECT term FROM catalog_search_vocab WHERE term IN (${sql.join(
      tokens.map((t) => sql`${t}`),
      sql`, `,
    )})`,
  );
  return new Set(rows.map((r) => r.term));
}

export async function listProducts(db: Db, opts: ListOptions) {
  const sort = opts.sort ?? (opts.q ? "relevance" : "newest");
  if (sort === "relevance" && !opts.q) throw badRequest("按相关度排序需要搜索关键词");
  const where: SQL[] = [];
  if (opts.status !== "any") where.push(sql`p.status = ${opts.status}`);
  if (opts.categoryId)
    where.push(
      sql`(p.category_id = ${opts.categoryId} OR p.category_id IN (SELECT id FROM categories WHERE parent_id = ${opts.categoryId}))`,
    );
  if (opts.brand) {
    const brands = opts.brand
      .split(",")
      .map((b) => b.trim())
      .filter(Boolean);
    if (brands.length)
      where.push(
        sql`p.brand IN (${sql.join(
          brands.map((b) => sql`${b}`),
          sql`, `,
        )})`,
      );
  }
  if (opts.priceMin !== undefined) where.push(sql`p.min_price_fen >= ${opts.priceMin}`);
  if (opts.priceMax !== undefined) where.push(sql`p.min_price_fen <= ${opts.priceMax}`);
  for (const [key, raw] of Object.entries(opts.attributeFilters)) {
    const f = parseAttributeFilter(key, raw);
    if (typeof f === "string") throw badRequest(f, undefined, "INVALID_FILTER");
    const cond =
      f.kind === "range"
        ? sql.join(
            [
              sql`a.key = ${f.key}`,
              ...(f.min !== undefined ? [sql`a.num_value >= ${f.min}`] : []),
              ...(f.max !== undefined ? [sql`a.num_value <= ${f.max}`] : []),
            ],
            sql` AND `,
          )
        : sql`a.key = ${f.key} AND (a.num_value IN (${sql.join(
            f.values.map((v) => sql`${v}`),
            sql`, `,
          )}) OR a.text_value IN (${sql.join(
            f.values.map((v) => sql`${String(v)}`),
            sql`, `,
          )}))`;
    where.push(sql`EXISTS (SELECT 1 FROM product_attributes a WHERE a.product_id = p.id AND ${cond})`);
  }

  let from = sql`products p`;
  let rankColumn = sql`0`;
  if (opts.q) {
    const tokens = queryTokens(opts.q);
    const known = await knownTokens(db, tokens);
    const match = toMatchExpression(tokens, (t) => known.has(t));
    if (!match) return { items: [], nextCursor: null };
    from = sql`catalog_search s JOIN products p ON p.id = s.product_id`;
    where.push(sql`catalog_search MATCH ${match}`);
    rankColumn = sql`bm25(catalog_search)`;
  }

  const { column, dir } = sort === "relevance" ? { column: "rank", dir: "asc" as const } : SORT_COLUMNS[sort];
  let cursorCond = sql`1`;
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor, listCursor(sort));
    cursorCond = dir === "asc" ? sql`(k, id) > (${c.value}, ${c.id})` : sql`(k, id) < (${c.value}, ${c.id})`;
  }
  const whereSql = where.length ? sql.join(where, sql` AND `) : sql`1`;
  const order = dir === "asc" ? sql`k ASC, id ASC` : sql`k DESC, id DESC`;
  const keyExpr = column === "rank" ? rankColumn : sql.raw(`p.${column}`);
  const pageSql = sql`SELECT * FROM (SELECT p.*, ${rankColumn} AS rank, ${keyExpr} AS k, ${STOCK_AVAILABLE} AS stock_available, ${LIST_REVIEWS.reviewCount} AS review_count, ${LIST_REVIEWS.reviewGoodCount} AS review_good_count FROM ${from} WHERE ${whereSql}) WHERE ${cursorCond} ORDER BY ${order} LIMIT ${opts.limit + 1}`;
  // One round trip: the page and its products' promotions in one batch, the page's ids as a subquery.
  const now = Date.now();
  const [listed, ...promotionRows] = await db.batch([
    db.all<ListRow & { k: number }>(pageSql),
    ...promotionDisplayQueries(db, sql`(SELECT id FROM (${pageSql}))`, now),
  ]);
  const rows = listed as (ListRow & { k: number })[];
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > opts.limit && last
      ? encodeCursor({ sort, value: last.k, id: last.id } satisfies Cursor)
      : null;
  const promotions = promotionDisplayFrom(promotionRows as PromotionDisplayRows, now);
  return {
    items: page.map((r) => {
      const { promotionTags, promoPriceFen } = displayOf(promotions, r.id);
      return { ...listItem(r), promotionTags, promoPriceFen };
    }),
    nextCursor,
  };
}

function listItem(r: ListRow) {
  const attributes = JSON.parse(r.attributes) as AttributeValues;
  const imageKeys = JSON.parse(r.images) as string[];
  return {
    id: r.id,
    name: r.name,
    subtitle: r.subtitle,
    brand: r.brand,
    categoryId: r.category_id,
    status: r.status,
    priceFen: r.min_price_fen,
    originalPriceFen: r.min_original_price_fen,
    salesCount: r.sales_count,
    cover: imageKeys[0] ? imageUrl(imageKeys[0]) : null,
    tags: listingTags(attributes),
    ...cardReviews({ reviewCount: r.review_count, reviewGoodCount: r.review_good_count }),
    availability: availabilityLabel(r.stock_available),
    createdAt: r.created_at,
  };
}

/** Brands present in a category, for the filter panel. */
export async function brandFacets(db: Db, categoryId?: number) {
  const cond = categoryId
    ? and(
        eq(products.status, "on_sale"),
        sql`(${products.categoryId} = ${categoryId} OR ${products.categoryId} IN (SELECT id FROM categories WHERE parent_id = ${categoryId}))`,
      )
    : eq(products.status, "on_sale");
  const rows = await db
    .select({ brand: products.brand, count: sql<number>`count(*)` })
    .from(products)
    .where(cond)
    .groupBy(products.brand)
    .orderBy(sql`count(*) DESC`);
  return rows;
}
