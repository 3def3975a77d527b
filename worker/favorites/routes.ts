import { createRoute, z } from "@hono/zod-openapi";
import { requireShopper, shopperOf } from "../shared/auth";
import { bearer, createRouter, jsonBody, jsonOk, OkResponse } from "../shared/router";
import { FavoriteStateSchema, SavedProductPageSchema } from "./api-schemas";
import {
  addFavorite,
  clearFootprints,
  isFavorite,
  listFavorites,
  listFootprints,
  recordView,
  removeFavorite,
} from "./service";

/** 收藏 (/api/me/favorites) and 足迹 (/api/me/footprints): the signed-in shopper's own lists only. */
export const favoriteRoutes = createRouter();
favoriteRoutes.use("/me/favorites", requireShopper);
favoriteRoutes.use("/me/favorites/*", requireShopper);
favoriteRoutes.use("/me/footprints", requireShopper);
favoriteRoutes.use("/me/footprints/*", requireShopper);
const tags = ["favorites"];
const product = { params: z.object({ productId: z.coerce.number().int().positive("商品无效") }) };
const page = { query: z.object({ cursor: z.string().max(200).optional() }) };

favoriteRoutes.openapi(
  createRoute({
    method: "get",
    path: "/me/favorites",
    tags,
    security: bearer,
    summary: "我的收藏（新的在前；已下架的商品仍列出）",
    request: page,
    responses: jsonOk("一页收藏", SavedProductPageSchema),
  }),
  async (c) => c.json(await listFavorites(c.get("db"), shopperOf(c).id, c.req.valid("query").cursor)),
);

favoriteRoutes.openapi(
  createRoute({
    method: "get",
    path: "/me/favorites/{productId}",
    tags,
    security: bearer,
    summary: "是否已收藏该商品",
    request: product,
    responses: jsonOk("收藏状态", FavoriteStateSchema),
  }),
  async (c) => c.json(await isFavorite(c.get("db"), shopperOf(c).id, c.req.valid("param").productId)),
);

favoriteRoutes.openapi(
  createRoute({
    method: "put",
    path: "/me/favorites/{productId}",
    tags,
    security: bearer,
    summary: "收藏商品（重复收藏无变化；最多 500 件）",
    request: product,
    responses: jsonOk("收藏状态", FavoriteStateSchema),
  }),
  async (c) => c.json(await addFavorite(c.get("db"), shopperOf(c).id, c.req.valid("param").productId)),
);

favoriteRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/me/favorites/{productId}",
    tags,
    security: bearer,
    summary: "取消收藏",
    request: product,
    responses: jsonOk("收藏状态", FavoriteStateSchema),
  }),
  async (c) => c.json(await removeFavorite(c.get("db"), shopperOf(c).id, c.req.valid("param").productId)),
);

favoriteRoutes.openapi(
  createRoute({
    method: "get",
    path: "/me/footprints",
    tags,
    security: bearer,
    summary: "我的足迹：浏览过的在售商品（每件只记最近一次，保留最近 100 件）",
    request: page,
    responses: jsonOk("一页足迹", SavedProductPageSchema),
  }),
  async (c) => c.json(await listFootprints(c.get("db"), shopperOf(c).id, c.req.valid("query").cursor)),
);

favoriteRoutes.openapi(
  createRoute({
    method: "post",
    path: "/me/footprints",
    tags,
    security: bearer,
    summary: "记录一次商品浏览（商品页打开时调用）",
    request: jsonBody(z.object({ productId: z.number({ error: "请指定商品" }).int().positive("商品无效") })),
    responses: jsonOk("已记录", OkResponse),
  }),
  async (c) => c.json(await recordView(c.get("db"), shopperOf(c).id, c.req.valid("json").productId)),
);

favoriteRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/me/footprints",
    tags,
    security: bearer,
    summary: "清空足迹；带 productId 时只删除这一件",
    request: { query: z.object({ productId: z.coerce.number().int().positive().optional() }) },
    responses: jsonOk("已删除", OkResponse),
  }),
  async (c) => c.json(await clearFootprints(c.get("db"), shopperOf(c).id, c.req.valid("query").productId)),
);
