/**
 * 以旧换新 over HTTP in workerd: the merchant's valuation table, the quote and the order priced with the
 * deduction (the server's amount, never the client's), the installer collecting at delivery and
 * revaluing up (a refund) and down (a charge), the shopper declining (the whole deduction charged),
 * concurrent collection records settling once, and bad input answered in Chinese with nothing written.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../test/order-fixture";
import { addDays, beijingDate } from "../installation/schedule";

const f = useOrderFixture();
type Json = Awaited<ReturnType<typeof json>>;

const get = (path: string, token: string) => f.stack.fetch(path, { token });
const send = (method: string, path: string, token: string, body?: unknown) =>
  f.stack.fetch(path, { method, token, ...(body === undefined ? {} : { json: body }) });
const post = (path: string, token: string, body?: unknown) => send("POST", path, token, body);

async function expectError(res: Response, status: number, message: RegExp | string) {
  const body = await json(res);
  expect(res.status, JSON.stringify(body)).toBe(status);
  if (typeof message === "string") expect(body.error?.message).toBe(message);
  else expect(body.error?.message).toMatch(message);
  return body;
}
const ok = async (res: Response, status = 200) => {
  const body = await json(res);
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body;
};
const count = (sql: string, args: (string | number)[] = []) => f.count(sql, args);

async function staffLogin(username: string, password: string) {
  return String((await ok(await post("/api/auth/staff-login", "", { username, password }))).token);
}

const AC_PRICE = 300_000;
const VALUATION = {
  name: "空调",
  categoryIds: [] as number[],
  capPercent: 30,
  bands: [
    { maxAgeYears: 3, goodFen: 60_000, fairFen: 40_000, brokenFen: 15_000 },
    { maxAgeYears: 8, goodFen: 30_000, fairFen: 20_000, brokenFen: 8_000 },
  ],
};

let acSku: number;
let fridgeSku: number;
let buyer: { token: string; addressId: number };
let installer: string;

const declare = (over: Record<string, unknown> = {}) => ({
  skuId: acSku,
  categorySlug: "air_conditioner",
  ageYears: 2,
  condition: "good",
  ...over,
});

async function quote(body: Record<string, unknown>) {
  return ok(await post("/api/checkout/quote", buyer.token, { addressId: buyer.addressId, ...body }));
}

/** Places and pays an order of one air conditioner with the trade-in declared; returns the order detail. */
async function paidTradeInOrder(declaration = declare()) {
  const res = await f.stack.fetch("/api/orders", {
    method: "POST",
    token: buyer.token,
    json: { items: [{ skuId: acSku, quantity: 1 }], addressId: buyer.addressId, tradeIns: [declaration] },
    headers: { "idempotency-key": `ti-${Date.now()}-${Math.random().toString(36).slice(2, 10)}` },
  });
  const order = await ok(res, 201);
  expect((await f.startPaying(buyer.token, Number(order.id), "wechat")).status).toBe(200);
  expect((await f.payAtGateway("wechat", String(order.orderNo))).status).toBe(200);
  const items = order.items as { id: number; skuId: number }[];
  return { order, orderItemId: items[0]!.id };
}

/** The paid line's installation work order, booked into the first open slot (so the installer sees it). */
async function bookedWorkOrder(orderItemId: number): Promise<number> {
  const row = await f.stack.sql.execute({
    sql: "SELECT id FROM install_work_orders WHERE order_item_id = ?",
    args: [orderItemId],
  });
  const id = Number(row.rows[0]!.id);
  const slots = await ok(await get(`/api/installation/work-orders/${id}/slots`, buyer.token));
  const slot = (slots.items as { id: number; bookable: boolean }[]).find((s) => s.bookable)!;
  await ok(await post(`/api/installation/work-orders/${id}/booking`, buyer.token, { slotId: slot.id }));
  return id;
}

