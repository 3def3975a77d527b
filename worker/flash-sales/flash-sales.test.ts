/**
 * Flash sales (秒杀) through the real worker in workerd over HTTP: the FlashSale coordinator and the
 * StockCounter shards are real Durable Objects, and buyers go through the ordinary inventory client
 * (the manual-reservation route calls reserveItems / confirmItems / releaseItems like checkout does).
 * Concurrency claims are tested with concurrent requests.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { homeShard } from "../../durable-objects/flash-shards";
import { type Stack, staffToken, startStack } from "../../test/harness";
import { manualOrderId } from "../inventory/service";

let stack: Stack;
let merchant: string;
let agent: string;
let categoryId: number;

type Json = Record<string, unknown> & { error?: { code: string; message: string } };
interface Counts {
  onHand: number;
  available: number;
  reserved: number;
  sold: number;
}
interface Sale {
  id: string;
  status: string;
  shards: number;
  units: number;
  rebalances: number;
  shardStats: (Counts & { shard: number; calls: number })[];
  totals: Counts;
}

let seq = 0;
async function newSku(available: number): Promise<number> {
  seq++;
  const res = await stack.fetch("/api/admin/products", {
    method: "POST",
    token: merchant,
    json: {
      categoryId,
      name: `秒杀电视${seq}`,
      brand: "海信",
      status: "on_sale",
      skus: [{ skuCode: `FS-${seq}`, specs: { 尺寸: "65寸" }, priceFen: 299_900 }],
    },
  });
  const body = (await res.json()) as { skus: { id: number }[] };
  const skuId = body.skus[0]!.id;
  const adj = await stack.fetch(`/api/admin/inventory/skus/${skuId}/adjustments`, {
    method: "POST",
    token: merchant,
    json: { mode: "set", available, reason: "测试" },
  });
  expect(adj.status).toBe(200);
  return skuId;
}

const createSale = (json: Record<string, unknown>, token = merchant) =>
  stack.fetch("/api/admin/flash-sales", { method: "POST", token, json });

async function saleOn(skuId: number, units: number, shards: number): Promise<Sale> {
  const now = Date.now();
  const res = await createSale({ skuId, units, shards, startsAt: now - 1000, endsAt: now + 3600_000 });
  const body = (await res.json()) as Sale;
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body;
}

const saleView = async (id: string) =>
  (await (await stack.fetch(`/api/admin/flash-sales/${id}`, { token: merchant })).json()) as Sale;

async function regularStock(skuId: number): Promise<Counts> {
  const res = await stack.fetch(`/api/admin/inventory/skus/${skuId}`, { token: merchant });
  return ((await res.json()) as { stock: Counts }).stock;
}

const reserve = (ref: string, items: { skuId: number; qty: number }[]) =>
  stack.fetch("/api/admin/inventory/reservations", {
    method: "POST",
    token: merchant,
    json: { ref, items, ttlSeconds: 600 },
  });

const balanced = (c: Counts) => c.onHand === c.available + c.reserved + c.sold && c.available >= 0;

beforeAll(async () => {
  stack = await startStack();
  merchant = await staffToken(stack, "merchant_admin");
  agent = await staffToken(stack, "agent");
  const res = await stack.fetch("/api/admin/categories", {
    method: "POST",
    token: merchant,
    json: { name: "电视" },
  });
  categoryId = ((await res.json()) as { id: number }).id;
}, 90_000);

afterAll(() => stack?.close());

describe("creating a flash sale", () => {
  it("moves the units from the SKU's stock onto N shards, and refuses what the stock cannot cover", async () => {
    const skuId = await newSku(100);
    const short = await createSale({
      skuId,
      units: 101,
      shards: 4,
      startsAt: Date.now(),
      endsAt: Date.now() + 60_000,
    });
    expect(short.status).toBe(409);
    expect(((await short.json()) as Json).error?.code).toBe("INSUFFICIENT_AVAILABLE");
    expect((await regularStock(skuId)).available).toBe(100);

    const sale = await saleOn(skuId, 30, 4);
    expect(sale.status).toBe("active");
    expect(sale.shardStats.map((s) => s.available)).toEqual([8, 8, 7, 7]);
    expect(sale.totals).toEqual({ onHand: 30, available: 30, reserved: 0, sold: 0 });
    expect((await regularStock(skuId)).available).toBe(70);
    const list = (await (
      await stack.fetch(`/api/admin/flash-sales?skuId=${skuId}`, { token: merchant })
    ).json()) as {
      items: Sale[];
    };
    expect(list.items.map((s) => s.id)).toEqual([sale.id]);
  });

  it("rejects bad input with 400 and writes nothing; agents may not create sales", async () => {
    const skuId = await newSku(10);
    const now = Date.now();
    for (const bad of [
      { skuId, units: 0, shards: 1, startsAt: now, endsAt: now + 1000 },
      { skuId, units: 5, shards: 6, startsAt: now, endsAt: now + 1000 },
      { skuId, units: 5, shards: 2, startsAt: now, endsAt: now - 1 },
    ]) {
      const res = await createSale(bad);
      expect(res.status).toBe(400);
    }
    expect(
      (await createSale({ skuId: 999_999, units: 1, shards: 1, startsAt: now, endsAt: now + 1000 })).status,
    ).toBe(404);
    expect(
      (await createSale({ skuId, units: 1, shards: 1, startsAt: now, endsAt: now + 1000 }, agent)).status,
    ).toBe(403);
    expect((await regularStock(skuId)).available).toBe(10);
    expect((await stack.fetch("/api/admin/flash-sales/0123456789abcdef", { token: merchant })).status).toBe(
      404,
    );
  });

  it("an Idempotency-Key makes a retried create the same sale, taking the units once", async () => {
    const skuId = await newSku(50);
    const now = Date.now();
    const body = { skuId, units: 20, shards: 2, startsAt: now, endsAt: now + 60_000 };
    const [a, b] = await Promise.all(
      [1, 2].map(() =>
        stack.fetch("/api/admin/flash-sales", {
          method: "POST",
          token: merchant,
          json: body,
          headers: { "idempotency-key": "sale-key-0001" },
        }),
      ),
    );
    expect([a!.status, b!.status]).toEqual([201, 201]);
    expect(((await a!.json()) as Sale).id).toBe(((await b!.json()) as Sale).id);
    expect((await regularStock(skuId)).available).toBe(30);
  });
});

describe("buying during a flash sale", () => {
  it.each([
    [2, 30, 150],
    [4, 40, 200],
    [8, 40, 200],
  ])(
    "%i shards: %i units, %i concurrent buyers → exactly the units on sale are held, no more",
    async (shards, units, buyers) => {
      const skuId = await newSku(units + 25);
      const sale = await saleOn(skuId, units, shards);
      const statuses = await Promise.all(
        Array.from({ length: buyers }, (_, i) =>
          reserve(`fs${shards}-${i}`, [{ skuId, qty: 1 }]).then((r) => r.status),
        ),
      );
      expect(statuses.filter((s) => s === 200)).toHaveLength(units);
      expect(statuses.filter((s) => s === 409)).toHaveLength(buyers - units);
      const after = await saleView(sale.id);
      expect(after.totals).toEqual({ onHand: units, available: 0, reserved: units, sold: 0 });
      for (const s of after.shardStats) expect(balanced(s)).toBe(true);
      // Every shard took part.
      for (const s of after.shardStats) expect(s.calls).toBeGreaterThan(0);
      // The SKU's regular stock is not sold during the sale.
      expect(await regularStock(skuId)).toMatchObject({ available: 25, reserved: 0, sold: 0 });
    },
  );

  it("sells all of them when demand (with quantities 1–3) meets supply across shards", async () => {
    const skuId = await newSku(60);
    const sale = await saleOn(skuId, 60, 4);
    const qty = (i: number) => 1 + (i % 3);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        reserve(`fsq-${i}`, [{ skuId, qty: qty(i) }]).then((r) => [i, r.status]),
      ),
    );
    const held = results.filter(([, s]) => s === 200).reduce((a, [i]) => a + qty(i!), 0);
    const after = await saleView(sale.id);
    expect(after.totals.reserved).toBe(held);
    expect(held).toBeLessThanOrEqual(60);
    // Refused only when what was left could not cover the quantity asked: at most 2 units remain.
    expect(after.totals.available).toBe(60 - held);
    expect(after.totals.available).toBeLessThanOrEqual(2);
  });

  it("buyers who all land on one shard still get every unit: the dry shard is refilled from its siblings", async () => {
    const skuId = await newSku(12);
    const sale = await saleOn(skuId, 12, 4);
    // Refs whose order numbers hash to shard 0.
    const refs: string[] = [];
    for (let i = 0; refs.length < 15; i++)
      if (homeShard(manualOrderId(`fsh-${i}`), 4) === 0) refs.push(`fsh-${i}`);
    const statuses = await Promise.all(
      refs.map((ref) => reserve(ref, [{ skuId, qty: 1 }]).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(12);
    expect(statuses.filter((s) => s === 409)).toHaveLength(3);
    const after = await saleView(sale.id);
    expect(after.rebalances).toBeGreaterThan(0);
    expect(after.shardStats.map((s) => s.reserved)).toEqual([12, 0, 0, 0]);
    expect(after.totals).toEqual({ onHand: 12, available: 0, reserved: 12, sold: 0 });
  });

  it("refuses nobody while supply lasts", async () => {
    const skuId = await newSku(50);
    await saleOn(skuId, 50, 8);
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => reserve(`fsok-${i}`, [{ skuId, qty: 1 }]).then((r) => r.status)),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
  });

  it("confirm, release and retries reach the shard holding the reservation", async () => {
    const skuId = await newSku(10);
    const sale = await saleOn(skuId, 6, 3);
    for (const ref of ["fsc-a", "fsc-b", "fsc-c"])
      expect((await reserve(ref, [{ skuId, qty: 2 }])).status).toBe(200);
    // A retry of the same order is the same hold (its home shard knows it).
    expect((await reserve("fsc-a", [{ skuId, qty: 2 }])).status).toBe(200);
    const confirm = await stack.fetch("/api/admin/inventory/reservations/fsc-a/confirm", {
      method: "POST",
      token: merchant,
      json: { skuIds: [skuId] },
    });
    expect(confirm.status).toBe(200);
    const release = await stack.fetch("/api/admin/inventory/reservations/fsc-b/release", {
      method: "POST",
      token: merchant,
      json: { skuIds: [skuId] },
    });
    expect(release.status).toBe(200);
    expect((await saleView(sale.id)).totals).toEqual({ onHand: 6, available: 2, reserved: 2, sold: 2 });
    // A sold flash unit cannot be released.
    const again = await stack.fetch("/api/admin/inventory/reservations/fsc-a/release", {
      method: "POST",
      token: merchant,
      json: { skuIds: [skuId] },
    });
    expect(again.status).toBe(409);
    // The released units are sold again, wherever the next buyer lands.
    expect((await reserve("fsc-d", [{ skuId, qty: 2 }])).status).toBe(200);
    expect((await reserve("fsc-e", [{ skuId, qty: 1 }])).status).toBe(409);
  });

  it("a multi-SKU order short on a regular SKU gives its flash hold back (compensation on the shard)", async () => {
    const flashSku = await newSku(5);
    const sale = await saleOn(flashSku, 5, 2);
    const regularSku = await newSku(0);
    const res = await reserve("fsm-1", [
      { skuId: flashSku, qty: 1 },
      { skuId: regularSku, qty: 1 },
    ]);
    expect(res.status).toBe(409);
    expect((await saleView(sale.id)).totals).toMatchObject({ available: 5, reserved: 0 });
  });
});
