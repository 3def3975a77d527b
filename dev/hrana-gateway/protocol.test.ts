import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HranaGateway, startHranaGateway } from "./index";
import { ProtocolError, primaryCode, valueFromHrana, valueToHrana } from "./protocol";

describe("Hrana value conversion", () => {
  it("decodes wire values and re-encodes them unchanged", () => {
    const wire = [
      { type: "null" },
      { type: "integer", value: "-9223372036854775808" },
      { type: "float", value: 2.5 },
      { type: "text", value: "洗衣机" },
      { type: "blob", base64: Buffer.from([0, 255, 7]).toString("base64") },
    ] as const;
    expect(wire.map((v) => valueToHrana(valueFromHrana(v)))).toEqual(wire);
  });

  it("rejects malformed and out-of-range integers", () => {
    for (const value of ["1.5", "12abc", "", "9223372036854775808", 1.5]) {
      expect(() => valueFromHrana({ type: "integer", value })).toThrow(ProtocolError);
    }
    expect(() => valueFromHrana({ type: "date", value: "x" })).toThrow(ProtocolError);
  });

  it("reduces extended result codes to the primary code sqld reports", () => {
    expect(primaryCode("SQLITE_CONSTRAINT_UNIQUE")).toBe("SQLITE_CONSTRAINT");
    expect(primaryCode("SQLITE_BUSY")).toBe("SQLITE_BUSY");
  });
});

interface PipelineResp {
  baton: string | null;
  results: Array<{
    type: string;
    response?: Record<string, unknown>;
    error?: { code: string; message: string };
  }>;
}

