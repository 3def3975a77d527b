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

async function paidOrder(nickname: string, skuId?: number) {
  skuId ??= await f.createSku(299_900, 5, "评价冰箱");
  const s = await f.newShopper(nickname);
  const o = await json(await f.placeOrder(s.token, [{ skuId, quantity: 1 }]));
  const id = Number(o.id);
  await f.startPaying(s.token, id, "wechat");
  await f.payAtGateway("wechat", String(o.orderNo));
  const detail = await json(await f.stack.fetch(`/api/orders/${id}`, { token: s.token }));
  const item = (detail.items as { id: number; productId: number }[])[0]!;
  return { ...s, id, itemId: item.id, productId: item.productId };
}

/** Paid, shipped and signed for by its shopper: ready to review. */
async function arrivedOrder(nickname: string, skuId: number) {
  const o = await paidOrder(nickname, skuId);
  await f.stack.fetch(`/api/admin/orders/${o.id}/ship`, {
    method: "POST",
    token: f.merchant,
    json: { carrier: "顺丰速运", trackingNo: `SF${o.id}000000` },
  });
  const done = await f.stack.fetch(`/api/orders/${o.id}/confirm-receipt`, { method: "POST", token: o.token });
  expect(done.status).toBe(200);
  return o;
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
    const o = await paidOrder("评价买家");
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

  it("product cards show 评价数 and 好评率 from the review totals; none yet is 0 and null", async () => {
    const reviewedSku = await f.createSku(199_900, 10, "口碑冰箱");
    const plainSku = await f.createSku(189_900, 10, "新品冰箱");
    const buyers = await Promise.all(["甲顾客", "乙顾客", "丙顾客"].map((n) => arrivedOrder(n, reviewedSku)));
    const reviewed = buyers[0]!.productId;
    const plain = Number(
      (await f.stack.sql.execute({ sql: "SELECT product_id AS id FROM skus WHERE id = ?", args: [plainSku] }))
        .rows[0]!.id,
    );
    const categoryId = Number(
      (
        await f.stack.sql.execute({
          sql: "SELECT category_id AS c FROM products WHERE id = ?",
          args: [reviewed],
        })
      ).rows[0]!.c,
    );
    type Card = { id: number; reviewCount: number; goodRatePercent: number | null };
    const listUrl = `/api/products?categoryId=${categoryId}&limit=50`;
    const cardsOf = async (url: string, token?: string, key = "items") => {
      const res = await f.stack.fetch(url, token ? { token } : {});
      expect(res.status).toBe(200);
      const items = (await json(res))[key] as Card[];
      const pick = (id: number) => {
        const c = items.find((i) => i.id === id);
        return c && { reviewCount: c.reviewCount, goodRatePercent: c.goodRatePercent };
      };
      return { reviewed: pick(reviewed), plain: pick(plain) };
    };
    const none = { reviewCount: 0, goodRatePercent: null };
    // Before any review (this answer now sits in the edge cache for STOCK_TTL_S).
    expect(await cardsOf(listUrl)).toEqual({ reviewed: none, plain: none });

    // Two 好评 and one 差评 through the real API: 3 reviews, 67 % good.
    const ratings = [5, 4, 2];
    const written = await Promise.all(
      buyers.map((b, i) =>
        review(b.token, { orderItemId: b.itemId, rating: ratings[i], content: "用了一周，说说感受" }),
      ),
    );
    expect(written.map((r) => r.status)).toEqual([201, 201, 201]);
    const expected = { reviewed: { reviewCount: 3, goodRatePercent: 67 }, plain: none };

    // Review writes do not bump the catalog revision: the list's short edge TTL (STOCK_TTL_S = 5 s, as for
    // 已售 and stock labels) brings the new totals, so the list shows them within that time.
    const since = Date.now();
    let listed = await cardsOf(listUrl);
    while (JSON.stringify(listed) !== JSON.stringify(expected) && Date.now() - since < 8_000) {
      await new Promise((r) => setTimeout(r, 500));
      listed = await cardsOf(listUrl);
    }
    expect(listed).toEqual(expected);
    // A query the cache has not seen shows them at once.
    expect(await cardsOf(`${listUrl}&sort=price_asc`)).toEqual(expected);

    // The other card surfaces carry the same figures from their own single read.
    const compare = await cardsOf(`/api/compare?ids=${reviewed},${plain}`, undefined, "products");
    expect(compare).toEqual(expected);
    expect(await cardsOf("/api/recommendations?limit=20")).toEqual(expected);
    const recommend = await f.stack.fetch("/api/admin/home/recommendations", {
      method: "PUT",
      token: f.merchant,
      json: { productIds: [reviewed, plain] },
    });
    expect(recommend.status).toBe(200);
    expect(await cardsOf("/api/home", undefined, "recommended")).toEqual(expected);
    const fan = buyers[0]!;
    for (const id of [reviewed, plain])
      expect(
        (await f.stack.fetch(`/api/me/favorites/${id}`, { method: "PUT", token: fan.token })).status,
      ).toBe(200);
    expect(await cardsOf("/api/me/favorites", fan.token)).toEqual(expected);

    // A hidden review leaves the totals: 2 of 2 good.
    const page = await json(await f.stack.fetch(`/api/products/${reviewed}/reviews?filter=bad`));
    const bad = Number((page.items as { id: number }[])[0]!.id);
    await f.stack.fetch(`/api/admin/reviews/${bad}/visibility`, {
      method: "POST",
      token: f.merchant,
      json: { visible: false },
    });
    expect((await cardsOf(`${listUrl}&sort=price_desc`)).reviewed).toEqual({
      reviewCount: 2,
      goodRatePercent: 100,
    });
  }, 90_000);
});
