/**
 * Cart, addresses, quote and order creation through HTTP (real worker, libSQL, StockCounter objects).
 */
import { describe, expect, it } from "vitest";
import { shopperToken } from "../../test/harness";
import { json, useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();

type CartItem = {
  skuId: number;
  quantity: number;
  selected: boolean;
  available: boolean;
  unavailableReason: string | null;
};
const cartOf = async (token: string) =>
  (await json(await f.stack.fetch("/api/cart", { token }))) as unknown as {
    items: CartItem[];
    summary: { selectedCount: number; selectedTotalFen: number; unavailableCount: number };
  };

describe("cart", () => {
  it("adds, changes quantity, selects and removes; unavailable lines are flagged, not dropped", async () => {
    const a = await f.createSku(1_000, 10);
    const b = await f.createSku(2_500, 10);
    const c = await f.createSku(9_900, 1);
    const token = await shopperToken(f.stack, "购物车买家");
    for (const [skuId, quantity] of [
      [a, 1],
      [a, 2],
      [b, 1],
      [c, 1],
    ] as const)
      expect(
        (await f.stack.fetch("/api/cart/items", { method: "POST", token, json: { skuId, quantity } })).status,
      ).toBe(200);
    let cart = await cartOf(token);
    expect(cart.items.map((i) => [i.skuId, i.quantity])).toEqual([
      [a, 3],
      [b, 1],
      [c, 1],
    ]);
    expect(cart.summary).toMatchObject({ selectedCount: 5, selectedTotalFen: 3 * 1_000 + 2_500 + 9_900 });

    expect(
      (
        await f.stack.fetch(`/api/cart/items/${b}`, {
          method: "PATCH",
          token,
          json: { quantity: 4, selected: false },
        })
      ).status,
    ).toBe(200);
    cart = await cartOf(token);
    expect(cart.items.find((i) => i.skuId === b)).toMatchObject({ quantity: 4, selected: false });
    expect(cart.summary.selectedTotalFen).toBe(3 * 1_000 + 9_900);

    // c sells out, a goes off shelf: both stay in the cart, flagged, and out of the total.
    await f.setStock(c, 0);
    const productA = Number(
      (await f.stack.sql.execute({ sql: "SELECT product_id FROM skus WHERE id = ?", args: [a] })).rows[0]!
        .product_id,
    );
    expect(
      (
        await f.stack.fetch(`/api/admin/products/${productA}`, {
          method: "PATCH",
          token: f.merchant,
          json: { status: "off_shelf" },
        })
      ).status,
    ).toBe(200);
    cart = await cartOf(token);
    expect(cart.items.map((i) => [i.skuId, i.available, i.unavailableReason])).toEqual([
      [a, false, "off_shelf"],
      [b, true, null],
      [c, false, "out_of_stock"],
    ]);
    expect(cart.summary).toMatchObject({ selectedTotalFen: 0, unavailableCount: 2 });
    // Adding an off-shelf SKU is refused; the cart is unchanged.
    const again = await f.stack.fetch("/api/cart/items", {
      method: "POST",
      token,
      json: { skuId: a, quantity: 1 },
    });
    expect(again.status).toBe(409);
    expect((await cartOf(token)).items.find((i) => i.skuId === a)?.quantity).toBe(3);

    expect(
      (await f.stack.fetch("/api/cart/remove", { method: "POST", token, json: { skuIds: [a, c] } })).status,
    ).toBe(200);
    expect((await cartOf(token)).items.map((i) => i.skuId)).toEqual([b]);
  });

  it("rejects bad input with a Chinese 400 and writes nothing", async () => {
    const token = await shopperToken(f.stack, "乱填的买家");
    const sku = await f.createSku(1_000, 5);
    for (const body of [{ skuId: sku, quantity: 0 }, { skuId: sku, quantity: 1000 }, { skuId: "x" }, {}]) {
      const res = await f.stack.fetch("/api/cart/items", { method: "POST", token, json: body });
      expect(res.status).toBe(400);
      expect((await json(res)).error?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(
      (
        await f.stack.fetch("/api/cart/items", {
          method: "POST",
          token,
          json: { skuId: 999999, quantity: 1 },
        })
      ).status,
    ).toBe(404);
    expect((await cartOf(token)).items).toEqual([]);
  });
});

describe("addresses", () => {
  it("keeps exactly one default and validates phone and region", async () => {
    const token = await shopperToken(f.stack, "地址簿买家");
    const base = {
      receiverName: "李四",
      phone: "13912345678",
      provinceCode: "110000",
      cityCode: "110100",
      districtCode: "110105",
      detail: "建国路 88 号",
    };
    const first = await json(await f.stack.fetch("/api/addresses", { method: "POST", token, json: base }));
    expect(first.isDefault).toBe(true);
    const second = await json(
      await f.stack.fetch("/api/addresses", {
        method: "POST",
        token,
        json: { ...base, detail: "望京 SOHO", isDefault: true },
      }),
    );
    let list = (await json(await f.stack.fetch("/api/addresses", { token }))).items as {
      id: number;
      isDefault: boolean;
    }[];
    expect(list.map((a) => [a.id, a.isDefault])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
    expect((await f.stack.fetch(`/api/addresses/${second.id}`, { method: "DELETE", token })).status).toBe(
      200,
    );
    list = (await json(await f.stack.fetch("/api/addresses", { token }))).items as {
      id: number;
      isDefault: boolean;
    }[];
    expect(list.map((a) => [a.id, a.isDefault])).toEqual([[first.id, true]]);
    const bad = await f.stack.fetch("/api/addresses", {
      method: "POST",
      token,
      json: { ...base, phone: "12345" },
    });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error?.message).toContain("手机号");
    expect(
      (await f.stack.fetch("/api/addresses", { method: "POST", token, json: { ...base, districtCode: "" } }))
        .status,
    ).toBe(400);
    expect(await f.count("SELECT count(*) AS n FROM addresses WHERE detail = '建国路 88 号'")).toBe(1);
  });
});

describe("quote and order creation", () => {
  it("prices on the server with the merchant's shipping rule; client prices are ignored", async () => {
    const settings = {
      shipping: { flatFeeFen: 1_500, freeOverFen: 100_000 },
      autoCancelMinutes: 30,
      autoCompleteDays: 10,
    };
    expect(
      (await f.stack.fetch("/api/admin/shop-settings", { method: "PUT", token: f.merchant, json: settings }))
        .status,
    ).toBe(200);
    const sku = await f.createSku(30_000, 10);
    const { token } = await f.newShopper("报价买家");
    const quote = async (quantity: number) =>
      json(
        await f.stack.fetch("/api/checkout/quote", {
          method: "POST",
          token,
          json: { items: [{ skuId: sku, quantity, unitPriceFen: 1, priceFen: 1 }], payableFen: 1 },
        }),
      );
    expect(await quote(2)).toMatchObject({
      itemsTotalFen: 60_000,
      shippingFen: 1_500,
      discountFen: 0,
      payableFen: 61_500,
      orderable: true,
    });
    const free = await quote(4);
    expect(free).toMatchObject({ itemsTotalFen: 120_000, shippingFen: 0, payableFen: 120_000 });
    expect((free.adjustments as { step: string; label: string }[])[0]).toMatchObject({
      step: "shipping.rule",
      label: "满1000.00元包邮",
    });

    // The price changes between quote and order: the order is recomputed.
    const productId = Number(
      (await f.stack.sql.execute({ sql: "SELECT product_id FROM skus WHERE id = ?", args: [sku] })).rows[0]!
        .product_id,
    );
    const product = await json(
      await f.stack.fetch(`/api/admin/products/${productId}`, { token: f.merchant }),
    );
    const skus = (product.skus as Record<string, unknown>[]).map((s) => ({ ...s, priceFen: 35_000 }));
    expect(
      (
        await f.stack.fetch(`/api/admin/products/${productId}`, {
          method: "PATCH",
          token: f.merchant,
          json: { skus },
        })
      ).status,
    ).toBe(200);
    const order = await json(await f.placeOrder(token, [{ skuId: sku, quantity: 2 }]));
    expect(order).toMatchObject({ itemsTotalFen: 70_000, shippingFen: 1_500, payableFen: 71_500 });
    expect((order.items as { unitPriceFen: number; name: string }[])[0]).toMatchObject({
      unitPriceFen: 35_000,
    });
    await f.stack.fetch("/api/admin/shop-settings", {
      method: "PUT",
      token: f.merchant,
      json: { ...settings, shipping: { flatFeeFen: 0, freeOverFen: null } },
    });
  });

  it("ordering from the cart takes the selected lines and removes them from the cart", async () => {
    const a = await f.createSku(1_000, 5);
    const b = await f.createSku(2_000, 5);
    const { token } = await f.newShopper("从购物车下单");
    await f.stack.fetch("/api/cart/items", { method: "POST", token, json: { skuId: a, quantity: 2 } });
    await f.stack.fetch("/api/cart/items", { method: "POST", token, json: { skuId: b, quantity: 1 } });
    await f.stack.fetch(`/api/cart/items/${b}`, { method: "PATCH", token, json: { selected: false } });
    const res = await f.stack.fetch("/api/orders", {
      method: "POST",
      token,
      json: {},
      headers: { "idempotency-key": "from-cart-0001" },
    });
    expect(res.status).toBe(201);
    const order = await json(res);
    expect((order.items as { skuId: number; quantity: number }[]).map((i) => [i.skuId, i.quantity])).toEqual([
      [a, 2],
    ]);
    expect((await cartOf(token)).items.map((i) => i.skuId)).toEqual([b]);
  });

  it("is idempotent per shopper key, also for concurrent duplicates: one order, stock held once", async () => {
    const sku = await f.createSku(5_000, 10);
    const { token } = await f.newShopper("重复提交的买家");
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => f.placeOrder(token, [{ skuId: sku, quantity: 3 }], "same-key-123456")),
    );
    const bodies = await Promise.all(responses.map(json));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(responses.map((r) => r.status).filter((s) => s === 201)).toHaveLength(1);
    expect(responses.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(await f.stockOf(sku)).toMatchObject({ available: 7, reserved: 3 });
    // A retry later returns the same order; another shopper's identical key is a different order.
    expect((await json(await f.placeOrder(token, [{ skuId: sku, quantity: 1 }], "same-key-123456"))).id).toBe(
      bodies[0]!.id,
    );
    const other = await f.newShopper("另一个买家");
    expect(
      (await json(await f.placeOrder(other.token, [{ skuId: sku, quantity: 1 }], "same-key-123456"))).id,
    ).not.toBe(bodies[0]!.id);
    expect(await f.stockOf(sku)).toMatchObject({ available: 6, reserved: 4 });
  });

  it("compensates: when the order batch fails after stock was reserved, the hold is released", async () => {
    const sku = await f.createSku(7_000, 3);
    const { token } = await f.newShopper("写入失败的买家");
    const before = await f.count("SELECT count(*) AS n FROM orders");
    // Fault injection: the timeline table is unavailable, so the write batch fails after the reservation.
    await f.stack.sql.execute("ALTER TABLE order_events RENAME TO order_events_away");
    let res: Response;
    try {
      res = await f.placeOrder(token, [{ skuId: sku, quantity: 2 }], "compensate-key-1");
    } finally {
      await f.stack.sql.execute("ALTER TABLE order_events_away RENAME TO order_events");
    }
    expect(res.status).toBe(500);
    expect(await f.count("SELECT count(*) AS n FROM orders")).toBe(before);
    expect(await f.count("SELECT count(*) AS n FROM order_requests")).toBe(0);
    expect(await f.stockOf(sku)).toMatchObject({ available: 3, reserved: 0 });
    // The same key works once the database is back.
    const retry = await f.placeOrder(token, [{ skuId: sku, quantity: 2 }], "compensate-key-1");
    expect(retry.status).toBe(201);
    expect(await f.stockOf(sku)).toMatchObject({ available: 1, reserved: 2 });
  });

  it("refuses an order it cannot fill: 409, nothing written, stock untouched", async () => {
    const a = await f.createSku(5_000, 5);
    const b = await f.createSku(5_000, 1);
    const { token } = await f.newShopper("买太多的买家");
    const before = await f.count("SELECT count(*) AS n FROM orders");
    const res = await f.placeOrder(token, [
      { skuId: a, quantity: 2 },
      { skuId: b, quantity: 2 },
    ]);
    expect(res.status).toBe(409);
    expect((await json(res)).error?.message).toMatch(/库存不足/);
    expect(await f.count("SELECT count(*) AS n FROM orders")).toBe(before);
    expect(await f.stockOf(a)).toMatchObject({ available: 5, reserved: 0 });
    expect(await f.stockOf(b)).toMatchObject({ available: 1, reserved: 0 });
    // Missing key, bad key, no address: 400 and nothing written.
    expect(
      (
        await f.stack.fetch("/api/orders", {
          method: "POST",
          token,
          json: { items: [{ skuId: a, quantity: 1 }] },
        })
      ).status,
    ).toBe(400);
    expect((await f.placeOrder(token, [{ skuId: a, quantity: 1 }], "bad key!")).status).toBe(400);
    const noAddress = await shopperToken(f.stack, "没有地址的买家");
    const r = await f.placeOrder(noAddress, [{ skuId: a, quantity: 1 }]);
    expect(r.status).toBe(409);
    expect((await json(r)).error?.message).toContain("收货地址");
    expect(await f.count("SELECT count(*) AS n FROM orders")).toBe(before);
  });
});

describe("order snapshots", () => {
  it("keep the name, spec and price the shopper bought after the merchant edits or delists the product", async () => {
    const skuId = await f.createSku(12_300, 5, "快照冰箱");
    const { token } = await f.newShopper("快照买家");
    const placed = await f.placeOrder(token, [{ skuId, quantity: 2 }]);
    expect(placed.status).toBe(201);
    const orderId = Number((await json(placed)).id);
    const itemsOf = async () =>
      (
        (await json(await f.stack.fetch(`/api/orders/${orderId}`, { token }))).items as Record<
          string,
          unknown
        >[]
      )[0]!;
    const before = await itemsOf();
    expect(before).toMatchObject({ skuId, unitPriceFen: 12_300, quantity: 2, lineTotalFen: 24_600 });

    const productId = Number(before.productId);
    const sku = (await f.stack.sql.execute({ sql: "SELECT sku_code FROM skus WHERE id = ?", args: [skuId] }))
      .rows[0]!;
    const edit = await f.stack.fetch(`/api/admin/products/${productId}`, {
      method: "PATCH",
      token: f.merchant,
      json: {
        name: "改名后的冰箱",
        skus: [{ id: skuId, skuCode: String(sku.sku_code), specs: { 颜色: "黑" }, priceFen: 99_900 }],
      },
    });
    expect(edit.status).toBe(200);
    const off = await f.stack.fetch(`/api/admin/products/${productId}/status`, {
      method: "POST",
      token: f.merchant,
      json: { status: "off_shelf" },
    });
    expect(off.status).toBe(200);

    expect(await itemsOf()).toEqual(before);

    // Subscribe messages link by order number: the owner finds it, anyone else gets the same 404.
    const orderNo = String((await json(await f.stack.fetch(`/api/orders/${orderId}`, { token }))).orderNo);
    const byNo = await json(await f.stack.fetch(`/api/orders/by-no/${orderNo}`, { token }));
    expect(byNo.id).toBe(orderId);
    const other = await f.newShopper("别人");
    const stranger = await f.stack.fetch(`/api/orders/by-no/${orderNo}`, { token: other.token });
    expect(stranger.status).toBe(404);
    expect(await json(stranger)).toMatchObject({ error: { code: "NOT_FOUND", message: "订单不存在" } });
    expect(String(before.name)).toMatch(/^快照冰箱/);
    expect(before.specs).toEqual({ 颜色: "白" });
  });
});
