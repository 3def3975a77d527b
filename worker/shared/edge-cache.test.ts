import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { CATALOG_TTL_S, cacheKey, etagMatches, etagOf, publicReadOf, STOCK_TTL_S } from "./edge-cache";
import { MemoRouter } from "./memo-router";

describe("publicReadOf", () => {
  it("lists the store's public reads, GET only", () => {
    expect(publicReadOf("GET", "/api/products")?.name).toBe("products");
    expect(publicReadOf("GET", "/api/products/12")?.name).toBe("product");
    expect(publicReadOf("GET", "/api/categories")?.ttlS).toBe(CATALOG_TTL_S);
    expect(publicReadOf("GET", "/api/home")?.name).toBe("home");
    expect(publicReadOf("HEAD", "/api/products")).toBeUndefined();
    expect(publicReadOf("POST", "/api/products")).toBeUndefined();
  });

  it("leaves out everything below a product and every shopper or admin path", () => {
    for (const path of [
      "/api/products/12/restock",
      "/api/products/abc",
      "/api/admin/products",
      "/api/admin/products/12",
      "/api/cart",
      "/api/me",
      "/api/products/",
    ])
      expect(publicReadOf("GET", path), path).toBeUndefined();
  });

  it("keeps reads that show stock for seconds only", () => {
    for (const path of ["/api/products", "/api/products/1", "/api/home"])
      expect(publicReadOf("GET", path)?.ttlS).toBe(STOCK_TTL_S);
    expect(STOCK_TTL_S).toBeLessThanOrEqual(10);
  });
});

describe("cacheKey", () => {
  it("sorts the query and keeps the entries under their own path prefix", () => {
    const a = cacheKey("https://shop.example.com/api/products?sort=price&categoryId=3");
    const b = cacheKey("https://shop.example.com/api/products?categoryId=3&sort=price");
    expect(a).toBe(b);
    expect(a).toBe("https://shop.example.com/__edge-cache/api/products?categoryId=3&sort=price");
  });

  it("keeps different values, repeated parameters and paths apart", () => {
    const key = (q: string) => cacheKey(`https://s.example/api/products${q}`);
    expect(key("?brand=海信")).not.toBe(key("?brand=TCL"));
    expect(key("?attr.a=1&attr.a=2")).toBe(key("?attr.a=2&attr.a=1"));
    expect(key("")).not.toBe(key("?q=x"));
    expect(cacheKey("https://s.example/api/products/1")).not.toBe(
      cacheKey("https://s.example/api/products/10"),
    );
  });
});

describe("ETags", () => {
  it("are strong, stable per body and differ between bodies", async () => {
    const a = await etagOf(new TextEncoder().encode('{"priceFen":100}'));
    expect(a).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(await etagOf(new TextEncoder().encode('{"priceFen":100}'))).toBe(a);
    expect(await etagOf(new TextEncoder().encode('{"priceFen":101}'))).not.toBe(a);
  });

  it("match If-None-Match lists, weak forms and *", () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches("*", '"abc"')).toBe(true);
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
    expect(etagMatches("", '"abc"')).toBe(false);
  });
});

describe("MemoRouter", () => {
  it("routes like Hono's default router, remembering each method and path, bounded", async () => {
    const router = new MemoRouter<never>(undefined, 3);
    const app = new Hono({ router });
    app.use("/api/*", async (c, next) => {
      await next();
      c.header("x-mw", "1");
    });
    app.get("/api/products/:id", (c) => c.text(`detail ${c.req.param("id")}`));
    app.post("/api/products/import", (c) => c.text("import"));
    const call = async (method: string, path: string) => {
      const res = await app.request(path, { method });
      return `${res.status} ${await res.text()} ${res.headers.get("x-mw")}`;
    };
    expect(await call("GET", "/api/products/7")).toBe("200 detail 7 1");
    expect(await call("GET", "/api/products/7")).toBe("200 detail 7 1");
    expect(await call("GET", "/api/products/8")).toBe("200 detail 8 1");
    expect(await call("POST", "/api/products/import")).toBe("200 import 1");
    expect(router.size).toBe(3);
    expect(await call("GET", "/api/products/9")).toBe("200 detail 9 1");
    expect(await call("GET", "/api/products/7")).toBe("200 detail 7 1");
    expect(router.size).toBe(3);
  });
});
