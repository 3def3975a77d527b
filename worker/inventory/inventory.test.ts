/**
 * Inventory through the real worker in workerd over HTTP: StockCounter Durable Objects (SQLite-backed,
 * real alarms) and the libSQL snapshot/notification tables. Concurrency claims are tested with
 * concurrent requests; nothing here asserts timing (waits poll for an outcome with a bound).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotStatement } from "../../durable-objects/stock-publish";
import { type Stack, shopperToken, staffToken, startStack } from "../../test/harness";

let stack: Stack;
let merchant: string;
let agent: string;
let shopper: string;
let categoryId: number;

type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: unknown } };
interface Stock {
  skuId: number;
  onHand: number;
  reserved: number;
  available: number;
  sold: number;
  threshold: number | null;
  version: number;
  publishedVersion: number;
  heldReservations: number;
}

const json = async (res: Response) => (await res.json()) as Json;
const admin = (path: string, init: Parameters<Stack["fetch"]>[1] = {}) =>
  stack.fetch(`/api/admin/inventory${path}`, { token: merchant, ...init });

let productSeq = 0;
/** A fresh on-sale product with `n` SKUs; returns the SKU ids. */
async function newSkus(n: number): Promise<{ productId: number; skuIds: number[] }> {
  productSeq++;
  const res = await stack.fetch("/api/admin/products", {
    method: "POST",
    token: merchant,
    json: {
      categoryId,
      name: `测试冰箱${productSeq}`,
      brand: "海尔",
      status: "on_sale",
      skus: Array.from({ length: n }, (_, i) => ({
        skuCode: `INV-${productSeq}-${i}`,
        specs: { 颜色: `色${i}` },
        priceFen: 100_000 + i,
      })),
    },
  });
  const body = (await res.json()) as { id: number; skus: { id: number }[] };
  if (res.status !== 201) throw new Error(`product: ${res.status} ${JSON.stringify(body)}`);
  return { productId: body.id, skuIds: body.skus.map((s) => s.id) };
}

async function stockOf(skuId: number): Promise<Stock> {
  const res = await admin(`/skus/${skuId}`);
  const body = (await res.json()) as { stock: Stock };
  if (res.status !== 200) throw new Error(`stock: ${res.status} ${JSON.stringify(body)}`);
  return body.stock;
}

async function setAvailable(skuId: number, available: number) {
  const res = await admin(`/skus/${skuId}/adjustments`, {
    method: "POST",
    json: { mode: "set", available, reason: "测试初始化" },
  });
  expect(res.status).toBe(200);
}

const reserve = (ref: string, items: { skuId: number; qty: number }[], ttlSeconds = 600) =>
  admin("/reservations", { method: "POST", json: { ref, items, ttlSeconds } });

function expectBalanced(s: Stock) {
  expect(s.onHand).toBe(s.available + s.reserved + s.sold);
  expect(Math.min(s.available, s.reserved, s.sold)).toBeGreaterThanOrEqual(0);
}

/** Polls until `read` satisfies `done` (bounded): the snapshot and alarms are asynchronous by design. */
async function eventually<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  what: string,
  ms = 15_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function snapshotRow(skuId: number) {
  const rs = await stack.sql.execute({
    sql: "SELECT * FROM stock_snapshots WHERE sku_id = ?",
    args: [skuId],
  });
  const r = rs.rows[0];
  return r
    ? {
        onHand: Number(r.on_hand),
        reserved: Number(r.reserved),
        available: Number(r.available),
        sold: Number(r.sold),
        version: Number(r.version),
      }
    : undefined;
}

async function lowStockNotices(skuId: number) {
  const rs = await stack.sql.execute({
    sql: "SELECT * FROM merchant_notifications WHERE kind = 'low_stock' AND ref_id = ? ORDER BY id",
    args: [String(skuId)],
  });
  return rs.rows;
}

