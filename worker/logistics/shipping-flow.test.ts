/**
 * Shipping through the order-event seam, end to end over HTTP: the merchant ships a paid order in two
 * parcels, the "ship" event's subscriber records and subscribes both waybills at the (simulated)
 * 快递100, its signed pushes build the trace the shopper sees, and once every parcel is signed for the
 * order's auto-complete countdown restarts from the signature.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Kuaidi100Simulator, startKuaidi100Simulator } from "../../dev/kuaidi100-simulator/server";
import { type Forwarder, startForwarder } from "../../test/forwarder";
import { json, useOrderFixture } from "../../test/order-fixture";

const AUTO_COMPLETE_SECONDS = 3600;
let sim: Kuaidi100Simulator;
let forwarder: Forwarder;
const vars: Record<string, string> = {};
beforeAll(async () => {
  forwarder = await startForwarder();
  // stepMs 0: no pushes by the clock; the test advances each waybill itself.
  sim = await startKuaidi100Simulator({ stepMs: 0 });
  Object.assign(vars, sim.config, {
    TRACKING_CALLBACK_BASE_URL: forwarder.url,
    ORDER_AUTO_COMPLETE_SECONDS: String(AUTO_COMPLETE_SECONDS),
  });
});
const f = useOrderFixture(vars);
beforeAll(() => forwarder.setTarget(f.stack.baseUrl));
afterAll(async () => {
  await sim.close();
  await forwarder.close();
});

async function paidOrder(nickname: string) {
  const sku = await f.createSku(329900, 5, "测试空调");
  const { token } = await f.newShopper(nickname);
  const order = await json(await f.placeOrder(token, [{ skuId: sku, quantity: 1 }]));
  const started = await f.startPaying(token, Number(order.id), "wechat");
  expect(started.status).toBe(200);
  await f.payAtGateway("wechat", String(order.orderNo));
  return { token, orderId: Number(order.id) };
}

const ship = (orderId: number, body: unknown) =>
  f.stack.fetch(`/api/admin/orders/${orderId}/ship`, { method: "POST", token: f.merchant, json: body });

type Parcels = {
  parcels: {
    trackingNo: string;
    stateText: string;
    signedAt: number | null;
    traces: { time: number; context: string }[];
  }[];
};

describe("shipping in parcels, tracked through 快递100", () => {
  it("subscribes every waybill, shows the trace newest first, and restarts auto-complete when all are signed", async () => {
    const { token, orderId } = await paidOrder("两个包裹");
    const parcels = [
      { carrierCode: "debangwuliu", trackingNo: "DPK2026120600017" },
      { carrierCode: "shunfeng", trackingNo: "SF1400002026120" },
    ];
    const shipped = await ship(orderId, { parcels });
    expect(shipped.status).toBe(200);
    expect(await json(shipped)).toMatchObject({
      status: "shipped",
      carrier: "德邦物流",
      trackingNo: "DPK2026120600017",
    });
    // Both waybills were subscribed after the commit (顺丰 with the receiver's phone tail).
    expect([...sim.subscriptions.keys()].sort().join()).toContain("DPK2026120600017");
    expect([...sim.subscriptions.keys()].join()).toContain("SF1400002026120");

    const view = async () => {
      const res = await f.stack.fetch(`/api/logistics/orders/${orderId}/parcels`, { token });
      expect(res.status).toBe(200);
      return (await res.json()) as Parcels;
    };
    // Two steps of the 德邦 parcel: its trace appears newest first.
    await sim.advance("DPK2026120600017");
    await sim.advance("DPK2026120600017");
    const partial = (await view()).parcels.find((p) => p.trackingNo === "DPK2026120600017")!;
    expect(partial.traces.length).toBe(2);
    expect(partial.traces[0]!.time).toBeGreaterThanOrEqual(partial.traces[1]!.time);

    // Deliver both to the end (签收).
    for (const p of parcels) while (await sim.advance(p.trackingNo)) {}
    const done = await view();
    expect(done.parcels.map((p) => p.stateText)).toEqual(["已签收", "已签收"]);
    const row = await f.orderRow(orderId);
    expect(row.delivered_at).not.toBeNull();
    expect(Number(row.auto_complete_at)).toBeGreaterThanOrEqual(
      Number(row.delivered_at) + AUTO_COMPLETE_SECONDS * 1000,
    );
    const timeline = (await json(await f.stack.fetch(`/api/orders/${orderId}`, { token }))).timeline as {
      kind: string;
    }[];
    expect(timeline.map((e) => e.kind)).toContain("delivered");

    // Another shopper never sees these parcels.
    const { token: other } = await f.newShopper("别人的包裹");
    expect((await f.stack.fetch(`/api/logistics/orders/${orderId}/parcels`, { token: other })).status).toBe(
      404,
    );
  });

  it("refuses a waybill already used by another order, and bad parcel input, changing nothing", async () => {
    const first = await paidOrder("运单一");
    expect(
      (await ship(first.orderId, { parcels: [{ carrierCode: "jd", trackingNo: "JDVA00000000001" }] })).status,
    ).toBe(200);
    const second = await paidOrder("运单二");
    const reused = await ship(second.orderId, {
      parcels: [{ carrierCode: "jd", trackingNo: "JDVA00000000001" }],
    });
    expect(reused.status).toBe(409);
    expect((await json(reused)).error?.message).toContain("已用于其他订单");
    for (const bad of [
      { parcels: [] },
      { parcels: [{ carrierCode: "pigeon", trackingNo: "JDVA00000000002" }] },
      { parcels: [{ carrierCode: "jd", trackingNo: "短" }] },
      {},
    ]) {
      const res = await ship(second.orderId, bad);
      expect(res.status).toBe(400);
    }
    expect((await f.orderRow(second.orderId)).status).toBe("paid");
  });
});
