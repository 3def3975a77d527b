import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Db } from "../db/client";
import type { AppEnv } from "../env";
import { requireShopper, shopperOf } from "../shared/auth";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import { CartSchema } from "./api-schemas";
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

/** Runs one write on the signed-in shopper's cart, then answers with the re-checked cart. */
async function answerWithCart(c: Context<AppEnv>, write: (db: Db, shopperId: number) => Promise<unknown>) {
  const shopperId = shopperOf(c).id;
  await write(c.get("db"), shopperId);
  return c.json(await getCart(c.get("db"), shopperId), 200);
}

const skuParams = { params: z.object({ skuId: z.coerce.number().int().positive() }) };

cartRoutes.openapi(
  createRoute({
    method: "get",
    path: "/cart",
    tags,
    security: bearer,
    summary: "购物车（下架/售罄商品会被标记，不会被删除）",
    responses: jsonOk("{ items, summary }", CartSchema),
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
    responses: jsonOk("购物车", CartSchema),
  }),
  async (c) => c.json(await addToCart(c.get("db"), shopperOf(c).id, c.req.valid("json")), 200),
);

cartRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/cart/items/{skuId}",
    tags,
    security: bearer,
    summary: "修改数量或勾选状态",
    request: { ...skuParams, ...jsonBody(patchInput) },
    responses: jsonOk("购物车", CartSchema),
  }),
  (c) =>
    answerWithCart(c, (db, shopperId) =>
      updateLine(db, shopperId, c.req.valid("param").skuId, c.req.valid("json")),
    ),
);

cartRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/cart/items/{skuId}",
    tags,
    security: bearer,
    summary: "移除商品",
    request: skuParams,
    responses: jsonOk("购物车", CartSchema),
  }),
  (c) => answerWithCart(c, (db, shopperId) => removeLines(db, shopperId, [c.req.valid("param").skuId])),
);

cartRoutes.openapi(
  createRoute({
    method: "post",
    path: "/cart/select",
    tags,
    security: bearer,
    summary: "批量勾选 / 取消勾选（不传 skuIds 为全选）",
    request: jsonBody(selectInput),
    responses: jsonOk("购物车", CartSchema),
  }),
  (c) => answerWithCart(c, (db, shopperId) => selectLines(db, shopperId, c.req.valid("json"))),
);

cartRoutes.openapi(
  createRoute({
    method: "post",
    path: "/cart/remove",
    tags,
    security: bearer,
    summary: "批量移除",
    request: jsonBody(removeInput),
    responses: jsonOk("购物车", CartSchema),
  }),
  (c) => answerWithCart(c, (db, shopperId) => removeLines(db, shopperId, c.req.valid("json").skuIds)),
);
