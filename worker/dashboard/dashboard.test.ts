/**
 * GET /api/admin/dashboard over HTTP in workerd: figures follow paid orders (today vs yesterday, a paid
 * order cancelled afterwards left out), the to-do counters follow orders, stock thresholds and queued
 * chats, shipping an order takes it off "to ship", and only merchants and operations may read it.
 */
import { describe, expect, it } from "vitest";
import { staffToken } from "../../test/harness";
import { json, useOrderFixture } from "../../test/order-fixture";
import { dashboardPeriods } from "./periods";

const f = useOrderFixture();

interface Period {
  salesFen: number;
  paidOrders: number;
  averageOrderFen: number;
}
interface Dashboard {
  today: Period;
  yesterday: Period;
  month: Period;
  todo: Record<"toShip" | "afterSalesToReview" | "lowStockSkus" | "chatsWaiting" | "repairsOpen", number>;
  salesChart: { day: string; salesFen: number; paidOrders: number }[];
}

async function read(token = f.merchant): Promise<Dashboard> {
  const res = await f.stack.fetch("/api/admin/dashboard", { token });
  const body = await json(res);
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body as unknown as Dashboard;
}

async function paidOrder(token: string, skuId: number, quantity: number) {
  const res = await f.placeOrder(token, [{ skuId, quantity }]);
  const order = await json(res);
  expect(res.status, JSON.stringify(order)).toBe(201);
  expect((await f.startPaying(token, Number(order.id), "wechat")).status).toBe(200);
  expect((await f.payAtGateway("wechat", String(order.orderNo))).status).toBe(200);
  for (let i = 0; i < 100 && (await f.orderRow(Number(order.id))).status !== "paid"; i++)
    await new Promise((r) => setTimeout(r, 100));
  expect((await f.orderRow(Number(order.id))).status).toBe("paid");
  return Number(order.id);
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let v = await read();
  for (let i = 0; i < 100 && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}

describe("GET /api/admin/dashboard", () => {
  it("reports sales, paid orders and average order value per period, and the to-do counters", async () => {
    const empty = await read();
    expect(empty.today).toEqual({ salesFen: 0, paidOrders: 0, averageOrderFen: 0 });
    expect(empty.salesChart).toHaveLength(14);

    const sku = await f.createSku(12_345, 50, "看板冰箱");
    const a = await f.newShopper("看板顾客甲");
    const b = await f.newShopper("看板顾客乙");
    const today1 = await paidOrder(a.token, sku, 1);
    const today2 = await paidOrder(b.token, sku, 2);
    const movedToYesterday = await paidOrder(a.token, sku, 3);
    const cancelledAfterPaying = await paidOrder(b.token, sku, 4);
    await f.placeOrder(a.token, [{ skuId: sku, quantity: 1 }]); // unpaid: counts nowhere

    const cancel = await f.stack.fetch(`/api/admin/orders/${cancelledAfterPaying}/cancel`, {
      method: "POST",
      token: f.merchant,
      json: { reason: "缺货" },
    });
    expect(cancel.status, await cancel.clone().text()).toBe(200);
    // Arranged: one order paid yesterday at noon (Beijing).
    const p = dashboardPeriods(Date.now());
    await f.stack.sql.execute({
      sql: "UPDATE orders SET paid_at = ? WHERE id = ?",
      args: [p.yesterdayStart + 4 * 3_600_000, movedToYesterday],
    });
    const payable = async (id: number) => Number((await f.orderRow(id)).payable_fen);
    const [fen1, fen2, fenY] = [
      await payable(today1),
      await payable(today2),
      await payable(movedToYesterday),
    ];

    const d = await read();
    expect(d.today).toEqual({
      salesFen: fen1 + fen2,
      paidOrders: 2,
      averageOrderFen: Math.round((fen1 + fen2) / 2),
    });
    expect(d.yesterday).toEqual({ salesFen: fenY, paidOrders: 1, averageOrderFen: fenY });
    const yesterdayInMonth = p.yesterdayStart >= p.monthStart;
    expect(d.month.paidOrders).toBe(yesterdayInMonth ? 3 : 2);
    expect(d.month.salesFen).toBe(fen1 + fen2 + (yesterdayInMonth ? fenY : 0));
    expect(d.salesChart.at(-1)).toEqual({ day: p.chartDays.at(-1), salesFen: fen1 + fen2, paidOrders: 2 });
    expect(d.salesChart.at(-2)).toEqual({ day: p.chartDays.at(-2), salesFen: fenY, paidOrders: 1 });
    expect(d.todo.toShip).toBe(3);

    // Shipping one order takes it off the to-do list.
    const ship = await f.stack.fetch(`/api/admin/orders/${today1}/ship`, {
      method: "POST",
      token: f.merchant,
      json: { carrier: "顺丰速运", trackingNo: "SF1234567890" },
    });
    expect(ship.status, await ship.clone().text()).toBe(200);
    expect((await read()).todo.toShip).toBe(2);
    // Shipped orders still count as sales.
    expect((await read()).today.salesFen).toBe(fen1 + fen2);
  });

  it("counts SKUs below their threshold and chats waiting for an agent", async () => {
    const before = await read();
    const sku = await f.createSku(5_000, 3, "看板热水器");
    const threshold = await f.stack.fetch(`/api/admin/inventory/skus/${sku}/threshold`, {
      method: "PUT",
      token: f.merchant,
      json: { threshold: 10 },
    });
    expect(threshold.status, await threshold.clone().text()).toBe(200);
    // The stock snapshot is published by the SKU's counter object shortly after the change.
    const low = await eventually(read, (d) => d.todo.lowStockSkus === before.todo.lowStockSkus + 1);
    expect(low.todo.lowStockSkus).toBe(before.todo.lowStockSkus + 1);

    const now = Date.now();
    await f.newShopper("看板排队");
    const shopper = Number(
      (await f.stack.sql.execute("SELECT id FROM shoppers WHERE nickname = '看板排队'")).rows[0]!.id,
    );
    await f.stack.sql.execute({
      sql: "INSERT INTO conversations (shopper_id, status, created_at, updated_at, queued_at) VALUES (?, 'queued', ?, ?, ?)",
      args: [shopper, now, now, now],
    });
    expect((await read()).todo.chatsWaiting).toBe(before.todo.chatsWaiting + 1);
  });

  it("is for merchants and operations only", async () => {
    expect((await f.stack.fetch("/api/admin/dashboard")).status).toBe(401);
    const agent = await staffToken(f.stack, "agent");
    expect((await f.stack.fetch("/api/admin/dashboard", { token: agent })).status).toBe(403);
    const installer = await staffToken(f.stack, "installer");
    expect((await f.stack.fetch("/api/admin/dashboard", { token: installer })).status).toBe(403);
    const operations = await staffToken(f.stack, "operations");
    expect((await read(operations)).todo.toShip).toBeGreaterThanOrEqual(0);
  });
});

describe("the operations role", () => {
  it("ships orders and adjusts stock, but cannot change products or prices", async () => {
    const ops = await staffToken(f.stack, "operations");
    const sku = await f.createSku(8_000, 5, "运营测试");
    const shopper = await f.newShopper("运营顾客");
    const order = await paidOrder(shopper.token, sku, 1);
    const ship = await f.stack.fetch(`/api/admin/orders/${order}/ship`, {
      method: "POST",
      token: ops,
      json: { carrier: "顺丰速运", trackingNo: "SF9876543210" },
    });
    expect(ship.status, await ship.clone().text()).toBe(200);
    const adjust = await f.stack.fetch(`/api/admin/inventory/skus/${sku}/adjustments`, {
      method: "POST",
      token: ops,
      json: { mode: "delta", delta: 2, reason: "盘点" },
    });
    expect(adjust.status, await adjust.clone().text()).toBe(200);
    const products = await f.stack.fetch("/api/admin/products", { token: ops });
    expect(products.status).toBe(403);
    const productId = Number(
      (await f.stack.sql.execute({ sql: "SELECT product_id FROM skus WHERE id = ?", args: [sku] })).rows[0]!
        .product_id,
    );
    const reprice = await f.stack.fetch(`/api/admin/products/${productId}`, {
      method: "PATCH",
      token: ops,
      json: { name: "改名" },
    });
    expect(reprice.status).toBe(403);
  });
});
