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
import { type MerchantCall, merchantClient, type SeedApi } from "./merchant-api";

export type { SeedApi };

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

const client = merchantClient;
type Call = MerchantCall;

interface ProductView {
  id: number;
  skus: { id: number; skuCode: string }[];
}

/** Runs at most `max` tasks at once, first come first served. */
function limiter(max: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active < max) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next task, so the limit holds.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/**
 * Image uploads run in the background, a few at a time, while products are created one by one (each
 * create is a database transaction). Identical SVGs are uploaded once.
 */
function uploader(call: Call) {
  const limit = limiter(6);
  const done = new Map<string, Promise<{ key: string; url: string }>>();
  return (svg: string) => {
    let upload = done.get(svg);
    if (!upload) {
      upload = limit(() => call<{ key: string; url: string }>("POST", "/api/admin/images", svg));
      // Awaited later; until then a failure must not count as an unhandled rejection.
      upload.catch(() => {});
      done.set(svg, upload);
    }
    return upload;
  };
}
type Upload = ReturnType<typeof uploader>;

async function productImages(upload: Upload, p: SeedProduct): Promise<ProductImageKeys> {
  const caption = imageCaption(p);
  const covers = productColors(p).map(
    (c) =>
      [
        c.name,
        upload(productSvg({ kind: p.art, brand: p.brand, model: p.model, body: c.hex, caption })),
      ] as const,
  );
  const specCard = upload(specCardSvg({ brand: p.brand, model: p.model, stats: specCardStats(p) }));
  return {
    byColor: Object.fromEntries(await Promise.all(covers.map(async ([name, u]) => [name, (await u).key]))),
    specCard: (await specCard).key,
  };
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
    // A seed interrupted half way leaves categories behind, and reruns skip: say how to start over.
    if (existing.skus.length < SEED_STOCK.size && existing.products < PRODUCTS.length)
      log(
        `示例商品：目录不完整（${existing.skus.length}/${SEED_STOCK.size} 个 SKU）；如需重新生成，请清空数据库后重启`,
      );
    return {
      skipped: true,
      categories: tree.items.reduce((n, c) => n + 1 + c.children.length, 0),
      ...existing,
    };
  }

  log(`示例商品：创建 ${CATEGORIES.length} 个分类、${PRODUCTS.length} 个商品…`);
  // Queue every upload now, in the order they are needed.
  const upload = uploader(call);
  const icons = CATEGORIES.map((c) =>
    upload(categoryIconSvg(c.art, CATEGORY_COLORS[c.parent ?? c.key] ?? "#1F6FEB")),
  );
  const images = PRODUCTS.map((p) => {
    const pending = productImages(upload, p);
    pending.catch(() => {});
    return pending;
  });
  const bannerImages = BANNERS.map((b) =>
    upload(bannerSvg({ headline: b.headline, subline: b.subline, kind: b.art, color: b.color })),
  );

  const categoryIds = new Map<string, number>();
  // Parents are listed before children, so each parent id is known when its children are created.
  for (const [i, c] of CATEGORIES.entries()) {
    const parentId = c.parent ? categoryIds.get(c.parent) : null;
    if (parentId === undefined) throw new Error(`seed: parent ${c.parent} of ${c.key} is not created yet`);
    const row = await call<{ id: number }>("POST", "/api/admin/categories", {
      name: c.name,
      parentId,
      icon: (await icons[i]!).url,
      sortOrder: c.sortOrder,
    });
    categoryIds.set(c.key, row.id);
  }
  // Fitted appliances (range hoods, water heaters) are not returnable without a reason once installed:
  // 七天无理由 off for those categories (after-sales/cases/eligibility.ts; sub-categories inherit it).
  for (const key of ["kitchen-hood", "heater"])
    await call("PUT", `/api/admin/after-sales/categories/${categoryIds.get(key)}/no-reason-return`, {
      allowed: false,
    });

  const productIds = new Map<string, number>();
  const skus: SeededSku[] = [];
  for (const [i, p] of PRODUCTS.entries()) {
    const categoryId = categoryIds.get(p.category);
    if (categoryId === undefined) throw new Error(`seed: unknown category ${p.category} for ${p.ref}`);
    const body = toProductInput(p, categoryId, await images[i]!);
    const created = await call<ProductView>("POST", "/api/admin/products", body);
    productIds.set(p.ref, created.id);
    skus.push(...withStock(created.skus));
    if ((i + 1) % 6 === 0 || i + 1 === PRODUCTS.length) log(`示例商品：${i + 1}/${PRODUCTS.length}`);
  }

  for (const [sortOrder, b] of BANNERS.entries()) {
    const link =
      b.link.type === "product"
        ? String(productIds.get(b.link.ref))
        : b.link.type === "category"
          ? String(categoryIds.get(b.link.key))
          : b.link.q;
    await call("POST", "/api/admin/banners", {
      title: b.title,
      image: (await bannerImages[sortOrder]!).key,
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
