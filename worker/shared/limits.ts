import { getTableColumns, is, SQL, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

/**
 * Per-owner limits (20 addresses, 50 cart lines…) that hold under concurrency. A count followed by
 * an insert lets parallel requests all see room and all insert; these build one statement,
 * `INSERT INTO t SELECT <row> WHERE (SELECT count(*) FROM t WHERE <owner>) < N`, which SQLite (and
 * sqld) evaluate under the write lock the statement holds, so the count and the insert cannot be split.
 * No row inserted (RETURNING nothing) means the limit was reached.
 */
export const countBelow = (table: SQLiteTable, owner: SQL | undefined, max: number): SQL =>
  sql`(SELECT count(*) FROM ${table} WHERE ${owner}) < ${max}`;

type RowValues<T extends SQLiteTable> = { [K in keyof T["$inferInsert"]]?: T["$inferInsert"][K] | SQL };

/**
 * The SELECT for `db.insert(table).select(rowIf(...))`: one row of `values` in the table's column
 * order (what drizzle's insert-select lists), columns left out taking their defaults as
 * `insert().values()` would, selected only while `condition` holds.
 */
export function rowIf<T extends SQLiteTable>(table: T, values: RowValues<T>, condition: SQL): SQL {
  const given = values as Record<string, unknown>;
  const cells = Object.entries(getTableColumns(table))
    .filter(([, col]) => col.generated === undefined) // as drizzle lists the insert columns
    .map(([key, col]) => {
      const v = given[key] !== undefined ? given[key] : (col.default ?? col.defaultFn?.());
      if (v === undefined) return sql`NULL`;
      return is(v, SQL) ? v : sql.param(v, col);
    });
  return sql`SELECT ${sql.join(cells, sql`, `)} WHERE ${condition}`;
}
