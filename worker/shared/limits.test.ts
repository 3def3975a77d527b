/**
 * Per-shopper limits under concurrency, over HTTP against the real worker and libSQL: the count and
 * the insert are one statement (shared/limits.ts), so parallel requests cannot overshoot.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, shopperToken, staffToken, startStack } from "../../test/harness";
import { MAX_ADDRESSES } from "../addresses/service";
import { MAX_CART_LINES } from "../cart/service";

let stack: Stack;
let merchant: string;
beforeAll(async () => {
  stack = await startStack();
  merchant = await staffToken(stack, "merchant_admin");
});
afterAll(() => stack?.close());

const address = (n: number, isDefault = false) => ({
  receiverName: `收货人${n}`,
  phone: "13800138000",
  provinceCode: "440000",
  cityCode: "440300",
  districtCode: "440305",
  detail: `科技园 ${n} 号`,
  isDefault,
});

async function shopper(nickname: string) {
  const token = await shopperToken(stack, nickname);
  const id = Number(
    (await stack.sql.execute({ sql: "SELECT id FROM shoppers WHERE nickname = ?", args: [nickname] }))
      .rows[0]!.id,
  );
  return { token, id };
}

async function addressRows(shopperId: number) {
  const r = await stack.sql.execute({
    sql: "SELECT id, is_default FROM addresses WHERE shopper_id = ? ORDER BY id",
    args: [shopperId],
  });
  return r.rows.map((row) => ({ id: Number(row.id), isDefault: Number(row.is_default) === 1 }));
}

const createAddress = (token: string, body: unknown) =>
  stack.fetch("/api/addresses", { method: "POST", token, json: body });

async function statuses(responses: Promise<Response>[]) {
  const all = await Promise.all(responses);
  const bodies = await Promise.all(all.map((r) => r.json() as Promise<{ error?: { code: string } }>));
  return all.map((r, i) => (r.status === 409 ? `409 ${bodies[i]!.error?.code}` : String(r.status)));
}

const count = (list: string[], s: string) => list.filter((x) => x === s).length;

describe("address book limit", () => {
  it(`20 parallel creations after 15 leave exactly ${MAX_ADDRESSES}, one of them the default`, async () => {
    const { token, id } = await shopper("并发地址买家");
    for (let i = 0; i < 15; i++) expect((await createAddress(token, address(i))).status).toBe(201);
    const results = await statuses(
      Array.from({ length: 20 }, (_, i) => createAddress(token, address(100 + i))),
    );
    expect(count(results, "201")).toBe(MAX_ADDRESSES - 15);
    expect(count(results, "409 ADDRESS_LIMIT")).toBe(20 - (MAX_ADDRESSES - 15));
    const rows = await addressRows(id);
    expect(rows).toHaveLength(MAX_ADDRESSES);
    expect(rows.filter((r) => r.isDefault)).toHaveLength(1);
  });

  it("a new default refused at the limit leaves the current default alone", async () => {
    const { token, id } = await shopper("满额默认地址买家");
    for (let i = 0; i < MAX_ADDRESSES; i++) expect((await createAddress(token, address(i))).status).toBe(201);
    const before = await addressRows(id);
    const res = await createAddress(token, address(99, true));
    expect(res.status).toBe(409);
    expect(await addressRows(id)).toEqual(before);
    expect(before.filter((r) => r.isDefault)).toHaveLength(1);
  });

  it("parallel first addresses: exactly one becomes the default", async () => {
    const { token, id } = await shopper("首个地址买家");
    const results = await statuses(Array.from({ length: 8 }, (_, i) => createAddress(token, address(i))));
    expect(count(results, "201")).toBe(8);
    expect((await addressRows(id)).filter((r) => r.isDefault)).toHaveLength(1);
  });

  it("parallel new defaults at room: all saved, exactly one default", async () => {
    const { token, id } = await shopper("并发默认地址买家");
    const results = await statuses(
      Array.from({ length: 8 }, (_, i) => createAddress(token, address(i, true))),
    );
    expect(count(results, "201")).toBe(8);
    expect((await addressRows(id)).filter((r) => r.isDefault)).toHaveLength(1);
  });
});

describe("cart line limit", () => {
  let skuIds: number[];
  beforeAll(async () => {
    const cat = await stack.fetch("/api/admin/categories", {
      method: "POST",
      token: merchant,
      json: { name: "限额分类" },
    });
    const categoryId = Number(((await cat.json()) as { id: number }).id);
    const res = await stack.fetch("/api/admin/products", {
      method: "POST",
      token: merchant,
      json: {
        categoryId,
        name: "七十色冰箱",
        brand: "海尔",
        status: "on_sale",
        attributes: {},
        skus: Array.from({ length: 75 }, (_, i) => ({
          skuCode: `LIM-${i}`,
          specs: { 颜色: `色${i}` },
          priceFen: 100_000,
        })),
      },
    });
    const body = (await res.json()) as { skus: { id: number }[] };
    expect(res.status, JSON.stringify(body)).toBe(201);
    skuIds = body.skus.map((s) => s.id);
  });

  const add = (token: string, skuId: number, quantity = 1) =>
    stack.fetch("/api/cart/items", { method: "POST", token, json: { skuId, quantity } });
  const lines = async (shopperId: number) =>
    Number(
      (
        await stack.sql.execute({
          sql: "SELECT count(*) AS n FROM cart_items WHERE shopper_id = ?",
          args: [shopperId],
        })
      ).rows[0]!.n,
    );

  it(`30 parallel new lines after 40 leave exactly ${MAX_CART_LINES}`, async () => {
    const { token, id } = await shopper("并发购物车买家");
    for (const skuId of skuIds.slice(0, 40)) expect((await add(token, skuId)).status).toBeLessThan(300);
    const results = await statuses(skuIds.slice(40, 70).map((skuId) => add(token, skuId)));
    expect(count(results, "409 CART_FULL")).toBe(30 - (MAX_CART_LINES - 40));
    expect(results.length - count(results, "409 CART_FULL")).toBe(MAX_CART_LINES - 40);
    expect(await lines(id)).toBe(MAX_CART_LINES);

    // A full cart still takes more of a line it has (the upsert), and no new line.
    expect((await add(token, skuIds[0]!, 2)).status).toBeLessThan(300);
    const q = await stack.sql.execute({
      sql: "SELECT quantity FROM cart_items WHERE shopper_id = ? AND sku_id = ?",
      args: [id, skuIds[0]!],
    });
    expect(Number(q.rows[0]!.quantity)).toBe(3);
    expect((await add(token, skuIds[74]!)).status).toBe(409);
    expect(await lines(id)).toBe(MAX_CART_LINES);
  });

  it("parallel taps on one line add up", async () => {
    const { token, id } = await shopper("连点买家");
    await Promise.all(Array.from({ length: 10 }, () => add(token, skuIds[0]!)));
    const q = await stack.sql.execute({
      sql: "SELECT quantity FROM cart_items WHERE shopper_id = ? AND sku_id = ?",
      args: [id, skuIds[0]!],
    });
    expect(Number(q.rows[0]!.quantity)).toBe(10);
  });
});