beforeAll(async () => {
  stack = await startStack();
  [merchant, agent, shopper] = await Promise.all([
    staffToken(stack, "merchant_admin"),
    staffToken(stack, "agent"),
    shopperToken(stack, "小李"),
  ]);
  const res = await stack.fetch("/api/admin/categories", {
    method: "POST",
    token: merchant,
    json: { name: "冰箱" },
  });
  categoryId = ((await res.json()) as { id: number }).id;
}, 90_000);

afterAll(() => stack?.close());

describe("no oversell under concurrency", () => {
  it("500 concurrent attempts on 50 units hold exactly 50, and confirming them sells exactly 50", async () => {
    const {
      skuIds: [sku],
    } = await newSkus(1);
    await setAvailable(sku!, 50);
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        reserve(`flash-${i}`, [{ skuId: sku!, qty: 1 }]).then((r) => r.status),
      ),
    );
    expect(results.filter((s) => s === 200)).toHaveLength(50);
    expect(results.filter((s) => s === 409)).toHaveLength(450);
    const winners = results.flatMap((s, i) => (s === 200 ? [i] : []));
    const confirms = await Promise.all(
      winners.map((i) =>
        admin(`/reservations/flash-${i}/confirm`, { method: "POST", json: { skuIds: [sku] } }).then(
          (r) => r.status,
        ),
      ),
    );
    expect(confirms.every((s) => s === 200)).toBe(true);
    const s = await stockOf(sku!);
    expect(s).toMatchObject({ onHand: 50, sold: 50, reserved: 0, available: 0 });
    expectBalanced(s);
    const late = await reserve("flash-late", [{ skuId: sku!, qty: 1 }]);
    expect(late.status).toBe(409);
    expect((await json(late)).error).toMatchObject({
      code: "OUT_OF_STOCK",
      details: { skuId: sku, available: 0 },
    });
  });

  it("concurrent duplicate reserves with one order id reserve once", async () => {
    const {
      skuIds: [a, b],
    } = await newSkus(2);
    await setAvailable(a!, 10);
    await setAvailable(b!, 10);
    const items = [
      { skuId: a!, qty: 3 },
      { skuId: b!, qty: 2 },
    ];
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => reserve("dup-1", items).then((r) => r.status)),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(await stockOf(a!)).toMatchObject({ reserved: 3, available: 7, heldReservations: 1 });
    expect(await stockOf(b!)).toMatchObject({ reserved: 2, available: 8, heldReservations: 1 });
    // A retry after the first succeeded is also a no-op; the same id with another quantity is refused.
    expect((await reserve("dup-1", items)).status).toBe(200);
    const changed = await reserve("dup-1", [{ skuId: a!, qty: 4 }]);
    expect(changed.status).toBe(409);
    expect((await json(changed)).error?.code).toBe("ORDER_QTY_MISMATCH");
    expect(await stockOf(a!)).toMatchObject({ reserved: 3, available: 7 });
  });

  it("a multi-SKU reserve that is short on its last SKU leaves every SKU as it was", async () => {
    const { skuIds } = await newSkus(3);
    const [a, b, c] = skuIds as [number, number, number];
    await setAvailable(a, 5);
    await setAvailable(b, 5);
    await setAvailable(c, 1);
    expect((await reserve("other", [{ skuId: b, qty: 1 }])).status).toBe(200);
    const before = await Promise.all(skuIds.map(stockOf));
    const res = await reserve("multi-1", [
      { skuId: a, qty: 2 },
      { skuId: b, qty: 2 },
      { skuId: c, qty: 2 },
    ]);
    expect(res.status).toBe(409);
    expect((await json(res)).error).toMatchObject({
      code: "OUT_OF_STOCK",
      details: { skuId: c, available: 1 },
    });
    const after = await Promise.all(skuIds.map(stockOf));
    const counts = (s: Stock) => [s.onHand, s.reserved, s.available, s.sold, s.heldReservations];
    expect(after.map(counts)).toEqual(before.map(counts));
    // The compensation leaves no trace of the order: once stock arrives, the same order id can reserve.
    await setAvailable(c, 3);
    expect(
      (
        await reserve("multi-1", [
          { skuId: a, qty: 2 },
          { skuId: b, qty: 2 },
          { skuId: c, qty: 2 },
        ])
      ).status,
    ).toBe(200);
    expect((await stockOf(c)).reserved).toBe(2);
  });

  it("concurrent multi-SKU orders competing for the same SKUs never oversell and stay balanced", async () => {
    const { skuIds } = await newSkus(3);
    for (const id of skuIds) await setAvailable(id, 7);
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        reserve(
          `race-${i}`,
          skuIds.map((skuId, k) => ({ skuId, qty: 1 + ((i + k) % 2) })),
        ).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    for (const id of skuIds) {
      const s = await stockOf(id);
      expectBalanced(s);
      expect(s.reserved).toBeLessThanOrEqual(7);
    }
    // Every SKU's reserved units belong to orders that succeeded on every SKU (none half-reserved).
    const ok = statuses.flatMap((s, i) => (s === 200 ? [i] : []));
    const expected = skuIds.map((_, k) => ok.reduce((n, i) => n + 1 + ((i + k) % 2), 0));
    expect(await Promise.all(skuIds.map(async (id) => (await stockOf(id)).reserved))).toEqual(expected);
  });
});

