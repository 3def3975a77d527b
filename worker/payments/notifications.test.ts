/**
 * Payment notifications and reconciliation through HTTP: the simulator signs/encrypts exactly like
 * WeChat Pay v3 and Alipay and POSTs to the worker's notify endpoints.
 */
import { describe, expect, it } from "vitest";
import { findTrade } from "../../dev/payment-simulator/state";
import { json, useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();

type Attempt = { status: number; body: string };

/** An order the shopper started paying, paid at the gateway, whose notifications were all lost. */
async function paidButUnnotified(method: "wechat" | "alipay", nickname: string, stock = 5) {
  const skuId = await f.createSku(12_345, stock);
  const { token } = await f.newShopper(nickname);
  const order = await json(await f.placeOrder(token, [{ skuId, quantity: 1 }]));
  expect((await f.startPaying(token, Number(order.id), method)).status).toBe(200);
  f.dropNotifications(true);
  try {
    expect((await f.payAtGateway(method, String(order.orderNo))).status).toBe(200);
  } finally {
    f.dropNotifications(false);
  }
  expect((await f.orderRow(Number(order.id))).status).toBe("pending_payment");
  return { skuId, token, order, id: Number(order.id), no: String(order.orderNo) };
}

/** The shopper starts paying for all `quantity` units of a fresh SKU at 300 yuan, then cancels. */
async function cancelledWhilePaying(method: "wechat" | "alipay", nickname: string, quantity: number) {
  const skuId = await f.createSku(30_000, quantity);
  const { token } = await f.newShopper(nickname);
  const order = await json(await f.placeOrder(token, [{ skuId, quantity }]));
  await f.startPaying(token, Number(order.id), method);
  expect(
    (await f.stack.fetch(`/api/orders/${order.id}/cancel`, { method: "POST", token, json: {} })).status,
  ).toBe(200);
  return { skuId, token, order };
}

/** The shopper's payment was already in flight at the gateway when we closed the trade: it lands now. */
async function lateGatewayPayment(method: "wechat" | "alipay", outTradeNo: string) {
  findTrade(f.sim.ctx, method, outTradeNo)!.state = "pending";
  expect((await f.payAtGateway(method, outTradeNo)).status).toBe(200);
}

const replay = (method: "wechat" | "alipay", outTradeNo: string, variant: string) =>
  f.simControl<Attempt>("/_sim/notify/replay", { method, outTradeNo, variant });

async function unchanged(id: number, before: Record<string, unknown>) {
  const now = await f.orderRow(id);
  expect({ status: now.status, version: now.version, paid_at: now.paid_at }).toEqual({
    status: before.status,
    version: before.version,
    paid_at: before.paid_at,
  });
}

describe.each(["wechat", "alipay"] as const)("%s notifications", (method) => {
  it("20 concurrent duplicate notifications make exactly one transition", async () => {
    const { id, no, skuId } = await paidButUnnotified(method, `并发-${method}`);
    const replies = await Promise.all(Array.from({ length: 20 }, () => replay(method, no, "normal")));
    for (const r of replies) {
      expect(r.status).toBe(200);
      if (method === "wechat") expect([200, 204]).toContain(r.json.status);
      else expect(r.json.body).toBe("success");
    }
    expect((await f.orderRow(id)).status).toBe("paid");
    expect(
      await f.count("SELECT count(*) AS n FROM order_events WHERE order_id = ? AND to_status = 'paid'", [id]),
    ).toBe(1);
    expect(
      await f.count(
        "SELECT count(*) AS n FROM merchant_notifications WHERE ref_id = ? AND kind = 'order_paid'",
        [no],
      ),
    ).toBe(2);
    expect(
      await f.count(
        "SELECT count(*) AS n FROM payment_notifications WHERE out_trade_no = ? AND outcome = 'applied'",
        [no],
      ),
    ).toBe(1);
    expect(
      await f.count(
        "SELECT count(*) AS n FROM payment_notifications WHERE out_trade_no = ? AND outcome = 'duplicate'",
        [no],
      ),
    ).toBe(19);
    expect(await f.stockOf(skuId)).toMatchObject({ available: 4, reserved: 0, sold: 1 });
  });

  const rejections: [string, string][] =
    method === "wechat"
      ? [
          ["bad_signature", "forged signature"],
          ["tampered_body", "tampered body"],
          ["stale", "stale timestamp"],
          ["wrong_amount", "wrong amount"],
          ["wrong_mchid", "wrong merchant"],
        ]
      : [
          ["bad_signature", "forged signature"],
          ["tampered_body", "tampered body"],
          ["wrong_amount", "wrong amount"],
          ["wrong_seller", "wrong seller"],
        ];
  it.each(rejections)(
    "rejects a %s notification (%s): logged, reply says fail, nothing changes",
    async (variant) => {
      const { id, no } = await paidButUnnotified(method, `拒绝-${method}-${variant}`);
      const before = await f.orderRow(id);
      const r = await replay(method, no, variant);
      if (method === "wechat") {
        expect(r.json.status).toBeGreaterThanOrEqual(400);
        expect(JSON.parse(r.json.body)).toMatchObject({ code: "FAIL" });
      } else expect(r.json.body).toBe("failure");
      await unchanged(id, before);
      expect(await f.count("SELECT count(*) AS n FROM order_events WHERE order_id = ?", [id])).toBe(2); // created + payment_started
      expect(
        await f.count(
          "SELECT count(*) AS n FROM payment_notifications WHERE outcome = 'rejected' AND created_at >= ?",
          [Number(before.updated_at)],
        ),
      ).toBeGreaterThanOrEqual(1);
      // The genuine notification still works afterwards.
      await replay(method, no, "normal");
      expect((await f.orderRow(id)).status).toBe("paid");
    },
  );

  it("reconciliation finds a payment whose notifications never arrived", async () => {
    const { id, no, skuId } = await paidButUnnotified(method, `对账-${method}`);
    // The payment row must be older than the reconciliation grace period.
    await f.stack.sql.execute({
      sql: "UPDATE payments SET created_at = created_at - 60000 WHERE out_trade_no = ?",
      args: [no],
    });
    const res = await f.stack.fetch("/api/admin/orders/sweep", { method: "POST", token: f.merchant });
    expect((await json(res)).reconciled).toBeGreaterThanOrEqual(1);
    const o = await f.orderRow(id);
    expect(o.status).toBe("paid");
    const ev = (
      await f.stack.sql.execute({
        sql: "SELECT actor_kind FROM order_events WHERE order_id = ? AND to_status = 'paid'",
        args: [id],
      })
    ).rows;
    expect(ev.map((e) => e.actor_kind)).toEqual(["system"]);
    expect(await f.stockOf(skuId)).toMatchObject({ sold: 1, reserved: 0 });
  });

  it("a cancel racing the payment notification: the money wins, exactly one paid transition, no refund", async () => {
    const { id, no, token, skuId } = await paidButUnnotified(method, `竞态-${method}`);
    const [cancel] = await Promise.all([
      f.stack.fetch(`/api/orders/${id}/cancel`, { method: "POST", token, json: {} }),
      replay(method, no, "normal"),
      replay(method, no, "normal"),
    ]);
    expect(cancel.status).toBe(409);
    expect((await f.orderRow(id)).status).toBe("paid");
    expect(
      await f.count("SELECT count(*) AS n FROM order_events WHERE order_id = ? AND to_status = 'paid'", [id]),
    ).toBe(1);
    expect(
      await f.count("SELECT count(*) AS n FROM order_events WHERE order_id = ? AND kind = 'cancel'", [id]),
    ).toBe(0);
    expect(await f.count("SELECT count(*) AS n FROM refunds WHERE order_id = ?", [id])).toBe(0);
    expect(await f.stockOf(skuId)).toMatchObject({ sold: 1, reserved: 0 });
  });

  it("a payment arriving after cancellation re-reserves the stock and revives the order", async () => {
    const { skuId, order } = await cancelledWhilePaying(method, `复活-${method}`, 2);
    expect(await f.stockOf(skuId)).toMatchObject({ available: 2, reserved: 0 });
    await lateGatewayPayment(method, String(order.orderNo));

    const o = await f.orderRow(Number(order.id));
    expect(o).toMatchObject({ status: "paid", stock_state: "confirmed" });
    expect(await f.stockOf(skuId)).toMatchObject({ available: 0, reserved: 0, sold: 2 });
    const transitions = (
      await f.stack.sql.execute({
        sql: "SELECT kind FROM order_events WHERE order_id = ? AND seq IS NOT NULL ORDER BY seq",
        args: [Number(order.id)],
      })
    ).rows.map((r) => r.kind);
    expect(transitions).toEqual(["created", "cancel", "pay_after_cancel"]);
    expect(await f.count("SELECT count(*) AS n FROM refunds WHERE order_id = ?", [Number(order.id)])).toBe(0);
  });

  it("a payment arriving after cancellation is refunded when the stock is gone, never marked paid", async () => {
    const { skuId, token, order } = await cancelledWhilePaying(method, `退款-${method}`, 1);
    // Someone else buys the released unit.
    const other = await f.newShopper(`抢购-${method}`);
    expect((await f.placeOrder(other.token, [{ skuId, quantity: 1 }])).status).toBe(201);
    await lateGatewayPayment(method, String(order.orderNo));
    // A few more duplicates of the late notification: still one refund.
    await Promise.all([
      replay(method, String(order.orderNo), "normal"),
      replay(method, String(order.orderNo), "normal"),
    ]);

    expect(await f.orderRow(Number(order.id))).toMatchObject({ status: "cancelled", paid_at: null });
    const refunds = (
      await f.stack.sql.execute({ sql: "SELECT * FROM refunds WHERE order_id = ?", args: [Number(order.id)] })
    ).rows;
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount_fen: 30_000 });
    expect(["processing", "succeeded"]).toContain(refunds[0]!.status);
    const simRefunds = await f.simControl<{ outTradeNo: string; refundFen: number }[]>("/_sim/refunds");
    expect(simRefunds.json.filter((r) => r.outTradeNo === order.orderNo).map((r) => r.refundFen)).toEqual([
      30_000,
    ]);
    expect(await f.stockOf(skuId)).toMatchObject({ available: 0, reserved: 1, sold: 0 });
    const detail = await json(await f.stack.fetch(`/api/orders/${order.id}`, { token }));
    expect((detail.timeline as { kind: string }[]).map((e) => e.kind)).toContain("refund_requested");
  });
});

