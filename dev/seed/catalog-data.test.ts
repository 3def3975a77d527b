import { describe, expect, it } from "vitest";
import { validateAttributes } from "../../worker/catalog/attributes";
import { sniffImage } from "../../worker/catalog/images";
import { categoryInput, productInput } from "../../worker/catalog/model";
import {
  BANNERS,
  barcodeFor,
  CATEGORIES,
  PRODUCTS,
  RECOMMENDED,
  SEED_STOCK,
  type SeedProduct,
  specCardStats,
  toProductInput,
} from "./catalog-data";
import { bannerSvg, categoryIconSvg, productSvg, specCardSvg } from "./images";

const byKey = new Map(CATEGORIES.map((c) => [c.key, c]));
const topOf = (key: string) => {
  const c = byKey.get(key)!;
  return c.parent ? byKey.get(c.parent)! : c;
};
const onSale = PRODUCTS.filter((p) => p.status === "on_sale");

describe("seed catalog data", () => {
  it("has a two-level tree of valid categories with unique names per parent", () => {
    const tops = CATEGORIES.filter((c) => !c.parent);
    expect(tops.length).toBeGreaterThanOrEqual(6);
    for (const c of CATEGORIES) {
      expect(() => categoryInput.parse({ name: c.name, sortOrder: c.sortOrder })).not.toThrow();
      if (c.parent) expect(byKey.get(c.parent)?.parent, c.key).toBeUndefined();
    }
    const names = CATEGORIES.map((c) => `${c.parent ?? ""}/${c.name}`);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(CATEGORIES.map((c) => c.key)).size).toBe(CATEGORIES.length);
  });

  it("has at least 40 products from at least 5 brands, each in a leaf category", () => {
    expect(PRODUCTS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(PRODUCTS.map((p) => p.brand)).size).toBeGreaterThanOrEqual(5);
    const parents = new Set(CATEGORIES.map((c) => c.parent).filter(Boolean));
    for (const p of PRODUCTS) {
      expect(byKey.has(p.category), p.ref).toBe(true);
      expect(parents.has(p.category), `${p.ref} sits in a leaf`).toBe(false);
    }
    expect(new Set(PRODUCTS.map((p) => p.ref)).size).toBe(PRODUCTS.length);
    // Every top-level category has something to show.
    for (const top of CATEGORIES.filter((c) => !c.parent))
      expect(
        onSale.some((p) => topOf(p.category) === top),
        top.name,
      ).toBe(true);
  });

  it("sends bodies the real productInput schema and attribute validator accept", () => {
    for (const p of PRODUCTS) {
      const body = toProductInput(p, 1, {
        byColor: { "": "products/202611/x.svg" },
        specCard: "products/202611/y.svg",
      });
      const parsed = productInput.safeParse(body);
      expect(parsed.success, `${p.ref}: ${parsed.error?.message}`).toBe(true);
      const { errors } = validateAttributes(body.attributes);
      expect(errors, p.ref).toEqual([]);
      expect(productInput.safeParse(toProductInput(p, 1)).success).toBe(true);
    }
  });

  it("gives every SKU a unique code, a unique valid EAN-13, shipping size and a sane price", () => {
    const all = PRODUCTS.flatMap((p) => p.skus);
    expect(new Set(all.map((s) => s.skuCode)).size).toBe(all.length);
    expect(new Set(all.map((s) => s.barcode)).size).toBe(all.length);
    for (const s of all) {
      expect(s.barcode).toMatch(/^69\d{11}$/);
      const digits = [...s.barcode].map(Number);
      const sum = digits.slice(0, 12).reduce((acc, d, i) => acc + d * (i % 2 ? 3 : 1), 0);
      expect((10 - (sum % 10)) % 10, s.skuCode).toBe(digits[12]);
      expect(s.weightG).toBeGreaterThan(0);
      expect(s.volumeCm3).toBeGreaterThan(0);
      expect(Number.isInteger(s.priceFen)).toBe(true);
      if (s.originalPriceFen !== undefined) expect(s.originalPriceFen).toBeGreaterThan(s.priceFen);
    }
    for (const p of PRODUCTS) {
      expect(p.skus.length, p.ref).toBeGreaterThanOrEqual(1);
      expect(p.skus.length, p.ref).toBeLessThanOrEqual(6);
      // Specs within a product differ (the API rejects identical spec sets).
      const specs = p.skus.map((s) => JSON.stringify(s.specs));
      expect(new Set(specs).size, p.ref).toBe(specs.length);
      // Every coloured SKU has a drawing colour.
      for (const s of p.skus)
        if (s.specs.颜色 && p.colors) expect(p.colors[s.specs.颜色], s.skuCode).toBeDefined();
    }
  });

  it("fills the spec card with attribute figures, then the warranty", () => {
    const dryer = PRODUCTS.find((p) => p.ref === "dyson-hd15")!;
    expect(specCardStats(dryer)).toEqual([
      { label: "额定功率", value: "1600W" },
      { label: "整机包修", value: "2年" },
    ]);
    const tv = PRODUCTS.find((p) => p.ref === "hisense-65e7k")!;
    expect(specCardStats(tv).map((s) => s.value)).toEqual(["一级能效", "65英寸", "4K", "144Hz"]);
  });

  it("derives barcodes deterministically", () => {
    expect(barcodeFor("HS-65E7K-STD")).toBe(barcodeFor("HS-65E7K-STD"));
    expect(barcodeFor("HS-65E7K-STD")).not.toBe(barcodeFor("HS-65E7K-WALL"));
  });

  it("varies initial stock: mostly 20–200, a few low, one sold out", () => {
    const stocks = [...SEED_STOCK.values()];
    expect(SEED_STOCK.size).toBe(PRODUCTS.flatMap((p) => p.skus).length);
    expect(stocks.filter((s) => s === 0)).toHaveLength(1);
    expect(stocks.filter((s) => s >= 2 && s <= 5).length).toBeGreaterThanOrEqual(2);
    expect(stocks.filter((s) => s >= 20 && s <= 200).length).toBeGreaterThan(stocks.length * 0.8);
  });

  it("has drafts and off-shelf products so the shopper filter is visible", () => {
    expect(PRODUCTS.some((p) => p.status === "draft")).toBe(true);
    expect(PRODUCTS.some((p) => p.status === "off_shelf")).toBe(true);
  });

  const satisfiable: [string, (p: SeedProduct) => boolean][] = [
    ["海尔冰箱", (p) => p.brand === "海尔" && topOf(p.category).name === "冰箱"],
    [
      "滚筒洗衣机",
      (p) =>
        topOf(p.category).name === "洗衣机" &&
        (p.attributes.washer_type === "滚筒" || byKey.get(p.category)!.name === "滚筒洗衣机"),
    ],
    ["一级能效空调", (p) => topOf(p.category).name === "空调" && p.attributes.energy_grade === 1],
    ["65英寸电视", (p) => topOf(p.category).name === "电视" && p.attributes.screen_inch === 65],
  ];
  it.each(satisfiable)("has on-sale products matching %s", (_q, match) => {
    expect(onSale.filter(match).length).toBeGreaterThanOrEqual(1);
  });

  it("banners and recommendations point at on-sale products and existing categories", () => {
    expect(BANNERS.length).toBeGreaterThanOrEqual(3);
    for (const b of BANNERS) {
      if (b.link.type === "product") {
        const ref = b.link.ref;
        expect(onSale.some((p) => p.ref === ref)).toBe(true);
      }
      if (b.link.type === "category") expect(byKey.has(b.link.key)).toBe(true);
    }
    expect(RECOMMENDED.length).toBeGreaterThanOrEqual(8);
    for (const ref of RECOMMENDED)
      expect(
        onSale.some((p) => p.ref === ref),
        ref,
      ).toBe(true);
  });
});