describe("expiry, late confirm, release", () => {
  it("an expired reservation returns its units by alarm; a late confirm is refused unless re-reserved", async () => {
    const {
      skuIds: [sku],
    } = await newSkus(1);
    await setAvailable(sku!, 4);
    const { version } = await stockOf(sku!);
    expect((await reserve("exp-1", [{ skuId: sku!, qty: 3 }], 1)).status).toBe(200);
    // Nothing calls the object now: only its alarm can expire the hold and publish the snapshot
    // (version: +1 for the hold, +1 for its expiry).
    const snap = await eventually(
      () => snapshotRow(sku!),
      (r) => (r?.version ?? 0) >= version + 2,
      "expiry by alarm",
    );
    expect(snap).toMatchObject({ reserved: 0, available: 4 });
    expect(snap).toMatchObject({ onHand: 4, sold: 0 });
    const refused = await admin("/reservations/exp-1/confirm", { method: "POST", json: { skuIds: [sku] } });
    expect(refused.status).toBe(409);
    expect((await json(refused)).error?.code).toBe("RESERVATION_EXPIRED");
    expect(await stockOf(sku!)).toMatchObject({ sold: 0, reserved: 0, available: 4 });
    const again = await admin("/reservations/exp-1/confirm", {
      method: "POST",
      json: { skuIds: [sku], reReserve: true },
    });
    expect(again.status).toBe(200);
    // Re-confirming is idempotent: the units are counted once.
    expect(
      (await admin("/reservations/exp-1/confirm", { method: "POST", json: { skuIds: [sku] } })).status,
    ).toBe(200);
    const s = await stockOf(sku!);
    expect(s).toMatchObject({ sold: 3, reserved: 0, available: 1 });
    expectBalanced(s);
    const kinds = (
      (await (await admin(`/skus/${sku}/ledger`)).json()) as { items: { kind: string }[] }
    ).items.map((l) => l.kind);
    expect(kinds).toEqual(["re_reserve_confirm", "expire", "reserve", "set"]);
  });

  it("a multi-SKU confirm where one hold expired sells nothing", async () => {
    const {
      skuIds: [a, b],
    } = await newSkus(2);
    await setAvailable(a!, 5);
    await setAvailable(b!, 5);
    const { version } = await stockOf(b!);
    // One order, two SKUs, held at different times: b's hold lapses, a's does not.
    expect((await reserve("mc", [{ skuId: a!, qty: 1 }], 600)).status).toBe(200);
    expect((await reserve("mc", [{ skuId: b!, qty: 1 }], 1)).status).toBe(200);
    await eventually(
      () => snapshotRow(b!),
      (r) => (r?.version ?? 0) >= version + 2,
      "b expired",
    );
    const res = await admin("/reservations/mc/confirm", { method: "POST", json: { skuIds: [a, b] } });
    expect(res.status).toBe(409);
    expect((await json(res)).error).toMatchObject({ code: "RESERVATION_EXPIRED", details: { skuId: b } });
    // a was confirmed, then reverted as part of the failed all-or-nothing confirm.
    expect(await stockOf(a!)).toMatchObject({ sold: 0, reserved: 0, available: 5 });
    expect(await stockOf(b!)).toMatchObject({ sold: 0, reserved: 0, available: 5 });
  });

  it("release is idempotent and cannot release sold units", async () => {
    const {
      skuIds: [sku],
    } = await newSkus(1);
    await setAvailable(sku!, 2);
    await reserve("rel-1", [{ skuId: sku!, qty: 2 }]);
    for (let i = 0; i < 3; i++)
      expect(
        (await admin("/reservations/rel-1/release", { method: "POST", json: { skuIds: [sku] } })).status,
      ).toBe(200);
    expect(await stockOf(sku!)).toMatchObject({ reserved: 0, available: 2 });
    await reserve("rel-2", [{ skuId: sku!, qty: 1 }]);
    await admin("/reservations/rel-2/confirm", { method: "POST", json: { skuIds: [sku] } });
    const res = await admin("/reservations/rel-2/release", { method: "POST", json: { skuIds: [sku] } });
    expect(res.status).toBe(409);
    expect((await json(res)).error?.code).toBe("ALREADY_SOLD");
    expect(await stockOf(sku!)).toMatchObject({ sold: 1, available: 1 });
  });
});