describe("access control", () => {
  it("a shopper cannot see, pay, cancel or confirm another shopper's order, and nothing leaks", async () => {
    const skuId = await f.createSku(10_000, 3);
    const alice = await f.newShopper("爱丽丝");
    const bob = await f.newShopper("鲍勃");
    const order = await json(await f.placeOrder(alice.token, [{ skuId, quantity: 1 }]));
    const attempts = [
      f.stack.fetch(`/api/orders/${order.id}`, { token: bob.token }),
      f.stack.fetch(`/api/orders/${order.id}/pay`, {
        method: "POST",
        token: bob.token,
        json: { method: "wechat" },
      }),
      f.stack.fetch(`/api/orders/${order.id}/cancel`, { method: "POST", token: bob.token, json: {} }),
      f.stack.fetch(`/api/orders/${order.id}/confirm-receipt`, { method: "POST", token: bob.token }),
      f.stack.fetch(`/api/orders/${Number(order.id) + 100000}`, { token: bob.token }),
    ];
    const bodies: string[] = [];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(404);
      bodies.push(await res.text());
    }
    // Same answer as for an order that does not exist; no order number, amount or name in it.
    expect(new Set(bodies.map((b) => JSON.parse(b).error.message)).size).toBe(1);
    for (const b of bodies) {
      expect(b).not.toContain(String(order.orderNo));
      expect(b).not.toContain("10000");
    }
    const list = await json(await f.stack.fetch("/api/orders", { token: bob.token }));
    expect(list.items).toEqual([]);
    // Another shopper's address cannot be used or edited either.
    const quote = await f.stack.fetch("/api/checkout/quote", {
      method: "POST",
      token: bob.token,
      json: { items: [{ skuId, quantity: 1 }], addressId: alice.addressId },
    });
    expect(quote.status).toBe(404);
    expect(
      (await f.stack.fetch(`/api/addresses/${alice.addressId}`, { method: "DELETE", token: bob.token }))
        .status,
    ).toBe(404);
    // Shoppers cannot reach merchant routes; staff cannot use shopper routes.
    expect((await f.stack.fetch("/api/admin/orders", { token: bob.token })).status).toBe(403);
    expect((await f.stack.fetch("/api/orders", { token: f.merchant })).status).toBe(403);
    expect((await f.stack.fetch("/api/orders")).status).toBe(401);
    expect((await f.orderRow(Number(order.id))).status).toBe("pending_payment");
  });
});

