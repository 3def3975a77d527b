import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { type Client, createClient, LibsqlError } from "@libsql/client/web";
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql/web";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HranaGateway, startHranaGateway } from "./index";

const dirs: string[] = [];
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), "hrana-gw-"));
  dirs.push(dir);
  return join(dir, "test.db");
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Rejection of a promise, for asserting on error fields. */
async function rejection(promise: Promise<unknown>): Promise<LibsqlError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(LibsqlError);
    return err as LibsqlError;
  }
  throw new Error("expected the promise to reject");
}

describe("hrana gateway with @libsql/client/web", () => {
  let gateway: HranaGateway;
  let client: Client;

  beforeAll(async () => {
    gateway = await startHranaGateway({ dbPath: tempDb(), idleTransactionMs: 300 });
    client = createClient({ url: gateway.url, intMode: "bigint" });
    await client.executeMultiple(`
      CREATE TABLE vals (id INTEGER PRIMARY KEY, i INTEGER, f REAL, t TEXT, b BLOB, n ANY);
      CREATE TABLE brands (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE);
      CREATE TABLE products (id INTEGER PRIMARY KEY, brand_id INTEGER NOT NULL REFERENCES brands(id), name TEXT);
      CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL);
      INSERT INTO counter (id, n) VALUES (1, 0), (2, 0);
    `);
  });
  afterAll(async () => {
    client.close();
    await gateway.close();
  });

  it("counts round trips (HTTP requests) and statements per client call, resettable over HTTP", async () => {
    const reset = await fetch(`${gateway.url}/_stats/reset`, { method: "POST" });
    expect(((await reset.json()) as { roundTrips: number }).roundTrips).toBe(0);
    await client.execute("SELECT 1");
    await client.batch(["SELECT 1", "SELECT 2", "SELECT 3"], "read");
    const tx = await client.transaction("write");
    await tx.execute("UPDATE counter SET n = n WHERE id = 1");
    await tx.commit();
    const stats = (await (await fetch(`${gateway.url}/_stats`)).json()) as ReturnType<HranaGateway["stats"]>;
    // execute: 1 request; batch: 1 request (BEGIN, 3 selects, COMMIT, ROLLBACK); transaction: 2 (statement, commit).
    expect(stats.roundTrips).toBe(4);
    expect(stats.log[0]).toMatchObject({ statements: 1, sql: ["SELECT 1"] });
    expect(stats.log[1]!.sql).toEqual([
      "BEGIN TRANSACTION READONLY",
      "SELECT 1",
      "SELECT 2",
      "SELECT 3",
      "COMMIT",
      "ROLLBACK",
    ]);
    expect(gateway.stats()).toEqual(stats);
    gateway.resetStats();
    expect(gateway.stats()).toMatchObject({ roundTrips: 0, statements: 0, log: [] });
  });

  it("runs the file in WAL mode with foreign keys on", async () => {
    const rs = await client.execute("PRAGMA journal_mode");
    expect(rs.rows[0]?.[0]).toBe("wal");
    expect((await client.execute("PRAGMA foreign_keys")).rows[0]?.[0]).toBe(1n);
  });

  it("round-trips every value type with positional arguments", async () => {
    const blob = new Uint8Array(256).map((_, i) => i);
    const big = 2n ** 62n + 12345n;
    const inserted = await client.execute({
      sql: "INSERT INTO vals (i, f, t, b, n) VALUES (?, ?, ?, ?, ?)",
      args: [big, 0.1, "海尔冰箱 🧊 'quoted'", blob, null],
    });
    expect(inserted.rowsAffected).toBe(1);
    const id = inserted.lastInsertRowid!;
    expect(typeof id).toBe("bigint");

    const rs = await client.execute({
      sql: "SELECT i, f, t, b, n, typeof(i) ti, typeof(f) tf, typeof(b) tb FROM vals WHERE id = ?",
      args: [id],
    });
    expect(rs.columns).toEqual(["i", "f", "t", "b", "n", "ti", "tf", "tb"]);
    expect(rs.columnTypes.slice(0, 4)).toEqual(["INTEGER", "REAL", "TEXT", "BLOB"]);
    const row = rs.rows[0]!;
    expect(row.i).toBe(big);
    expect(row.f).toBe(0.1);
    expect(row.t).toBe("海尔冰箱 🧊 'quoted'");
    expect(new Uint8Array(row.b as ArrayBuffer)).toEqual(blob);
    expect(row.n).toBeNull();
    expect([row.ti, row.tf, row.tb]).toEqual(["integer", "real", "blob"]);
  });

  it("keeps extreme integers exact and floats as floats", async () => {
    const min = -(2n ** 63n);
    const max = 2n ** 63n - 1n;
    const rs = await client.execute({
      sql: "SELECT ?1 AS lo, ?2 AS hi, ?3 AS whole_float, typeof(?3) AS t, ?4 AS tiny",
      args: [min, max, 3, 5e-324],
    });
    expect(rs.rows[0]?.lo).toBe(min);
    expect(rs.rows[0]?.hi).toBe(max);
    // A JS number is sent as a Hrana float, so SQLite stores REAL 3.0, as on sqld.
    expect(rs.rows[0]?.whole_float).toBe(3);
    expect(rs.rows[0]?.t).toBe("real");
    expect(rs.rows[0]?.tiny).toBe(5e-324);
  });

  it("binds named arguments with every sigil, with or without the sigil in the name", async () => {
    const rs = await client.execute({
      sql: "SELECT :a AS a, @b AS b, $c AS c, :a || '!' AS again",
      args: { a: "甲", "@b": 2n, $c: null },
    });
    expect(rs.rows[0]).toMatchObject({ a: "甲", b: 2n, c: null, again: "甲!" });
  });

  it("rejects two statements in one execute and both kinds of arguments at once", async () => {
    const many = await rejection(client.execute("SELECT 1; SELECT 2"));
    expect(many.code).toBe("SQL_MANY_STATEMENTS");
    const unknownName = await rejection(client.execute({ sql: "SELECT :a", args: { zz: 1 } }));
    expect(unknownName.code).toBe("ARGS_INVALID");
  });

  it("reports constraint failures with SQLite codes and messages the worker maps", async () => {
    await client.execute({ sql: "INSERT INTO brands (code) VALUES (?)", args: ["haier"] });
    const dup = await rejection(
      client.execute({ sql: "INSERT INTO brands (code) VALUES (?)", args: ["haier"] }),
    );
    expect(dup.code).toBe("SQLITE_CONSTRAINT");
    expect(dup.message).toMatch(/UNIQUE constraint failed: brands\.code/);

    const fk = await rejection(
      client.execute({ sql: "INSERT INTO products (brand_id, name) VALUES (?, ?)", args: [999_999, "x"] }),
    );
    expect(fk.code).toBe("SQLITE_CONSTRAINT");
    expect(fk.message).toMatch(/FOREIGN KEY constraint failed/);

    const syntax = await rejection(client.execute("SELEC 1"));
    expect(syntax.code).toBe("SQLITE_ERROR");
  });

  it("returns per-statement results of a write batch", async () => {
    const results = await client.batch(
      [
        { sql: "INSERT INTO brands (code) VALUES (?)", args: ["midea"] },
        { sql: "INSERT INTO products (brand_id, name) VALUES (last_insert_rowid(), ?)", args: ["空调"] },
        "SELECT p.name, b.code FROM products p JOIN brands b ON b.id = p.brand_id WHERE b.code = 'midea'",
      ],
      "write",
    );
    expect(results).toHaveLength(3);
    expect(results[0]?.rowsAffected).toBe(1);
    expect(results[1]?.rowsAffected).toBe(1);
    expect(results[2]?.rows.map((r) => [r.name, r.code])).toEqual([["空调", "midea"]]);
  });

  it("rolls back a whole batch when one statement fails", async () => {
    const before = (await client.execute("SELECT count(*) AS n FROM brands")).rows[0]?.n;
    const err = await rejection(
      client.batch(
        [
          { sql: "INSERT INTO brands (code) VALUES (?)", args: ["gree"] },
          { sql: "INSERT INTO brands (code) VALUES (?)", args: ["tcl"] },
          { sql: "INSERT INTO brands (code) VALUES (?)", args: ["gree"] },
          { sql: "INSERT INTO brands (code) VALUES (?)", args: ["hisense"] },
        ],
        "write",
      ),
    );
    expect(err.code).toBe("SQLITE_CONSTRAINT");
    expect((err as LibsqlError & { statementIndex?: number }).statementIndex).toBe(2);
    const after = await client.execute("SELECT count(*) AS n FROM brands");
    expect(after.rows[0]?.n).toBe(before);
    const leaked = await client.execute("SELECT code FROM brands WHERE code IN ('gree', 'tcl', 'hisense')");
    expect(leaked.rows).toHaveLength(0);
  });

  it("commits and rolls back interactive transactions", async () => {
    const committed = await client.transaction("write");
    await committed.execute({ sql: "INSERT INTO brands (code) VALUES (?)", args: ["tx-commit"] });
    const inside = await committed.execute("SELECT count(*) AS n FROM brands WHERE code = 'tx-commit'");
    expect(inside.rows[0]?.n).toBe(1n);
    // Another stream cannot see the uncommitted row, and its read is not blocked by the open transaction.
    const outside = await client.execute("SELECT count(*) AS n FROM brands WHERE code = 'tx-commit'");
    expect(outside.rows[0]?.n).toBe(0n);
    await committed.commit();
    expect(
      (await client.execute("SELECT count(*) AS n FROM brands WHERE code = 'tx-commit'")).rows[0]?.n,
    ).toBe(1n);

    const rolledBack = await client.transaction("write");
    await rolledBack.execute({ sql: "INSERT INTO brands (code) VALUES (?)", args: ["tx-rollback"] });
    await rolledBack.rollback();
    expect(
      (await client.execute("SELECT count(*) AS n FROM brands WHERE code = 'tx-rollback'")).rows[0]?.n,
    ).toBe(0n);
  });

  it("keeps a transaction usable after a failed statement inside it", async () => {
    const tx = await client.transaction("write");
    await tx.execute({ sql: "INSERT INTO brands (code) VALUES (?)", args: ["tx-partial"] });
    const dup = await rejection(
      tx.execute({ sql: "INSERT INTO brands (code) VALUES (?)", args: ["tx-partial"] }),
    );
    expect(dup.code).toBe("SQLITE_CONSTRAINT");
    await tx.commit();
    expect(
      (await client.execute("SELECT count(*) AS n FROM brands WHERE code = 'tx-partial'")).rows[0]?.n,
    ).toBe(1n);
  });

  it("rolls back and releases an abandoned transaction after the idle timeout", async () => {
    const abandoned = await client.transaction("write");
    await abandoned.execute({ sql: "INSERT INTO brands (code) VALUES (?)", args: ["abandoned"] });
    // A second writer queues behind the open transaction and succeeds once the gateway gives up on it.
    const other = createClient({ url: gateway.url, intMode: "bigint" });
    await other.batch([{ sql: "INSERT INTO brands (code) VALUES (?)", args: ["after-abandon"] }], "write");
    other.close();
    const codes = (
      await client.execute("SELECT code FROM brands WHERE code IN ('abandoned', 'after-abandon')")
    ).rows;
    expect(codes.map((r) => r.code)).toEqual(["after-abandon"]);
    // The expired transaction's baton is gone, so its late commit fails instead of writing.
    const late = await rejection(abandoned.commit());
    expect(late.message).toMatch(/expired|baton/i);
  });

  it("reports lastInsertRowid as sqld does: only for INSERTs, never another client's", async () => {
    const other = createClient({ url: gateway.url, intMode: "bigint" });
    try {
      // Another client inserts: the pooled connection now remembers its rowid.
      const theirs = await other.execute({
        sql: "INSERT INTO brands (code) VALUES (?)",
        args: ["rowid-theirs"],
      });
      expect(theirs.lastInsertRowid).toBeGreaterThan(0n);
      // A SELECT, an UPDATE, a DELETE and DDL report none (sqld: null for anything but an INSERT).
      for (const sql of [
        "SELECT id FROM brands",
        "UPDATE counter SET n = n WHERE id = 1",
        "DELETE FROM brands WHERE code = 'nothing'",
        "CREATE TABLE IF NOT EXISTS rowid_probe (x)",
      ])
        expect((await client.execute(sql)).lastInsertRowid, sql).toBeUndefined();
      // An INSERT that changed nothing reports its own stream's last insert: 0 on a new stream, as sqld.
      const ignored = await client.execute({
        sql: "INSERT OR IGNORE INTO brands (code) VALUES (?)",
        args: ["rowid-theirs"],
      });
      expect(ignored.rowsAffected).toBe(0);
      expect(ignored.lastInsertRowid).toBe(0n);
      const upsertNoop = await client.execute({
        sql: "INSERT INTO brands (code) VALUES (?) ON CONFLICT(code) DO NOTHING",
        args: ["rowid-theirs"],
      });
      expect(upsertNoop.lastInsertRowid).toBe(0n);
      // Within one stream (a batch), an ignored INSERT repeats that stream's own last rowid.
      const batch = await client.batch(
        [
          { sql: "INSERT INTO brands (code) VALUES (?)", args: ["rowid-mine"] },
          { sql: "INSERT OR IGNORE INTO brands (code) VALUES (?)", args: ["rowid-theirs"] },
          { sql: "SELECT 1", args: [] },
          { sql: "WITH c(v) AS (SELECT 'rowid-cte') INSERT INTO brands (code) SELECT v FROM c", args: [] },
          { sql: "WITH c(v) AS (SELECT replace('a', 'a', 'b')) SELECT v FROM c", args: [] },
        ],
        "write",
      );
      const mine = batch[0]!.lastInsertRowid!;
      expect(mine).toBeGreaterThan(theirs.lastInsertRowid!);
      expect(batch[1]!.lastInsertRowid).toBe(mine);
      expect(batch[2]!.lastInsertRowid).toBeUndefined();
      expect(batch[3]!.lastInsertRowid).toBe(mine + 1n);
      expect(batch[4]!.lastInsertRowid).toBeUndefined();
    } finally {
      other.close();
    }
  });

  it("serialises 20 concurrent batches from separate clients without losing an increment", async () => {
    const clients = Array.from({ length: 20 }, () => createClient({ url: gateway.url }));
    await Promise.all(
      clients.map((c) =>
        c.batch(
          [
            "UPDATE counter SET n = n + 1 WHERE id = 1",
            "INSERT INTO vals (t) SELECT 'inc-' || n FROM counter WHERE id = 1",
          ],
          "write",
        ),
      ),
    );
    for (const c of clients) c.close();
    expect((await client.execute("SELECT n FROM counter WHERE id = 1")).rows[0]?.n).toBe(20n);
    // Each batch saw its own increment: 20 distinct values were recorded.
    const seen = await client.execute("SELECT count(DISTINCT t) AS n FROM vals WHERE t LIKE 'inc-%'");
    expect(seen.rows[0]?.n).toBe(20n);
  });

  it("isolates concurrent read-modify-write interactive transactions", async () => {
    const clients = Array.from({ length: 10 }, () => createClient({ url: gateway.url }));
    await Promise.all(
      clients.map(async (c) => {
        const tx = await c.transaction("write");
        const current = Number((await tx.execute("SELECT n FROM counter WHERE id = 2")).rows[0]?.n);
        await tx.execute({ sql: "UPDATE counter SET n = ? WHERE id = 2", args: [current + 1] });
        await tx.commit();
      }),
    );
    for (const c of clients) c.close();
    expect((await client.execute("SELECT n FROM counter WHERE id = 2")).rows[0]?.n).toBe(10n);
  });

  it("serves drizzle-orm/libsql/web: insert, select, batch and transaction rollback", async () => {
    const brands = sqliteTable("brands", {
      id: integer("id").primaryKey(),
      code: text("code").notNull().unique(),
    });
    const db = drizzle(createClient({ url: gateway.url }));
    const [row] = await db.insert(brands).values({ code: "drizzle-1" }).returning();
    expect(row?.code).toBe("drizzle-1");
    expect(await db.select().from(brands).where(eq(brands.id, row!.id))).toEqual([row]);

    const [, counted] = await db.batch([
      db.insert(brands).values({ code: "drizzle-2" }),
      db.select({ n: sql<number>`count(*)` }).from(brands).where(sql`${brands.code} LIKE 'drizzle-%'`),
    ]);
    expect(counted).toEqual([{ n: 2 }]);

    await expect(
      db.transaction(async (tx) => {
        await tx.insert(brands).values({ code: "drizzle-3" });
        tx.rollback();
      }),
    ).rejects.toThrow(/Rollback/);
    const remaining = await db.select().from(brands).where(eq(brands.code, "drizzle-3"));
    expect(remaining).toEqual([]);

    const dup = await db
      .insert(brands)
      .values({ code: "drizzle-1" })
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(String((dup as { cause?: unknown })?.cause)).toMatch(/SQLITE_CONSTRAINT.*UNIQUE/);
  });
});

