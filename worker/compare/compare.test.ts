/** 商品对比 over HTTP in workerd: same-category products side by side; anything else is a clear 400. */
import { describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();

async function product(categoryId: number, code: string, attributes: Record<string, string | number>) {
  const res = await f.stack.fetch("/api/admin/products", {
    method: "POST",
    token: f.merchant,
    json: {
      categoryId,
      name: `对比电视${code}`,
      brand: "TCL",
      status: "on_sale",
      attributes,
      skus: [{ skuCode: code, specs: {}, priceFen: 299_900 }],
    },
  });
  expect(res.status).toBe(201);
  return Number((await json(res)).id);
}
async function category(name: string) {
  const res = await f.stack.fetch("/api/admin/categories", {
    method: "POST",
    token: f.merchant,
    json: { name },
  });
  return Number((await json(res)).id);
}

describe("GET /api/compare", () => {
  it("puts same-category products side by side in the order asked, marking differences", async () => {
    const tvs = await category("对比电视");
    const a = await product(tvs, "CMP-A", { screen_inch: 65, resolution: "4K" });
    const b = await product(tvs, "CMP-B", { screen_inch: 75, resolution: "4K", refresh_rate_hz: 120 });
    const res = await f.stack.fetch(`/api/compare?ids=${b},${a}`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect((body.products as { id: number }[]).map((p) => p.id)).toEqual([b, a]);
    expect(body.rows).toEqual([
      { key: "screen_inch", label: "屏幕尺寸", values: ["75英寸", "65英寸"], differs: true },
      { key: "resolution", label: "分辨率", values: ["4K", "4K"], differs: false },
      { key: "refresh_rate_hz", label: "刷新率", values: ["120Hz", "—"], differs: true },
    ]);

    const fridges = await category("对比冰箱");
    const c = await product(fridges, "CMP-C", { capacity_l: 500 });
    const mixed = await f.stack.fetch(`/api/compare?ids=${a},${c}`);
    expect(mixed.status).toBe(400);
    expect((await json(mixed)).error).toMatchObject({
      code: "NOT_COMPARABLE",
      message: "只能对比同一品类的商品",
    });
    expect((await f.stack.fetch(`/api/compare?ids=${a}`)).status).toBe(400);
    expect((await f.stack.fetch("/api/compare?ids=1,x")).status).toBe(400);
    expect((await f.stack.fetch(`/api/compare?ids=${a},999999`)).status).toBe(400);
  });
});
