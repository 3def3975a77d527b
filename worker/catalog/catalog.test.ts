/**
 * Catalog through the real worker in workerd over HTTP, against a real libSQL file:
 * merchant CRUD, validation (4xx, Chinese message, nothing written), role checks, shopper visibility,
 * images in R2, bulk import, and cursor pagination under concurrent inserts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, shopperToken, staffToken, startStack } from "../../test/harness";

let stack: Stack;
let merchant: string;
let agent: string;
let shopper: string;
let tvCategory: number;
let fridgeCategory: number;

type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: unknown } };
const json = async (res: Response) => (await res.json()) as Json;

const count = async (table: string) =>
  Number((await stack.sql.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

function tvInput(name: string, priceFen: number, extra: Record<string, unknown> = {}) {
  return {
    categoryId: tvCategory,
    name,
    brand: "海信",
    status: "on_sale",
    warrantyMonths: 36,
    attributes: { screen_inch: 65, resolution: "4K", energy_grade: 1 },
    skus: [
      {
        skuCode: `SKU-${name}-${priceFen}`.replace(/[^A-Za-z0-9._-]/g, "x"),
        specs: { 尺寸: "65英寸" },
        priceFen,
      },
    ],
    ...extra,
  };
}

async function createProduct(body: unknown) {
  const res = await stack.fetch("/api/admin/products", { method: "POST", token: merchant, json: body });
  const out = await json(res);
  if (res.status !== 201) throw new Error(`create failed ${res.status} ${JSON.stringify(out)}`);
  return out as Json & { id: number; skus: { id: number; skuCode: string }[] };
}

beforeAll(async () => {
  stack = await startStack();
  [merchant, agent, shopper] = await Promise.all([
    staffToken(stack, "merchant_admin"),
    staffToken(stack, "agent"),
    shopperToken(stack, "小王"),
  ]);
  const tv = await stack.fetch("/api/admin/categories", {
    method: "POST",
    token: merchant,
    json: { name: "电视", sortOrder: 1 },
  });
  tvCategory = ((await tv.json()) as { id: number }).id;
  const fr = await stack.fetch("/api/admin/categories", {
    method: "POST",
    token: merchant,
    json: { name: "冰箱", sortOrder: 2 },
  });
  fridgeCategory = ((await fr.json()) as { id: number }).id;
}, 90_000);

afterAll(() => stack?.close());

describe("roles", () => {
  it("admin routes need a merchant: none → 401, shopper or agent → 403", async () => {
    const body = tvInput("越权电视", 100);
    const anon = await stack.fetch("/api/admin/products", { method: "POST", json: body });
    expect(anon.status).toBe(401);
    expect((await json(anon)).error?.code).toBe("UNAUTHORIZED");
    for (const token of [shopper, agent]) {
      const res = await stack.fetch("/api/admin/products", { method: "POST", token, json: body });
      expect(res.status).toBe(403);
      expect((await json(res)).error?.message).toMatch(/权限/);
    }
    for (const path of [
      "/api/admin/categories",
      "/api/admin/images",
      "/api/admin/home/recommendations",
      "/api/admin/inventory/skus",
    ]) {
      const res = await stack.fetch(path, { method: "POST", token: agent, json: {} });
      expect(res.status, path).toBe(403);
    }
    // The catalog guard is scoped to its own paths: agents may still read orders.
    expect((await stack.fetch("/api/admin/orders", { token: agent })).status).toBe(200);
    const forged = await stack.fetch("/api/admin/products", {
      method: "GET",
      token: `${merchant.slice(0, -4)}AAAA`,
    });
    expect(forged.status).toBe(401);
    expect(await count("products")).toBe(0);
  });
});

describe("categories", () => {
  it("builds a tree, renames, refuses to delete a non-empty category, deletes an empty one", async () => {
    const post = (body: unknown) =>
      stack.fetch("/api/admin/categories", { method: "POST", token: merchant, json: body });
    const kitchen = (await json(await post({ name: "厨房电器", sortOrder: 5 }))) as Json & { id: number };
    const hood = (await json(await post({ name: "油烟机", parentId: kitchen.id }))) as Json & { id: number };
    expect((await post({ name: "孤儿", parentId: 99999 })).status).toBe(400);
    expect((await post({ name: "" })).status).toBe(400);

    const tree = (await json(await stack.fetch("/api/categories"))).items as {
      name: string;
      children: { name: string }[];
    }[];
    expect(tree.find((c) => c.name === "厨房电器")?.children.map((c) => c.name)).toEqual(["油烟机"]);

    const put = await stack.fetch(`/api/admin/categories/${hood.id}`, {
      method: "PUT",
      token: merchant,
      json: { name: "吸油烟机", parentId: kitchen.id },
    });
    expect((await json(put)).name).toBe("吸油烟机");

    const blocked = await stack.fetch(`/api/admin/categories/${kitchen.id}`, {
      method: "DELETE",
      token: merchant,
    });
    expect(blocked.status).toBe(409);
    expect((await json(blocked)).error?.code).toBe("CATEGORY_NOT_EMPTY");
    expect(
      (await stack.fetch(`/api/admin/categories/${hood.id}`, { method: "DELETE", token: merchant })).status,
    ).toBe(200);
    expect(
      (await stack.fetch(`/api/admin/categories/${kitchen.id}`, { method: "DELETE", token: merchant }))
        .status,
    ).toBe(200);
    expect(
      (await stack.fetch(`/api/admin/categories/${kitchen.id}`, { method: "DELETE", token: merchant }))
        .status,
    ).toBe(404);
  });
});

describe("validation writes nothing", () => {
  const cases: [string, () => unknown, RegExp][] = [
    ["missing name", () => ({ ...tvInput("x", 100), name: undefined }), /name/],
    ["negative price", () => tvInput("负价格电视", -5), /priceFen/],
    ["fractional fen", () => tvInput("小数电视", 99.5), /priceFen/],
    ["no SKU", () => ({ ...tvInput("无SKU电视", 100), skus: [] }), /SKU/],
    [
      "bad sku code",
      () => ({ ...tvInput("坏编码电视", 100), skus: [{ skuCode: "有 空格", specs: {}, priceFen: 1 }] }),
      /SKU 编码/,
    ],
    [
      "unknown attribute",
      () => ({ ...tvInput("怪属性电视", 100), attributes: { wifi_bars: 3 } }),
      /未知的商品属性/,
    ],
    [
      "bad energy grade",
      () => ({ ...tvInput("七级能效电视", 100), attributes: { energy_grade: 7 } }),
      /能效等级/,
    ],
    ["unknown category", () => ({ ...tvInput("无分类电视", 100), categoryId: 99999 }), /分类/],
  ];
  for (const [name, body, message] of cases) {
    it(name, async () => {
      const before = await count("products");
      const res = await stack.fetch("/api/admin/products", { method: "POST", token: merchant, json: body() });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const out = await json(res);
      expect(out.error?.message).toMatch(/[\u4e00-\u9fff]/);
      expect(JSON.stringify(out.error)).toMatch(message);
      expect(await count("products")).toBe(before);
      expect(await count("skus")).toBe(before === 0 ? 0 : await count("skus"));
    });
  }

  it("malformed JSON is a 400, not a 500", async () => {
    const res = await stack.fetch("/api/admin/products", {
      method: "POST",
      token: merchant,
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect((await json(res)).error?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("a SKU code taken by another product is refused and the second product is not written", async () => {
    await createProduct(
      tvInput("重复编码甲", 1000, { skus: [{ skuCode: "DUP-1", specs: {}, priceFen: 1000 }] }),
    );
    const before = await count("products");
    const res = await stack.fetch("/api/admin/products", {
      method: "POST",
      token: merchant,
      json: tvInput("重复编码乙", 1000, { skus: [{ skuCode: "DUP-1", specs: {}, priceFen: 1000 }] }),
    });
    expect(res.status).toBe(400);
    expect((await json(res)).error?.message).toBe("SKU 编码已被其他商品使用：DUP-1");
    expect(await count("products")).toBe(before);
  });

  it("each problem names its field, so the console can show it there", async () => {
    const before = await count("products");
    const res = await stack.fetch("/api/admin/products", {
      method: "POST",
      token: merchant,
      json: tvInput("多处错误电视", 1000, {
        attributes: { energy_grade: 9 },
        skus: [
          { skuCode: "FIELD-A", specs: { 颜色: "白" }, priceFen: 1000 },
          { skuCode: "DUP-1", specs: { 颜色: "灰" }, priceFen: 1000, originalPriceFen: 900 },
        ],
      }),
    });
    expect(res.status).toBe(400);
    expect((await json(res)).error?.details).toEqual(
      expect.arrayContaining([
        { path: "attributes.energy_grade", message: "能效等级必须是 1 到 5 之间的数字" },
        { path: "skus.1.originalPriceFen", message: "SKU DUP-1 的划线价不能低于售价" },
        { path: "skus.1.skuCode", message: "SKU 编码已被其他商品使用：DUP-1" },
      ]),
    );
    expect(await count("products")).toBe(before);
  });
});

describe("category attributes", () => {
  it("lists the attribute definitions and saves each category's choice of them", async () => {
    const defs = (await json(await stack.fetch("/api/admin/attributes", { token: merchant }))).items as {
      key: string;
      kind: string;
      unit: string | null;
      values: string[];
    }[];
    expect(defs.find((d) => d.key === "screen_inch")).toMatchObject({ kind: "number", unit: "英寸" });
    expect(defs.find((d) => d.key === "resolution")?.values).toEqual(["1080P", "4K", "8K"]);

    const put = (body: unknown) =>
      stack.fetch(`/api/admin/categories/${tvCategory}`, { method: "PUT", token: merchant, json: body });
    const saved = await put({ name: "电视", sortOrder: 1, attributeKeys: ["screen_inch", "resolution"] });
    expect(saved.status).toBe(200);
    expect((await json(saved)).attributeKeys).toEqual(["screen_inch", "resolution"]);

    // An unknown or repeated key is refused and the category keeps what it had.
    for (const attributeKeys of [["wifi_bars"], ["screen_inch", "screen_inch"]]) {
      const bad = await put({ name: "电视", sortOrder: 1, attributeKeys });
      expect(bad.status).toBe(400);
      expect((await json(bad)).error?.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const list = (await json(await stack.fetch("/api/admin/categories", { token: merchant }))).items as {
      id: number;
      attributeKeys: string[];
    }[];
    expect(list.find((c) => c.id === tvCategory)?.attributeKeys).toEqual(["screen_inch", "resolution"]);
    expect(list.find((c) => c.id === fridgeCategory)?.attributeKeys).toEqual([]);

    for (const path of ["/api/admin/categories", "/api/admin/attributes"])
      expect((await stack.fetch(path, { token: agent })).status, path).toBe(403);
  });
});

describe("products", () => {
  it("create, edit, publish and hide; shoppers only see on-sale products", async () => {
    const draft = await createProduct({
      ...tvInput("海信 E8 MiniLED 电视", 899_900),
      status: "draft",
      descriptionHtml:
        '<p onclick="steal()">好看<script>alert(1)</script><img src="x" onerror="alert(2)"></p>',
      skus: [
        { skuCode: "HX-E8-65", specs: { 尺寸: "65英寸" }, priceFen: 899_900, originalPriceFen: 999_900 },
        { skuCode: "HX-E8-75", specs: { 尺寸: "75英寸" }, priceFen: 1_199_900 },
      ],
    });
    expect(draft.minPriceFen).toBe(899_900);
    expect(String(draft.descriptionHtml)).not.toMatch(/script|onclick|onerror|alert/);
    expect(String(draft.descriptionHtml)).toContain("好看");

    expect((await stack.fetch(`/api/products/${draft.id}`)).status).toBe(404);

    const pub = await stack.fetch(`/api/admin/products/${draft.id}/status`, {
      method: "POST",
      token: merchant,
      json: { status: "on_sale" },
    });
    expect(pub.status).toBe(200);
    const detail = await json(await stack.fetch(`/api/products/${draft.id}`));
    expect(detail.name).toBe("海信 E8 MiniLED 电视");
    expect((detail.skus as unknown[]).length).toBe(2);
    expect(detail.specTable).toEqual(expect.arrayContaining([expect.objectContaining({ value: "65英寸" })]));

    // Dropping a SKU from an edit disables it (orders keep their snapshot), it is not deleted.
    const keep = draft.skus.find((s) => s.skuCode === "HX-E8-75")!;
    const edit = await stack.fetch(`/api/admin/products/${draft.id}`, {
      method: "PATCH",
      token: merchant,
      json: {
        name: "海信 E8Q 电视",
        skus: [{ id: keep.id, skuCode: "HX-E8-75", specs: { 尺寸: "75英寸" }, priceFen: 1_099_900 }],
      },
    });
    expect(edit.status).toBe(200);
    const after = await json(await stack.fetch(`/api/products/${draft.id}`));
    expect(after.name).toBe("海信 E8Q 电视");
    // Fields the patch did not mention keep their values.
    expect(after.warrantyMonths).toBe(36);
    expect(after.tags).toEqual(expect.arrayContaining(["一级能效"]));
    expect(after.priceFen).toBe(1_099_900);
    expect((after.skus as unknown[]).length).toBe(1);
    const rows = await stack.sql.execute({
      sql: "SELECT sku_code, active FROM skus WHERE product_id = ?",
      args: [draft.id],
    });
    expect(rows.rows.map((r) => [r.sku_code, Number(r.active)]).sort()).toEqual([
      ["HX-E8-65", 0],
      ["HX-E8-75", 1],
    ]);

    await stack.fetch(`/api/admin/products/${draft.id}/status`, {
      method: "POST",
      token: merchant,
      json: { status: "off_shelf" },
    });
    expect((await stack.fetch(`/api/products/${draft.id}`)).status).toBe(404);
    const admin = await stack.fetch(`/api/admin/products/${draft.id}`, { token: merchant });
    expect((await json(admin)).status).toBe("off_shelf");
  });

  it("filters by attribute, brand and price, and searches in Chinese", async () => {
    await createProduct({
      categoryId: fridgeCategory,
      name: "海尔 BCD-520 十字对开门冰箱",
      brand: "海尔",
      status: "on_sale",
      attributes: { capacity_l: 520, door_type: "十字对开门", energy_grade: 1 },
      skus: [{ skuCode: "HR-520", specs: { 颜色: "星空灰" }, priceFen: 499_900 }],
    });
    await createProduct({
      categoryId: fridgeCategory,
      name: "美的 BCD-215 三门冰箱",
      brand: "美的",
      status: "on_sale",
      attributes: { capacity_l: 215, door_type: "三门", energy_grade: 2 },
      skus: [{ skuCode: "MD-215", specs: { 颜色: "白" }, priceFen: 159_900 }],
    });
    const names = async (query: string) =>
      ((await json(await stack.fetch(`/api/products?${query}`))).items as { name: string }[]).map(
        (i) => i.name,
      );

    expect(await names(`categoryId=${fridgeCategory}&attr.energy_grade=1`)).toEqual([
      "海尔 BCD-520 十字对开门冰箱",
    ]);
    expect(await names(`categoryId=${fridgeCategory}&brand=${encodeURIComponent("美的")}`)).toEqual([
      "美的 BCD-215 三门冰箱",
    ]);
    expect(await names(`categoryId=${fridgeCategory}&priceMax=200000`)).toEqual(["美的 BCD-215 三门冰箱"]);
    expect(await names(`categoryId=${fridgeCategory}&sort=price_desc`)).toEqual([
      "海尔 BCD-520 十字对开门冰箱",
      "美的 BCD-215 三门冰箱",
    ]);
    expect((await names(`q=${encodeURIComponent("海尔冰箱")}`))[0]).toBe("海尔 BCD-520 十字对开门冰箱");
    expect((await names(`q=${encodeURIComponent("一级能效冰箱")}`))[0]).toBe("海尔 BCD-520 十字对开门冰箱");
    expect(await names(`q=${encodeURIComponent("洗碗机")}`)).toEqual([]);

    for (const hp of [1, 1.5, 3])
      await createProduct({
        categoryId: fridgeCategory,
        name: `格力 云佳 ${hp}匹 变频挂机`,
        brand: "格力",
        status: "on_sale",
        attributes: { horsepower: hp, ac_type: "挂机" },
        skus: [{ skuCode: `GL-${hp}`, specs: { 匹数: `${hp}匹` }, priceFen: 259_900 }],
      });
    // A decimal in the query must not degrade to "any 匹".
    expect(await names(`q=${encodeURIComponent("1.5匹")}`)).toEqual(["格力 云佳 1.5匹 变频挂机"]);

    const bad = await stack.fetch("/api/products?attr.energy_grade=abc");
    expect(bad.status).toBe(400);
    expect((await json(bad)).error?.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await stack.fetch("/api/products?cursor=garbage")).status).toBe(400);
  });
});

describe("images", () => {
  const png = Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0,
    1, 8, 2, 0, 0, 0,
  ]);
  it("uploads to R2 and serves the bytes back with caching headers", async () => {
    const res = await stack.fetch("/api/admin/images", {
      method: "POST",
      token: merchant,
      body: png,
      headers: { "content-type": "image/png" },
    });
    expect(res.status).toBe(201);
    const { url } = (await res.json()) as { url: string };
    const got = await stack.fetch(url);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(png);
  });
  it("rejects files that are not images or malformed SVG; stores an SVG without its scripts", async () => {
    const before = await count("images");
    const txt = await stack.fetch("/api/admin/images", { method: "POST", token: merchant, body: "hello" });
    expect(txt.status).toBe(415);
    const broken = await stack.fetch("/api/admin/images", {
      method: "POST",
      token: merchant,
      body: "<svg><g></svg>",
    });
    expect(broken.status).toBe(400);
    expect(await count("images")).toBe(before);
    // The prefix x is bound to the SVG namespace: <x:script> is an SVG script element.
    const svg = await stack.fetch("/api/admin/images", {
      method: "POST",
      token: merchant,
      body: '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/2000/svg" onload="alert(1)"><x:script>alert(2)</x:script><script>alert(3)</script><rect width="4" height="4"/></svg>',
    });
    expect(svg.status).toBe(201);
    const stored = await (await stack.fetch(((await svg.json()) as { url: string }).url)).text();
    expect(stored).toBe('<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>');
  });
});

describe("bulk import", () => {
  it("imports the good rows of a CSV and reports the bad ones by line", async () => {
    const csv = [
      "product_ref,category,name,subtitle,brand,status,warranty_months,attributes,description,sku_code,specs,price,original_price,barcode,weight_g,volume_cm3",
      "p1,冰箱,容声 离子净味冰箱,,容声,on_sale,36,capacity_l=306,,RS-306-A,颜色:金,2999.00,,,68000,600000",
      "p1,冰箱,容声 离子净味冰箱,,容声,on_sale,36,capacity_l=306,,RS-306-B,颜色:银,3099.00,,,68000,600000",
      "p2,不存在的分类,某冰箱,,某牌,on_sale,12,,,XX-1,颜色:白,100,,,1,1",
      "p3,冰箱,价格错误冰箱,,容声,on_sale,12,,,RS-ERR,颜色:白,abc,,,1,1",
    ].join("\n");
    const before = await count("products");
    const res = await stack.fetch("/api/admin/products/import", {
      method: "POST",
      token: merchant,
      headers: { "content-type": "text/csv" },
      body: csv,
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      created: unknown[];
      failed: number;
      errors: { row?: number; rows?: number[]; ref: string; messages: string[] }[];
    };
    expect(report.created).toHaveLength(1);
    expect(report.errors.map((e) => e.ref).sort()).toEqual(["p2", "p3"]);
    expect(JSON.stringify(report.errors)).toMatch(/分类不存在/);
    expect(JSON.stringify(report.errors)).toMatch(/价格格式不正确/);
    expect(await count("products")).toBe(before + 1);
  });
});

describe("pagination", () => {
  it("walks every product exactly once while new products are inserted concurrently", async () => {
    for (let i = 0; i < 12; i++) await createProduct(tvInput(`分页电视${i}`, 100_000 + i * 1000));
    const existing = new Set(
      (await stack.sql.execute("SELECT id FROM products WHERE status = 'on_sale'")).rows.map((r) =>
        Number(r.id),
      ),
    );
    for (const sort of ["newest", "price_asc", "price_desc"]) {
      const seen: number[] = [];
      let cursor: string | null = null;
      let inserted = 0;
      do {
        const page = (await json(
          await stack.fetch(
            `/api/products?sort=${sort}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
          ),
        )) as { items: { id: number }[]; nextCursor: string | null };
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        // Between pages, other merchants add products at both ends of every sort order.
        await Promise.all([
          createProduct(tvInput(`插入${sort}${inserted}a`, 1 + inserted)),
          createProduct(tvInput(`插入${sort}${inserted}b`, 90_000_000 + inserted)),
        ]);
        inserted++;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of existing) expect(seen).toContain(id);
    }
  });
});
