/**
 * The shopper's search around the product listing: typo correction (您是不是要找), 相关推荐 when nothing
 * matches, and the 热门搜索 counter of terms that found products.
 */
import { desc, gt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { ATTRIBUTES, type AttributeDef } from "./attributes";
import { correctQuery } from "./search-correct";
import { searchTerms } from "./search-schema";
import { normalise } from "./search-tokens";
import { type ListOptions, listProducts } from "./service";

/** How many 相关推荐 an empty search shows, and how many hot words. */
const RELATED_LIMIT = 6;
const HOT_LIMIT = 10;
/** Hot words count searches of the last 30 days (by the term's latest search). */
const HOT_WINDOW_MS = 30 * 24 * 3600 * 1000;

/** Words the catalog itself uses: category names, brands and the attribute values (挂机, 滚筒, …). */
async function catalogVocabulary(db: Db): Promise<string[]> {
  const rows = await db.all<{ w: string }>(
    sql`SELECT name AS w FROM categories UNION SELECT DISTINCT brand AS w FROM products WHERE status = 'on_sale'`,
  );
  const enums = Object.values(ATTRIBUTES as Record<string, AttributeDef>).flatMap((d) =>
    d.kind === "enum" ? [...d.values] : [],
  );
  return [...rows.map((r) => r.w), ...enums];
}

/** A search term as it is counted: folded, single-spaced, at most 20 characters. */
export const termKey = (q: string) => normalise(q).replace(/\s+/g, " ").trim().slice(0, 20);

/**
 * The product listing, and for a search's first page: the corrected query when the shopper's query
 * reads like a catalog word it is not (its results replace the original's when it finds any), and
 * best sellers (in the category, if one is chosen) when nothing matches.
 */
export async function searchProducts(db: Db, opts: ListOptions) {
  const page = await listProducts(db, opts);
  if (!opts.q || opts.cursor) return { ...page, correction: null, related: [] };
  const corrected = correctQuery(opts.q, await catalogVocabulary(db));
  let result = page;
  let correction: { original: string; corrected: string } | null = null;
  if (corrected) {
    const better = await listProducts(db, { ...opts, q: corrected });
    if (better.items.length) {
      result = better;
      correction = { original: opts.q, corrected };
    }
  }
  let related: Awaited<ReturnType<typeof bestSellers>> = [];
  if (!result.items.length) {
    related = await bestSellers(db, opts.categoryId);
    if (!related.length && opts.categoryId) related = await bestSellers(db);
  }
  return { ...result, correction, related };
}

async function bestSellers(db: Db, categoryId?: number) {
  const page = await listProducts(db, {
    sort: "sales",
    limit: RELATED_LIMIT,
    ...(categoryId ? { categoryId } : {}),
    attributeFilters: {},
    status: "on_sale",
  });
  return page.items;
}

/** Counts one search that found products (called after the response, off the shopper's time). */
export async function recordSearch(db: Db, query: string, now = Date.now()) {
  const term = termKey(query);
  if (term.length < 1) return;
  await db
    .insert(searchTerms)
    .values({ term, count: 1, lastSearchedAt: now })
    .onConflictDoUpdate({
      target: searchTerms.term,
      set: { count: sql`${searchTerms.count} + 1`, lastSearchedAt: now },
    });
}

/** The most searched terms of the last 30 days that found products. */
export async function hotSearches(db: Db, now = Date.now()) {
  const rows = await db
    .select({ term: searchTerms.term, count: searchTerms.count })
    .from(searchTerms)
    .where(gt(searchTerms.lastSearchedAt, now - HOT_WINDOW_MS))
    .orderBy(desc(searchTerms.count), desc(searchTerms.lastSearchedAt))
    .limit(HOT_LIMIT);
  return rows;
}
