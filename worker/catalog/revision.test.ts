/**
 * The catalog revision's triggers, against a real libSQL file with every migration applied: each catalog
 * table bumps it on insert, update and delete, in the same statement; products.sales_count does not; and
 * the version also moves when a promotion starts or ends. A migration that rebuilds one of these tables
 * (and so drops its triggers) fails here.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Client, createClient } from "@libsql/client/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHranaGateway } from "../../dev/hrana-gateway/index";
import { applyMigrations } from "../../dev/migrate";
import { createDb, type Db } from "../db/client";
import { catalogVersion, REVISION_EXEMPT_COLUMNS, REVISION_TABLES } from "./revision";

let dir: string;
let gateway: Awaited<ReturnType<typeof startHranaGateway>>;
let sql: Client;
let db: Db;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "jiadian-revision-"));
  gateway = await startHranaGateway({ dbPath: join(dir, "t.db") });
  await applyMigrations(gateway.url);
  sql = createClient({ url: gateway.url });
  db = createDb(gateway.url);
});

afterAll(async () => {
  sql.close();
  db.$client.close();
  await gateway.close();
  await rm(dir, { recursive: true, force: true });
});

const rev = async () =>
  Number((await sql.execute("SELECT rev FROM catalog_revision WHERE id = 1")).rows[0]!.rev);

describe("catalog revision", () => {
  it("has an insert, update and delete trigger on every catalog table", async () => {
    const rows = (await sql.execute("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")).rows;
    for (const table of REVISION_TABLES)
      for (const event of ["INSERT", "UPDATE", "DELETE"])
        expect(
          rows.some((r) => r.tbl_name === table && String(r.sql).includes(`AFTER ${event}`)),
          `${event} on ${table}`,
        ).toBe(true);
  });

  it("bumps on an update of any products column but sales_count (columns added later included)", async () => {
    const columns = (await sql.execute("SELECT name FROM pragma_table_info('products')")).rows.map((r) =>
      String(r.name),
    );
    const trigger = String(
      (await sql.execute("SELECT sql FROM sqlite_master WHERE name = 'catalog_revision_products_update'"))
        .rows[0]!.sql,
    );
    for (const column of columns)
      expect(trigger.includes(`\`${column}\``), column).toBe(
        !REVISION_EXEMPT_COLUMNS.products!.includes(column),
      );
  });

  it("moves with every catalog write, in the same statement, and not with sales", async () => {
    const now = Date.now();
    let before = await rev();
    await sql.execute({
      sql: "INSERT INTO categories (name, sort_order, created_at, updated_at) VALUES ('冰箱', 0, ?, ?)",
      args: [now, now],
    });
    expect(await rev()).toBe(before + 1);
    const category = Number((await sql.execute("SELECT max(id) AS id FROM categories")).rows[0]!.id);
    await sql.execute({
      sql: `INSERT INTO products (category_id, name, brand, status, attributes, images, created_at, updated_at)
            VALUES (?, '冰箱A', '海尔', 'on_sale', '{}', '[]', ?, ?)`,
      args: [category, now, now],
    });
    const product = Number((await sql.execute("SELECT max(id) AS id FROM products")).rows[0]!.id);
    await sql.execute({
      sql: `INSERT INTO skus (product_id, sku_code, specs, price_fen, created_at, updated_at)
            VALUES (?, 'REV-1', '{}', 100, ?, ?)`,
      args: [product, now, now],
    });
    before = await rev();
    await sql.execute("UPDATE skus SET price_fen = 90 WHERE sku_code = 'REV-1'");
    expect(await rev()).toBe(before + 1);
    // A failed write bumps nothing: the trigger is part of the statement.
    await expect(
      sql.batch(
        ["UPDATE skus SET price_fen = 80 WHERE sku_code = 'REV-1'", "SELECT no_such_column FROM skus"],
        "write",
      ),
    ).rejects.toThrow();
    expect(await rev()).toBe(before + 1);
    before = await rev();
    await sql.execute({
      sql: "UPDATE products SET sales_count = sales_count + 3 WHERE id = ?",
      args: [product],
    });
    expect(await rev()).toBe(before);
    await sql.execute({ sql: "UPDATE products SET status = 'off_shelf' WHERE id = ?", args: [product] });
    expect(await rev()).toBe(before + 1);
  });

  it("versions by the last promotion start or end that has passed", async () => {
    const t = Date.now() + 60_000;
    await sql.execute({
      sql: `INSERT INTO promotions (name, kind, rule, scope, starts_at, ends_at, priority,
              stacks_with_other_promotions, stacks_with_coupons, created_at, updated_at)
            VALUES ('限时', 'limited_time', '{}', '{}', ?, ?, 0, 0, 0, ?, ?)`,
      args: [t, t + 3600_000, Date.now(), Date.now()],
    });
    const atStart = await catalogVersion(db, t);
    expect(await catalogVersion(db, t - 1)).not.toBe(atStart);
    expect(await catalogVersion(db, t + 1000)).toBe(atStart);
    expect(await catalogVersion(db, t + 3600_000)).not.toBe(atStart);
    expect(atStart).toBe(`${await rev()}.${t}`);
  });
});