describe("returns", () => {
  it("returned goods go back on sale once per return id, never more than the order bought", async () => {
    const {
      skuIds: [sku],
    } = await newSkus(1);
    await setAvailable(sku!, 5);
    await reserve("ret-1", [{ skuId: sku!, qty: 3 }]);
    const ret = (returnId: string, qty: number) =>
      admin("/returns", {
        method: "POST",
        json: { orderId: "manual:ret-1", returnId, items: [{ skuId: sku, qty }], reason: "七天无理由退货" },
      });
    const notSold = await ret("r-0", 1);
    expect(notSold.status).toBe(409);
    expect((await json(notSold)).error?.code).toBe("NOT_SOLD");
    await admin("/reservations/ret-1/confirm", { method: "POST", json: { skuIds: [sku] } });
    const statuses = await Promise.all([ret("r-1", 2), ret("r-1", 2), ret("r-1", 2)]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await stockOf(sku!)).toMatchObject({ onHand: 5, sold: 1, available: 4 });
    const tooMany = await ret("r-2", 2);
    expect(tooMany.status).toBe(409);
    expect((await json(tooMany)).error?.code).toBe("RETURN_EXCEEDS_SOLD");
    expect((await ret("r-3", 1)).status).toBe(200);
    const s = await stockOf(sku!);
    expect(s).toMatchObject({ onHand: 5, sold: 0, available: 5 });
    expectBalanced(s);
  });
});

