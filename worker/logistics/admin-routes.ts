import { createRoute, z } from "@hono/zod-openapi";
import { getOrderForStaff, staffScope } from "../orders/queries";
import { staffOf } from "../shared/auth";
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
    const { orderId } = c.req.valid("param");
    const scope = staffScope(staffOf(c));
    // An agent may look up only the parcels of the shoppers they are serving.
    if (scope.kind === "agent") await getOrderForStaff(c.get("db"), orderId, scope);
    const view = await staffOrderParcels(c.get("db"), orderId);
    if (!view) throw notFound("订单不存在");
    return c.json(view);
  },
);
