/**
 * Refunds through HTTP against the real worker and the payment simulator (WeChat Pay v3 and Alipay
 * refund APIs and their signed refund notifications): a paid order cancelled before shipping, a
 * double payment, duplicate refund notifications, a cancel racing the shipment.
 */
import { describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();

type Refund = { outRefundNo: string; amountFen: number; status: string; source: string; reason: string };

/** A shopper's order for `quantity` units of a fresh SKU, paid with `method`. */
async function paidOrder(method: "wechat" | "alipay", nickname: string, quantity = 2, priceFen = 129_900) {
  const skuId = await f.createSku(priceFen, 5);
  const { token } = await f.newShopper(nickname);
  const order = await json(await f.placeOrder(token, [{ skuId, quantity }]));
  expect((await f.startPaying(token, Number(order.id), method)).status).toBe(200);
  expect((await f.payAtGateway(method, String(order.orderNo))).status).toBe(200);
  expect((await f.orderRow(Number(order.id))).status).toBe("paid");
  return {
    skuId,
    token,
    id: Number(order.id),
    no: String(order.orderNo),
    payableFen: Number(order.payableFen),
  };
}

/** The order as the shopper sees it once every refund has settled at the gateway. */
async function settledDetail(id: number, token: string) {
  for (let i = 0; i < 50; i++) {
    const detail = await json(await f.stack.fetch(`/api/orders/${id}`, { token }));
    const refunds = detail.refunds as Refund[];
    if (refunds.length && refunds.every((r) => r.status === "succeeded" || r.status === "failed"))
      return detail;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("refunds did not settle");
}

const cancel = (id: number, token: string) =>
  f.stack.fetch(`/api/orders/${id}/cancel`, { method: "POST", token, json: { reason: "不想要了" } });

describe.each(["wechat", "alipay"] as const)("refunds with %s", (method) => {
  it("a paid order not yet shipped is cancelled by the shopper: refunded in full once, stock back at once", async () => {
    const { skuId, token, id, no, payableFen } = await paidOrder(method, `取消已付-${method}`);
    expect(await f.stockOf(skuId)).toMatchObject({ available: 3, sold: 2 });
    const before = await json(await f.stack.fetch(`/api/orders/${id}`, { token }));
    expect(before.actions).toContain("cancel_paid");

    // The shopper taps twice: one cancel, one refund.
    const [a, b] = await Promise.all([cancel(id, token), cancel(id, token)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const replies = [await json(a), await json(b)];
    expect(replies.map((r) => r.status)).toEqual(["cancelled", "cancelled"]);
    // The cancel that applied answers with what its delivery did: the refund is already on its way.
    expect(
      replies.some((r) => (r.refunds as { source: string }[]).some((x) => x.source === "order_cancel")),
    ).toBe(true);
    expect(await f.stockOf(skuId)).toMatchObject({ available: 5, reserved: 0, sold: 0 });

    const detail = await settledDetail(id, token);
    expect(detail.refunds).toEqual([
      expect.objectContaining({ source: "order_cancel", amountFen: payableFen, status: "succeeded" }),
    ]);
    expect(detail).toMatchObject({ refundedFen: payableFen, refundingFen: 0 });
    const sim = await f.simControl<{ outTradeNo: string; refundFen: number }[]>("/_sim/refunds");
    expect(sim.json.filter((r) => r.outTradeNo === no).map((r) => r.refundFen)).toEqual([payableFen]);
    expect(
      await f.count(
        "SELECT count(*) AS n FROM order_events WHERE order_id = ? AND kind = 'refund_succeeded'",
        [id],
      ),
    ).toBe(1);

    // The notices say what happened: cancelled, refund on its way, refund arrived — each once.
    const notices = await json(await f.stack.fetch("/api/notifications", { token }));
    const titles = (notices.items as { title: string }[]).map((n) => n.title);
    expect(titles.filter((t) => t === "订单已取消")).toHaveLength(1);
    expect(titles.filter((t) => t === "退款处理中")).toHaveLength(1);
    expect(titles.filter((t) => t === "退款成功")).toHaveLength(1);
    expect(titles).not.toContain("重复付款退款");

    // Replayed refund notifications change nothing.
    const outRefundNo = (detail.refunds as Refund[])[0]!.outRefundNo;
    const replays = await Promise.all(
      Array.from({ length: 8 }, () =>
        f.simControl<{ status: number }>("/_sim/notify/replay", {
          method,
          outTradeNo: no,
          outRefundNo,
          variant: "normal",
        }),
      ),
    );
    for (const r of replays) expect(r.status).toBe(200);
    expect(
      await f.count(
        "SELECT count(*) AS n FROM order_events WHERE order_id = ? AND kind = 'refund_succeeded'",
        [id],
      ),
    ).toBe(1);
    expect(await f.count("SELECT count(*) AS n FROM refunds WHERE order_id = ?", [id])).toBe(1);
    expect(
      await f.count(
        "SELECT count(*) AS n FROM merchant_notifications WHERE ref_id = ? AND title = '退款成功'",
        [no],
      ),
    ).toBe(2);
  });

  it("a cancel racing the shipment: exactly one of them happens", async () => {
    const { skuId, token, id } = await paidOrder(method, `取消抢发货-${method}`, 1);
    const [cancelled, shipped] = await Promise.all([
      cancel(id, token),
      f.stack.fetch(`/api/admin/orders/${id}/ship`, {
        method: "POST",
        token: f.merchant,
        json: { carrier: "顺丰速运", trackingNo: "SF9988776655" },
      }),
    ]);
    expect([cancelled.status, shipped.status].sort()).toEqual([200, 409]);
    const row = await f.orderRow(id);
    const refunds = await f.count("SELECT count(*) AS n FROM refunds WHERE order_id = ?", [id]);
    if (cancelled.status === 200) {
      expect(row.status).toBe("cancelled");
      await settledDetail(id, token);
      expect(await f.stockOf(skuId)).toMatchObject({ available: 5, sold: 0 });
    } else {
      expect(row.status).toBe("shipped");
      expect(refunds).toBe(0);
      expect(await f.stockOf(skuId)).toMatchObject({ available: 4, sold: 1 });
      expect((await json(cancelled)).error?.code).toBe("ILLEGAL_TRANSITION");
    }
  });
});

it("a shipped order cannot be cancelled, and another shopper's paid order is not found", async () => {
  const { token, id } = await paidOrder("wechat", "已发货不可取消", 1);
  const other = await f.newShopper("别人");
  expect((await cancel(id, other.token)).status).toBe(404);
  await f.stack.fetch(`/api/admin/orders/${id}/ship`, {
    method: "POST",
    token: f.merchant,
    json: { carrier: "顺丰速运", trackingNo: "SF1122334455" },
  });
  const res = await cancel(id, token);
  expect(res.status).toBe(409);
  expect((await json(res)).error?.message).toMatch(/已发货/);
  expect(await f.count("SELECT count(*) AS n FROM refunds WHERE order_id = ?", [id])).toBe(0);
});

it("an order paid twice: the extra payment is refunded whole, the shopper is told it was a duplicate, the merchant sees which", async () => {
  const skuId = await f.createSku(45_600, 3);
  const { token } = await f.newShopper("重复付款");
  const order = await json(await f.placeOrder(token, [{ skuId, quantity: 1 }]));
  const id = Number(order.id);
  const no = String(order.orderNo);
  await f.startPaying(token, id, "wechat");
  await f.startPaying(token, id, "alipay");
  expect((await f.payAtGateway("wechat", no)).status).toBe(200);
  expect((await f.payAtGateway("alipay", no)).status).toBe(200);

  const detail = await settledDetail(id, token);
  expect(detail.status).toBe("paid");
  expect(detail.refunds).toEqual([
    expect.objectContaining({
      source: "duplicate_payment",
      method: "alipay",
      amountFen: 45_600,
      status: "succeeded",
    }),
  ]);
  const titles = (
    (await json(await f.stack.fetch("/api/notifications", { token }))).items as { title: string }[]
  ).map((n) => n.title);
  expect(titles).toContain("重复付款退款");
  expect(titles).not.toContain("订单已取消");

  const merchantView = await json(await f.stack.fetch(`/api/admin/orders/${id}`, { token: f.merchant }));
  const payments = merchantView.payments as {
    method: string;
    role: string;
    refundedFen: number;
    transactionId: string;
  }[];
  expect(payments.map((p) => [p.method, p.role, p.refundedFen]).sort()).toEqual([
    ["alipay", "extra", 45_600],
    ["wechat", "order", 0],
  ]);
  const alipayTx = payments.find((p) => p.method === "alipay")!.transactionId;
  expect((merchantView.refunds as { transactionId: string }[])[0]!.transactionId).toBe(alipayTx);
});