describe("merchant endpoints", () => {
  it("roles: anonymous 401, shopper and agent 403, nothing changed", async () => {
    const {
      skuIds: [sku],
    } = await newSkus(1);
    const body = { mode: "restock", quantity: 5 };
    const anon = await stack.fetch(`/api/admin/inventory/skus/${sku}/adjustments`, {
      method: "POST",
      json: body,
    });
    expect(anon.status).toBe(401);
    for (const token of [shopper, agent]) {
      for (const [path, init] of [
        [`/skus/${sku}/adjustments`, { method: "POST", json: body }],
        [`/skus/${sku}`, {}],
        ["/reservations", { method: "POST", json: { ref: "x", items: [{ skuId: sku, qty: 1 }] } }],
        ["/suggestions", {}],
      ] as const) {
        const res = await admin(path, { ...init, token });
        expect(res.status).toBe(403);
        expect((await json(res)).error?.message).toMatch(/权限/);
      }
    }
    expect(await stockOf(sku!)).toMatchObject({ onHand: 0, version: 0 });
  });

  it("documents the inventory routes in the OpenAPI document", async () => {
    const spec = (await (await stack.fetch("/api/openapi.json")).json()) as {
      paths: Record<string, unknown>;
    };
    for (const path of [
      "/skus/{skuId}/adjustments",
      "/skus/{skuId}/ledger",
      "/suggestions",
      "/reservations",
      "/returns",
    ])
      expect(Object.keys(spec.paths)).toContain(`/api/admin/inventory${path}`);
  });

  it("rejects bad input with a Chinese 4xx and writes nothing", async () => {
    const {
      skuIds: [sku],
    } = await newSkus(1);
    await setAvailable(sku!, 3);
    const before = await stockOf(sku!);
    const bad: unknown[] = [
      { mode: "delta", delta: 0, reason: "x" },
      { mode: "delta", delta: 2 },
      { mode: "delta", delta: 1.5, reason: "x" },
      { mode: "set", available: -1, reason: "x" },
      { mode: "restock", quantity: 0 },
      { mode: "steal", quantity: 1 },
      { mode: "set", available: 1, reason: "   " },
    ];
    for (const body of bad) {
      const res = await admin(`/skus/${sku}/adjustments`, { method: "POST", json: body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      const err = (await json(res)).error!;
      expect(err.code).toBe("VALIDATION_FAILED");
      expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const short = await admin(`/skus/${sku}/adjustments`, {
      method: "POST",
      json: { mode: "delta", delta: -4, reason: "报损" },
    });
    expect(short.status).toBe(409);
    expect((await json(short)).error?.code).toBe("INSUFFICIENT_AVAILABLE");
    const missing = await admin("/skus/999999/adjustments", {
      method: "POST",
      json: { mode: "restock", quantity: 1 },
    });
    expect(missing.status).toBe(404);
    expect((await admin("/skus/abc")).status).toBe(400);
    expect((await admin(`/skus/${sku}/threshold`, { method: "PUT", json: { threshold: -2 } })).status).toBe(
      400,
    );
    expect((await reserve("bad ref!", [{ skuId: sku!, qty: 1 }])).status).toBe(400);
    expect((await reserve("zero", [{ skuId: sku!, qty: 0 }])).status).toBe(400);
    expect(await stockOf(sku!)).toEqual(before);
  });

  it("adjustments are recorded in the ledger with reason and actor; an Idempotency-Key applies once", async () => {
    const {
      skuIds: [sku],
    } = await newSkus(1);
    const send = () =>
      admin(`/skus/${sku}/adjustments`, {
        method: "POST",
        headers: { "idempotency-key": "restock-0001" },
        json: { mode: "restock", quantity: 20, reason: "到货" },
      });
    const results = await Promise.all([send(), send(), send()]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const bodies = (await Promise.all(results.map((r) => r.json()))) as { duplicate: boolean }[];
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1);
    await admin(`/skus/${sku}/adjustments`, {
      method: "POST",
      json: { mode: "delta", delta: -2, reason: "破损" },
    });
    expect(await stockOf(sku!)).toMatchObject({ onHand: 18, available: 18 });
    const ledger = (await (await admin(`/skus/${sku}/ledger?limit=1`)).json()) as {
      items: { kind: string; dOnHand: number; reason: string; actor: string; onHand: number }[];
      nextBefore: number | null;
    };
    expect(ledger.items).toEqual([
      expect.objectContaining({
        kind: "adjust",
        dOnHand: -2,
        reason: "破损",
        onHand: 18,
        actor: expect.stringMatching(/^staff:\d+/),
      }),
    ]);
    const older = (await (await admin(`/skus/${sku}/ledger?before=${ledger.nextBefore}`)).json()) as {
      items: { kind: string; dOnHand: number }[];
    };
    expect(older.items).toEqual([expect.objectContaining({ kind: "restock", dOnHand: 20 })]);
  });

  it("one low-stock notification per crossing, re-armed by restocking above the threshold", async () => {
    const {
      skuIds: [sku],
    } = await newSkus(1);
    await setAvailable(sku!, 10);
    expect((await admin(`/skus/${sku}/threshold`, { method: "PUT", json: { threshold: 5 } })).status).toBe(
      200,
    );
    // 8 concurrent holds take available from 10 to 2: below 5 several times over, one notice.
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => reserve(`low-${sku}-${i}`, [{ skuId: sku!, qty: 1 }])),
    );
    await eventually(
      () => stockOf(sku!),
      (s) => s.publishedVersion === s.version,
      "publish",
    );
    expect(await lowStockNotices(sku!)).toHaveLength(1);
    // Releasing holds does not re-arm; restocking above the threshold does.
    await admin(`/reservations/low-${sku}-0/release`, { method: "POST", json: { skuIds: [sku] } });
    await admin(`/skus/${sku}/adjustments`, {
      method: "POST",
      json: { mode: "restock", quantity: 10, reason: "到货" },
    });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => reserve(`low2-${sku}-${i}`, [{ skuId: sku!, qty: 1 }])),
    );
    await eventually(
      () => stockOf(sku!),
      (s) => s.publishedVersion === s.version,
      "publish",
    );
    const notices = await lowStockNotices(sku!);
    expect(notices).toHaveLength(2);
    expect(String(notices[0]!.body)).toMatch(/测试冰箱.*低于预警值 5 件/);
    const alerts = (await (await admin("/alerts")).json()) as {
      items: { skuId: number; kind: string; title: string }[];
    };
    expect(alerts.items.filter((a) => a.skuId === sku)).toHaveLength(2);
    expect(alerts.items[0]).toMatchObject({ kind: "low_stock", title: "库存预警" });
  });

  it("lists stock per SKU from the snapshot, with a low-only filter", async () => {
    const { productId, skuIds } = await newSkus(2);
    await setAvailable(skuIds[0]!, 9);
    await setAvailable(skuIds[1]!, 2);
    await admin(`/skus/${skuIds[1]}/threshold`, { method: "PUT", json: { threshold: 3 } });
    for (const id of skuIds)
      await eventually(
        () => stockOf(id),
        (s) => s.publishedVersion === s.version,
        "publish",
      );
    const all = (await (await admin(`/skus?productId=${productId}`)).json()) as {
      items: { skuId: number; available: number }[];
    };
    expect(all.items.map((i) => [i.skuId, i.available]).sort()).toEqual(
      [
        [skuIds[0], 9],
        [skuIds[1], 2],
      ].sort(),
    );
    const low = (await (await admin(`/skus?productId=${productId}&lowOnly=1`)).json()) as {
      items: { skuId: number }[];
    };
    expect(low.items.map((i) => i.skuId)).toEqual([skuIds[1]]);
  });

  it("restock suggestions come from recent sales velocity", async () => {
    const {
      skuIds: [sku],
    } = await newSkus(1);
    await setAvailable(sku!, 20);
    for (let i = 0; i < 7; i++) {
      await reserve(`sale-${sku}-${i}`, [{ skuId: sku!, qty: 2 }]);
      await admin(`/reservations/sale-${sku}-${i}/confirm`, { method: "POST", json: { skuIds: [sku] } });
    }
    await eventually(
      () => stockOf(sku!),
      (s) => s.publishedVersion === s.version,
      "publish",
    );
    const res = (await (await admin("/suggestions?days=7&targetDays=14")).json()) as {
      items: {
        skuId: number;
        soldInWindow: number;
        velocity: number;
        daysOfCover: number;
        suggestedQty: number;
      }[];
    };
    // 14 sold in 7 days = 2/day; 6 left = 3 days of cover; 14 days need 28, so order 22.
    expect(res.items.find((i) => i.skuId === sku)).toEqual(
      expect.objectContaining({ soldInWindow: 14, velocity: 2, daysOfCover: 3, suggestedQty: 22 }),
    );
  });
});