const refundsOf = async (orderId: number) =>
  (
    await f.stack.sql.execute({
      sql: "SELECT source, source_ref, amount_fen, status FROM refunds WHERE order_id = ? ORDER BY id",
      args: [orderId],
    })
  ).rows.map((r) => ({ ...r }));
const chargesOf = async (orderId: number) =>
  (
    await f.stack.sql.execute({
      sql: "SELECT kind, source_ref, amount_fen, status, charge_no FROM charges WHERE order_id = ? ORDER BY id",
      args: [orderId],
    })
  ).rows.map((r) => ({ ...r }));

beforeAll(async () => {
  acSku = await f.createSku(AC_PRICE, 100, "测试空调");
  fridgeSku = await f.createSku(200_000, 100, "测试冰箱");
  // 测试分类 (the fixture's category) becomes a child of 空调; the fridge moves to its own 冰箱.
  const ac = await ok(await post("/api/admin/categories", f.merchant, { name: "空调" }), 201);
  VALUATION.categoryIds = [Number(ac.id)];
  await f.stack.sql.execute({
    sql: "UPDATE categories SET parent_id = ? WHERE name = '测试分类'",
    args: [Number(ac.id)],
  });
  const fridges = await ok(await post("/api/admin/categories", f.merchant, { name: "冰箱" }), 201);
  await f.stack.sql.execute({
    sql: "UPDATE products SET category_id = ? WHERE id = (SELECT product_id FROM skus WHERE id = ?)",
    args: [Number(fridges.id), fridgeSku],
  });
  // Delivery with installation in 深圳, where the shopper lives, and an installer for it.
  await ok(
    await send("PUT", `/api/admin/installation/services/${ac.id}`, f.merchant, {
      requiresInstallation: true,
    }),
  );
  const area = await ok(
    await post("/api/admin/installation/areas", f.merchant, {
      name: "深圳",
      regions: [{ code: "440300", name: "深圳市" }],
      windows: [{ start: "09:00", end: "12:00", capacity: 20 }],
    }),
    201,
  );
  const today = beijingDate(Date.now());
  await ok(
    await post(`/api/admin/installation/areas/${area.id}/slots/generate`, f.merchant, {
      from: addDays(today, 2),
      to: addDays(today, 4),
    }),
  );
  await ok(
    await post("/api/admin/installation/installers", f.merchant, {
      username: "installer-ti",
      password: "jiadian-installer",
      displayName: "安装师傅 张",
      areaIds: [Number(area.id)],
    }),
    201,
  );
  installer = await staffLogin("installer-ti", "jiadian-installer");
  buyer = await f.newShopper("以旧换新顾客");
}, 60_000);

describe("valuation table (merchant)", () => {
  it("refuses bad tables in Chinese and writes nothing; only merchants may edit it", async () => {
    const put = (body: unknown, token = f.merchant, slug = "air_conditioner") =>
      send("PUT", `/api/admin/trade-in/valuations/${slug}`, token, body);
    await expectError(
      await put({ ...VALUATION, categoryIds: [] }),
      400,
      /请至少选择一个可参加以旧换新的新机分类/,
    );
    await expectError(
      await put({ ...VALUATION, bands: [...VALUATION.bands].reverse() }),
      400,
      /各档使用年限须从短到长排列/,
    );
    await expectError(
      await put({ ...VALUATION, bands: [{ maxAgeYears: 3, goodFen: 100, fairFen: 200, brokenFen: 0 }] }),
      400,
      /完好 ≥ 一般 ≥ 损坏/,
    );
    await expectError(await put({ ...VALUATION, capPercent: 95 }), 400, /抵扣上限须在 1%–80% 之间/);
    await expectError(await put(VALUATION, f.merchant, "Air-Con"), 400, /旧机品类标识/);
    await expectError(await put(VALUATION, buyer.token), 403, "没有权限执行此操作");
    await expectError(await put(VALUATION, installer), 403, "没有权限执行此操作");
    expect(await count("SELECT count(*) n FROM trade_in_valuations")).toBe(0);

    expect(await ok(await put(VALUATION))).toMatchObject({
      slug: "air_conditioner",
      capPercent: 30,
      active: true,
    });
    const list = await ok(await get("/api/admin/trade-in/valuations", f.merchant));
    expect((list.items as { slug: string }[]).map((v) => v.slug)).toEqual(["air_conditioner"]);
  });
});

