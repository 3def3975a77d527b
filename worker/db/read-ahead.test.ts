// Reads queued ahead of a request's next read, against a real libSQL file behind the local Hrana gateway,
// through the production driver: the gateway counts the round trips.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client/web";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type HranaGateway, type RoundTripStats, startHranaGateway } from "../../dev/hrana-gateway/index";
import { isReadOnly, withReadAhead } from "./read-ahead";

let dir: string;
let gateway: HranaGateway;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "jiadian-read-ahead-"));
  gateway = await startHranaGateway({ dbPath: join(dir, "ahead.db") });
  const setup = createClient({ url: gateway.url });
  await setup.batch([
    "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)",
    "INSERT INTO t VALUES (1, 'a'), (2, 'b')",
  ]);
  setup.close();
});
afterAll(async () => {
  await gateway.close();
  await rm(dir, { recursive: true, force: true });
});

const stats = async (reset = false): Promise<RoundTripStats> =>
  (await (
    await fetch(`${gateway.url}/_stats${reset ? "/reset" : ""}`, { method: reset ? "POST" : "GET" })
  ).json()) as RoundTripStats;

let ahead: ReturnType<typeof withReadAhead>;
beforeEach(async () => {
  ahead = withReadAhead(createClient({ url: gateway.url }));
  await stats(true);
});

describe("read-ahead", () => {
  it("a queued read rides in the next read's pipeline: one round trip, each gets its own rows", async () => {
    const queued = ahead.readAhead.add("SELECT count(*) AS n FROM t");
    const rs = await ahead.client.execute({ sql: "SELECT v FROM t WHERE id = ?", args: [2] });
    expect(rs.rows.map((r) => r.v)).toEqual(["b"]);
    expect((await queued).rows[0]!.n).toBe(2);
    expect((await stats()).roundTrips).toBe(1);
    // Nothing left: the next call goes alone.
    await ahead.client.execute("SELECT 1");
    expect((await stats()).roundTrips).toBe(2);
  });

  it("rides in front of a read-only batch too, and the batch gets only its own results", async () => {
    const queued = ahead.readAhead.add("SELECT 'x' AS q");
    const results = await ahead.client.batch([
      "SELECT v FROM t WHERE id = 1",
      "SELECT v FROM t WHERE id = 2",
    ]);
    expect(results.map((r) => r.rows[0]!.v)).toEqual(["a", "b"]);
    expect((await queued).rows[0]!.q).toBe("x");
    expect((await stats()).roundTrips).toBe(1);
  });

  it("never shares a transaction with a write: the queue runs on its own first, before the write", async () => {
    const queued = ahead.readAhead.add("SELECT v FROM t WHERE id = 1");
    await ahead.client.batch(["UPDATE t SET v = 'changed' WHERE id = 1"], "write");
    // The queued read ran before the write, in its own round trip.
    expect((await queued).rows[0]!.v).toBe("a");
    const s = await stats();
    expect(s.roundTrips).toBe(2);
    expect(s.log[0]!.sql.some((q) => /UPDATE/.test(q))).toBe(false);
    await ahead.client.execute("UPDATE t SET v = 'a' WHERE id = 1");
  });

  it("flush runs what is queued on its own, and costs nothing when the queue is empty", async () => {
    await ahead.readAhead.flush();
    expect((await stats()).roundTrips).toBe(0);
    const queued = ahead.readAhead.add("SELECT 7 AS seven");
    await ahead.readAhead.flush();
    expect((await queued).rows[0]!.seven).toBe(7);
    expect((await stats()).roundTrips).toBe(1);
  });

  it("a failing read fails the queued read with it (and its caller sees the error)", async () => {
    const queued = ahead.readAhead.add("SELECT 1");
    await expect(ahead.client.execute("SELECT * FROM no_such_table")).rejects.toThrow(/no_such_table/);
    await expect(queued).rejects.toThrow(/no_such_table/);
  });

  it("a gate holds later calls until the queued read decides, and fails them when it says no", async () => {
    const queued = ahead.readAhead.add("SELECT 0 AS open");
    const decided = queued.then((rs) => {
      if (!rs.rows[0]!.open) throw new Error("closed");
    });
    ahead.readAhead.gate(decided);
    // The call that carries the queue runs; the next ones (read or write) never reach the database.
    expect((await ahead.client.execute("SELECT v FROM t WHERE id = 1")).rows[0]!.v).toBe("a");
    await expect(ahead.client.execute("SELECT v FROM t WHERE id = 2")).rejects.toThrow("closed");
    await expect(ahead.client.batch(["UPDATE t SET v = 'no' WHERE id = 1"], "write")).rejects.toThrow(
      "closed",
    );
    expect((await stats()).roundTrips).toBe(1);
  });

  it("a gate that says yes lets later calls through, each on its own", async () => {
    const queued = ahead.readAhead.add("SELECT 1 AS open");
    ahead.readAhead.gate(queued);
    const [first, second] = await Promise.all([
      ahead.client.execute("SELECT v FROM t WHERE id = 1"),
      ahead.client.execute("SELECT v FROM t WHERE id = 2"),
    ]);
    expect([first.rows[0]!.v, second.rows[0]!.v]).toEqual(["a", "b"]);
    expect((await stats()).roundTrips).toBe(2);
  });

  it("tells reads from writes conservatively", () => {
    expect(isReadOnly('select "id" from "t" where "updated_at" > ?')).toBe(true);
    expect(isReadOnly({ sql: "  WITH x AS (SELECT 1) SELECT * FROM x", args: [] })).toBe(true);
    expect(isReadOnly("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x")).toBe(false);
    expect(isReadOnly("INSERT INTO t VALUES (3, 'c')")).toBe(false);
    expect(isReadOnly("UPDATE t SET v = 'x'")).toBe(false);
    expect(isReadOnly(["DELETE FROM t"])).toBe(false);
  });
});