describe("hrana gateway auth", () => {
  let gateway: HranaGateway;
  beforeAll(async () => {
    gateway = await startHranaGateway({ dbPath: tempDb(), authToken: "s3cret" });
  });
  afterAll(() => gateway.close());

  it("rejects a wrong or missing token and writes nothing; accepts the right one", async () => {
    const good = createClient({ url: gateway.url, authToken: "s3cret" });
    await good.execute("CREATE TABLE t (x)");
    for (const authToken of ["wrong", undefined]) {
      const bad = createClient({ url: gateway.url, authToken });
      const err = await rejection(bad.execute("INSERT INTO t VALUES (1)"));
      expect(err.code).toBe("SERVER_ERROR");
      expect(err.message).toMatch(/401/);
      bad.close();
    }
    expect((await good.execute("SELECT count(*) AS n FROM t")).rows[0]?.n).toBe(0);
    good.close();
  });
});

describe("hrana gateway CLI", () => {
  it("prints one JSON line with a URL that serves the file, and stops on SIGTERM", async () => {
    const dbPath = tempDb();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "main.ts"), "--db", dbPath, "--port", "0"],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
      const { url } = JSON.parse(line) as { url: string };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const cli = createClient({ url });
      await cli.execute("CREATE TABLE t (x)");
      await cli.execute("INSERT INTO t VALUES ('命令行')");
      cli.close();
      child.kill("SIGTERM");
      const [code] = (await once(child, "exit")) as [number | null];
      expect(code).toBe(0);
      // The data is in the file itself, not only in the gateway process.
      const reopened = await startHranaGateway({ dbPath });
      const check = createClient({ url: reopened.url });
      expect((await check.execute("SELECT x FROM t")).rows.map((r) => r.x)).toEqual(["命令行"]);
      check.close();
      await reopened.close();
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 30_000);
});