describe("checkout", () => {
  it("the product page learns which old appliances a product accepts (public; none → empty)", async () => {
    const productOf = async (skuId: number) =>
      Number(
        (await f.stack.sql.execute({ sql: "SELECT product_id FROM skus WHERE id = ?", args: [skuId] }))
          .rows[0]!.product_id,
      );
    const ac = await json(await f.stack.fetch(`/api/trade-in/products/${await productOf(acSku)}`));
    expect(ac).toEqual({ kinds: [{ slug: "air_conditioner", name: "空调" }] });
    expect(await json(await f.stack.fetch(`/api/trade-in/products/${await productOf(fridgeSku)}`))).toEqual({
      kinds: [],
    });
    await expectError(await f.stack.fetch("/api/trade-in/products/999999"), 404, "商品不存在");
  });

  it("the quote offers trade-in only on lines whose category accepts it", async () => {
    const q = await quote({
      items: [
        { skuId: acSku, quantity: 1 },
        { skuId: fridgeSku, quantity: 1 },
      ],
    });
    const t = q.tradeIn as {
      lines: { skuId: number; options: unknown[]; declared: unknown }[];
      conditions: { label: string }[];
    };
    expect(t.conditions.map((c) => c.label)).toEqual(["完好", "一般", "损坏"]);
    expect(t.lines).toEqual([
      { skuId: acSku, options: [{ slug: "air_conditioner", name: "空调" }], declared: null },
      { skuId: fridgeSku, options: [], declared: null },
    ]);
  });

  it("prices the deduction on the server (a client amount is ignored) and allocates it to the line", async () => {
    const plain = await quote({ items: [{ skuId: acSku, quantity: 1 }] });
    const q = await quote({
      items: [{ skuId: acSku, quantity: 1 }],
      tradeIns: [{ ...declare(), deductionFen: 299_999, valuationFen: 299_999 }],
    });
    expect(q.orderable).toBe(true);
    expect(Number(q.payableFen)).toBe(Number(plain.payableFen) - 60_000);
    const adj = (
      q.adjustments as {
        kind: string;
        amountFen: number;
        label: string;
        allocations: { amountFen: number }[];
      }[]
    ).find((a) => a.kind === "trade_in")!;
    expect(adj).toMatchObject({ amountFen: -60_000, label: "以旧换新（旧空调）" });
    expect(adj.allocations.reduce((s, a) => s + a.amountFen, 0)).toBe(-60_000);
    expect((q.tradeIn as { lines: { declared: unknown }[] }).lines[0]!.declared).toEqual({
      categorySlug: "air_conditioner",
      name: "空调",
      ageYears: 2,
      condition: "good",
      conditionLabel: "完好",
      valuationFen: 60_000,
      deductionFen: 60_000,
      capped: false,
    });
  });

  it("refuses declarations the table or the lines do not allow: 400/409 in Chinese, no order written", async () => {
    const before = await count("SELECT count(*) n FROM orders");
    const place = (tradeIns: unknown) =>
      f.stack.fetch("/api/orders", {
        method: "POST",
        token: buyer.token,
        json: {
          items: [
            { skuId: acSku, quantity: 1 },
            { skuId: fridgeSku, quantity: 1 },
          ],
          tradeIns,
        },
        headers: { "idempotency-key": `bad-${Math.random().toString(36).slice(2, 12)}` },
      });
    await expectError(await place([declare({ skuId: fridgeSku })]), 409, /不支持抵换旧空调/);
    await expectError(
      await place([declare({ categorySlug: "boat" })]),
      409,
      "以旧换新：暂不回收该品类的旧机（boat）",
    );
    await expectError(await place([declare(), declare({ ageYears: 5 })]), 400, /每件新机最多抵换一台旧机/);
    await expectError(await place([declare({ condition: "新" })]), 400, /旧机成色须为/);
    await expectError(await place([declare({ ageYears: -1 })]), 400, /使用年限不能小于 0/);
    expect(await count("SELECT count(*) n FROM orders")).toBe(before);
    expect(await count("SELECT count(*) n FROM trade_ins")).toBe(0);
  });
});

