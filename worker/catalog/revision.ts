/**
 * The catalog's version, as the edge cache keys its entries (worker/shared/edge-cache.ts): the revision
 * that triggers bump on every catalog write (migrations/0031_catalog_revision.sql), plus the latest
 * promotion start or end that has passed, since a limited-time price or a 满减 tag appears and
 * disappears with the clock rather than with a write. One query, one round trip.
 */
import type { InStatement } from "@libsql/client/web";
import { sql } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";

/** Tables whose every insert, update and delete bumps the revision (a trigger each). */
export const REVISION_TABLES = [
  "categories",
  "products",
  "skus",
  "product_attributes",
  "banners",
  "home_recommendations",
  "promotions",
  "promotion_sku_prices",
] as const;

/** Columns whose updates do not bump it: they change with orders, and the reads showing them expire fast. */
export const REVISION_EXEMPT_COLUMNS: Record<string, readonly string[]> = { products: ["sales_count"] };

const versionQuery = (now: number) => sql`
    SELECT (SELECT rev FROM catalog_revision WHERE id = 1) AS rev,
      (SELECT max(b) FROM (SELECT starts_at AS b FROM promotions WHERE starts_at <= ${now}
                           UNION ALL SELECT ends_at FROM promotions WHERE ends_at <= ${now})) AS phase`;

type VersionRow = { rev?: unknown; phase?: unknown } | undefined;

/** The version a row of `versionQuery` says: "<revision>.<last promotion boundary passed>", e.g. "42.1796582241739". */
export const versionOf = (row: VersionRow): string => `${Number(row?.rev ?? 0)}.${Number(row?.phase ?? 0)}`;

export async function catalogVersion(db: Db, now = Date.now()): Promise<string> {
  return versionOf(await db.get<VersionRow>(versionQuery(now)));
}

const dialect = new SQLiteAsyncDialect();

/** The same query as a plain statement, to ride ahead of a route's own read (db/read-ahead.ts). */
export function catalogVersionStatement(now = Date.now()): InStatement {
  const q = dialect.sqlToQuery(versionQuery(now));
  return { sql: q.sql, args: q.params as InStatement extends { args?: infer A } ? A : never };
}
