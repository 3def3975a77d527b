import { type Client, createClient } from "@libsql/client/web";
import { createTableRelationsHelpers, extractTablesRelationalConfig } from "drizzle-orm";
import { LibSQLDatabase } from "drizzle-orm/libsql/driver-core";
import { LibSQLSession } from "drizzle-orm/libsql/session";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { shoppers, staff } from "../auth/schema";
import { type ReadAhead, withReadAhead } from "./read-ahead";

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

/**
 * The network round trips a client has made: each Hrana request (one `execute`, one `batch`) is one
 * round trip to Turso in production, where they are what a shopper waits for (docs/benchmarks.md).
 */
export interface RoundTrips {
  count: number;
  /** Time spent waiting for them, summed (overlapping ones count twice). */
  ms: number;
}

function countingFetch(counter: RoundTrips): typeof fetch {
  return async (...args: Parameters<typeof fetch>) => {
    counter.count++;
    const started = Date.now();
    try {
      return await fetch(...args);
    } finally {
      counter.ms += Date.now() - started;
    }
  };
}

export function createDb(url: string, authToken?: string): Db {
  return dbOver(createClient({ url, authToken }));
}

function dbOver(client: Client): Db {
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

const ROUND_TRIPS = Symbol("roundTrips");
const READ_AHEAD = Symbol("readAhead");

/** The round trips a request's database (`lazyDb`) has made so far; undefined for any other Db. */
export const roundTripsOf = (db: Db | undefined): RoundTrips | undefined =>
  (db as { [ROUND_TRIPS]?: RoundTrips } | undefined)?.[ROUND_TRIPS];

/** The request's read-ahead queue (`lazyDb`; see read-ahead.ts); undefined for any other Db. */
export const readAheadOf = (db: Db | undefined): ReadAhead | undefined =>
  (db as { [READ_AHEAD]?: ReadAhead } | undefined)?.[READ_AHEAD];

/**
 * A database whose client is created on first use: requests that never query (health, stock
 * reservations, cached catalog reads answered from the edge cache) build none. Every property read is
 * forwarded to the real object, methods bound to it. It counts its round trips (`roundTripsOf`) and
 * can carry reads ahead of the request's first read (`readAheadOf`).
 */
export function lazyDb(url: string, authToken?: string): Db {
  let real: Db | undefined;
  let readAhead: ReadAhead | undefined;
  const bound = new Map<PropertyKey, unknown>();
  const counter: RoundTrips = { count: 0, ms: 0 };
  const create = () => {
    const ahead = withReadAhead(createClient({ url, authToken, fetch: countingFetch(counter) }));
    readAhead = ahead.readAhead;
    return dbOver(ahead.client);
  };
  return new Proxy({} as Db, {
    get(_target, prop) {
      if (prop === ROUND_TRIPS) return counter;
      real ??= create();
      if (prop === READ_AHEAD) return readAhead;
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
      real ??= create();
      return prop in real;
    },
  });
}
