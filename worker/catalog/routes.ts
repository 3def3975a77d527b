import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { notFound } from "../shared/errors";
import { createRouter, jsonOk } from "../shared/router";
import {
  BrandFacetsSchema,
  CategoryTreeSchema,
  HomeFeedSchema,
  ProductDetailSchema,
  ProductPageSchema,
} from "./api-schemas";
import { homeFeed } from "./home";
import { IMAGE_KEY_PATTERN, imageHeaders } from "./images";
import { listQuery } from "./model";
import { brandFacets, categoryTree, getProductForShopper, listProducts } from "./service";

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
    summary: "商品列表与搜索（游标分页；筛选：分类、品牌、价格区间、attr.<属性>=值/区间）",
    request: { query: listQuery },
    responses: jsonOk("{ items, nextCursor }", ProductPageSchema),
  }),
  async (c) =>
    c.json(
      await listProducts(c.get("db"), {
        ...c.req.valid("query"),
        attributeFilters: attributeFilters(c),
        status: "on_sale",
      }),
    ),
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