describe("seed images", () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  const svgs = [
    ...PRODUCTS.map((p) =>
      productSvg({ kind: p.art, brand: p.brand, model: p.model, caption: "一级能效 · 65英寸" }),
    ),
    ...PRODUCTS.map((p) =>
      specCardSvg({ brand: p.brand, model: p.model, stats: [{ label: "总容积", value: "510L" }] }),
    ),
    ...CATEGORIES.map((c) => categoryIconSvg(c.art, "#005BAC")),
    ...BANNERS.map((b) =>
      bannerSvg({ headline: b.headline, subline: b.subline, kind: b.art, color: b.color }),
    ),
  ];

  it("are SVGs the upload sniffer accepts, each under 10 KB", () => {
    for (const svg of svgs) {
      expect(sniffImage(bytes(svg)).type).toBe("image/svg+xml");
      expect(bytes(svg).byteLength).toBeLessThan(10 * 1024);
    }
  });

  it("are deterministic and escape text", () => {
    const art = { kind: "tv" as const, brand: "海信", model: "A&B <65>" };
    expect(productSvg(art)).toBe(productSvg(art));
    expect(productSvg(art)).toContain("A&#38;B &#60;65&#62;");
    expect(productSvg(art)).not.toContain("<65>");
  });

  it("draw differently per colour", () => {
    const base = { kind: "fridge_cross" as const, brand: "海尔", model: "X" };
    expect(productSvg({ ...base, body: "#8A8D91" })).not.toBe(productSvg({ ...base, body: "#F2F2EE" }));
  });
});