describe.each(["wechat", "alipay"] as const)("%s amount mismatch", (method) => {
  it("a verified notification whose amount differs is never applied, and the merchant is alerted once", async () => {
    const { id, no } = await paidButUnnotified(method, `金额不符-${method}`);
    const replies = await Promise.all([1, 2, 3].map(() => replay(method, no, "wrong_amount")));
    for (const r of replies) {
      if (method === "wechat") expect(r.json.status).toBe(400);
      else expect(r.json.body).not.toBe("success");
    }
    expect((await f.orderRow(id)).status).toBe("pending_payment");
    const alerts = await f.stack.sql.execute({
      sql: "SELECT audience, title, body FROM merchant_notifications WHERE ref_id = ? AND kind = 'payment_mismatch'",
      args: [no],
    });
    expect(alerts.rows).toHaveLength(1);
    expect(alerts.rows[0]).toMatchObject({ audience: "merchant", title: "支付金额不符，请核查" });
    expect(String(alerts.rows[0]!.body)).toContain(no);
    // The genuine notification still applies afterwards.
    expect((await replay(method, no, "normal")).status).toBe(200);
    expect((await f.orderRow(id)).status).toBe("paid");
  });
});

it("Alipay H5: the cashier gets a quit_url back to the order page and a return_url to the pay result page, on our own origin only", async () => {
  const skuId = await f.createSku(9_900, 2);
  const { token } = await f.newShopper("取消支付回店");
  const order = await json(await f.placeOrder(token, [{ skuId, quantity: 1 }]));
  const bizOf = async (origin: string) => {
    const res = await f.stack.fetch(`/api/orders/${order.id}/pay`, {
      method: "POST",
      token,
      headers: { origin },
      json: { method: "alipay", channel: "h5" },
    });
    expect(res.status).toBe(200);
    const url = new URL(((await json(res)).payment as { redirectUrl: string }).redirectUrl);
    return {
      biz: JSON.parse(url.searchParams.get("biz_content")!),
      returnUrl: url.searchParams.get("return_url"),
    };
  };
  const own = await bizOf(f.stack.baseUrl);
  expect(own.biz.quit_url).toBe(`${f.stack.baseUrl}/#/pages/orders/detail?id=${order.id}`);
  expect(own.returnUrl).toBe(`${f.stack.baseUrl}/#/pages/pay/result?id=${order.id}`);
  const foreign = await bizOf("https://evil.example");
  expect(foreign.biz.quit_url).toBeUndefined();
  expect(foreign.returnUrl).toBeNull();
});

