/**
 * Seeds the demo catalog through the real merchant API (so every validation runs): images, category
 * tree, products with SKUs, banners and recommendations. Runs once per database: when any category
 * exists the catalog belongs to someone already and nothing is written, but the seeded SKUs are still
 * listed so the caller can (idempotently) apply initial stock.
 */
import {
  BANNERS,
  CATEGORIES,
  imageCaption,
  PRODUCTS,
  type ProductImageKeys,
  productColors,
  RECOMMENDED,
  SEED_STOCK,
  type SeedProduct,
  specCardStats,
  toProductInput,
} from "./catalog-data";
import { bannerSvg, categoryIconSvg, productSvg, specCardSvg } from "./images";

export interface SeedApi {
  baseUrl: string;
  merchantToken: string;
}

export interface SeededSku {
  skuId: number;
  skuCode: string;
  stock: number;
}

export interface SeedResult {
  skipped: boolean;
  categories: number;
  products: number;
  skus: SeededSku[];
}

/** Tint per top-level category for its icons. */
const CATEGORY_COLORS: Record<string, string> = {
  tv: "#5B2BD6",
  fridge: "#005BAC",
  washer: "#0E9F8E",
  ac: "#1677FF",
  kitchen: "#D46B08",
  living: "#C41D7F",
  heater: "#D4380D",
};

interface ApiError {
  error?: { code?: string; message?: string };
}

function client(api: SeedApi) {
  const base = api.baseUrl.replace(/\/$/, "");
  return async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const raw = typeof body === "string";
    const res = await fetch(base + path, {
      method,
      headers: {
        authorization: `Bearer ${api.merchantToken}`,
        ...(body === undefined ? {} : { "content-type": raw ? "image/svg+xml" : "application/json" }),
      },
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as T & ApiError;
    if (!res.ok)
      throw new Error(
        `seed: ${method} ${path} → ${res.status} ${json.error?.code ?? ""} ${json.error?.message ?? ""}`.trim(),
      );
    return json;
  };
}
type Call = ReturnType<typeof client>;

interface ProductView {
  id: number;
  skus: { id: number; skuCode: string }[];
}

const uploadSvg = async (call: Call, svg: string) =>
  (await call<{ key: string }>("POST", "/api/admin/images", svg)).key;

async function uploadProductImages(call: Call, p: SeedProduct): Promise<ProductImageKeys> {
  const caption = imageCaption(p);
  const covers = await Promise.all(
    productColors(p).map(async (c) => {
      const svg = productSvg({ kind: p.art, brand: p.brand, model: p.model, body: c.hex, caption });
      return [c.name, await uploadSvg(call, svg)] as const;
    }),
  );
  const specCard = await uploadSvg(
    call,
    specCardSvg({ brand: p.brand, model: p.model, stats: specCardStats(p) }),
  );
  return { byColor: Object.fromEntries(covers), specCard };
}

const withStock = (list: { id: number; skuCode: string }[]): SeededSku[] =>
  list.flatMap((s) => {
    const stock = SEED_STOCK.get(s.skuCode);
    return stock === undefined ? [] : [{ skuId: s.id, skuCode: s.skuCode, stock }];
  });

/** Every product (any status) through the admin list, then each one's SKUs. */
async function existingCatalog(call: Call) {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const qs: string = `status=any&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const page = await call<{ items: { id: number }[]; nextCursor: string | null }>(
      "GET",
      `/api/admin/products?${qs}`,
    );
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  const skus: SeededSku[] = [];
  for (const id of ids)
    skus.push(...withStock((await call<ProductView>("GET", `/api/admin/products/${id}`)).skus));
  return { products: ids.length, skus };
}

export async function seedCatalog(api: SeedApi, log: (msg: string) => void): Promise<SeedResult> {
  const call = client(api);
  const tree = await call<{ items: { children: unknown[] }[] }>("GET", "/api/categories");
  if (tree.items.length > 0) {
    const existing = await existingCatalog(call);
    log(`示例商品：已有商品目录，跳过（${existing.products} 个商品）`);
    return {
      skipped: true,
      categories: tree.items.reduce((n, c) => n + 1 + c.children.length, 0),
      ...existing,
    };
  }

  log(`示例商品：创建 ${CATEGORIES.length} 个分类…`);
  const categoryIds = new Map<string, number>();
  // Parents are listed before children, so each parent id is known when its children are created.
  for (const c of CATEGORIES) {
    const parentId = c.parent ? categoryIds.get(c.parent) : null;
    if (parentId === undefined) throw new Error(`seed: parent ${c.parent} of ${c.key} is not created yet`);
    const color = CATEGORY_COLORS[c.parent ?? c.key] ?? "#1F6FEB";
    const icon = await call<{ url: string }>("POST", "/api/admin/images", categoryIconSvg(c.art, color));
    const row = await call<{ id: number }>("POST", "/api/admin/categories", {
      name: c.name,
      parentId,
      icon: icon.url,
      sortOrder: c.sortOrder,
    });
    categoryIds.set(c.key, row.id);
  }

  const productIds = new Map<string, number>();
  const skus: SeededSku[] = [];
  for (const [i, p] of PRODUCTS.entries()) {
    const categoryId = categoryIds.get(p.category);
    if (categoryId === undefined) throw new Error(`seed: unknown category ${p.category} for ${p.ref}`);
    const images = await uploadProductImages(call, p);
    const created = await call<ProductView>(
      "POST",
      "/api/admin/products",
      toProductInput(p, categoryId, images),
    );
    productIds.set(p.ref, created.id);
    skus.push(...withStock(created.skus));
    if ((i + 1) % 6 === 0 || i + 1 === PRODUCTS.length) log(`示例商品：${i + 1}/${PRODUCTS.length}`);
  }

  for (const [sortOrder, b] of BANNERS.entries()) {
    const image = await uploadSvg(
      call,
      bannerSvg({ headline: b.headline, subline: b.subline, kind: b.art, color: b.color }),
    );
    const link =
      b.link.type === "product"
        ? String(productIds.get(b.link.ref))
        : b.link.type === "category"
          ? String(categoryIds.get(b.link.key))
          : b.link.q;
    await call("POST", "/api/admin/banners", {
      title: b.title,
      image,
      linkType: b.link.type,
      linkValue: link,
      sortOrder,
      active: true,
    });
  }
  await call("PUT", "/api/admin/home/recommendations", {
    productIds: RECOMMENDED.map((ref) => productIds.get(ref)).filter((id) => id !== undefined),
  });
  log(`示例商品：完成（${categoryIds.size} 个分类、${productIds.size} 个商品、${BANNERS.length} 张轮播图）`);
  return { skipped: false, categories: categoryIds.size, products: productIds.size, skus };
}
