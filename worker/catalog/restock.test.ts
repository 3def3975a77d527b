/**
 * 已售 and 到货通知 through the real worker in workerd over HTTP: orders paid at the simulated gateway,
 * StockCounter publishes into libSQL. Waits poll for the asynchronous publish with a bound.
 */
import { describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();

async function productOfSku(skuId: number): Promise<number> {
  return Number(
    (await f.stack.sql.execute({ sql: "SELECT product_id FROM skus WHERE id = ?", args: [skuId] })).rows[0]!
      .product_id,
  );
}
// The row itself: the public product read may come from the edge cache for a few seconds.
const salesOf = (productId: number) =>
  f.count("SELECT sales_count AS n FROM products WHERE id = ?", [productId]);
const noticesOf = (shopperId: number, productId: number) =>
  f.count(
    "SELECT count(*) AS n FROM merchant_notifications WHERE audience = 'shopper' AND shopper_id = ? AND kind = 'back_in_stock' AND ref_id = ?",
    [shopperId, String(productId)],
  );
const shopperIdOf = async (nickname: string) =>
  Number(
    (await f.stack.sql.execute({ sql: "SELECT id FROM shoppers WHERE nickname = ?", args: [nickname] }))
      .rows[0]!.id,
  );

async function until(read: () => Promise<number>, want: number) {
  const deadline = Date.now() + 15_000;
  let got = await read();
  while (got !== want && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    got = await read();
  }
  return got;
}

describe("已售: paid units per product, through the order events", () => {
  it("counts a paid order once (a duplicate notification adds nothing); a paid order cancelled before shipping is taken back", async () => {
    const skuId = await f.createSku(59_900, 10, "已售测试");
    const productId = await productOfSku(skuId);
    expect(await salesOf(productId)).toBe(0);
    const { token } = await f.newShopper("已售顾客");
    const order = await json(await f.placeOrder(token, [{ skuId, quantity: 3 }]));
    await f.startPaying(token, Number(order.id), "wechat");
    expect((await f.payAtGateway("wechat", String(order.orderNo))).status).toBe(200);
    expect(await until(() => salesOf(productId), 3)).toBe(3);

    const replay = await f.simControl("/_sim/notify/replay", {
      method: "wechat",
      outTradeNo: order.orderNo,
      variant: "duplicate",
    });
    expect(replay.status).toBe(200);
    expect(await salesOf(productId)).toBe(3);

    const cancelled = await f.stack.fetch(`/api/admin/orders/${order.id}/cancel`, {
      method: "POST",
      token: f.merchant,
      json: { reason: "缺货" },
    });
    expect(cancelled.status).toBe(200);
    expect(await salesOf(productId)).toBe(0);
  });
});

describe("到货通知", () => {
  it("a cancellation that releases the last unit tells the waiting shopper once; repeated publishes add nothing", async () => {
    const skuId = await f.createSku(12_300, 1, "到货测试");
    const productId = await productOfSku(skuId);
    const holder = await f.newShopper("占货顾客");
    const held = await json(await f.placeOrder(holder.token, [{ skuId, quantity: 1 }]));
    const waiting = await f.newShopper("等货顾客");
    const waitingId = await shopperIdOf("等货顾客");

    // The snapshot shows 0 once the hold is published; then the sold-out SKU can be subscribed to.
    const subscribe = () =>
      f.stack.fetch("/api/restock-subscriptions", { method: "POST", token: waiting.token, json: { skuId } });
    expect(await until(async () => (await subscribe()).status, 200)).toBe(200);
    expect((await subscribe()).status).toBe(200); // twice = once
    const pending = await json(
      await f.stack.fetch(`/api/restock-subscriptions?productId=${productId}`, { token: waiting.token }),
    );
    expect(pending.skuIds).toEqual([skuId]);

    const cancel = await f.stack.fetch(`/api/orders/${held.id}/cancel`, {
      method: "POST",
      token: holder.token,
      json: {},
    });
    expect(cancel.status).toBe(200);
    expect(await until(() => noticesOf(waitingId, productId), 1)).toBe(1);
    // The subscribe message is recorded too (local mode: no WeChat credentials), under the same key.
    expect(
      await f.count(
        "SELECT count(*) AS n FROM wechat_subscribe_messages WHERE shopper_id = ? AND template_key = 'back_in_stock' AND page = ?",
        [waitingId, `pages/product/detail?id=${productId}`],
      ),
    ).toBe(1);

    // More publishes with stock (concurrent restocks) never announce the same subscription again.
    await Promise.all([3, 4, 5].map((n) => f.setStock(skuId, n)));
    // Whichever adjustment landed last, its snapshot has been published once it shows 3–5 units.
    const published = async () =>
      (await f.count("SELECT available AS n FROM stock_snapshots WHERE sku_id = ?", [skuId])) >= 3 ? 1 : 0;
    expect(await until(published, 1)).toBe(1);
    expect(await noticesOf(waitingId, productId)).toBe(1);
    expect(
      (
        await json(
          await f.stack.fetch(`/api/restock-subscriptions?productId=${productId}`, { token: waiting.token }),
        )
      ).skuIds,
    ).toEqual([]);
  });

  it("a merchant restock tells every waiting shopper once; an in-stock SKU cannot be subscribed to", async () => {
    const skuId = await f.createSku(45_600, 0, "补货测试");
    const productId = await productOfSku(skuId);
    const a = await f.newShopper("补货甲");
    const b = await f.newShopper("补货乙");
    for (const s of [a, b])
      expect(
        (
          await f.stack.fetch("/api/restock-subscriptions", {
            method: "POST",
            token: s.token,
            json: { skuId },
          })
        ).status,
      ).toBe(200);
    await f.setStock(skuId, 2);
    for (const name of ["补货甲", "补货乙"]) {
      const id = await shopperIdOf(name);
      expect(await until(() => noticesOf(id, productId), 1)).toBe(1);
    }
    const notice = await json(await f.stack.fetch("/api/notifications", { token: a.token }));
    expect((notice.items as { title: string; body: string }[])[0]).toMatchObject({
      title: "到货通知",
      body: expect.stringContaining("补货测试"),
    });

    const refused = await f.stack.fetch("/api/restock-subscriptions", {
      method: "POST",
      token: a.token,
      json: { skuId },
    });
    expect(refused.status).toBe(409);
    expect((await json(refused)).error?.code).toBe("IN_STOCK");
    // The shopper's label (edge-cached up to a few seconds) leaves 暂时缺货 too.
    const inStock = async () => {
      const detail = await json(await f.stack.fetch(`/api/products/${productId}`));
      return (detail.skus as { availability: { label: string } }[])[0]!.availability.label === "暂时缺货"
        ? 0
        : 1;
    };
    expect(await until(inStock, 1)).toBe(1);
  });
});
