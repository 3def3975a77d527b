import { createRoute, z } from "@hono/zod-openapi";
import { staffOf } from "../shared/auth";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import { toCsv } from "./csv";
import { orderDeps } from "./deps";
import { exportRows } from "./export";
import { remarkInput, setMerchantRemark, shipInput, shipOrder } from "./fulfilment";
import { cancelOrder } from "./lifecycle";
import { getOrderForStaff, listMerchantOrders, merchantListQuery, staffScope } from "./queries";
import { maskedForAgent, orderDetail } from "./views";

/**
 * Merchant order management: /api/admin/orders. Agents may read; only merchant admins change orders
 * (enforced by the central admin guard's table, shared/admin-guard.ts).
 */
export const orderAdminRoutes = createRouter();

const tags = ["admin: orders"];
const idParams = { params: z.object({ id: z.coerce.number().int().positive() }) };
const merchant = (c: Parameters<typeof staffOf>[0]) => ({ kind: "merchant" as const, id: staffOf(c).id });
/** Agents see only the orders of the shoppers they are chatting with, phones masked. */
const scopeOf = (c: Parameters<typeof staffOf>[0]) => staffScope(staffOf(c));

orderAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/orders",
    tags,
    security: bearer,
    summary: "订单列表（状态筛选；q 搜索订单号/手机号/收货人/商品名；from/to 下单时间）",
    request: { query: merchantListQuery },
    responses: jsonOk("{ items, nextCursor }"),
  }),
  async (c) => {
    const scope = scopeOf(c);
    const page = await listMerchantOrders(c.get("db"), c.req.valid("query"), scope);
    return c.json(scope.kind === "agent" ? { ...page, items: page.items.map(maskedForAgent) } : page);
  },
);

orderAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/orders/export.csv",
    tags,
    security: bearer,
    summary: "导出订单 CSV（与列表相同的筛选条件，最多 5000 条）",
    request: { query: merchantListQuery.omit({ cursor: true, limit: true }) },
    responses: { 200: { description: "text/csv" } },
  }),
  async (c) => {
    const rows = await exportRows(c.get("db"), c.req.valid("query"));
    return c.body(toCsv(rows), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="orders-${Date.now()}.csv"`,
    });
  },
);

orderAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/orders/{id}",
    tags,
    security: bearer,
    summary: "订单详情（含时间线、支付记录）",
    request: idParams,
    responses: jsonOk("订单"),
  }),
  async (c) => {
    const db = c.get("db");
    const scope = scopeOf(c);
    const view = await orderDetail(
      db,
      await getOrderForStaff(db, c.req.valid("param").id, scope),
      "merchant",
    );
    return c.json(scope.kind === "agent" ? maskedForAgent(view) : view);
  },
);

orderAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/orders/{id}/ship",
    tags,
    security: bearer,
    summary: "发货（快递公司 + 运单号）",
    request: { ...idParams, ...jsonBody(shipInput) },
    responses: jsonOk("订单"),
  }),
  async (c) => {
    const deps = orderDeps(c);
    const order = await getOrderForStaff(deps.db, c.req.valid("param").id);
    const shipped = await shipOrder(deps, order, merchant(c), c.req.valid("json"));
    return c.json(await orderDetail(deps.db, shipped, "merchant"));
  },
);

orderAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/orders/{id}/remark",
    tags,
    security: bearer,
    summary: "商家备注（仅商家可见）",
    request: { ...idParams, ...jsonBody(remarkInput) },
    responses: jsonOk("订单"),
  }),
  async (c) => {
    const deps = orderDeps(c);
    const order = await getOrderForStaff(deps.db, c.req.valid("param").id);
    const updated = await setMerchantRemark(deps, order, merchant(c), c.req.valid("json").remark);
    return c.json(await orderDetail(deps.db, updated, "merchant"));
  },
);

orderAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/orders/{id}/cancel",
    tags,
    security: bearer,
    summary: "取消未支付订单（商家）",
    request: {
      ...idParams,
      ...jsonBody(z.object({ reason: z.string().trim().min(1, "请填写取消原因").max(100) })),
    },
    responses: jsonOk("订单"),
  }),
  async (c) => {
    const deps = orderDeps(c);
    const order = await getOrderForStaff(deps.db, c.req.valid("param").id);
    const cancelled = await cancelOrder(deps, order, merchant(c), `商家取消：${c.req.valid("json").reason}`);
    return c.json(await orderDetail(deps.db, cancelled, "merchant"));
  },
);
