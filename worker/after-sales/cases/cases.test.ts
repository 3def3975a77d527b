/**
 * After-sales cases over HTTP against the real worker (workerd), libSQL, StockCounter objects and the
 * payment simulator (WeChat Pay v3 / Alipay protocols): partial refunds of a discounted order, races
 * for the same units and on merchant actions, duplicate refund notifications, stock returned once,
 * both timeouts, bad input and other shoppers' orders.
 */
import { describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../../test/order-fixture";

const f = useOrderFixture();
const HOUR = 3_600_000;

type Json = Awaited<ReturnType<typeof json>>;
interface CaseView extends Json {
  caseNo: string;
  status: string;
  statusText: string;
  refundFen: number;
  refund: { amountFen: number; status: string; outRefundNo: string | null };
  timeline: { kind: string; toStatus: string | null; actor: string }[];
  actions: string[];
  workOrderNo: string | null;
}

async function call(
  path: string,
  token: string,
  body?: unknown,
  method = body === undefined ? "GET" : "POST",
) {
  const res = await f.stack.fetch(path, { method, token, ...(body === undefined ? {} : { json: body }) });
  return { status: res.status, body: (await json(res)) as Json };
}
const ok = async <T = CaseView>(p: Promise<{ status: number; body: Json }>, status = 200): Promise<T> => {
  const r = await p;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as T;
};

async function paidOrder(
  token: string,
  items: { skuId: number; quantity: number }[],
  method: "wechat" | "alipay" = "wechat",
) {
  const order = await json(await f.placeOrder(token, items));
  expect(order.id, JSON.stringify(order)).toBeTruthy();
  await f.startPaying(token, Number(order.id), method);
  expect((await f.payAtGateway(method, String(order.orderNo))).status).toBe(200);
  return { id: Number(order.id), orderNo: String(order.orderNo), payableFen: Number(order.payableFen) };
}

async function deliver(token: string, id: number) {
  await ok(
    call(`/api/admin/orders/${id}/ship`, f.merchant, {
      carrier: "顺丰速运",
      trackingNo: `SF${Date.now()}${id}`,
    }),
  );
  await ok(call(`/api/orders/${id}/confirm-receipt`, token, {}));
}

const apply = (token: string, body: Record<string, unknown>) => call("/api/after-sales/cases", token, body);
const admin = (caseNo: string, action: string, body: unknown = {}) =>
  call(`/api/admin/after-sales/cases/${caseNo}/${action}`, f.merchant, body);
const view = (token: string, caseNo: string) => ok(call(`/api/after-sales/cases/${caseNo}`, token));

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const refunded = (token: string, caseNo: string) =>
  until(`${caseNo} refunded`, async () => {
    const c = await view(token, caseNo);
    return c.status === "refunded" && c;
  });

const caseCount = () => f.count("SELECT count(*) AS n FROM after_sale_cases");
const productOf = async (skuId: number) =>
  Number(
    (await f.stack.sql.execute({ sql: "SELECT product_id FROM skus WHERE id = ?", args: [skuId] })).rows[0]!
      .product_id,
  );

/** A return that the shopper ships back and the merchant receives. */
async function returned(token: string, orderNo: string, orderItemId: number, quantity = 1, damagedQty = 0) {
  const c = await ok(
    apply(token, {
      orderNo,
      type: "return_refund",
      reasonCode: "no_reason",
      unused: true,
      items: [{ orderItemId, quantity }],
    }),
    201,
  );
  await ok(admin(c.caseNo, "approve"));
  await ok(
    call(`/api/after-sales/cases/${c.caseNo}/return-shipment`, token, {
      carrier: "顺丰速运",
      trackingNo: `SF${Date.now()}`,
    }),
  );
  return ok(admin(c.caseNo, "receive", { items: [{ orderItemId, receivedQty: quantity, damagedQty }] }));
}

describe("after-sales cases", () => {
  it("three returns of one unit each from a discounted order refund exactly what was paid; stock back once each", async () => {
    const skuId = await f.createSku(100_001, 10, "测试洗衣机");
    await ok(
      call("/api/admin/marketing/promotions", f.merchant, {
        kind: "full_reduction",
        name: "满3000减100",
        startsAt: Date.now() - 60_000,
        endsAt: Date.now() + HOUR,
        tiers: [{ thresholdFen: 300_000, reduceFen: 10_000 }],
        scope: { kind: "products", ids: [await productOf(skuId)], excludeProductIds: [] },
      }),
      201,
    );
    const { token } = await f.newShopper("三次退货");
    const order = await paidOrder(token, [{ skuId, quantity: 3 }]);
    expect(order.payableFen).toBe(300_003 - 10_000);
    await deliver(token, order.id);
    expect(await f.stockOf(skuId)).toMatchObject({ available: 7, sold: 3 });

    const elig = await ok<{
      items: {
        orderItemId: number;
        available: number;
        unitRefundFen: number;
        types: { type: string; allowed: boolean }[];
      }[];
    }>(call(`/api/after-sales/orders/${order.orderNo}/eligibility`, token));
    const line = elig.items[0]!;
    expect(line).toMatchObject({ available: 3, unitRefundFen: 100_001 - 3_334 });
    expect(line.types.map((t) => [t.type, t.allowed])).toEqual([
      ["refund_only", false],
      ["return_refund", true],
      ["exchange", true],
      ["repair", true],
    ]);

    const amounts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await returned(token, order.orderNo, line.orderItemId);
      const done = await refunded(token, c.caseNo);
      amounts.push(done.refund.amountFen);
      expect(done.refund.status).toBe("succeeded");
      expect(await f.stockOf(skuId)).toMatchObject({ available: 8 + i, sold: 2 - i });
    }
    expect(amounts).toEqual([96_667, 96_668, 96_668]);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(order.payableFen);
    const sims = (
      await f.simControl<{ outTradeNo: string; amount?: number; refundFen?: number; status: string }[]>(
        "/_sim/refunds",
      )
    ).json;
    expect(sims.filter((r) => r.outTradeNo === order.orderNo)).toHaveLength(3);
    expect(
      await f.count(
        "SELECT coalesce(sum(amount_fen), 0) AS n FROM refunds WHERE order_id = ? AND status = 'succeeded'",
        [order.id],
      ),
    ).toBe(order.payableFen);
    // Nothing left to apply for; a fourth application is refused without writing anything.
    const before = await caseCount();
    const fourth = await apply(token, {
      orderNo: order.orderNo,
      type: "return_refund",
      reasonCode: "quality",
      items: [{ orderItemId: line.orderItemId, quantity: 1 }],
    });
    expect(fourth.status).toBe(409);
    expect(fourth.body.error?.message).toContain("已全部申请售后");
    expect(await caseCount()).toBe(before);
    // The shopper was told.
    const notes = await ok<{ items: { kind: string }[] }>(call("/api/notifications?limit=50", token));
    expect(notes.items.filter((n) => n.kind === "refund_succeeded")).toHaveLength(3);
    expect(notes.items.filter((n) => n.kind === "after_sale_approved")).toHaveLength(3);
  });

  it("freight comes back for the merchant's fault, and the rest with the return that completes the order", async () => {
    const skuId = await f.createSku(3_000, 5, "测试电水壶");
    const { token } = await f.newShopper("运费");
    const order = await paidOrder(token, [{ skuId, quantity: 2 }]);
    expect(order.payableFen).toBe(7_000); // ¥60 of goods + ¥10 freight (free only from ¥99)
    await deliver(token, order.id);
    const orderItemId = Number(
      (await f.stack.sql.execute({ sql: "SELECT id FROM order_items WHERE order_id = ?", args: [order.id] }))
        .rows[0]!.id,
    );
    const broken = await ok(
      apply(token, {
        orderNo: order.orderNo,
        type: "return_refund",
        reasonCode: "quality",
        items: [{ orderItemId, quantity: 1 }],
      }),
      201,
    );
    await ok(admin(broken.caseNo, "approve"));
    await ok(
      call(`/api/after-sales/cases/${broken.caseNo}/return-shipment`, token, {
        carrier: "中通快递",
        trackingNo: "ZT12345678",
      }),
    );
    await ok(admin(broken.caseNo, "receive", { items: [{ orderItemId, receivedQty: 1, damagedQty: 1 }] }));
    const first = await refunded(token, broken.caseNo);
    expect(first.refund).toMatchObject({ amountFen: 3_500, goodsFen: 3_000, freightFen: 500 });
    const second = await refunded(token, (await returned(token, order.orderNo, orderItemId)).caseNo);
    expect(second.refund).toMatchObject({ amountFen: 3_500, goodsFen: 3_000, freightFen: 500 });
    expect(first.refund.amountFen + second.refund.amountFen).toBe(order.payableFen);
  });

  it("coupon policy: the coupon comes back only when the whole order is refunded", async () => {
    const skuId = await f.createSku(120_000, 5, "测试烤箱");
    const template = await ok<{ id: number }>(
      call("/api/admin/marketing/coupons", f.merchant, {
        name: "满1000减50",
        kind: "amount_off",
        amountOffFen: 5_000,
        thresholdFen: 100_000,
        validity: { kind: "relative", days: 7 },
        totalQuantity: 10,
        perShopperLimit: 1,
        channels: ["centre"],
      }),
      201,
    );
    const { token } = await f.newShopper("用券");
    await ok(call(`/api/coupons/${template.id}/claim?from=centre`, token, {}));
    const order = await paidOrder(token, [{ skuId, quantity: 2 }]);
    expect(order.payableFen).toBe(240_000 - 5_000);
    const couponStatus = async () =>
      String(
        (
          await f.stack.sql.execute({
            sql: "SELECT status FROM shopper_coupons WHERE order_id = ?",
            args: [order.id],
          })
        ).rows[0]?.status ?? "none",
      );
    expect(await couponStatus()).toBe("used");
    const orderItemId = Number(
      (await f.stack.sql.execute({ sql: "SELECT id FROM order_items WHERE order_id = ?", args: [order.id] }))
        .rows[0]!.id,
    );
    const refundOne = async () => {
      const c = await ok(
        apply(token, {
          orderNo: order.orderNo,
          type: "refund_only",
          reasonCode: "other",
          items: [{ orderItemId, quantity: 1 }],
        }),
        201,
      );
      await ok(admin(c.caseNo, "approve"));
      return refunded(token, c.caseNo);
    };
    const first = await refundOne();
    expect(await couponStatus()).toBe("used"); // half the order refunded: the coupon stays spent
    const second = await refundOne();
    expect(first.refund.amountFen + second.refund.amountFen).toBe(order.payableFen);
    expect(await couponStatus()).toBe("available");
  });

  it("仅退款 of an unshipped order refunds at approval, puts the unit back on sale, and a duplicate refund notification changes nothing", async () => {
    const skuId = await f.createSku(50_000, 5);
    const { token } = await f.newShopper("仅退款");
    const order = await paidOrder(token, [{ skuId, quantity: 2 }]);
    const elig = await ok<{ items: { orderItemId: number }[] }>(
      call(`/api/after-sales/orders/${order.orderNo}/eligibility`, token),
    );
    const orderItemId = elig.items[0]!.orderItemId;
    const c = await ok(
      apply(token, {
        orderNo: order.orderNo,
        type: "refund_only",
        reasonCode: "other",
        items: [{ orderItemId, quantity: 1 }],
      }),
      201,
    );
    expect(c).toMatchObject({ status: "applied", statusText: "待审核", refundFen: 50_000 });
    await ok(admin(c.caseNo, "approve"));
    const done = await refunded(token, c.caseNo);
    expect(done.refund.amountFen).toBe(50_000);
    expect(await f.stockOf(skuId)).toMatchObject({ available: 4, sold: 1 });

    const replay = await f.simControl("/_sim/notify/replay", {
      method: "wechat",
      outTradeNo: order.orderNo,
      outRefundNo: done.refund.outRefundNo,
      variant: "duplicate",
    });
    expect(replay.status).toBe(200);
    await f.simControl("/_sim/notify/replay", {
      method: "wechat",
      outTradeNo: order.orderNo,
      outRefundNo: done.refund.outRefundNo,
    });
    const after = await view(token, c.caseNo);
    expect(after.timeline.filter((e) => e.kind === "refund_succeeded")).toHaveLength(1);
    expect(await f.count("SELECT count(*) AS n FROM refunds WHERE order_id = ?", [order.id])).toBe(1);
    // The sweep does not return the stock again.
    const worker = await f.stack.mf.getWorker();
    await worker.scheduled({ cron: "* * * * *" });
    expect(await f.stockOf(skuId)).toMatchObject({ available: 4, sold: 1 });
    // The order shows the refund.
    expect(
      await f.count(
        "SELECT count(*) AS n FROM order_events WHERE order_id = ? AND kind = 'refund_succeeded'",
        [order.id],
      ),
    ).toBe(1);
  });

  it("cancelling the paid order closes its open applications and frees their units", async () => {
    const skuId = await f.createSku(45_000, 3);
    const { token } = await f.newShopper("先申请后取消");
    const order = await paidOrder(token, [{ skuId, quantity: 1 }]);
    const orderItemId = Number(
      (await f.stack.sql.execute({ sql: "SELECT id FROM order_items WHERE order_id = ?", args: [order.id] }))
        .rows[0]!.id,
    );
    const c = await ok(
      apply(token, {
        orderNo: order.orderNo,
        type: "refund_only",
        reasonCode: "other",
        items: [{ orderItemId, quantity: 1 }],
      }),
      201,
    );
    await ok(call(`/api/orders/${order.id}/cancel`, token, { reason: "不想要了" }));
    const closed = await view(token, c.caseNo);
    expect(closed).toMatchObject({ status: "closed", actions: [] });
    expect(closed.timeline.at(-1)).toMatchObject({ kind: "order_cancelled", actor: "system" });
    expect(
      await f.count("SELECT count(*) AS n FROM after_sale_unit_claims WHERE order_item_id = ?", [
        orderItemId,
      ]),
    ).toBe(0);
    const late = await admin(c.caseNo, "approve");
    expect(late.status).toBe(409);
    expect(
      await f.count("SELECT count(*) AS n FROM refunds WHERE order_id = ? AND source = 'after_sale'", [
        order.id,
      ]),
    ).toBe(0);
  });

  it("concurrent applications for the same unit: exactly one wins, the others get 409 and write nothing", async () => {
    const skuId = await f.createSku(30_000, 3);
    const { token } = await f.newShopper("并发申请");
    const order = await paidOrder(token, [{ skuId, quantity: 1 }]);
    await deliver(token, order.id);
    const orderItemId = Number(
      (await f.stack.sql.execute({ sql: "SELECT id FROM order_items WHERE order_id = ?", args: [order.id] }))
        .rows[0]!.id,
    );
    const before = await caseCount();
    const replies = await Promise.all(
      Array.from({ length: 6 }, () =>
        apply(token, {
          orderNo: order.orderNo,
          type: "return_refund",
          reasonCode: "quality",
          items: [{ orderItemId, quantity: 1 }],
        }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of replies.filter((x) => x.status === 409))
      expect(r.body.error?.code).toBe("UNITS_UNAVAILABLE");
    expect(await caseCount()).toBe(before + 1);
    expect(
      await f.count("SELECT count(*) AS n FROM after_sale_unit_claims WHERE order_item_id = ?", [
        orderItemId,
      ]),
    ).toBe(1);
  });

  it("concurrent approvals and receipts apply once: one event each, stock back once, one refund", async () => {
    const skuId = await f.createSku(80_000, 4);
    const { token } = await f.newShopper("并发处理");
    const order = await paidOrder(token, [{ skuId, quantity: 2 }], "alipay");
    await deliver(token, order.id);
    const orderItemId = Number(
      (await f.stack.sql.execute({ sql: "SELECT id FROM order_items WHERE order_id = ?", args: [order.id] }))
        .rows[0]!.id,
    );
    const c = await ok(
      apply(token, {
        orderNo: order.orderNo,
        type: "return_refund",
        reasonCode: "quality",
        items: [{ orderItemId, quantity: 2 }],
      }),
      201,
    );
    const approvals = await Promise.all(Array.from({ length: 5 }, () => admin(c.caseNo, "approve")));
    expect(approvals.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of approvals.filter((x) => x.status !== 200)) expect(r.status).toBe(409);
    await ok(
      call(`/api/after-sales/cases/${c.caseNo}/return-shipment`, token, {
        pickup: { date: "2026-12-20", slot: "09:00-12:00" },
      }),
    );
    const receipts = await Promise.all(
      Array.from({ length: 5 }, () =>
        admin(c.caseNo, "receive", { items: [{ orderItemId, receivedQty: 2, damagedQty: 1 }] }),
      ),
    );
    expect(receipts.filter((r) => r.status === 200)).toHaveLength(1);
    const done = await refunded(token, c.caseNo);
    // Quality problem: the merchant's fault, so the freight share comes back too (here free shipping).
    expect(done.refund.amountFen).toBe(160_000);
    expect(done.timeline.filter((e) => e.toStatus === "approved")).toHaveLength(1);
    expect(done.timeline.filter((e) => e.toStatus === "received")).toHaveLength(1);
    expect(done.timeline.filter((e) => e.kind === "stock_returned")).toHaveLength(1);
    // 2 received, 1 damaged: one unit back on sale, exactly once.
    expect(await f.stockOf(skuId)).toMatchObject({ available: 3, sold: 1 });
    expect(await f.count("SELECT count(*) AS n FROM refunds WHERE order_id = ?", [order.id])).toBe(1);
  });

  it("timeouts: a silent merchant approves, a shopper who never ships back closes the case and the units are free again", async () => {
    const skuId = await f.createSku(40_000, 2);
    const { token } = await f.newShopper("超时");
    const order = await paidOrder(token, [{ skuId, quantity: 1 }]);
    await deliver(token, order.id);
    const orderItemId = Number(
      (await f.stack.sql.execute({ sql: "SELECT id FROM order_items WHERE order_id = ?", args: [order.id] }))
        .rows[0]!.id,
    );
    const c = await ok(
      apply(token, {
        orderNo: order.orderNo,
        type: "exchange",
        reasonCode: "quality",
        items: [{ orderItemId, quantity: 1 }],
      }),
      201,
    );
    const worker = await f.stack.mf.getWorker();
    await worker.scheduled({ cron: "* * * * *" });
    expect((await view(token, c.caseNo)).status).toBe("applied"); // not due yet

    const past = () =>
      f.stack.sql.execute({
        sql: "UPDATE after_sale_cases SET deadline_at = ? WHERE case_no = ?",
        args: [Date.now() - 1000, c.caseNo],
      });
    await past();
    await worker.scheduled({ cron: "* * * * *" });
    const approved = await view(token, c.caseNo);
    expect(approved).toMatchObject({ status: "approved", statusText: "待寄回" });
    expect(approved.timeline.at(-1)).toMatchObject({ toStatus: "approved", actor: "system" });
    expect(approved.actions.sort()).toEqual(["cancel", "ship_back"]);

    await past();
    await worker.scheduled({ cron: "* * * * *" });
    const closed = await view(token, c.caseNo);
    expect(closed).toMatchObject({ status: "closed", statusText: "已关闭" });
    expect(
      await f.count(
        "SELECT count(*) AS n FROM after_sale_unit_claims WHERE case_id = (SELECT id FROM after_sale_cases WHERE case_no = ?)",
        [c.caseNo],
      ),
    ).toBe(0);
    const elig = await ok<{ items: { available: number }[] }>(
      call(`/api/after-sales/orders/${order.orderNo}/eligibility`, token),
    );
    expect(elig.items[0]!.available).toBe(1);
  });

  it("an exchange takes the replacement from stock under the case number when shipped; the shopper confirms", async () => {
    const skuId = await f.createSku(60_000, 3);
    const { token } = await f.newShopper("换货");
    const order = await paidOrder(token, [{ skuId, quantity: 1 }]);
    await deliver(token, order.id);
    const orderItemId = Number(
      (await f.stack.sql.execute({ sql: "SELECT id FROM order_items WHERE order_id = ?", args: [order.id] }))
        .rows[0]!.id,
    );
    const c = await ok(
      apply(token, {
        orderNo: order.orderNo,
        type: "exchange",
        reasonCode: "damaged_on_arrival",
        items: [{ orderItemId, quantity: 1 }],
      }),
      201,
    );
    await ok(admin(c.caseNo, "approve"));
    await ok(
      call(`/api/after-sales/cases/${c.caseNo}/return-shipment`, token, {
        carrier: "京东物流",
        trackingNo: "JD0001234567",
      }),
    );
    await ok(admin(c.caseNo, "receive", { items: [{ orderItemId, receivedQty: 1, damagedQty: 1 }] }));
    expect(await f.stockOf(skuId)).toMatchObject({ available: 2, sold: 1 }); // damaged: not back on sale
    const shipped = await Promise.all([
      admin(c.caseNo, "ship-exchange", { carrier: "顺丰速运", trackingNo: "SF0009876543" }),
      admin(c.caseNo, "ship-exchange", { carrier: "顺丰速运", trackingNo: "SF0009876543" }),
    ]);
    expect(shipped.map((r) => r.status)).toContain(200);
    expect(await f.stockOf(skuId)).toMatchObject({ available: 1, sold: 2 }); // one replacement, once
    const confirmed = await ok(call(`/api/after-sales/cases/${c.caseNo}/confirm`, token, {}));
    expect(confirmed).toMatchObject({ status: "done", statusText: "已完成" });
  });

  it("a repair case opens a work order on approval and follows it", async () => {
    const skuId = await f.createSku(200_000, 2, "测试空调");
    const { token } = await f.newShopper("维修");
    const order = await paidOrder(token, [{ skuId, quantity: 1 }]);
    await deliver(token, order.id);
    const orderItemId = Number(
      (await f.stack.sql.execute({ sql: "SELECT id FROM order_items WHERE order_id = ?", args: [order.id] }))
        .rows[0]!.id,
    );
    const c = await ok(
      apply(token, {
        orderNo: order.orderNo,
        type: "repair",
        reasonCode: "quality",
        description: "不制冷",
        items: [{ orderItemId, quantity: 1 }],
      }),
      201,
    );
    const approved = await ok(admin(c.caseNo, "approve"));
    expect(approved).toMatchObject({ status: "repairing", statusText: "维修中" });
    expect(approved.workOrderNo).toMatch(/^RW/);
    expect(await f.count("SELECT count(*) AS n FROM repair_work_orders WHERE case_no = ?", [c.caseNo])).toBe(
      1,
    );
    expect((approved as unknown as { workOrder: { status: string } }).workOrder.status).toBe("received");
    // The work order is cancelled before a technician goes: the case ends and the unit is free again.
    await ok(
      call(`/api/admin/after-sales/repairs/${approved.workOrderNo}/cancel`, f.merchant, {
        reason: "顾客已自行修好",
      }),
    );
    const worker = await f.stack.mf.getWorker();
    await worker.scheduled({ cron: "* * * * *" });
    const ended = await view(token, c.caseNo);
    expect(ended).toMatchObject({ status: "done", statusText: "已完成" });
    expect(ended.timeline.at(-1)).toMatchObject({ kind: "finish_repair", actor: "system" });
    const elig = await ok<{ items: { available: number }[] }>(
      call(`/api/after-sales/orders/${order.orderNo}/eligibility`, token),
    );
    expect(elig.items[0]!.available).toBe(1);
  });

  it("bad input is a clear 4xx in Chinese and writes nothing", async () => {
    const skuId = await f.createSku(20_000, 5, "测试嵌入式洗碗机");
    const { token } = await f.newShopper("乱填");
    const paid = await paidOrder(token, [{ skuId, quantity: 2 }]);
    const orderItemId = Number(
      (await f.stack.sql.execute({ sql: "SELECT id FROM order_items WHERE order_id = ?", args: [paid.id] }))
        .rows[0]!.id,
    );
    const before = await caseCount();
    const base = {
      orderNo: paid.orderNo,
      type: "refund_only",
      reasonCode: "other",
      items: [{ orderItemId, quantity: 1 }],
    };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, type: "trade" }, 400, "售后类型"],
      [{ ...base, items: [] }, 400, "请选择要申请售后的商品"],
      [{ ...base, items: [{ orderItemId, quantity: 3 }] }, 409, "最多还可申请 2 件"],
      [{ ...base, items: [{ orderItemId: 999_999, quantity: 1 }] }, 422, "订单中没有所选商品"],
      [{ ...base, type: "return_refund", reasonCode: "no_reason", unused: true }, 422, "签收后"],
      [{ ...base, reasonCode: "damaged_on_arrival" }, 422, "不能作为此类售后的原因"],
      [{ ...base, photos: ["after-sales/202612/00000000-0000-0000-0000-000000000000.jpg"] }, 422, "图片无效"],
      [{ ...base, photos: ["products/202612/x.jpg"] }, 400, "图片无效"],
    ];
    for (const [body, status, message] of cases) {
      const r = await apply(token, body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.body.error?.message).toContain(message);
    }
    // No-reason returns: not for a category that disallows them, and only for unused goods.
    await deliver(token, paid.id);
    const categoryId = Number(
      (
        await f.stack.sql.execute({
          sql: "SELECT category_id FROM products WHERE id = ?",
          args: [await productOf(skuId)],
        })
      ).rows[0]!.category_id,
    );
    const ret = { ...base, type: "return_refund", reasonCode: "no_reason" };
    const notUnused = await apply(token, ret);
    expect(notUnused.status).toBe(422);
    expect(notUnused.body.error?.message).toContain("未使用");
    await ok(
      call(
        `/api/admin/after-sales/categories/${categoryId}/no-reason-return`,
        f.merchant,
        { allowed: false },
        "PUT",
      ),
    );
    try {
      const builtIn = await apply(token, { ...ret, unused: true });
      expect(builtIn.status).toBe(422);
      expect(builtIn.body.error?.message).toContain("不支持七天无理由");
      const elig = await ok<{ items: { noReasonReturn: boolean }[] }>(
        call(`/api/after-sales/orders/${paid.orderNo}/eligibility`, token),
      );
      expect(elig.items[0]!.noReasonReturn).toBe(false);
    } finally {
      await ok(
        call(
          `/api/admin/after-sales/categories/${categoryId}/no-reason-return`,
          f.merchant,
          { allowed: true },
          "PUT",
        ),
      );
    }
    expect(await caseCount()).toBe(before);
    // Merchant actions out of order are 409 with the status in the message.
    const c = await ok(apply(token, { ...ret, reasonCode: "quality" }), 201);
    const early = await admin(c.caseNo, "receive", {
      items: [{ orderItemId, receivedQty: 1, damagedQty: 0 }],
    });
    expect(early.status).toBe(409);
    expect(early.body.error?.message).toBe("售后单当前状态为「待审核」，不能收货");
    const noReason = await admin(c.caseNo, "refuse", { reason: "" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error?.message).toContain("请填写拒绝原因");
    const refused = await ok(admin(c.caseNo, "refuse", { reason: "照片显示为人为损坏" }));
    expect(refused).toMatchObject({ status: "refused", statusText: "已拒绝" });
    // Refused units may be applied for again.
    const elig = await ok<{ items: { available: number }[] }>(
      call(`/api/after-sales/orders/${paid.orderNo}/eligibility`, token),
    );
    expect(elig.items[0]!.available).toBe(2);
  });

  it("someone else's order or case is 404; shoppers cannot use merchant routes; agents may only read", async () => {
    const skuId = await f.createSku(10_000, 2);
    const owner = await f.newShopper("本人");
    const other = await f.newShopper("他人");
    const order = await paidOrder(owner.token, [{ skuId, quantity: 1 }]);
    const orderItemId = Number(
      (await f.stack.sql.execute({ sql: "SELECT id FROM order_items WHERE order_id = ?", args: [order.id] }))
        .rows[0]!.id,
    );
    const c = await ok(
      apply(owner.token, {
        orderNo: order.orderNo,
        type: "refund_only",
        reasonCode: "other",
        items: [{ orderItemId, quantity: 1 }],
      }),
      201,
    );
    expect((await call(`/api/after-sales/orders/${order.orderNo}/eligibility`, other.token)).status).toBe(
      404,
    );
    const stolen = await apply(other.token, {
      orderNo: order.orderNo,
      type: "refund_only",
      reasonCode: "other",
      items: [{ orderItemId, quantity: 1 }],
    });
    expect(stolen.status).toBe(404);
    expect(stolen.body.error?.message).toBe("订单不存在");
    expect((await call(`/api/after-sales/cases/${c.caseNo}`, other.token)).status).toBe(404);
    expect((await call(`/api/after-sales/cases/${c.caseNo}/cancel`, other.token, {})).status).toBe(404);
    const mine = await ok<{ items: { caseNo: string }[] }>(call("/api/after-sales/cases", other.token));
    expect(mine.items).toHaveLength(0);
    expect(
      (
        await admin(c.caseNo, "approve").then(() =>
          call(`/api/admin/after-sales/cases/${c.caseNo}/approve`, owner.token, {}),
        )
      ).status,
    ).toBe(403);
    const { staffToken } = await import("../../../test/harness");
    const agent = await staffToken(f.stack, "agent");
    expect((await call(`/api/admin/after-sales/cases/${c.caseNo}`, agent)).status).toBe(200);
    expect(
      (await call(`/api/admin/after-sales/cases/${c.caseNo}/refuse`, agent, { reason: "x" })).status,
    ).toBe(403);
  });

  it("photos: jpeg/png/webp up to 5 MB, served back; svg, gif and oversized files refused", async () => {
    const { token } = await f.newShopper("拍照");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const up = await f.stack.fetch("/api/after-sales/photos", {
      method: "POST",
      token,
      body: png,
      headers: { "content-type": "image/png" },
    });
    expect(up.status).toBe(201);
    const { key, url } = (await up.json()) as { key: string; url: string };
    expect(key).toMatch(/^after-sales\/\d{6}\/[0-9a-f-]{36}\.png$/);
    const served = await f.stack.fetch(url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    const refusedSvg = await f.stack.fetch("/api/after-sales/photos", { method: "POST", token, body: svg });
    expect(refusedSvg.status).toBe(415);
    expect(((await refusedSvg.json()) as Json).error?.message).toBe("仅支持 JPG、PNG 或 WebP 图片");
    const gif = new TextEncoder().encode("GIF89a\x01\x00\x01\x00");
    expect(
      (await f.stack.fetch("/api/after-sales/photos", { method: "POST", token, body: gif })).status,
    ).toBe(415);
    // A phone photo is larger than the API's usual body limit: accepted up to 5 MB.
    const photo = new Uint8Array(600 * 1024);
    photo.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(
      (await f.stack.fetch("/api/after-sales/photos", { method: "POST", token, body: photo })).status,
    ).toBe(201);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect(
      (await f.stack.fetch("/api/after-sales/photos", { method: "POST", token, body: big })).status,
    ).toBe(413);
    expect((await f.stack.fetch("/api/after-sales/photos", { method: "POST", body: png })).status).toBe(401);
    expect((await f.stack.fetch("/api/after-sales/photos/after-sales/202601/nope.png")).status).toBe(404);
  });
});
