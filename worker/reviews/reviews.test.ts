/**
 * 评价 over HTTP in workerd: only the buyer, only after the goods arrived, once per line (also when sent
 * twice at once); photos must be the shopper's own uploads; totals follow hiding; replies show.
 */
import { describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
  (ch) => ch.charCodeAt(0),
);

async function receivedOrder(nickname: string) {
  const skuId = await f.createSku(299_900, 5, "评价冰箱");
  const s = await f.newShopper(nickname);
  const o = await json(await f.placeOrder(s.token, [{ skuId, quantity: 1 }]));
  const id = Number(o.id);
  await f.startPaying(s.token, id, "wechat");
  await f.payAtGateway("wechat", String(o.orderNo));
  const detail = await json(await f.stack.fetch(`/api/orders/${id}`, { token: s.token }));
  const item = (detail.items as { id: number; productId: number }[])[0]!;
  return { ...s, id, itemId: item.id, productId: item.productId };
}

const review = (token: string, body: unknown) =>
  f.stack.fetch("/api/reviews", { method: "POST", token, json: body });

async function upload(token: string) {
  const res = await f.stack.fetch("/api/after-sales/photos", {
    method: "POST",
    token,
    body: PNG,
    headers: { "content-type": "image/png" },
  });
  expect(res.status).toBe(201);
  return String((await json(res)).key);
}

describe("评价", () => {
  it("the buyer reviews a received line once; others and too-early attempts are refused", async () => {
    const o = await receivedOrder("评价买家");
    // Paid, not received yet.
    const early = await review(o.token, { orderItemId: o.itemId, rating: 5, content: "很好" });
    expect(early.status).toBe(409);
    expect((await json(early)).error).toMatchObject({
      code: "NOT_REVIEWABLE",
      message: "收到商品后才能评价",
    });

    await f.stack.fetch(`/api/admin/orders/${o.id}/ship`, {
      method: "POST",
      token: f.merchant,
      json: { carrier: "顺丰速运", trackingNo: "SF1234567890" },
    });
    expect(
      (await f.stack.fetch(`/api/orders/${o.id}/confirm-receipt`, { method: "POST", token: o.token })).status,
    ).toBe(200);

    const pending = await json(await f.stack.fetch("/api/reviews/pending", { token: o.token }));
    expect((pending.items as { orderItemId: number }[]).map((i) => i.orderItemId)).toEqual([o.itemId]);

    // Someone else cannot review this line, nor cite another shopper's photo.
    const other = await f.newShopper("路人");
    expect((await review(other.token, { orderItemId: o.itemId, rating: 5 })).status).toBe(404);
    const theirs = await upload(other.token);
    const stolen = await review(o.token, { orderItemId: o.itemId, rating: 5, photos: [theirs] });
    expect(stolen.status).toBe(400);
    // A low rating needs a reason: the error names the field.
    const bare = await review(o.token, { orderItemId: o.itemId, rating: 1, content: "差" });
    expect((await json(bare)).error).toMatchObject({ details: [{ path: "content" }] });
    expect(await f.count("SELECT count(*) AS n FROM reviews")).toBe(0);

    const photo = await upload(o.token);
    const body = { orderItemId: o.itemId, rating: 4, content: "制冷快，很安静", photos: [photo] };
    const twice = await Promise.all([review(o.token, body), review(o.token, body)]);
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409]);

    const page = await json(await f.stack.fetch(`/api/products/${o.productId}/reviews`));
    expect(page.stats).toEqual({ count: 1, averageRating: 4, goodRatePercent: 100, withPhotos: 1 });
    expect(page.items).toEqual([
      expect.objectContaining({
        author: "评**家",
        rating: 4,
        content: "制冷快，很安静",
        photos: [`/api/after-sales/photos/${photo}`],
      }),
    ]);
    expect((await json(await f.stack.fetch("/api/reviews/pending", { token: o.token }))).items).toEqual([]);

    // The merchant replies, then hides it: the totals follow.
    const id = Number((page.items as { id: number }[])[0]!.id);
    await f.stack.fetch(`/api/admin/reviews/${id}/reply`, {
      method: "POST",
      token: f.merchant,
      json: { content: "感谢支持！" },
    });
    const replied = await json(await f.stack.fetch(`/api/products/${o.productId}/reviews?filter=photos`));
    expect((replied.items as { reply: string }[])[0]!.reply).toBe("感谢支持！");
    expect(
      (await json(await f.stack.fetch(`/api/products/${o.productId}/reviews?filter=bad`))).items,
    ).toEqual([]);
    await f.stack.fetch(`/api/admin/reviews/${id}/visibility`, {
      method: "POST",
      token: f.merchant,
      json: { visible: false },
    });
    const hidden = await json(await f.stack.fetch(`/api/products/${o.productId}/reviews`));
    expect(hidden).toMatchObject({ stats: { count: 0, averageRating: null }, items: [] });
    expect((await f.stack.fetch("/api/admin/reviews", { token: o.token })).status).toBe(403);
  }, 60_000);
});
