import { type Client, createClient } from "@libsql/client/web";
import { createTableRelationsHelpers, extractTablesRelationalConfig } from "drizzle-orm";
import { LibSQLDatabase } from "drizzle-orm/libsql/driver-core";
import { LibSQLSession } from "drizzle-orm/libsql/session";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { shoppers, staff } from "../auth/schema";

/**
 * Tables readable through drizzle's relational API (`db.query.<table>`): only those still read that way
 * (the auth and agent services). Everything else uses db.select(), and new code should too, so that
 * the database layer need not know every domain's tables. drizzle-kit reads the domains' schema files
 * itself (drizzle.config.ts).
 */
const relationalTables = { shoppers, staff };

// What drizzle(client, { schema }) derives from the schema on every call, derived once per isolate: the
// profile of the request path showed it on every request (docs/benchmarks.md). Neither holds request state.
const tablesConfig = extractTablesRelationalConfig(relationalTables, createTableRelationsHelpers);
const relationalSchema = {
  fullSchema: relationalTables,
  schema: tablesConfig.tables,
  tableNamesMap: tablesConfig.tableNamesMap,
};
const dialect = new SQLiteAsyncDialect();

/** The same database object drizzle(client, { schema: relationalTables }) builds. */
export type Db = LibSQLDatabase<typeof relationalTables> & { $client: Client };

export function createDb(url: string, authToken?: string): Db {
  const client = createClient({ url, authToken });
  const session = new LibSQLSession(client, dialect, relationalSchema, {}, undefined);
  // drizzle's own construct() (drizzle-orm/libsql/driver-core) does exactly this, untyped.
  const db = new LibSQLDatabase<typeof relationalTables>(
    "async",
    dialect,
    session as never,
    relationalSchema as never,
  );
  return Object.assign(db, { $client: client });
}

/**
 * A database whose client is created on first use: requests that never query (health, stock
 * reservations, cached catalog reads answered from the edge cache) build none. Every property read is
 * forwarded to the real object, methods bound to it.
 */
export function lazyDb(url: string, authToken?: string): Db {
  let real: Db | undefined;
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy({} as Db, {
    get(_target, prop) {
      real ??= createDb(url, authToken);
      const value = Reflect.get(real, prop, real);
      if (typeof value !== "function") return value;
      let fn = bound.get(prop);
      if (!fn) {
        fn = value.bind(real);
        bound.set(prop, fn);
      }
      return fn;
    },
    has(_target, prop) {
      real ??= createDb(url, authToken);
      return prop in real;
    },
  });
}
