/**
 * Order lifecycle through HTTP against the real worker (workerd), real libSQL, real StockCounter
 * and OrderTimer Durable Objects, and the payment simulator speaking WeChat Pay v3 and Alipay.
 */
import { describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../test/order-fixture";
import { recentOrders } from "../chat/orders-context";
import { createDb } from "../db/client";

const f = useOrderFixture();

describe.each(["wechat", "alipay"] as const)("lifecycle with %s", (method) => {
  it("places, pays, ships and completes an order; stock, notices and timeline follow", async () => {
    const skuId = await f.createSku(259_900, 5);
    const { token } = await f.newShopper(`买家-${method}`);
    const res = await f.placeOrder(token, [{ skuId, quantity: 2 }]);
    expect(res.status).toBe(201);
    const order = await json(res);
    expect(order).toMatchObject({
      status: "pending_payment",
      itemsTotalFen: 519_800,
      shippingFen: 0,
      payableFen: 519_800,
    });
    expect(await f.stockOf(skuId)).toMatchObject({ available: 3, reserved: 2, sold: 0 });

    const pay = await f.startPaying(token, Number(order.id), method);
    expect(pay.status).toBe(200);
    expect((pay.body.payment as { method: string }).method).toBe(method);
    expect((await f.payAtGateway(method, String(order.orderNo))).status).toBe(200);

    const paid = await json(await f.stack.fetch(`/api/orders/${order.id}`, { token }));
    expect(paid).toMatchObject({ status: "paid", statusText: "待发货", paymentMethod: method });
    expect(await f.stockOf(skuId)).toMatchObject({ available: 3, reserved: 0, sold: 2 });

    const ship = await f.stack.fetch(`/api/admin/orders/${order.id}/ship`, {
      method: "POST",
      token: f.merchant,
      json: { carrier: "顺丰速运", trackingNo: "SF1234567890" },
    });
    expect(ship.status).toBe(200);
    expect(await json(await f.stack.fetch("/api/orders/counts", { token }))).toEqual({
      unpaid: 0,
      to_ship: 0,
      to_receive: 1,
    });
    const toReceive = await json(await f.stack.fetch("/api/orders?tab=to_receive", { token }));
    expect((toReceive.items as { id: number }[]).map((o) => o.id)).toEqual([order.id]);

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

    // Notices in the message center: the shopper's own, and the merchant's.
    const mine = await json(await f.stack.fetch("/api/notifications", { token }));
    expect((mine.items as { kind: string }[]).map((n) => n.kind).sort()).toEqual(
      ["order_created", "order_paid", "order_shipped"].sort(),
    );
    const merchantKinds = (
      (await json(await f.stack.fetch("/api/notifications?limit=50", { token: f.merchant }))).items as {
        kind: string;
        refId: string;
      }[]
    )
      .filter((n) => n.refId === order.orderNo)
      .map((n) => n.kind);
    expect(merchantKinds.sort()).toEqual(["order_created", "order_paid", "order_shipped"].sort());
    // WeChat subscribe messages are recorded, not sent, in local mode.
    expect(
      await f.count(
        "SELECT count(*) AS n FROM wechat_subscribe_messages WHERE dedupe_key LIKE ? AND status = 'recorded'",
        [`order:${order.orderNo}:%`],
      ),
    ).toBe(3);

    // What the FAQ bot is given about this shopper's orders.
    const shopperId = Number((await f.orderRow(Number(order.id))).shopper_id);
    const contexts = await recentOrders(createDb(f.stack.vars.LIBSQL_URL!), shopperId);
    expect(contexts).toEqual([
      {
        orderNo: order.orderNo,
        status: "completed",
        statusText: "已完成",
        itemsSummary: expect.stringMatching(/^测试冰箱\d+ ×2$/),
        carrier: "顺丰速运",
        trackingNo: "SF1234567890",
        createdAt: order.createdAt,
      },
    ]);

    // Illegal transitions: 409, nothing changes.
    const cancel = await f.stack.fetch(`/api/orders/${order.id}/cancel`, { method: "POST", token, json: {} });
    expect(cancel.status).toBe(409);
    const reship = await f.stack.fetch(`/api/admin/orders/${order.id}/ship`, {
      method: "POST",
      token: f.merchant,
      json: { carrier: "京东物流", trackingNo: "JD0001112223" },
    });
    expect(reship.status).toBe(409);
    expect(await f.orderRow(Number(order.id))).toMatchObject({ status: "completed", carrier: "顺丰速运" });
  });
});

describe("cancel", () => {
  it("a shopper cancels an unpaid order: the gateway trade is closed and the stock comes back", async () => {
    const skuId = await f.createSku(99_900, 3);
    const { token } = await f.newShopper("取消的买家");
    const order = await json(await f.placeOrder(token, [{ skuId, quantity: 3 }]));
    expect(await f.stockOf(skuId)).toMatchObject({ available: 0, reserved: 3 });
    expect((await f.startPaying(token, Number(order.id), "wechat")).status).toBe(200);
    // Pay again (the shopper closed the payment sheet): new parameters, same trade, one timeline note.
    const again = await f.startPaying(token, Number(order.id), "wechat");
    expect(again.status).toBe(200);
    expect((again.body.payment as { payParams: { package: string } }).payParams.package).toMatch(
      /^prepay_id=/,
    );
    expect(
      await f.count(
        "SELECT count(*) AS n FROM order_events WHERE order_id = ? AND kind = 'payment_started'",
        [Number(order.id)],
      ),
    ).toBe(1);

    const res = await f.stack.fetch(`/api/orders/${order.id}/cancel`, {
      method: "POST",
      token,
      json: { reason: "不想要了" },
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ status: "cancelled", cancelReason: "不想要了" });
    expect(await f.stockOf(skuId)).toMatchObject({ available: 3, reserved: 0 });
    const trade = await f.simControl<{ state: string }>(`/_sim/trades/wechat/${order.orderNo}`);
    expect(trade.json.state).toBe("closed");
    // A second cancel is idempotent; paying a cancelled order is refused.
    expect(
      (await f.stack.fetch(`/api/orders/${order.id}/cancel`, { method: "POST", token, json: {} })).status,
    ).toBe(200);
    const pay = await f.startPaying(token, Number(order.id), "wechat");
    expect(pay.status).toBe(409);
    expect(
      await f.count("SELECT count(*) AS n FROM order_events WHERE order_id = ? AND kind = 'cancel'", [
        Number(order.id),
      ]),
    ).toBe(1);
  });

  it("an expired order is cancelled by the sweep (cron backstop) and its stock returned", async () => {
    const skuId = await f.createSku(50_000, 2);
    const { token } = await f.newShopper("超时的买家");
    const order = await json(await f.placeOrder(token, [{ skuId, quantity: 2 }]));
    // Time passes: the order's deadline is behind us (its OrderTimer alarm is still 30 minutes out).
    await f.stack.sql.execute({
      sql: "UPDATE orders SET pay_deadline = ? WHERE id = ?",
      args: [Date.now() - 1000, Number(order.id)],
    });
    const worker = await f.stack.mf.getWorker();
    await worker.scheduled({ cron: "* * * * *" });
    const after = await json(await f.stack.fetch(`/api/orders/${order.id}`, { token }));
    expect(after).toMatchObject({ status: "cancelled", cancelReason: "超时未支付，系统自动取消" });
    const last = (after.timeline as { actor: string; kind: string }[]).at(-1);
    expect(last).toMatchObject({ kind: "cancel", actor: "system" });
    expect(await f.stockOf(skuId)).toMatchObject({ available: 2, reserved: 0 });
  });

  it("paying an order past its deadline cancels it instead of taking money", async () => {
    const skuId = await f.createSku(50_000, 1);
    const { token } = await f.newShopper("迟到的买家");
    const order = await json(await f.placeOrder(token, [{ skuId, quantity: 1 }]));
    await f.stack.sql.execute({
      sql: "UPDATE orders SET pay_deadline = ? WHERE id = ?",
      args: [Date.now() - 1000, Number(order.id)],
    });
    const pay = await f.startPaying(token, Number(order.id), "wechat");
    expect(pay.status).toBe(409);
    expect((pay.body.error as { code: string }).code).toBe("ORDER_EXPIRED");
    expect(await f.stockOf(skuId)).toMatchObject({ available: 1, reserved: 0 });
  });
});
