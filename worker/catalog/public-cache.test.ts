/**
 * The store's public reads through the edge cache (worker/shared/edge-cache.ts), in workerd over HTTP:
 * ETag and 304, hits from the Workers Cache API, a merchant's price change visible on the very next
 * request, stock labels fresh within seconds, the same bytes whoever asks (nothing shopper-specific is
 * kept), and Cache-Control on public and private answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, shopperToken, staffToken, startStack } from "../../test/harness";
import { STOCK_TTL_S } from "../shared/edge-cache";

let stack: Stack;
let merchant: string;
let shopper: string;
let productId: number;
let categoryId: number;
let sku: { id: number; skuCode: string };

type Json = Record<string, unknown>;

async function get(path: string, init: { token?: string; headers?: Record<string, string> } = {}) {
  const res = await stack.fetch(path, init);
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: text ? (JSON.parse(text) as Json) : undefined,
  };
}

const admin = async (path: string, method: string, json: unknown) => {
  const res = await stack.fetch(`/api/admin${path}`, { method, token: merchant, json });
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return (await res.json()) as Json;
};

const setPrice = (priceFen: number) =>
  admin(`/products/${productId}`, "PATCH", {
    skus: [{ id: sku.id, skuCode: sku.skuCode, specs: { 容量: "500L" }, priceFen }],
  });

beforeAll(async () => {
  stack = await startStack();
  [merchant, shopper] = await Promise.all([staffToken(stack, "merchant_admin"), shopperToken(stack, "缓存")]);
  const category = (await admin("/categories", "POST", { name: "冰箱", sortOrder: 1 })) as { id: number };
  const product = (await admin("/products", "POST", {
    categoryId: category.id,
    name: "海尔 冰箱 500L",
    brand: "海尔",
    status: "on_sale",
    skus: [{ skuCode: "CACHE-500", specs: { 容量: "500L" }, priceFen: 399_900 }],
  })) as { id: number; skus: { id: number; skuCode: string }[] };
  productId = product.id;
  categoryId = category.id;
  sku = product.skus[0]!;
  await admin(`/inventory/skus/${sku.id}/adjustments`, "POST", {
    mode: "set",
    available: 50,
    reason: "测试",
  });
});

afterAll(() => stack?.close());

describe("edge cache of the store's public reads", () => {
  it("answers from the cache the second time, with the same ETag and Cache-Control: public, no-cache", async () => {
    const first = await get("/api/categories");
    expect(first.status).toBe(200);
    expect(first.headers.get("x-edge-cache")).toBe("miss");
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    expect(first.headers.get("etag")).toMatch(/^"[\w-]{22}"$/);
    expect(first.headers.get("content-type")).toContain("application/json");
    expect(first.headers.get("x-request-id")).toBeTruthy();
    const second = await get("/api/categories");
    expect(second.headers.get("x-edge-cache")).toBe("hit");
    expect(second.text).toBe(first.text);
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(second.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
  });

  it("returns 304 without a body for an unchanged resource, and 200 once it changed", async () => {
    const page = `/api/products/${productId}`;
    const first = await get(page);
    const etag = first.headers.get("etag")!;
    const again = await get(page, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect((await get("/api/products", { headers: { "if-none-match": etag } })).status).toBe(200);

    await setPrice(389_900);
    const changed = await get(page, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.body!.priceFen).toBe(389_900);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("never serves an entry kept at an older catalog version: a renamed category shows at once", async () => {
    const names = async () => {
      const r = await get("/api/categories");
      const list = r.body as unknown as
        | { id: number; name: string }[]
        | { items: { id: number; name: string }[] };
      const items = Array.isArray(list) ? list : list.items;
      return { state: r.headers.get("x-edge-cache"), name: items.find((c) => c.id === categoryId)?.name };
    };
    await names();
    expect(await names()).toEqual({ state: "hit", name: "冰箱" });
    await admin(`/categories/${categoryId}`, "PUT", { name: "冰箱冷柜", sortOrder: 1 });
    // Kept for an hour, but from the version before the rename: read again (and kept anew).
    expect(await names()).toEqual({ state: "stale", name: "冰箱冷柜" });
    expect(await names()).toEqual({ state: "hit", name: "冰箱冷柜" });
    await admin(`/categories/${categoryId}`, "PUT", { name: "冰箱", sortOrder: 1 });
  });

  it("shows a merchant's price change on the very next request, in detail and list", async () => {
    const list = `/api/products?brand=${encodeURIComponent("海尔")}`;
    const page = `/api/products/${productId}`;
    await get(page);
    await get(list);
    const cached = await get(page);
    expect(cached.headers.get("x-edge-cache")).toBe("hit");
    expect((await get(list)).headers.get("x-edge-cache")).toBe("hit");

    for (const price of [359_900, 349_900, 369_900]) {
      await setPrice(price);
      const detail = await get(page);
      // The kept answer is from an older catalog version: never served, read again and kept anew
      // (a miss if its 5 s stock TTL ran out first on a slow machine).
      expect(["stale", "miss"]).toContain(detail.headers.get("x-edge-cache"));
      expect(detail.body!.priceFen).toBe(price);
      expect((detail.body!.skus as { priceFen: number }[])[0]!.priceFen).toBe(price);
      const items = (await get(list)).body!.items as { id: number; priceFen: number }[];
      expect(items.find((p) => p.id === productId)?.priceFen).toBe(price);
      const again = await get(page);
      expect(again.headers.get("x-edge-cache")).toBe("hit");
      expect(again.body!.priceFen).toBe(price);
    }
    // Off the shelf: gone at once, and the 404 is not kept.
    await admin(`/products/${productId}`, "PATCH", { status: "off_shelf" });
    const gone = await get(page);
    expect(gone.status).toBe(404);
    expect(gone.headers.get("x-edge-cache")).toBeNull();
    await admin(`/products/${productId}`, "PATCH", { status: "on_sale" });
    expect((await get(page)).status).toBe(200);
  });

  it("serves a signed-in shopper exactly the anonymous bytes, and keeps nothing of the shopper", async () => {
    const page = `/api/products/${productId}`;
    const anonymous = await get(page);
    const signedIn = await get(page, { token: shopper });
    expect(signedIn.text).toBe(anonymous.text);
    expect(signedIn.headers.get("etag")).toBe(anonymous.headers.get("etag"));
    // An invalid token changes nothing either: these reads never look at who asks.
    expect((await get(page, { token: "not-a-token" })).text).toBe(anonymous.text);
    for (const path of ["/api/home", "/api/categories", "/api/products", "/api/brands"]) {
      const a = await get(path);
      const b = await get(path, { token: shopper });
      expect(b.text, path).toBe(a.text);
    }
    // The shopper's own reads are never public and never kept.
    const me = await get("/api/me", { token: shopper });
    expect(me.status).toBe(200);
    expect(me.headers.get("cache-control")).toBe("private, no-store");
    expect(me.headers.get("x-edge-cache")).toBeNull();
    expect(me.headers.get("etag")).toBeNull();
    const cart = await get("/api/cart", { token: shopper });
    expect(cart.headers.get("cache-control")).toBe("private, no-store");
  });

  it("keeps stock labels fresh: a sell-out shows within the stock TTL, without any catalog edit", async () => {
    const page = `/api/products/${productId}`;
    expect(((await get(page)).body!.availability as { status: string }).status).toBe("in_stock");
    const setAt = Date.now();
    await admin(`/inventory/skus/${sku.id}/adjustments`, "POST", {
      mode: "set",
      available: 0,
      reason: "售罄",
    });
    let status = "";
    while (Date.now() - setAt < (STOCK_TTL_S + 3) * 1000) {
      status = ((await get(page)).body!.availability as { status: string }).status;
      if (status === "sold_out") break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe("sold_out");
    expect(Date.now() - setAt).toBeLessThan((STOCK_TTL_S + 3) * 1000);
  });
});
