/**
 * Automatic promotions over HTTP against the real worker (workerd) and libSQL: the merchant's CRUD and
 * stop, bad input refused with nothing written, the public active list, and the tags and limited-time
 * prices on product listings and pages.
 */
import { describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();

const HOUR = 3_600_000;
type Json = Record<string, unknown>;

const admin = (path: string, init: { method?: string; json?: unknown; token?: string } = {}) =>
  f.stack.fetch(`/api/admin/marketing/promotions${path}`, { token: f.merchant, ...init });

const window = (fromNow = -60_000, length = HOUR) => ({
  startsAt: Date.now() + fromNow,
  endsAt: Date.now() + fromNow + length,
});

async function productOf(skuId: number) {
  const r = await f.stack.sql.execute({ sql: "SELECT product_id FROM skus WHERE id = ?", args: [skuId] });
  return Number(r.rows[0]!.product_id);
}

async function create(body: Json): Promise<Json> {
  const res = await admin("", { method: "POST", json: body });
  const out = await json(res);
  if (res.status !== 201) throw new Error(`create promotion: ${res.status} ${JSON.stringify(out)}`);
  return out;
}

const countPromotions = () => f.count("SELECT count(*) AS n FROM promotions");
const countPrices = () => f.count("SELECT count(*) AS n FROM promotion_sku_prices");

describe("merchant promotions", () => {
  it("creates, reads, lists, replaces and stops a 满减; only never-started ones can be deleted", async () => {
    const skuId = await f.createSku(100000, 0, "满减电视");
    const productId = await productOf(skuId);
    const created = await create({
      kind: "full_reduction",
      name: "年中满减",
      ...window(),
      tiers: [
        { thresholdFen: 300000, reduceFen: 30000 },
        { thresholdFen: 500000, reduceFen: 60000 },
      ],
      scope: { kind: "products", ids: [productId] },
    });
    expect(created).toMatchObject({
      name: "年中满减",
      kind: "full_reduction",
      status: "active",
      tags: ["满3000减300", "满5000减600"],
      priority: 0,
      stacksWithOtherPromotions: true,
      stacksWithCoupons: true,
      scope: { kind: "products", ids: [productId], excludeProductIds: [] },
      stoppedAt: null,
    });
    const id = Number(created.id);

    const got = await json(await admin(`/${id}`));
    expect(got).toEqual(created);
    const active = await json(await admin("?status=active"));
    expect((active.items as Json[]).map((p) => p.id)).toContain(id);
    const scheduledList = await json(await admin("?status=scheduled"));
    expect((scheduledList.items as Json[]).map((p) => p.id)).not.toContain(id);

    const replaced = await admin(`/${id}`, {
      method: "PUT",
      json: {
        kind: "per_full_reduction",
        name: "每满减",
        ...window(),
        everyFen: 100000,
        reduceFen: 10000,
        capFen: 50000,
        stacksWithCoupons: false,
        scope: { kind: "products", ids: [productId] },
      },
    });
    expect(replaced.status).toBe(200);
    expect(await json(replaced)).toMatchObject({
      kind: "per_full_reduction",
      tags: ["每满1000减100"],
      description: "每满1000减100，最多减500",
      stacksWithCoupons: false,
    });

    expect((await admin(`/${id}`, { method: "DELETE" })).status).toBe(409);
    const stopped = await admin(`/${id}/stop`, { method: "POST" });
    expect(stopped.status).toBe(200);
    const stoppedBody = await json(stopped);
    expect(stoppedBody).toMatchObject({ status: "stopped" });
    expect(stoppedBody.stoppedAt).toEqual(expect.any(Number));
    // Stopping again changes nothing; a stopped promotion can no longer be edited.
    expect(await json(await admin(`/${id}/stop`, { method: "POST" }))).toMatchObject({
      stoppedAt: stoppedBody.stoppedAt,
    });
    const edit = await admin(`/${id}`, {
      method: "PUT",
      json: {
        kind: "full_reduction",
        name: "x",
        ...window(),
        tiers: [{ thresholdFen: 2, reduceFen: 1 }],
        scope: { kind: "all" },
      },
    });
    expect(edit.status).toBe(409);

    const later = await create({
      kind: "full_discount",
      name: "下周满折",
      ...window(7 * 24 * HOUR),
      by: "quantity",
      tiers: [{ threshold: 2, payPercent: 90 }],
      scope: { kind: "all" },
    });
    expect(later).toMatchObject({ status: "scheduled", tags: ["满2件9折"] });
    const deleted = await admin(`/${later.id}`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect((await admin(`/${later.id}`)).status).toBe(404);
  });

  it("refuses bad input with a Chinese 400 (409 for an overlapping limited-time SKU) and writes nothing", async () => {
    const skuId = await f.createSku(200000, 0, "限时冰箱");
    const first = await create({
      kind: "limited_time",
      name: "冰箱秒杀",
      ...window(),
      items: [{ skuId, priceFen: 150000 }],
    });
    const promotionsBefore = await countPromotions();
    const pricesBefore = await countPrices();
    const base = { name: "坏活动", ...window(), scope: { kind: "all" } };
    const cases: [Json, number, string][] = [
      [
        { ...base, kind: "full_reduction", tiers: [{ thresholdFen: 30000, reduceFen: 30000 }] },
        400,
        "减免金额须小于门槛金额",
      ],
      [
        {
          ...base,
          kind: "full_reduction",
          tiers: [
            { thresholdFen: 500000, reduceFen: 60000 },
            { thresholdFen: 300000, reduceFen: 30000 },
          ],
        },
        400,
        "从低到高",
      ],
      [{ ...base, kind: "full_reduction", tiers: [] }, 400, "请至少设置一档满减"],
      [
        { ...base, kind: "per_full_reduction", everyFen: 100000, reduceFen: 10000, capFen: 5000 },
        400,
        "最多减免金额",
      ],
      [
        { ...base, kind: "full_discount", by: "amount", tiers: [{ threshold: 100, payPercent: 100 }] },
        400,
        "折扣须在",
      ],
      [
        {
          ...base,
          kind: "full_reduction",
          tiers: [{ thresholdFen: 2, reduceFen: 1 }],
          endsAt: base.startsAt,
        },
        400,
        "结束时间须晚于开始时间",
      ],
      [
        { ...base, kind: "full_reduction", tiers: [{ thresholdFen: 2, reduceFen: 1 }], ...window(-2 * HOUR) },
        400,
        "结束时间须晚于当前时间",
      ],
      [
        {
          ...base,
          kind: "full_reduction",
          tiers: [{ thresholdFen: 2, reduceFen: 1 }],
          scope: { kind: "categories", ids: [] },
        },
        400,
        "请选择参与活动的分类或商品",
      ],
      [
        {
          ...base,
          kind: "full_reduction",
          tiers: [{ thresholdFen: 2, reduceFen: 1 }],
          scope: { kind: "categories", ids: [999999] },
        },
        400,
        "分类不存在",
      ],
      [
        {
          ...base,
          kind: "full_reduction",
          tiers: [{ thresholdFen: 2, reduceFen: 1 }],
          scope: { kind: "all", excludeProductIds: [999999] },
        },
        400,
        "商品不存在",
      ],
      [{ ...base, kind: "buy_one_get_one", tiers: [] }, 400, ""],
      [{ ...base, kind: "full_reduction" }, 400, "tiers"],
      [
        { ...base, name: " ", kind: "full_reduction", tiers: [{ thresholdFen: 2, reduceFen: 1 }] },
        400,
        "请填写活动名称",
      ],
      [{ ...base, kind: "limited_time", items: [{ skuId, priceFen: 200000 }] }, 400, "限时价须低于售价"],
      [{ ...base, kind: "limited_time", items: [{ skuId: 999999, priceFen: 100 }] }, 400, "SKU 不存在"],
      [
        {
          ...base,
          kind: "limited_time",
          items: [
            { skuId, priceFen: 100 },
            { skuId, priceFen: 90 },
          ],
        },
        400,
        "SKU 重复",
      ],
      [{ ...base, kind: "limited_time", items: [{ skuId, priceFen: 120000 }] }, 409, "已有限时折扣"],
    ];
    for (const [body, status, message] of cases) {
      const res = await admin("", { method: "POST", json: body });
      const out = await json(res);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(out.error?.message, JSON.stringify(out)).toContain(message);
    }
    // Replacing with bad input writes nothing either.
    const badEdit = await admin(`/${first.id}`, {
      method: "PUT",
      json: { ...base, kind: "limited_time", items: [{ skuId, priceFen: 250000 }] },
    });
    expect(badEdit.status).toBe(400);
    expect(await json(await admin(`/${first.id}`))).toEqual(first);
    expect(await countPromotions()).toBe(promotionsBefore);
    expect(await countPrices()).toBe(pricesBefore);

    // A window after the first one ends does not overlap.
    const afterwards = await admin("", {
      method: "POST",
      json: {
        ...base,
        kind: "limited_time",
        startsAt: first.endsAt,
        endsAt: Number(first.endsAt) + HOUR,
        items: [{ skuId, priceFen: 120000 }],
      },
    });
    expect(afterwards.status).toBe(201);

    // Merchants only; shoppers and the public are refused.
    const { token } = await f.newShopper("促销偷看者");
    expect((await admin("", { token })).status).toBe(403);
    expect((await f.stack.fetch("/api/admin/marketing/promotions")).status).toBe(401);
  });
});

describe("usage report", () => {
  it("sums the order lines whose allocations carry the promotion's step, paid apart from pending", async () => {
    const skuId = await f.createSku(300000, 5, "报表冰箱");
    const productId = await productOf(skuId);
    const p = await create({
      kind: "full_reduction",
      name: "报表满减",
      ...window(),
      tiers: [{ thresholdFen: 300000, reduceFen: 30000 }],
      scope: { kind: "products", ids: [productId] },
    });
    const report = async () => {
      const res = await admin(`/${p.id}/report`);
      expect(res.status).toBe(200);
      return json(res);
    };
    expect(await report()).toMatchObject({
      step: `promotion:${p.id}`,
      paidOrders: 0,
      discountFen: 0,
      pendingOrders: 0,
    });

    const { token } = await f.newShopper("报表顾客");
    const placed = await f.placeOrder(token, [{ skuId, quantity: 1 }]);
    expect(placed.status).toBe(201);
    const orderId = Number((await json(placed)).id);
    // The line's share as placing the order stores it once the quote runs automaticPromotionsStep
    // (written here so the report does not depend on that wiring).
    await f.stack.sql.execute({
      sql: `UPDATE order_items SET allocations = json_array(json_object('step', ?, 'kind', 'promotion', 'amountFen', -30000)),
              payable_fen = line_total_fen - 30000 WHERE order_id = ?`,
      args: [`promotion:${p.id}`, orderId],
    });
    expect(await report()).toMatchObject({ paidOrders: 0, pendingOrders: 1, pendingDiscountFen: 30000 });
    await f.stack.sql.execute({ sql: "UPDATE orders SET status = 'paid' WHERE id = ?", args: [orderId] });
    expect(await report()).toMatchObject({
      paidOrders: 1,
      paidUnits: 1,
      discountFen: 30000,
      goodsFen: 300000,
      paidFen: 270000,
      pendingOrders: 0,
    });
    await f.stack.sql.execute({
      sql: "UPDATE orders SET status = 'cancelled' WHERE id = ?",
      args: [orderId],
    });
    expect(await report()).toMatchObject({ paidOrders: 0, discountFen: 0, pendingOrders: 0 });
    expect((await admin("/999999/report")).status).toBe(404);
  });
});

describe("what shoppers see", () => {
  it("lists active promotions, and shows tags and limited-time prices on product cards and pages", async () => {
    const cheap = await f.createSku(399900, 5, "限时空调");
    const plain = await f.createSku(120000, 5, "普通空调");
    const [cheapProduct, plainProduct] = [await productOf(cheap), await productOf(plain)];
    const categoryId = Number(
      (
        await f.stack.sql.execute({
          sql: "SELECT category_id FROM products WHERE id = ?",
          args: [plainProduct],
        })
      ).rows[0]!.category_id,
    );
    const flash = await create({
      kind: "limited_time",
      name: "空调限时购",
      ...window(),
      items: [{ skuId: cheap, priceFen: 349900 }],
    });
    const manjian = await create({
      kind: "full_reduction",
      name: "分类满减",
      ...window(),
      priority: 5,
      tiers: [{ thresholdFen: 300000, reduceFen: 30000 }],
      scope: { kind: "categories", ids: [categoryId], excludeProductIds: [cheapProduct] },
    });
    const scheduled = await create({
      kind: "full_reduction",
      name: "未开始",
      ...window(HOUR),
      tiers: [{ thresholdFen: 100000, reduceFen: 1000 }],
      scope: { kind: "products", ids: [plainProduct] },
    });
    const stopped = await create({
      kind: "per_full_reduction",
      name: "已停止",
      ...window(),
      everyFen: 100000,
      reduceFen: 5000,
      scope: { kind: "products", ids: [plainProduct] },
    });
    expect((await admin(`/${stopped.id}/stop`, { method: "POST" })).status).toBe(200);

    const res = await f.stack.fetch("/api/promotions/active");
    expect(res.status).toBe(200);
    const items = (await json(res)).items as Json[];
    const ids = items.map((p) => p.id);
    expect(ids).toContain(flash.id);
    expect(ids).toContain(manjian.id);
    expect(ids).not.toContain(scheduled.id);
    expect(ids).not.toContain(stopped.id);
    expect(items.find((p) => p.id === flash.id)).toMatchObject({
      name: "空调限时购",
      kind: "limited_time",
      tags: ["限时折扣"],
      scope: { kind: "products", ids: [cheapProduct] },
    });
    expect(items.find((p) => p.id === manjian.id)).toMatchObject({ tags: ["满3000减300"] });
    // Limited-time promotions come first.
    expect(ids.indexOf(flash.id)).toBeLessThan(ids.indexOf(manjian.id));

    const listing = await json(await f.stack.fetch(`/api/products?categoryId=${categoryId}&limit=50`));
    const card = (id: number) => (listing.items as Json[]).find((p) => p.id === id);
    expect(card(cheapProduct)).toMatchObject({
      priceFen: 399900,
      promoPriceFen: 349900,
      promotionTags: ["限时折扣"],
    });
    expect(card(plainProduct)).toMatchObject({
      priceFen: 120000,
      promoPriceFen: null,
      promotionTags: ["满3000减300"],
    });

    const page = await json(await f.stack.fetch(`/api/products/${cheapProduct}`));
    expect(page).toMatchObject({ priceFen: 399900, promoPriceFen: 349900, promotionTags: ["限时折扣"] });
    expect((page.skus as Json[]).map((s) => [s.id, s.priceFen, s.promoPriceFen])).toEqual([
      [cheap, 399900, 349900],
    ]);

    // Once stopped, the price and the tag are gone.
    expect((await admin(`/${flash.id}/stop`, { method: "POST" })).status).toBe(200);
    const after = await json(await f.stack.fetch(`/api/products/${cheapProduct}`));
    expect(after).toMatchObject({ promoPriceFen: null, promotionTags: [] });
    expect((after.skus as Json[])[0]).toMatchObject({ promoPriceFen: null });
  });
});
