import { createRoute, z } from "@hono/zod-openapi";
import { requireShopper, shopperOf } from "../shared/auth";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import {
  addInput,
  addToCart,
  getCart,
  patchInput,
  removeInput,
  removeLines,
  selectInput,
  selectLines,
  updateLine,
} from "./service";

/** The shopper's server-side cart: /api/cart. Every write answers with the re-checked cart. */
export const cartRoutes = createRouter();
cartRoutes.use("/cart", requireShopper);
cartRoutes.use("/cart/*", requireShopper);

const tags = ["cart"];
const skuParams = { params: z.object({ skuId: z.coerce.number().int().positive() }) };

cartRoutes.openapi(
  createRoute({
    method: "get",
    path: "/cart",
    tags,
    security: bearer,
    summary: "购物车（下架/售罄商品会被标记，不会被删除）",
    responses: jsonOk("{ items, summary }"),
  }),
  async (c) => c.json(await getCart(c.get("db"), shopperOf(c).id)),
);

cartRoutes.openapi(
  createRoute({
    method: "post",
    path: "/cart/items",
    tags,
    security: bearer,
    summary: "加入购物车（已有则累加数量）",
    request: jsonBody(addInput),
    responses: jsonOk("购物车"),
  }),
  async (c) => {
    const shopperId = shopperOf(c).id;
    await addToCart(c.get("db"), shopperId, c.req.valid("json"));
    return c.json(await getCart(c.get("db"), shopperId));
  },
);

cartRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/cart/items/{skuId}",
    tags,
    security: bearer,
    summary: "修改数量或勾选状态",
    request: { ...skuParams, ...jsonBody(patchInput) },
    responses: jsonOk("购物车"),
  }),
  async (c) => {
    const shopperId = shopperOf(c).id;
    await updateLine(c.get("db"), shopperId, c.req.valid("param").skuId, c.req.valid("json"));
    return c.json(await getCart(c.get("db"), shopperId));
  },
);

cartRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/cart/items/{skuId}",
    tags,
    security: bearer,
    summary: "移除商品",
    request: skuParams,
    responses: jsonOk("购物车"),
  }),
  async (c) => {
    const shopperId = shopperOf(c).id;
    await removeLines(c.get("db"), shopperId, [c.req.valid("param").skuId]);
    return c.json(await getCart(c.get("db"), shopperId));
  },
);

cartRoutes.openapi(
  createRoute({
    method: "post",
    path: "/cart/select",
    tags,
    security: bearer,
    summary: "批量勾选 / 取消勾选（不传 skuIds 为全选）",
    request: jsonBody(selectInput),
    responses: jsonOk("购物车"),
  }),
  async (c) => {
    const shopperId = shopperOf(c).id;
    await selectLines(c.get("db"), shopperId, c.req.valid("json"));
    return c.json(await getCart(c.get("db"), shopperId));
  },
);

cartRoutes.openapi(
  createRoute({
    method: "post",
    path: "/cart/remove",
    tags,
    security: bearer,
    summary: "批量移除",
    request: jsonBody(removeInput),
    responses: jsonOk("购物车"),
  }),
  async (c) => {
    const shopperId = shopperOf(c).id;
    await removeLines(c.get("db"), shopperId, c.req.valid("json").skuIds);
    return c.json(await getCart(c.get("db"), shopperId));
  },
);