describe("snapshot and shopper availability", () => {
  it("listing and detail show 有货 / 仅剩 N 件 / 暂时缺货 from the snapshot", async () => {
    const { productId, skuIds } = await newSkus(2);
    const detail = async () =>
      (await (await stack.fetch(`/api/products/${productId}`)).json()) as {
        availability: { label: string };
        skus: { id: number; availability: { label: string; status: string } }[];
      };
    expect((await detail()).availability.label).toBe("暂时缺货");
    await setAvailable(skuIds[0]!, 3);
    await setAvailable(skuIds[1]!, 30);
    // The two SKUs publish independently: wait until both have.
    const d = await eventually(
      detail,
      (v) => v.skus.map((s) => s.availability.label).join() === "仅剩 3 件,有货",
      "snapshot",
    );
    expect(d.availability.label).toBe("有货");
    const listing = (await (await stack.fetch("/api/products?limit=50")).json()) as {
      items: { id: number; availability: { label: string } }[];
    };
    expect(listing.items.find((p) => p.id === productId)?.availability.label).toBe("有货");
    await setAvailable(skuIds[1]!, 0);
    await eventually(detail, (v) => v.availability.label === "仅剩 3 件", "snapshot");
  });

  it("the snapshot converges to the object, and a stale publish never overwrites a newer version", async () => {
    const {
      skuIds: [sku],
    } = await newSkus(1);
    await setAvailable(sku!, 8);
    await reserve(`snap-${sku}`, [{ skuId: sku!, qty: 3 }]);
    const s = await eventually(
      () => stockOf(sku!),
      (v) => v.publishedVersion === v.version,
      "publish",
    );
    expect(await snapshotRow(sku!)).toEqual({
      onHand: 8,
      reserved: 3,
      available: 5,
      sold: 0,
      version: s.version,
    });
    await stack.sql.execute(
      snapshotStatement({
        skuId: sku!,
        onHand: 99,
        reserved: 0,
        sold: 0,
        threshold: null,
        alertArmed: true,
        alertSeq: 0,
        version: s.version - 1,
        updatedAt: Date.now(),
      }),
    );
    expect(await snapshotRow(sku!)).toMatchObject({ onHand: 8, version: s.version });
  });

  it("a publish that fails while libSQL is unavailable is retried by the alarm until it lands", async () => {
    const {
      skuIds: [sku],
    } = await newSkus(1);
    await setAvailable(sku!, 6);
    await eventually(
      () => stockOf(sku!),
      (v) => v.publishedVersion === v.version,
      "publish",
    );
    // Make every snapshot write fail, as an unreachable database would.
    await stack.sql.execute("ALTER TABLE stock_snapshots RENAME TO stock_snapshots_offline");
    try {
      expect((await reserve(`retry-${sku}`, [{ skuId: sku!, qty: 2 }])).status).toBe(200);
      const pending = await stockOf(sku!);
      expect(pending.publishedVersion).toBeLessThan(pending.version);
    } finally {
      await stack.sql.execute("ALTER TABLE stock_snapshots_offline RENAME TO stock_snapshots");
    }
    // No further calls to the object: only its retry alarm can publish the hold.
    const snap = await eventually(
      () => snapshotRow(sku!),
      (r) => r?.reserved === 2,
      "publish retried by alarm",
    );
    expect(snap).toMatchObject({ onHand: 6, available: 4 });
  });

  it("after all of the above, every SKU balances: on hand = available + reserved + sold", async () => {
    const rs = await stack.sql.execute("SELECT sku_id FROM stock_snapshots");
    expect(rs.rows.length).toBeGreaterThan(10);
    for (const r of rs.rows) expectBalanced(await stockOf(Number(r.sku_id)));
  });
});
