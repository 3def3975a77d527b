/**
 * 价保 over HTTP in workerd with payments through the simulated gateway: the per-line view, a
 * limited-time price below what was paid, units in return cases left out, concurrent applications
 * refunded exactly once (and the refund arriving), refunds never summing past what was paid, the
 * 7-day window, and bad input answered in Chinese with nothing written.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../../test/order-fixture";
import { createDb } from "../../db/client";
import { priceProtectedFen } from "./service";

const f = useOrderFixture();
type Json = Awaited<ReturnType<typeof json>>;
const DAY = 86_400_000;

const ok = async (res: Response, status = 200) => {
  const body = await json(res);
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body;
};
async function expectError(res: Response, status: number, message: RegExp | string) {
  const body = await json(res);
  expect(res.status, JSON.stringify(body)).toBe(status);
  if (typeof message === "string") expect(body.error?.message).toBe(message);
  else expect(body.error?.message).toMatch(message);
  return body;
}
const apply = (token: string, body: unknown) =>
  f.stack.fetch("/api/after-sales/price-protection", { method: "POST", token, json: body });
const view = async (token: string, orderNo: string) =>
  ok(await f.stack.fetch(`/api/after-sales/price-protection/orders/${orderNo}`, { token }));

type Line = {
  orderItemId: number;
  skuId: number;
  eligible: boolean;
  reason: string | null;
  paidUnitFen: number;
  currentUnitFen: number | null;
  currentPriceSource: string | null;
  differenceFen: number;
  units: number;
  refundFen: number;
  deadline: number | null;
  applied: null | { amountFen: number; refundStatus: string | null; outRefundNo: string | null };
};
const lineOf = (v: Json, skuId: number) => (v.lines as Line[]).find((l) => l.skuId === skuId)!;

async function paidOrder(token: string, items: { skuId: number; quantity: number }[]) {
  const order = await ok(await f.placeOrder(token, items), 201);
  expect((await f.startPaying(token, Number(order.id), "wechat")).status).toBe(200);
  expect((await f.payAtGateway("wechat", String(order.orderNo))).status).toBe(200);
  return order;
}

async function limitedTimePrice(skuId: number, priceFen: number): Promise<number> {
  const p = await ok(
    await f.stack.fetch("/api/admin/marketing/promotions", {
      method: "POST",
      token: f.merchant,
      json: {
        kind: "limited_time",
        name: `限时价${skuId}`,
        startsAt: Date.now() - 60_000,
        endsAt: Date.now() + DAY,
        items: [{ skuId, priceFen }],
      },
    }),
    201,
  );
  return Number(p.id);
}

const refundRows = async (orderId: number) =>
  (
    await f.stack.sql.execute({
      sql: "SELECT source, source_ref, amount_fen, status FROM refunds WHERE order_id = ? ORDER BY id",
      args: [orderId],
    })
  ).rows.map((r) => ({ ...r }));

let skuA: number;
let skuB: number;
let shopper: { token: string; addressId: number };
let stranger: { token: string; addressId: number };
let order: Json;
let promotionA: number;

beforeAll(async () => {
  skuA = await f.createSku(100_000, 50, "价保冰箱");
  skuB = await f.createSku(50_000, 50, "价保洗衣机");
  shopper = await f.newShopper("价保顾客");
  stranger = await f.newShopper("别人");
  order = await paidOrder(shopper.token, [
    { skuId: skuA, quantity: 2 },
    { skuId: skuB, quantity: 1 },
  ]);
}, 60_000);

describe("price protection", () => {
  it("shows each line: not eligible while the price has not dropped; bad input is a Chinese 4xx and writes nothing", async () => {
    const v = await view(shopper.token, String(order.orderNo));
    const a = lineOf(v, skuA);
    expect(a).toMatchObject({
      eligible: false,
      reason: "当前价格未低于您的购买价格",
      paidUnitFen: 100_000,
      currentUnitFen: 100_000,
      currentPriceSource: "list",
      refundFen: 0,
      applied: null,
    });
    expect(a.deadline).toBe(Number(v.paidAt) + 7 * DAY);

    await expectError(await apply(shopper.token, {}), 400, /请选择要价保的商品/);
    await expectError(await apply(shopper.token, { orderItemId: "x" }), 400, /请求参数有误/);
    await expectError(await apply(stranger.token, { orderItemId: a.orderItemId }), 404, "订单商品不存在");
    await expectError(
      await f.stack.fetch(`/api/after-sales/price-protection/orders/${order.orderNo}`, {
        token: stranger.token,
      }),
      404,
      "订单不存在",
    );
    await expectError(await apply(f.merchant, { orderItemId: a.orderItemId }), 403, /仅限顾客/);
    await expectError(
      await apply(shopper.token, { orderItemId: a.orderItemId }),
      422,
      "当前价格未低于您的购买价格",
    );
    expect(await f.count("SELECT count(*) n FROM price_protection_claims")).toBe(0);
    expect(await refundRows(Number(order.id))).toEqual([]);
  });

  it("a limited-time price below the paid price makes the line eligible for the difference × units", async () => {
    promotionA = await limitedTimePrice(skuA, 90_000);
    const a = lineOf(await view(shopper.token, String(order.orderNo)), skuA);
    expect(a).toMatchObject({
      eligible: true,
      reason: null,
      paidUnitFen: 100_000,
      currentUnitFen: 90_000,
      currentPriceSource: "limited_time",
      differenceFen: 10_000,
      units: 2,
      refundFen: 20_000,
    });
  });

  it("units in a return case are left out", async () => {
    const a = lineOf(await view(shopper.token, String(order.orderNo)), skuA);
    const now = Date.now();
    const c = await f.stack.sql.execute({
      sql: `INSERT INTO after_sale_cases (case_no, order_id, shopper_id, type, status, version, reason_code, photos,
              order_shipped, created_at, updated_at)
            VALUES ('AS-PP-1', ?, (SELECT shopper_id FROM orders WHERE id = ?), 'return_refund', 'applied', 1,
              'no_reason', '[]', 0, ?, ?) RETURNING id`,
      args: [Number(order.id), Number(order.id), now, now],
    });
    await f.stack.sql.execute({
      sql: "INSERT INTO after_sale_unit_claims (order_item_id, unit_no, case_id) VALUES (?, 0, ?)",
      args: [a.orderItemId, Number(c.rows[0]!.id)],
    });
    expect(lineOf(await view(shopper.token, String(order.orderNo)), skuA)).toMatchObject({
      eligible: true,
      units: 1,
      refundFen: 10_000,
    });
  });

  it("concurrent applications for one line: exactly one is accepted and refunded once; the refund arrives", async () => {
    const { orderItemId } = lineOf(await view(shopper.token, String(order.orderNo)), skuA);
    const results = await Promise.all(Array.from({ length: 6 }, () => apply(shopper.token, { orderItemId })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(5);
    const loser = results.find((r) => r.status === 409)!;
    expect((await json(loser)).error?.message).toBe("该商品已申请过价保");
    const winner = await json(results.find((r) => r.status === 201)!);
    expect(winner).toMatchObject({ orderItemId, applied: { amountFen: 10_000 } });

    expect(await f.count("SELECT count(*) n FROM price_protection_claims")).toBe(1);
    // Unit 0 is in the return case: only unit 1 was compensated, and a return of it would refund ¥100 less.
    const db = createDb(f.stack.vars.LIBSQL_URL!);
    expect(await priceProtectedFen(db, orderItemId, [1])).toBe(10_000);
    expect(await priceProtectedFen(db, orderItemId, [0])).toBe(0);
    expect(await refundRows(Number(order.id))).toEqual([
      expect.objectContaining({
        source: "price_protection",
        source_ref: String(orderItemId),
        amount_fen: 10_000,
      }),
    ]);
    await expect
      .poll(async () => (await refundRows(Number(order.id)))[0]!.status, { timeout: 10_000 })
      .toBe("succeeded");
    const after = lineOf(await view(shopper.token, String(order.orderNo)), skuA);
    expect(after).toMatchObject({
      eligible: false,
      reason: "该商品已申请过价保",
      applied: { amountFen: 10_000, refundStatus: "succeeded" },
    });
    await expectError(await apply(shopper.token, { orderItemId }), 409, "该商品已申请过价保");
  });

  it("refunds never sum past what was paid: a 价保 that would is refused and leaves no claim", async () => {
    await limitedTimePrice(skuB, 10_000);
    const b = lineOf(await view(shopper.token, String(order.orderNo)), skuB);
    expect(b).toMatchObject({ eligible: true, refundFen: 40_000 });
    // Another refund (an after-sales case) has taken all but ¥300 of the payment.
    const payable = Number(order.payableFen);
    const now = Date.now();
    await f.stack.sql.execute({
      sql: `INSERT INTO refunds (order_id, payment_id, method, source, source_ref, out_refund_no, transaction_id,
              amount_fen, reason, status, attempts, created_at, updated_at)
            SELECT order_id, id, method, 'after_sale', 'AS-PP-X', 'RF-PP-TEST', transaction_id, ?, '测试', 'succeeded', 1, ?, ?
            FROM payments WHERE order_id = ? AND status = 'paid'`,
      args: [payable - 10_000 - 30_000, now, now, Number(order.id)],
    });
    await expectError(
      await apply(shopper.token, { orderItemId: b.orderItemId }),
      409,
      /退款金额超过可退金额/,
    );
    expect(await f.count("SELECT count(*) n FROM price_protection_claims")).toBe(1);
    const refunds = await refundRows(Number(order.id));
    expect(refunds).toHaveLength(2);
    expect(refunds.reduce((s, r) => s + Number(r.amount_fen), 0)).toBeLessThanOrEqual(payable);
  });

  it("the window closes 7 days after payment (the deadline itself is too late)", async () => {
    // Bought at the limited-time ¥900: that is the paid price; a later ¥800 is a drop.
    const late = await paidOrder(shopper.token, [{ skuId: skuA, quantity: 1 }]);
    expect(lineOf(await view(shopper.token, String(late.orderNo)), skuA)).toMatchObject({
      paidUnitFen: 90_000,
      eligible: false,
    });
    await ok(
      await f.stack.fetch(`/api/admin/marketing/promotions/${promotionA}/stop`, {
        method: "POST",
        token: f.merchant,
      }),
    );
    await limitedTimePrice(skuA, 80_000);
    const paidAt = Date.now() - 7 * DAY + 60_000;
    await f.stack.sql.execute({
      sql: "UPDATE orders SET paid_at = ? WHERE id = ?",
      args: [paidAt, Number(late.id)],
    });
    const open = lineOf(await view(shopper.token, String(late.orderNo)), skuA);
    expect(open).toMatchObject({ eligible: true, refundFen: 10_000, deadline: paidAt + 7 * DAY });
    await f.stack.sql.execute({
      sql: "UPDATE orders SET paid_at = ? WHERE id = ?",
      args: [Date.now() - 7 * DAY, Number(late.id)],
    });
    const closed = lineOf(await view(shopper.token, String(late.orderNo)), skuA);
    expect(closed).toMatchObject({
      eligible: false,
      reason: "已超过价保期限（付款后 7 天内）",
      refundFen: 0,
    });
    await expectError(
      await apply(shopper.token, { orderItemId: closed.orderItemId }),
      422,
      "已超过价保期限（付款后 7 天内）",
    );
    expect(await refundRows(Number(late.id))).toEqual([]);
  });
});
