/**
 * 收藏, 足迹 and 猜你喜欢 over HTTP in workerd: saving is idempotent and per shopper, a draft or missing
 * product cannot be saved, footprints keep the latest visit per product, and the recommendations follow
 * what this shopper looked at (and never what someone else did).
 */
import { describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();
let skuSeq = 0;

type Page = { items: { id: number; onSale: boolean; at: number }[]; nextCursor: string | null };

async function newCategory(name: string): Promise<number> {
  const res = await f.stack.fetch("/api/admin/categories", {
    method: "POST",
    token: f.merchant,
    json: { name },
  });
  expect(res.status).toBe(201);
  return Number((await json(res)).id);
}

async function categoryProduct(categoryId: number, name: string, priceFen = 199_900): Promise<number> {
  const res = await f.stack.fetch("/api/admin/products", {
    method: "POST",
    token: f.merchant,
    json: {
      categoryId,
      name,
      brand: "海信",
      status: "on_sale",
      attributes: {},
      skus: [{ skuCode: `R-${categoryId}-${++skuSeq}`, specs: { 颜色: "黑" }, priceFen }],
    },
  });
  expect(res.status).toBe(201);
  return Number((await json(res)).id);
}

const productIdOfSku = async (skuId: number) =>
  Number(
    (await f.stack.sql.execute({ sql: "SELECT product_id FROM skus WHERE id = ?", args: [skuId] })).rows[0]!
      .product_id,
  );

describe("收藏与足迹", () => {
  it("saving is idempotent, per shopper, and refuses products that do not exist", async () => {
    const a = await f.newShopper("收藏者");
    const b = await f.newShopper("旁人");
    const productId = await productIdOfSku(await f.createSku(99_900, 1));
    const put = () => f.stack.fetch(`/api/me/favorites/${productId}`, { method: "PUT", token: a.token });
    const results = await Promise.all([put(), put(), put()]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await f.count("SELECT count(*) AS n FROM favorites WHERE product_id = ?", [productId])).toBe(1);

    expect(await json(await f.stack.fetch(`/api/me/favorites/${productId}`, { token: a.token }))).toEqual({
      favorited: true,
    });
    expect(await json(await f.stack.fetch(`/api/me/favorites/${productId}`, { token: b.token }))).toEqual({
      favorited: false,
    });
    const mine = (await json(
      await f.stack.fetch("/api/me/favorites", { token: a.token }),
    )) as unknown as Page;
    expect(mine.items.map((i) => i.id)).toEqual([productId]);
    expect((await json(await f.stack.fetch("/api/me/favorites", { token: b.token }))).items).toEqual([]);

    // Taken off the shelf: still listed, marked.
    await f.stack.fetch(`/api/admin/products/${productId}/status`, {
      method: "POST",
      token: f.merchant,
      json: { status: "off_shelf" },
    });
    const after = (await json(
      await f.stack.fetch("/api/me/favorites", { token: a.token }),
    )) as unknown as Page;
    expect(after.items[0]).toMatchObject({ id: productId, onSale: false });

    const missing = await f.stack.fetch("/api/me/favorites/999999", { method: "PUT", token: a.token });
    expect(missing.status).toBe(404);
    expect((await f.stack.fetch(`/api/me/favorites/${productId}`, { method: "PUT" })).status).toBe(401);

    expect(
      await json(await f.stack.fetch(`/api/me/favorites/${productId}`, { method: "DELETE", token: a.token })),
    ).toEqual({
      favorited: false,
    });
    expect(await f.count("SELECT count(*) AS n FROM favorites WHERE product_id = ?", [productId])).toBe(0);
  });

  it("足迹 keeps the latest visit per product, newest first, and can be cleared", async () => {
    const s = await f.newShopper("逛逛");
    const p1 = await productIdOfSku(await f.createSku(10_000, 1));
    const p2 = await productIdOfSku(await f.createSku(20_000, 1));
    const view = (productId: number) =>
      f.stack.fetch("/api/me/footprints", { method: "POST", token: s.token, json: { productId } });
    expect((await view(p1)).status).toBe(200);
    expect((await view(p2)).status).toBe(200);
    expect((await view(p1)).status).toBe(200);
    const page = (await json(
      await f.stack.fetch("/api/me/footprints", { token: s.token }),
    )) as unknown as Page;
    expect(page.items.map((i) => i.id)).toEqual([p1, p2]);
    expect((await view(987654)).status).toBe(200); // a product that does not exist leaves nothing
    expect(await f.count("SELECT count(*) AS n FROM product_views WHERE product_id = 987654")).toBe(0);
    expect(
      (
        await f.stack.fetch("/api/me/footprints", {
          method: "POST",
          token: s.token,
          json: { productId: "x" },
        })
      ).status,
    ).toBe(400);

    await f.stack.fetch(`/api/me/footprints?productId=${p2}`, { method: "DELETE", token: s.token });
    expect(
      (
        (await json(await f.stack.fetch("/api/me/footprints", { token: s.token }))) as unknown as Page
      ).items.map((i) => i.id),
    ).toEqual([p1]);
    await f.stack.fetch("/api/me/footprints", { method: "DELETE", token: s.token });
    expect((await json(await f.stack.fetch("/api/me/footprints", { token: s.token }))).items).toEqual([]);
  });
});

describe("猜你喜欢", () => {
  it("follows what this shopper looked at and saved, leaves out what the page shows, and is private", async () => {
    const tvs = await newCategory("推荐测试电视");
    const tv1 = await categoryProduct(tvs, "推荐电视A");
    const tv2 = await categoryProduct(tvs, "推荐电视B");
    const tv3 = await categoryProduct(tvs, "推荐电视C");
    const s = await f.newShopper("看电视的人");
    await f.stack.fetch("/api/me/footprints", { method: "POST", token: s.token, json: { productId: tv1 } });
    await f.stack.fetch(`/api/me/favorites/${tv2}`, { method: "PUT", token: s.token });

    const res = await f.stack.fetch(`/api/recommendations?limit=3&exclude=${tv1}`, { token: s.token });
    expect(res.headers.get("cache-control")).toContain("no-store");
    const mine = (await json(res)).items as { id: number; reason: string }[];
    expect(
      mine
        .map((i) => i.id)
        .slice(0, 2)
        .sort(),
    ).toEqual([tv2, tv3].sort());
    expect(mine.map((i) => i.id)).not.toContain(tv1);
    expect(mine.find((i) => i.id === tv3)!.reason).toBe("收藏过同类");

    // Someone else's interest does not leak: an anonymous visitor gets best sellers, labelled so.
    const anon = (await json(await f.stack.fetch("/api/recommendations?limit=5"))).items as {
      reason: string;
    }[];
    expect(anon.every((i) => i.reason === "热销")).toBe(true);
    expect((await f.stack.fetch("/api/recommendations?exclude=1;DROP")).status).toBe(400);
  });
});
