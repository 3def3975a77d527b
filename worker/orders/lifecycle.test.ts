/**
 * Order lifecycle through HTTP against the real worker (workerd), real libSQL, real StockCounter
 * and OrderTimer Durable Objects, and the payment simulator speaking WeChat Pay v3 and Alipay.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSku,
  json,
  newShopper,
  type OrderFixture,
  orderRow,
  placeOrder,
  startOrderFixture,
  stockOf,
} from "./integration-fixture";

let f: OrderFixture;
beforeAll(async () => {
  f = await startOrderFixture();
}, 60_000);
afterAll(() => f.close());

async function payAtGateway(method: "wechat" | "alipay", outTradeNo: string) {
  const r = await f.simControl("/_sim/pay", { method, outTradeNo });
  expect(r.status).toBe(200);
  return r.json;
}

describe.each(["wechat", "alipay"] as const)("lifecycle with %s", (method) => {
  it("places, pays, ships and completes an order; stock and timeline follow", async () => {
    const skuId = await createSku(f, 259_900, 5);
    const { token } = await newShopper(f, `买家-${method}`);
    const res = await placeOrder(f, token, [{ skuId, quantity: 2 }]);
    expect(res.status).toBe(201);
    const order = await json(res);
    expect(order).toMatchObject({
      status: "pending_payment",
      itemsTotalFen: 519_800,
      shippingFen: 0,
      payableFen: 519_800,
    });
    expect(await stockOf(f, skuId)).toMatchObject({ available: 3, reserved: 2, sold: 0 });

    const pay = await f.stack.fetch(`/api/orders/${order.id}/pay`, {
      method: "POST",
      token,
      json: { method, channel: method === "wechat" ? "miniprogram" : "h5" },
    });
    expect(pay.status).toBe(200);
    const payBody = await json(pay);
    expect((payBody.payment as { method: string }).method).toBe(method);

    await payAtGateway(method, String(order.orderNo));
    const paid = await json(await f.stack.fetch(`/api/orders/${order.id}`, { token }));
    expect(paid.status).toBe("paid");
    expect(await stockOf(f, skuId)).toMatchObject({ available: 3, reserved: 0, sold: 2 });

    const ship = await f.stack.fetch(`/api/admin/orders/${order.id}/ship`, {
      method: "POST",
      token: f.merchant,
      json: { carrier: "顺丰速运", trackingNo: "SF1234567890" },
    });
    expect(ship.status).toBe(200);
    const confirm = await f.stack.fetch(`/api/orders/${order.id}/confirm-receipt`, { method: "POST", token });
    expect(confirm.status).toBe(200);
    const done = await json(confirm);
    expect(done.status).toBe("completed");
    const timeline = done.timeline as { kind: string; actor: string; toStatus: string | null }[];
    expect(timeline.filter((e) => e.toStatus).map((e) => [e.kind, e.actor, e.toStatus])).toEqual([
      ["created", "shopper", "pending_payment"],
      ["pay", "gateway", "paid"],
      ["ship", "merchant", "shipped"],
      ["confirm_receipt", "shopper", "completed"],
    ]);
    // Illegal: cancelling a completed order.
    const cancel = await f.stack.fetch(`/api/orders/${order.id}/cancel`, { method: "POST", token, json: {} });
    expect(cancel.status).toBe(409);
    expect((await orderRow(f, Number(order.id))).status).toBe("completed");
  });
});
