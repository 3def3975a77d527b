/**
 * 拼团 expiry over HTTP in workerd: groups here last LIMIT_S seconds (GROUP_BUY_TIME_LIMIT_SECONDS), so the
 * GroupBuy object's own durable alarm fires during the test. The limit must outlast the setup (three
 * orders, two payments through the simulator) on a loaded CI machine: with 4 s the group sometimes
 * expired before the third shopper's hold was checked. An unfilled group's paid members are
 * cancelled by the system (cancel_paid), refunded in full through the payment simulator, their stock
 * returned; an unpaid joiner's order is cancelled and its hold released.
 */
import { describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../test/order-fixture";

const LIMIT_S = 12;
const f = useOrderFixture({ GROUP_BUY_TIME_LIMIT_SECONDS: String(LIMIT_S) });
let seq = 0;

async function waitFor<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  what: string,
  tries = 300,
): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function groupOrder(token: string, skuId: number, offerId: number, groupNo?: string) {
  return f.stack.fetch("/api/orders", {
    method: "POST",
    token,
    json: { items: [{ skuId, quantity: 1 }], groupBuy: { offerId, ...(groupNo ? { groupNo } : {}) } },
    headers: { "idempotency-key": `gbx-${Date.now()}-${++seq}` },
  });
}

type Refund = { source: string; amountFen: number; status: string };

describe("拼团 expiry (the group's alarm)", () => {
  it("an unfilled group expires: every paid member is refunded in full, stock returns, the unpaid hold is cancelled", async () => {
    const skuId = await f.createSku(129_900, 10);
    const productId = Number(
      (await f.stack.sql.execute({ sql: "SELECT product_id FROM skus WHERE id = ?", args: [skuId] })).rows[0]!
        .product_id,
    );
    const offer = await json(
      await f.stack.fetch("/api/admin/group-buys", {
        method: "POST",
        token: f.merchant,
        json: {
          name: "三人团",
          productId,
          skus: [{ skuId, groupPriceFen: 99_900 }],
          groupSize: 3,
          timeLimitMinutes: 60,
          perShopperLimit: 1,
          startsAt: Date.now() - 1000,
          endsAt: Date.now() + 86_400_000,
        },
      }),
    );
    const offerId = Number(offer.id);
    const startedAt = Date.now();

    const leader = await f.newShopper("到期团长");
    const lo = await json(await groupOrder(leader.token, skuId, offerId));
    expect((await f.startPaying(leader.token, Number(lo.id), "wechat")).status).toBe(200);
    expect((await f.payAtGateway("wechat", String(lo.orderNo))).status).toBe(200);
    const groupNo = String(
      (
        (await json(await f.stack.fetch("/api/group-buys/mine", { token: leader.token }))).items as {
          groupNo: string;
        }[]
      )[0]!.groupNo,
    );
    await waitFor(
      async () => json(await f.stack.fetch(`/api/group-buys/${groupNo}`)),
      (g) => g.status === "open",
      "open",
    );

    const member = await f.newShopper("到期团员");
    const mo = await json(await groupOrder(member.token, skuId, offerId, groupNo));
    expect((await f.startPaying(member.token, Number(mo.id), "alipay")).status).toBe(200);
    expect((await f.payAtGateway("alipay", String(mo.orderNo))).status).toBe(200);

    // A third joins but never pays: the last slot is held.
    const idle = await f.newShopper("到期未付");
    const io = await json(await groupOrder(idle.token, skuId, offerId, groupNo));
    expect(io.status).toBe("pending_payment");
    expect(await f.stockOf(skuId)).toMatchObject({ available: 7, reserved: 1, sold: 2 });

    // Nobody touches anything: the object's alarm at the deadline settles the group.
    const expired = await waitFor(
      async () => json(await f.stack.fetch(`/api/group-buys/${groupNo}`)),
      (g) => g.status === "expired",
      "the group to expire",
    );
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual((LIMIT_S - 1) * 1000);
    expect(expired.statusLabel).toBe("未成团，已退款");

    for (const [o, token] of [
      [lo, leader.token],
      [mo, member.token],
    ] as const) {
      const detail = await waitFor(
        async () => json(await f.stack.fetch(`/api/orders/${o.id}`, { token })),
        (d) => ((d.refunds as Refund[]) ?? []).some((r) => r.status === "succeeded"),
        "the refund",
      );
      expect(detail.status).toBe("cancelled");
      expect(detail.refunds).toEqual([
        expect.objectContaining({
          source: "order_cancel",
          amountFen: Number(o.payableFen),
          status: "succeeded",
        }),
      ]);
    }
    // The unpaid hold was released before any paid member's refund started (settling cancels holds first).
    expect((await f.orderRow(Number(io.id))).status).toBe("cancelled");
    await waitFor(
      () => f.stockOf(skuId),
      (s) => s.available === 10,
      "stock back",
    );
    expect(await f.stockOf(skuId)).toMatchObject({ available: 10, reserved: 0, sold: 0 });
    const sim = await f.simControl<{ outTradeNo: string; refundFen: number }[]>("/_sim/refunds");
    expect(sim.json.filter((r) => r.outTradeNo === lo.orderNo || r.outTradeNo === mo.orderNo)).toHaveLength(
      2,
    );

    // The sweep (the backstop) running now changes nothing more: settling is idempotent.
    await f.stack.fetch("/api/admin/orders/sweep", { method: "POST", token: f.merchant });
    expect(
      await f.count("SELECT count(*) AS n FROM refunds WHERE order_id IN (?, ?)", [
        Number(lo.id),
        Number(mo.id),
      ]),
    ).toBe(2);
    // Nobody joins an expired group.
    const late = await f.newShopper("到期后参团");
    const lateRes = await groupOrder(late.token, skuId, offerId, groupNo);
    expect(lateRes.status).toBe(409);
    expect((await json(lateRes)).error).toMatchObject({ code: "EXPIRED" });
  }, 90_000);
});
