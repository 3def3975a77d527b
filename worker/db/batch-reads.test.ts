// The pure part of the batch-read seam: how reads flatten into one statement list and how the batch's
// results are handed back. The queries are real drizzle builders; nothing here reaches a database
// (the URL points nowhere, so an unexpected round trip would fail the test).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { shopSettings } from "../checkout/schema";
import {
  batchRead,
  combineReads,
  constRead,
  inIds,
  mapRead,
  noIds,
  readTogether,
  runRead,
} from "./batch-reads";
import { createDb } from "./client";

const db = createDb("http://127.0.0.1:9");
const q1 = db.select().from(shopSettings).where(eq(shopSettings.id, 1));
const q2 = db.select({ id: shopSettings.id }).from(shopSettings);
const q3 = db.select({ fee: shopSettings.shippingFlatFeeFen }).from(shopSettings);

describe("batch reads", () => {
  it("flattens every read's statements in order and hands each read its own results", () => {
    const seen: unknown[][] = [];
    const read = combineReads({
      a: batchRead([q1], ([rows]) => {
        seen.push(rows);
        return "A";
      }),
      none: constRead(42),
      b: batchRead([q2, q3] as const, ([ids, fees]) => {
        seen.push(ids, fees);
        return ids.length + fees.length;
      }),
    });
    expect(read.queries).toEqual([q1, q2, q3]);
    const results = [["r1"], [{ id: 1 }, { id: 2 }], [{ fee: 5 }]];
    const values: { a: string; none: number; b: number } = read.map(results);
    expect(values).toEqual({ a: "A", none: 42, b: 3 });
    expect(seen).toEqual(results);
  });

  it("nests: a combined read is a read like any other, and mapRead keeps its statements", () => {
    const inner = combineReads({ x: batchRead([q2], ([rows]) => rows.length), y: constRead("y") });
    const outer = combineReads({
      first: batchRead([q1], ([rows]) => rows.length),
      inner: mapRead(inner, (v) => `${v.y}${v.x}`),
    });
    expect(outer.queries).toEqual([q1, q2]);
    expect(outer.map([[], [{}, {}, {}]])).toEqual({ first: 0, inner: "y3" });
  });

  it("refuses results that do not match its statements", () => {
    const read = combineReads({ a: batchRead([q1], ([rows]) => rows), b: batchRead([q2], ([rows]) => rows) });
    expect(() => read.map([[]])).toThrow(/1 results/);
  });

  it("a read of no statements costs no round trip", async () => {
    expect(await runRead(db, constRead("offline"))).toBe("offline");
    expect(await readTogether(db, { a: constRead(1), b: constRead([]) })).toEqual({ a: 1, b: [] });
  });

  it("ids: a list is read without duplicates, an empty one needs no statement, a subquery is kept", () => {
    expect(inIds([3, 1, 3])).toEqual([3, 1]);
    expect(noIds([])).toBe(true);
    expect(noIds([1])).toBe(false);
    expect(inIds(q2)).toBe(q2);
    expect(noIds(q2)).toBe(false);
  });
});
