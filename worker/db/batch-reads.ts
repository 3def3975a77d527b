// Reads that can share a batch. In production every db call is a network round trip to Turso, while
// one db.batch is one round trip however many statements it carries. A reader that also exists in
// this form (`xRead(db, …)`: its query builders plus how to turn their results into its value) can be
// run alone (`runRead`) or with others in ONE batch (`readTogether`), with no second copy of its query.
// The batch is one transaction, so a write with .returning() (placing an order's idempotency claim) can
// lead it and the reads after it see the same database.
import type { SQLWrapper } from "drizzle-orm";
import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import type { Db } from "./client";

type Query = BatchItem<"sqlite">;

/**
 * Ids a read selects by: a list, or a subquery selecting them, so that a read in the same batch as the
 * statement that finds the ids (e.g. the shopper's selected cart lines) need not wait for its answer.
 */
export type Ids = readonly number[] | SQLWrapper;

const isIdList = (ids: Ids): ids is readonly number[] => Array.isArray(ids);

/** For inArray: the list without duplicates, or the subquery as it is. */
export const inIds = (ids: Ids): number[] | SQLWrapper => (isIdList(ids) ? [...new Set(ids)] : ids);

/** A list with no ids: a read by them can answer without a statement. */
export const noIds = (ids: Ids) => isIdList(ids) && ids.length === 0;

/** The statements of one read and how to turn their results (in the same order) into its value. */
export interface BatchRead<T> {
  readonly queries: readonly Query[];
  readonly map: (results: readonly unknown[]) => T;
}

/** The value a read yields. */
export type ReadValue<R> = R extends BatchRead<infer T> ? T : never;

/** The value each read of a record yields. */
export type ReadValues<R extends Record<string, BatchRead<unknown>>> = {
  [K in keyof R]: R[K] extends BatchRead<infer T> ? T : never;
};

/** A read of these query builders; `map` gets their results typed as db.batch would return them. */
export function batchRead<const Q extends readonly Query[], T>(
  queries: Q,
  map: (results: BatchResponse<Q>) => T,
): BatchRead<T> {
  // db.batch answers each query with its own result, in order: exactly BatchResponse<Q>.
  return { queries, map: (results) => map(results as BatchResponse<Q>) };
}

/** A read that needs no statement (e.g. no shopper: no coupons). */
export const constRead = <T>(value: T): BatchRead<T> => ({ queries: [], map: () => value });

/** The same statements, another value. */
export const mapRead = <T, U>(read: BatchRead<T>, f: (value: T) => U): BatchRead<U> => ({
  queries: read.queries,
  map: (results) => f(read.map(results)),
});

/** Several reads as one: their statements one after the other, each result handed back to its own read. */
export function combineReads<R extends Record<string, BatchRead<unknown>>>(
  reads: R,
): BatchRead<ReadValues<R>> {
  const entries = Object.entries(reads);
  return {
    queries: entries.flatMap(([, r]) => r.queries),
    map(results) {
      if (results.length !== entries.reduce((n, [, r]) => n + r.queries.length, 0))
        throw new Error(`batch read: ${results.length} results for a different number of statements`);
      let at = 0;
      const values: Record<string, unknown> = {};
      for (const [key, r] of entries) {
        values[key] = r.map(results.slice(at, at + r.queries.length));
        at += r.queries.length;
      }
      return values as ReadValues<R>;
    },
  };
}

/** Runs a read in one round trip (none when it needs no statement). */
export async function runRead<T>(db: Db, read: BatchRead<T>): Promise<T> {
  const [first, ...rest] = read.queries;
  return read.map(first ? await db.batch([first, ...rest]) : []);
}

/** Runs several reads in ONE round trip: `{ a: readA, b: readB }` → `{ a: A, b: B }`. */
export const readTogether = <R extends Record<string, BatchRead<unknown>>>(db: Db, reads: R) =>
  runRead(db, combineReads(reads));