describe("collection at delivery", () => {
  let up: { order: Json; orderItemId: number };
  let workOrderId: number;

  beforeAll(async () => {
    up = await paidTradeInOrder();
    workOrderId = await bookedWorkOrder(up.orderItemId);
  });

  it("the order records the declaration with what it deducted", async () => {
    expect(Number(up.order.payableFen)).toBeLessThan(AC_PRICE);
    const t = await ok(await get(`/api/trade-in/orders/${up.order.orderNo}`, buyer.token));
    expect(t.items).toEqual([
      expect.objectContaining({
        orderItemId: up.orderItemId,
        name: "空调",
        deductedFen: 60_000,
        capFen: 90_000,
        status: "declared",
        statusLabel: "待回收",
        settlement: null,
      }),
    ]);
    const row = await f.stack.sql.execute({
      sql: "SELECT allocations FROM order_items WHERE id = ?",
      args: [up.orderItemId],
    });
    expect(JSON.parse(String(row.rows[0]!.allocations))).toContainEqual(
      expect.objectContaining({ kind: "trade_in", amountFen: -60_000 }),
    );
  });

  it("the installer sees the declared old unit; other people's work orders are 404", async () => {
    expect(
      await ok(await get(`/api/installer/work-orders/${workOrderId}/trade-in`, installer)),
    ).toMatchObject({
      status: "declared",
      conditionLabel: "完好",
      ageYears: 2,
    });
    await expectError(
      await get(`/api/installer/work-orders/${workOrderId}/trade-in`, buyer.token),
      403,
      "没有权限执行此操作",
    );
    await expectError(
      await get("/api/installer/work-orders/999999/trade-in", installer),
      404,
      "安装工单不存在",
    );
  });

  it("refuses a valuation over the cap or a bad outcome, writing nothing", async () => {
    const path = `/api/installer/work-orders/${workOrderId}/trade-in`;
    await expectError(
      await post(path, installer, { outcome: "collected", valuationFen: 90_001 }),
      422,
      "回收估价不能超过 ¥900.00（以旧换新抵扣上限）",
    );
    await expectError(await post(path, installer, { outcome: "lost" }), 400, /请求参数有误/);
    await expectError(
      await post(path, installer, { outcome: "not_collected", note: "" }),
      400,
      /请说明未回收的原因/,
    );
    expect(await count("SELECT count(*) n FROM trade_ins WHERE status != 'declared'")).toBe(0);
    expect(await refundsOf(Number(up.order.id))).toEqual([]);
  });

  it("a higher valuation on site is refunded once, even when the record is sent concurrently", async () => {
    const path = `/api/installer/work-orders/${workOrderId}/trade-in`;
    const results = await Promise.all(
      [80_000, 80_000, 70_000].map((valuationFen) =>
        post(path, installer, { outcome: "collected", valuationFen, note: "外观完好" }),
      ),
    );
    const final = await ok(await get(`/api/installer/work-orders/${workOrderId}/trade-in`, installer));
    // The winner and a repeat of the same record answer 200; the other valuation lost: 409.
    expect(results.map((r) => r.status)).toEqual(
      [80_000, 80_000, 70_000].map((v) => (v === final.finalValuationFen ? 200 : 409)),
    );
    const amount = Number(final.finalValuationFen) - 60_000;
    expect(final).toMatchObject({
      status: "collected",
      statusLabel: "已回收",
      settlement: { kind: "refund", amountFen: amount },
    });
    const refunds = await refundsOf(Number(up.order.id));
    expect(refunds).toEqual([
      expect.objectContaining({ source: "trade_in", source_ref: String(up.orderItemId), amount_fen: amount }),
    ]);
    // The refund arrives (the simulated gateway answers SUCCESS or notifies).
    await expect
      .poll(async () => (await refundsOf(Number(up.order.id)))[0]!.status, { timeout: 10_000 })
      .toBe("succeeded");
    await expectError(
      await post(path, installer, { outcome: "not_collected", note: "顾客不交" }),
      409,
      "该旧机已登记为“已回收”，不能再修改",
    );
    expect(await refundsOf(Number(up.order.id))).toHaveLength(1);
  });

  it("a lower valuation (found broken) becomes a charge the shopper pays", async () => {
    const down = await paidTradeInOrder();
    const wo = await bookedWorkOrder(down.orderItemId);
    const t = await ok(
      await post(`/api/installer/work-orders/${wo}/trade-in`, installer, {
        outcome: "collected",
        condition: "broken",
      }),
    );
    // The table's 损坏 value for a 2-year-old unit: ¥150; deducted ¥600 → ¥450 to pay.
    expect(t).toMatchObject({
      finalCondition: "broken",
      finalValuationFen: 15_000,
      settlement: { kind: "charge", amountFen: 45_000 },
    });
    const charges = await chargesOf(Number(down.order.id));
    expect(charges).toEqual([
      expect.objectContaining({
        kind: "trade_in",
        source_ref: String(down.orderItemId),
        amount_fen: 45_000,
        status: "unpaid",
      }),
    ]);
    const view = await ok(await get(`/api/trade-in/orders/${down.order.orderNo}`, buyer.token));
    const chargeNo = String(charges[0]!.charge_no);
    expect((view.items as { settlement: { chargeNo: string } }[])[0]!.settlement.chargeNo).toBe(chargeNo);
    // The shopper pays the charge through the normal payment flow; the trade-in shows it paid.
    await ok(
      await post(`/api/charges/${chargeNo}/pay`, buyer.token, { method: "wechat", channel: "miniprogram" }),
    );
    expect((await f.payAtGateway("wechat", chargeNo)).status).toBe(200);
    await expect
      .poll(async () => {
        const v = await ok(await get(`/api/trade-in/orders/${down.order.orderNo}`, buyer.token));
        return (v.items as { settlement: { chargeStatus: string } }[])[0]!.settlement.chargeStatus;
      })
      .toBe("paid");
    expect(await refundsOf(Number(down.order.id))).toEqual([]);
  });

  it("when the shopper keeps the old unit, the merchant records it and the whole deduction is charged", async () => {
    const kept = await paidTradeInOrder(declare({ ageYears: 6, condition: "fair" }));
    const path = `/api/admin/trade-in/items/${kept.orderItemId}/collection`;
    await expectError(
      await post(path, buyer.token, { outcome: "not_collected", note: "x" }),
      403,
      "没有权限执行此操作",
    );
    const t = await ok(await post(path, f.merchant, { outcome: "not_collected", note: "顾客决定保留旧机" }));
    expect(t).toMatchObject({
      status: "not_collected",
      statusLabel: "未回收",
      deductedFen: 20_000,
      settlement: { kind: "charge", amountFen: 20_000 },
    });
    // Asked again: the same record, still one charge.
    await ok(await post(path, f.merchant, { outcome: "not_collected", note: "顾客决定保留旧机" }));
    expect(await chargesOf(Number(kept.order.id))).toEqual([expect.objectContaining({ amount_fen: 20_000 })]);
    await expectError(
      await post("/api/admin/trade-in/items/999999/collection", f.merchant, { outcome: "collected" }),
      404,
      "该商品没有以旧换新",
    );
    const list = await ok(await get("/api/admin/trade-in/trade-ins?status=not_collected", f.merchant));
    expect((list.items as { orderNo: string }[]).map((i) => i.orderNo)).toEqual([kept.order.orderNo]);
  });
});
