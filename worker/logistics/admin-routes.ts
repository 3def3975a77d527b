import { createRoute, z } from "@hono/zod-openapi";
import { notFound } from "../shared/errors";
import { bearer, createRouter, jsonOk } from "../shared/router";
import { staffOrderParcels } from "./parcels";
import { StaffOrderParcelsSchema } from "./tracking-api-schemas";

/** Staff logistics: /api/admin/logistics (who may call what: shared/admin-guard.ts). */
export const logisticsAdminRoutes = createRouter();

const tags = ["admin: logistics"];

logisticsAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/logistics/orders/{orderId}/parcels",
    tags,
    security: bearer,
    summary: "订单的包裹、订阅状态与物流轨迹（轨迹新到旧）",
    request: { params: z.object({ orderId: z.coerce.number().int().positive() }) },
    responses: jsonOk("{ orderId, parcels }", StaffOrderParcelsSchema),
  }),
  async (c) => {
    const view = await staffOrderParcels(c.get("db"), c.req.valid("param").orderId);
    if (!view) throw notFound("订单不存在");
    return c.json(view);
  },
);
