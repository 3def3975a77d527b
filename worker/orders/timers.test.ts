/**
 * Timers with real Durable Object alarms (OrderTimer): deadlines shortened to seconds through
 * ORDER_PAY_TIMEOUT_SECONDS / ORDER_AUTO_COMPLETE_SECONDS. Waiting is polling for a state, not timing.
 * Also the merchant side: list, filter, search, remark, CSV export.
 */
import { describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../test/order-fixture";
import { parseCsv } from "../catalog/csv";

const f = useOrderFixture({ ORDER_PAY_TIMEOUT_SECONDS: "2", ORDER_AUTO_COMPLETE_SECONDS: "2" });

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never happened: ${what}`);
}

describe("OrderTimer alarms", () => {
  it("auto-cancels an unpaid order at its deadline, closes the trade and returns the stock", async () => {
    const skuId = await f.createSku(8_800, 4);
    const { token } = await f.newShopper("不付款的买家");
    const order = await json(await f.placeOrder(token, [{ skuId, quantity: 4 }]));
    await f.startPaying(token, Number(order.id), "wechat");
    expect(await f.stockOf(skuId)).toMatchObject({ available: 0, reserved: 4 });
    const row = await eventually(
      () => f.orderRow(Number(order.id)),
      (o) => o.status === "cancelled" && o.stock_state === "released",
      "auto-cancel",
    );
    expect(row).toMatchObject({ cancel_reason: "超时未支付，系统自动取消", stock_state: "released" });
    expect(await f.stockOf(skuId)).toMatchObject({ available: 4, reserved: 0 });
    expect((await f.simControl<{ state: string }>(`/_sim/trades/wechat/${order.orderNo}`)).json.state).toBe(
      "closed",
    );
    const notices = await json(await f.stack.fetch("/api/notifications", { token }));
    expect((notices.items as { kind: string }[]).map((n) => n.kind)).toContain("order_cancelled");
  });

  it("auto-completes a shipped order the shopper never confirmed", async () => {
    const skuId = await f.createSku(8_800, 1);
    const { token } = await f.newShopper("不确认的买家");
    const order = await json(await f.placeOrder(token, [{ skuId, quantity: 1 }]));
    await f.startPaying(token, Number(order.id), "wechat");
    await f.payAtGateway("wechat", String(order.orderNo));
    const ship = await f.stack.fetch(`/api/admin/orders/${order.id}/ship`, {
      method: "POST",
      token: f.merchant,
      json: { carrier: "京东物流", trackingNo: "JDV000111222" },
    });
    expect(ship.status).toBe(200);
    const row = await eventually(
      () => f.orderRow(Number(order.id)),
      (o) => o.status === "completed",
      "auto-complete",
    );
    expect(row.completed_at).not.toBeNull();
    const detail = await json(await f.stack.fetch(`/api/orders/${order.id}`, { token }));
    expect((detail.timeline as { kind: string; actor: string }[]).at(-1)).toMatchObject({
      kind: "auto_complete",
      actor: "system",
    });
  });
});

describe("merchant orders", () => {
  it("lists, filters, searches, remarks and exports", async () => {
    const fridge = await f.createSku(399_900, 5, "对开门冰箱");
    const tv = await f.createSku(129_900, 5, "激光电视");
    const a = await f.newShopper("商家视角买家A");
    const b = await f.newShopper("商家视角买家B");
    const o1 = await json(await f.placeOrder(a.token, [{ skuId: fridge, quantity: 1 }]));
    const o2 = await json(await f.placeOrder(b.token, [{ skuId: tv, quantity: 2 }]));
    await f.startPaying(b.token, Number(o2.id), "alipay");
    await f.payAtGateway("alipay", String(o2.orderNo));

    const paid = await json(await f.stack.fetch("/api/admin/orders?status=paid", { token: f.merchant }));
    expect((paid.items as { id: number }[]).map((o) => o.id)).toContain(o2.id);
    expect((paid.items as { id: number }[]).map((o) => o.id)).not.toContain(o1.id);
    const byProduct = await json(
      await f.stack.fetch(`/api/admin/orders?q=${encodeURIComponent("对开门")}`, { token: f.merchant }),
    );
    expect((byProduct.items as { id: number }[]).map((o) => o.id)).toContain(o1.id);
    expect((byProduct.items as { id: number }[]).map((o) => o.id)).not.toContain(o2.id);
    const byNo = await json(await f.stack.fetch(`/api/admin/orders?q=${o2.orderNo}`, { token: f.merchant }));
    expect((byNo.items as { id: number }[]).map((o) => o.id)).toEqual([o2.id]);

    const remark = await f.stack.fetch(`/api/admin/orders/${o2.id}/remark`, {
      method: "PUT",
      token: f.merchant,
      json: { remark: "客户要求周末送货" },
    });
    expect((await json(remark)).merchantRemark).toBe("客户要求周末送货");
    // The shopper never sees the merchant's remark.
    const shopperView = await f.stack.fetch(`/api/orders/${o2.id}`, { token: b.token });
    expect(await shopperView.text()).not.toContain("周末送货");

    const csv = await f.stack.fetch(`/api/admin/orders/export.csv?q=${o2.orderNo}`, { token: f.merchant });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const rows = parseCsv(await csv.text());
    expect(rows[0]).toContain("订单号");
    expect(rows).toHaveLength(2);
    const header = rows[0]!;
    const row = Object.fromEntries(header.map((h, i) => [h, rows[1]![i]]));
    expect(row).toMatchObject({
      订单号: o2.orderNo,
      状态: "待发货",
      应付金额: "2598.00",
      支付方式: "支付宝",
      商家备注: "客户要求周末送货",
    });
    // Agents (customer service) cannot ship or export.
    const { staffToken } = await import("../../test/harness");
    const agent = await staffToken(f.stack, "agent");
    expect(
      (
        await f.stack.fetch(`/api/admin/orders/${o2.id}/ship`, {
          method: "POST",
          token: agent,
          json: { carrier: "顺丰", trackingNo: "SF0000000001" },
        })
      ).status,
    ).toBe(403);
    expect((await f.stack.fetch("/api/admin/orders/export.csv", { token: agent })).status).toBe(403);
    // Bad ship input: 400 in Chinese, order unchanged.
    const bad = await f.stack.fetch(`/api/admin/orders/${o2.id}/ship`, {
      method: "POST",
      token: f.merchant,
      json: { carrier: "", trackingNo: "!" },
    });
    expect(bad.status).toBe(400);
    expect((await f.orderRow(Number(o2.id))).status).toBe("paid");
  });
});