describe("Hrana requests the high-level client rarely sends", () => {
  let gateway: HranaGateway;
  let dir: string;

  async function pipeline(body: unknown, status = 200): Promise<PipelineResp> {
    const res = await fetch(`${gateway.url}/v3/pipeline`, { method: "POST", body: JSON.stringify(body) });
    expect(res.status).toBe(status);
    return (await res.json()) as PipelineResp;
  }
  const stmt = (sql: string) => ({ type: "execute", stmt: { sql } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "hrana-proto-"));
    gateway = await startHranaGateway({ dbPath: join(dir, "p.db"), lockTimeoutMs: 200 });
    await pipeline({
      requests: [stmt("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)"), { type: "close" }],
    });
  });
  afterAll(async () => {
    await gateway.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers the version probes so clients pick JSON v2/v3, never protobuf", async () => {
    expect((await fetch(`${gateway.url}/v2`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/v3`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/v3-protobuf`)).status).toBe(404);
  });

  it("executes stored SQL by id until it is closed", async () => {
    const first = await pipeline({
      requests: [
        { type: "store_sql", sql_id: 7, sql: "SELECT ? * 2 AS doubled" },
        { type: "execute", stmt: { sql_id: 7, args: [{ type: "integer", value: "21" }] } },
        { type: "close_sql", sql_id: 7 },
        { type: "execute", stmt: { sql_id: 7, args: [] } },
        { type: "close" },
      ],
    });
    expect(first.results[1]?.response?.result).toMatchObject({ rows: [[{ type: "integer", value: "42" }]] });
    expect(first.results[3]?.type).toBe("error");
    expect(first.baton).toBeNull();
  });

  it("describes a statement", async () => {
    const resp = await pipeline({ requests: [{ type: "describe", sql: "SELECT v FROM t WHERE id = :id" }] });
    expect(resp.results[0]?.response?.result).toEqual({
      params: [{ name: ":id" }],
      cols: [{ name: "v", decltype: "TEXT" }],
      is_explain: false,
      is_readonly: true,
    });
  });

  it("tracks autocommit across requests and evaluates is_autocommit / and / or / error conditions", async () => {
    const opened = await pipeline({
      requests: [{ type: "get_autocommit" }, stmt("BEGIN"), { type: "get_autocommit" }],
    });
    expect(opened.results.map((r) => r.response?.is_autocommit)).toEqual([true, undefined, false]);
    const batch = await pipeline({
      baton: opened.baton,
      requests: [
        {
          type: "batch",
          batch: {
            steps: [
              { stmt: { sql: "INSERT INTO t (v) VALUES ('cond')" } },
              { stmt: { sql: "INSERT INTO t (v) VALUES ('cond')" } },
              { condition: { type: "error", step: 1 }, stmt: { sql: "SELECT 'saw error'" } },
              {
                condition: { type: "and", conds: [{ type: "ok", step: 0 }, { type: "is_autocommit" }] },
                stmt: { sql: "SELECT 'never: inside a transaction'" },
              },
              {
                condition: {
                  type: "or",
                  conds: [{ type: "is_autocommit" }, { type: "not", cond: { type: "ok", step: 1 } }],
                },
                stmt: { sql: "ROLLBACK" },
              },
              {
                condition: { type: "is_autocommit" },
                stmt: { sql: "SELECT count(*) FROM t WHERE v = 'cond'" },
              },
            ],
          },
        },
        { type: "close" },
      ],
    });
    const result = batch.results[0]?.response?.result as {
      step_results: Array<{ rows: unknown[] } | null>;
      step_errors: Array<{ code: string } | null>;
    };
    expect(result.step_errors.map((e) => e?.code ?? null)).toEqual([
      null,
      "SQLITE_CONSTRAINT",
      null,
      null,
      null,
      null,
    ]);
    expect(result.step_results.map((r) => r !== null)).toEqual([true, false, true, false, true, true]);
    expect(result.step_results[5]?.rows).toEqual([[{ type: "integer", value: "0" }]]);
  });

  it("issues a fresh baton per response and refuses a used one", async () => {
    const first = await pipeline({ requests: [stmt("SELECT 1")] });
    const second = await pipeline({ baton: first.baton, requests: [stmt("SELECT 2")] });
    expect(second.baton).not.toBe(first.baton);
    const replay = await fetch(`${gateway.url}/v2/pipeline`, {
      method: "POST",
      body: JSON.stringify({ baton: first.baton, requests: [stmt("SELECT 3")] }),
    });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ code: "STREAM_EXPIRED" });
    await pipeline({ baton: second.baton, requests: [{ type: "close" }] });
  });

  it("streams a v3 cursor as NDJSON entries", async () => {
    const res = await fetch(`${gateway.url}/v3/cursor`, {
      method: "POST",
      body: JSON.stringify({
        batch: { steps: [{ stmt: { sql: "SELECT 1 AS a UNION ALL SELECT 2" } }, { stmt: { sql: "SELEC" } }] },
      }),
    });
    const lines = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.type ?? "head")).toEqual([
      "head",
      "step_begin",
      "row",
      "row",
      "step_end",
      "step_error",
    ]);
    await pipeline({ baton: lines[0]?.baton, requests: [{ type: "close" }] });
  });

  it("fails a write with SQLITE_BUSY when another stream keeps a transaction open too long", async () => {
    const holder = await pipeline({
      requests: [stmt("BEGIN IMMEDIATE"), stmt("INSERT INTO t (v) VALUES ('held')")],
    });
    const client = createClient({ url: gateway.url });
    await expect(client.execute("INSERT INTO t (v) VALUES ('blocked')")).rejects.toMatchObject({
      code: "SQLITE_BUSY",
    });
    // Reads are not queued behind the writer.
    expect((await client.execute("SELECT count(*) AS n FROM t WHERE v = 'held'")).rows[0]?.n).toBe(0);
    await pipeline({ baton: holder.baton, requests: [stmt("COMMIT"), { type: "close" }] });
    await client.execute("INSERT INTO t (v) VALUES ('unblocked')");
    const rows = await client.execute(
      "SELECT v FROM t WHERE v IN ('held', 'blocked', 'unblocked') ORDER BY id",
    );
    expect(rows.rows.map((r) => r.v)).toEqual(["held", "unblocked"]);
    client.close();
  });
});
