import { createRoute, z } from "@hono/zod-openapi";
import { orderDeps } from "../orders/deps";
import { requireShopper, shopperOf } from "../shared/auth";
import { notFound } from "../shared/errors";
import { bearer, createRouter, jsonOk } from "../shared/router";
import { CARRIERS } from "./carriers";
import { shopperOrderParcels } from "./parcels";
import { handleKuaidi100Push, KUAIDI100_CALLBACK_PATH, trackingConfig } from "./tracking";
import { CarrierListSchema, OrderParcelsSchema } from "./tracking-api-schemas";

/** Logistics for everyone: /api/logistics (carriers, a shopper's parcels, 快递100's pushes). */
export const logisticsRoutes = createRouter();

const tags = ["logistics"];

logisticsRoutes.openapi(
  createRoute({
    method: "get",
    path: "/logistics/carriers",
    tags,
    summary: "可选快递公司（快递100 公司编码）",
    responses: jsonOk("{ items }", CarrierListSchema),
  }),
  (c) => c.json({ items: [...CARRIERS] }),
);

logisticsRoutes.use("/logistics/orders/*", requireShopper);

logisticsRoutes.openapi(
  createRoute({
    method: "get",
    path: "/logistics/orders/{orderId}/parcels",
    tags,
    security: bearer,
    summary: "我的订单的包裹与物流轨迹（轨迹新到旧）；他人订单 404",
    request: { params: z.object({ orderId: z.coerce.number().int().positive() }) },
    responses: jsonOk("{ orderId, parcels }", OrderParcelsSchema),
  }),
  async (c) => {
    const view = await shopperOrderParcels(c.get("db"), shopperOf(c).id, c.req.valid("param").orderId);
    if (!view) throw notFound("订单不存在");
    return c.json(view);
  },
);

// 快递100's push. No bearer token: authenticity is md5(param + salt), checked before anything is read.
// The replies are 快递100's own format (kuaidi100.ts), not our error envelope.
logisticsRoutes.post(KUAIDI100_CALLBACK_PATH.replace(/^\/api/, ""), async (c) => {
  const reply = await handleKuaidi100Push(orderDeps(c), trackingConfig(c.env), await c.req.text());
  return c.json(reply.body, reply.status);
});
