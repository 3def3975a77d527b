import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, staffToken, startStack } from "../../test/harness";
import { BANNERS, CATEGORIES, PRODUCTS, RECOMMENDED, SEED_STOCK } from "./catalog-data";
import { type SeedResult, seedCatalog } from "./seed-catalog";

let stack: Stack;
let first: SeedResult;
let second: SeedResult;
const logs: string[] = [];
const TABLES = [
  "categories",
  "products",
  "skus",
  "product_attributes",
  "images",
  "banners",
  "home_recommendations",
];
let afterFirst: Record<string, number>;

const count = async (table: string) =>
  Number((await stack.sql.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

beforeAll(async () => {
  stack = await startStack();
  const api = { baseUrl: stack.baseUrl, merchantToken: await staffToken(stack, "merchant_admin") };
  first = await seedCatalog(api, (m) => logs.push(m));
  afterFirst = Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await count(t)] as const)));
  second = await seedCatalog(api, (m) => logs.push(m));
}, 180_000);
afterAll(() => stack.close());

interface ListItem {
  id: number;
  name: string;
  brand: string;
  categoryId: number;
  status: string;
  tags: string[];
}

describe("seedCatalog through the real admin API", () => {
  it("creates the whole catalog once, reporting progress", async () => {
    expect(first.skipped).toBe(false);
    expect(first.categories).toBe(CATEGORIES.length);
    expect(first.products).toBe(PRODUCTS.length);
    expect(await count("categories")).toBe(CATEGORIES.length);
    expect(await count("products")).toBe(PRODUCTS.length);
    expect(await count("skus")).toBe(SEED_STOCK.size);
    expect(await count("banners")).toBe(BANNERS.length);
    expect(await count("home_recommendations")).toBe(RECOMMENDED.length);
    expect(logs.filter((m) => /\d+\/\d+/.test(m)).length).toBeGreaterThanOrEqual(3);
  });

  it("turns 七天无理由 off for fitted appliances (range hoods, water heaters) only", async () => {
    const off = await stack.sql.execute(
      "SELECT name FROM categories WHERE no_reason_return = 0 ORDER BY name",
    );
    expect(off.rows.map((r) => r.name)).toEqual(["油烟机", "热水器"].sort());
  });

  it("returns every seeded SKU with its id and initial stock", async () => {
    expect(first.skus).toHaveLength(SEED_STOCK.size);
    for (const s of first.skus) expect(s.stock).toBe(SEED_STOCK.get(s.skuCode));
    const rows = await stack.sql.execute("SELECT id, sku_code FROM skus");
    const idByCode = new Map(rows.rows.map((r) => [String(r.sku_code), Number(r.id)]));
    for (const s of first.skus) expect(s.skuId).toBe(idByCode.get(s.skuCode));
  });

  it("skips on a second run without writing anything, still listing the SKUs", async () => {
    expect(second.skipped).toBe(true);
    expect(second.categories).toBe(CATEGORIES.length);
    expect(second.products).toBe(PRODUCTS.length);
    const sortByCode = (l: SeedResult["skus"]) => [...l].sort((a, b) => a.skuCode.localeCompare(b.skuCode));
    expect(sortByCode(second.skus)).toEqual(sortByCode(first.skus));
    for (const t of TABLES) expect(await count(t), t).toBe(afterFirst[t]);
    expect(afterFirst.images).toBeGreaterThan(PRODUCTS.length);
  });

  it("serves the home feed with banners and on-sale recommendations that have covers", async () => {
    const res = await stack.fetch("/api/home");
    expect(res.status).toBe(200);
    const home = (await res.json()) as {
      banners: { image: string; linkType: string }[];
      recommended: { cover: string | null }[];
    };
    expect(home.banners).toHaveLength(BANNERS.length);
    expect(home.recommended).toHaveLength(RECOMMENDED.length);
    for (const r of home.recommended) expect(r.cover).toMatch(/^\/api\/images\/products\/\d{6}\/.+\.svg$/);
    const img = await stack.fetch(home.banners[0]!.image);
    expect(img.status).toBe(200);
    expect(img.headers.get("content-type")).toBe("image/svg+xml");
    expect(await img.text()).toContain("<svg");
  });

  it("hides drafts and off-shelf products from shoppers", async () => {
    const hidden = PRODUCTS.filter((p) => p.status !== "on_sale").length;
    const seen: ListItem[] = [];
    let cursor: string | null = null;
    do {
      const res = await stack.fetch(
        `/api/products?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      const page = (await res.json()) as { items: ListItem[]; nextCursor: string | null };
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(hidden).toBeGreaterThan(0);
    expect(seen).toHaveLength(PRODUCTS.length - hidden);
    expect(seen.every((i) => i.status === "on_sale")).toBe(true);
  });

  const filters: [string, string, string, (p: (typeof PRODUCTS)[number]) => boolean][] = [
    ["空调", "attr.energy_grade=1", "ac", (p) => p.attributes.energy_grade === 1],
    ["电视", "attr.screen_inch=65", "tv", (p) => p.attributes.screen_inch === 65],
    ["洗衣机", "attr.washer_type=滚筒", "washer", (p) => p.attributes.washer_type === "滚筒"],
  ];
  it.each(filters)("filters %s by %s exactly as the data says", async (name, filter, key, match) => {
    const tree = (await (await stack.fetch("/api/categories")).json()) as {
      items: { id: number; name: string }[];
    };
    const id = tree.items.find((c) => c.name === name)!.id;
    const res = await stack.fetch(`/api/products?categoryId=${id}&${encodeURI(filter)}&limit=50`);
    const { items } = (await res.json()) as { items: ListItem[] };
    const expected = PRODUCTS.filter(
      (p) => p.status === "on_sale" && p.category.startsWith(`${key}-`) && match(p),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(items.map((i) => i.name).sort()).toEqual(expected.map((p) => p.name).sort());
  });
});

describe("Chinese searches over the seeded catalog", () => {
  let categoryName: Map<number, { name: string; parent?: string }>;
  beforeAll(async () => {
    const tree = (await (await stack.fetch("/api/categories")).json()) as {
      items: { id: number; name: string; children: { id: number; name: string }[] }[];
    };
    categoryName = new Map(
      tree.items.flatMap((t) => [
        [t.id, { name: t.name }] as const,
        ...t.children.map((c) => [c.id, { name: c.name, parent: t.name }] as const),
      ]),
    );
  });
  const top = (i: ListItem) => {
    const c = categoryName.get(i.categoryId)!;
    return c.parent ?? c.name;
  };
  const leaf = (i: ListItem) => categoryName.get(i.categoryId)!.name;

  const cases: [string, (i: ListItem) => boolean][] = [
    ["海尔冰箱", (i) => i.brand === "海尔" && top(i) === "冰箱"],
    ["滚筒洗衣机", (i) => top(i) === "洗衣机" && (i.tags.includes("滚筒") || leaf(i) === "滚筒洗衣机")],
    ["一级能效空调", (i) => top(i) === "空调" && i.tags.includes("一级能效")],
    ["65英寸电视", (i) => top(i) === "电视" && i.tags.includes("65英寸")],
  ];

  it.each(cases)("%s finds matching products, best match first", async (q, matches) => {
    const res = await stack.fetch(`/api/products?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: ListItem[] };
    expect(items.length).toBeGreaterThan(0);
    expect(matches(items[0]!), `${q} → ${items[0]?.name}`).toBe(true);
    expect(items.filter((i) => !matches(i)).map((i) => i.name)).toEqual([]);
  });
});
