import { createRoute } from "@hono/zod-openapi";
import { bearer, createRouter, jsonOk } from "../shared/router";
import { DashboardSchema } from "./api-schemas";
import { dashboard } from "./service";

/** The merchant console's home page figures: GET /api/admin/dashboard (merchant admins and operations). */
export const dashboardAdminRoutes = createRouter();

dashboardAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/dashboard",
    tags: ["admin: dashboard"],
    security: bearer,
    summary: "经营概况：今日 / 昨日 / 本月销售额、付款订单、客单价，待办计数，近 14 天销售趋势（北京时间）",
    responses: jsonOk("经营概况", DashboardSchema),
  }),
  async (c) => c.json(await dashboard(c.get("db")), 200),
);
