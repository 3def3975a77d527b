import { createRoute, z } from "@hono/zod-openapi";
import { requireShopper, shopperOf } from "../shared/auth";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import { pendingRestockSkus, subscribeRestock } from "./restock";

/** 到货通知: subscribe to a sold-out SKU; the product page asks which SKUs the shopper is waiting for. */
export const restockRoutes = createRouter();
restockRoutes.use("/restock-subscriptions", requireShopper);
restockRoutes.use("/restock-subscriptions/*", requireShopper);

const tags = ["catalog"];

restockRoutes.openapi(
  createRoute({
    method: "post",
    path: "/restock-subscriptions",
    tags,
    security: bearer,
    summary: "到货通知：订阅无货的规格，到货时经消息中心（及订阅消息）通知一次",
    request: jsonBody(z.object({ skuId: z.number().int().positive() })),
    responses: {
      ...jsonOk(
        "已订阅（重复订阅同样返回）",
        z.object({ skuId: z.number().int(), subscribed: z.boolean() }).openapi("RestockSubscription"),
      ),
    },
  }),
  async (c) => c.json(await subscribeRestock(c.get("db"), shopperOf(c).id, c.req.valid("json").skuId)),
);

restockRoutes.openapi(
  createRoute({
    method: "get",
    path: "/restock-subscriptions",
    tags,
    security: bearer,
    summary: "该商品中我在等待到货的规格",
    request: { query: z.object({ productId: z.coerce.number().int().positive() }) },
    responses: jsonOk(
      "{ skuIds }",
      z.object({ skuIds: z.array(z.number().int()) }).openapi("RestockPending"),
    ),
  }),
  async (c) =>
    c.json({
      skuIds: await pendingRestockSkus(c.get("db"), shopperOf(c).id, c.req.valid("query").productId),
    }),
);
