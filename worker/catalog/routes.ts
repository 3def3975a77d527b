import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { notFound } from "../shared/errors";
import { createRouter, jsonOk } from "../shared/router";
import {
  BrandFacetsSchema,
  CategoryTreeSchema,
  FacetsSchema,
  HomeFeedSchema,
  HotSearchesSchema,
  ProductDetailSchema,
  SearchPageSchema,
} from "./api-schemas";
import { categoryFacets } from "./facets";
import { homeFeed } from "./home";
import { IMAGE_KEY_PATTERN, imageHeaders } from "./images";
import { listQuery } from "./model";
import { hotSearches, recordSearch, searchProducts } from "./search";
import { brandFacets, categoryTree, getProductForShopper } from "./service";

/** Shopper-facing catalog: public, read-only, on-sale products only. */
export const catalogRoutes = createRouter();

export function attributeFilters(c: Context<AppEnv>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.req.query())) if (k.startsWith("attr.")) out[k.slice(5)] = v;
  return out;
}

catalogRoutes.openapi(
  createRoute({
    method: "get",
    path: "/categories",
    tags: ["catalog"],
    summary: "分类树",
    responses: jsonOk("分类树", CategoryTreeSchema),
  }),
  async (c) => c.json({ items: await categoryTree(c.get("db")) }),
);

catalogRoutes.openapi(
  createRoute({
    method: "get",
    path: "/products",
    tags: ["catalog"],
    summary:
      "商品列表与搜索（游标分页；筛选：分类、品牌、价格区间、attr.<属性>=值/区间，属性见 /api/product-filters）；搜索词有错别字时自动纠正（correction），无结果时给出相关推荐（related）",
    request: { query: listQuery },
    responses: jsonOk("{ items, nextCursor, correction, related }", SearchPageSchema),
  }),
  async (c) => {
    const db = c.get("db");
    const page = await searchProducts(db, {
      ...c.req.valid("query"),
      attributeFilters: attributeFilters(c),
      status: "on_sale",
    });
    const q = c.req.valid("query").q;
    // 热门搜索 counts first pages that found something, after the response is sent.
    if (q && !c.req.valid("query").cursor && page.items.length)
      c.executionCtx.waitUntil(recordSearch(db, page.correction?.corrected ?? q).catch(() => undefined));
    return c.json(page);
  },
);

catalogRoutes.openapi(
  createRoute({
    method: "get",
    path: "/product-filters",
    tags: ["catalog"],
    summary: "分类的属性筛选项（如 空调：匹数、挂机/柜机；洗衣机：洗涤容量、滚筒/波轮；电视：屏幕尺寸）",
    request: { query: z.object({ categoryId: z.coerce.number().int().positive().optional() }) },
    responses: jsonOk("{ items: [{ key, label, options }] }", FacetsSchema),
  }),
  async (c) => c.json({ items: await categoryFacets(c.get("db"), c.req.valid("query").categoryId) }),
);

catalogRoutes.openapi(
  createRoute({
    method: "get",
    path: "/search/hot",
    tags: ["catalog"],
    summary: "热门搜索（近 30 天顾客搜索且有结果的词，按次数）",
    responses: jsonOk("{ items: [{ term, count }] }", HotSearchesSchema),
  }),
  async (c) => c.json({ items: await hotSearches(c.get("db")) }),
);

catalogRoutes.openapi(
  createRoute({
    method: "get",
    path: "/products/{id}",
    tags: ["catalog"],
    summary: "商品详情",
    request: { params: z.object({ id: z.coerce.number().int().positive() }) },
    responses: jsonOk("商品详情（SKU、规格、图片）", ProductDetailSchema),
  }),
  async (c) => c.json(await getProductForShopper(c.get("db"), c.req.valid("param").id)),
);

catalogRoutes.openapi(
  createRoute({
    method: "get",
    path: "/brands",
    tags: ["catalog"],
    summary: "品牌筛选项",
    request: { query: z.object({ categoryId: z.coerce.number().int().positive().optional() }) },
    responses: jsonOk("{ items: [{brand, count}] }", BrandFacetsSchema),
  }),
  async (c) => c.json({ items: await brandFacets(c.get("db"), c.req.valid("query").categoryId) }),
);

catalogRoutes.openapi(
  createRoute({
    method: "get",
    path: "/home",
    tags: ["catalog"],
    summary: "首页：轮播图与推荐商品",
    responses: jsonOk("首页数据", HomeFeedSchema),
  }),
  async (c) => c.json(await homeFeed(c.get("db"))),
);

catalogRoutes.get("/images/*", async (c) => {
  const key = c.req.path.replace(/^\/api\/images\//, "");
  if (!IMAGE_KEY_PATTERN.test(key)) throw notFound("图片不存在");
  const etag = c.req.header("if-none-match");
  const obj = await c.env.IMAGES.get(
    key,
    etag ? { onlyIf: { etagDoesNotMatch: etag.replace(/"/g, "") } } : undefined,
  );
  if (!obj) throw notFound("图片不存在");
  const headers = imageHeaders(obj.httpMetadata?.contentType ?? "application/octet-stream", obj.httpEtag);
  if (!("body" in obj)) return new Response(null, { status: 304, headers });
  return new Response(obj.body, { headers });
});