it("WeChat's browser: Alipay is refused (400 PAYMENT_NOT_SUPPORTED) and nothing is started; WeChat Pay H5 returns to the result page", async () => {
  const skuId = await f.createSku(9_900, 2);
  const { token } = await f.newShopper("微信内支付");
  const order = await json(await f.placeOrder(token, [{ skuId, quantity: 1 }]));
  const pay = (method: string, channel: string) =>
    f.stack.fetch(`/api/orders/${order.id}/pay`, {
      method: "POST",
      token,
      headers: { origin: f.stack.baseUrl },
      json: { method, channel },
    });
  const refused = await pay("alipay", "wechat_browser");
  expect(refused.status).toBe(400);
  expect((await json(refused)).error?.code).toBe("PAYMENT_NOT_SUPPORTED");
  expect(await f.count("SELECT count(*) AS n FROM payments WHERE order_id = ?", [Number(order.id)])).toBe(0);

  const h5 = await pay("wechat", "h5");
  expect(h5.status).toBe(200);
  const url = new URL(((await json(h5)).payment as { redirectUrl: string }).redirectUrl);
  expect(url.origin).toBe(f.sim.url);
  expect(url.searchParams.get("redirect_url")).toBe(`${f.stack.baseUrl}/#/pages/pay/result?id=${order.id}`);
});

it("concurrent pay requests for one order write one payment row and one 发起支付 note, and each gets pay parameters", async () => {
  const skuId = await f.createSku(23_456, 3);
  const { token } = await f.newShopper("并发发起支付");
  const order = await json(await f.placeOrder(token, [{ skuId, quantity: 1 }]));
  const id = Number(order.id);
  const starts = await Promise.all(Array.from({ length: 8 }, () => f.startPaying(token, id, "wechat")));
  for (const s of starts) expect(s.status).toBe(200);
  // And once more later: the row exists, nothing is written again.
  expect((await f.startPaying(token, id, "wechat")).status).toBe(200);
  expect(await f.count("SELECT count(*) AS n FROM payments WHERE order_id = ?", [id])).toBe(1);
  expect(
    await f.count("SELECT count(*) AS n FROM order_events WHERE order_id = ? AND kind = 'payment_started'", [
      id,
    ]),
  ).toBe(1);
  expect((await f.orderRow(id)).payment_method).toBe("wechat");
});
