import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { payerClientIpOf, type StorePages } from "../payments/providers";
import { loadForPayment, startPayment, startPaymentInput } from "../payments/service";
import { requireShopper, shopperOf } from "../shared/auth";
import { storeOriginOf } from "../shared/cors";
import { AppError } from "../shared/errors";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk } from "../shared/router";
import { parseOrThrow } from "../shared/validation";
import { OrderCountsSchema, OrderDetailSchema, OrderPageSchema, StartPaymentSchema } from "./api-schemas";
import { orderDeps } from "./deps";
import { confirmReceipt } from "./fulfilment";
import { type CancelOptions, cancelOrder, ensurePayable } from "./lifecycle";
import { createOrder, createOrderInput, IDEMPOTENCY_KEY } from "./place";
import {
  getShopperOrder,
  getShopperOrderByNo,
  listShopperOrders,
  shopperListQuery,
  shopperOrderDetail,
  shopperOrderDetailFrom,
  shopperOrderDetailQueries,
  shopperTabCounts,
} from "./queries";
import { orderDetail, orderDetailView } from "./views";

/** The shopper's orders: /api/orders. Someone else's order is always 404, whatever the action. */
export const orderRoutes = createRouter();
orderRoutes.use("/orders", requireShopper);
orderRoutes.use("/orders/*", requireShopper);

const tags = ["orders"];
const idParams = { params: z.object({ id: z.coerce.number().int().positive() }) };

orderRoutes.openapi(
  createRoute({
    method: "post",
    path: "/orders",
    tags,
    security: bearer,
    summary: "提交订单（请求头 Idempotency-Key 必填：重试返回同一订单）",
    request: {
      ...jsonBody(createOrderInput),
      headers: z.object({ "idempotency-key": z.string().optional() }),
    },
    responses: {
      ...jsonCreated("新订单", OrderDetailSchema),
      ...jsonOk("已存在的同一订单", OrderDetailSchema),
    },
  }),
  async (c) => {
    const key = c.req.header("idempotency-key");
    if (!key) throw new AppError(400, "IDEMPOTENCY_KEY_REQUIRED", "缺少 Idempotency-Key 请求头");
    parseOrThrow(IDEMPOTENCY_KEY, key);
    const shopperId = shopperOf(c).id;
    const deps = orderDeps(c);
    const { order, created, reply } = await createOrder(deps, shopperId, c.req.valid("json"), key);
    const detail = reply
      ? orderDetailView(reply.order, "shopper", reply.detail)
      : await orderDetail(deps.db, order, "shopper");
    return c.json(detail, created ? 201 : 200);
  },
);

orderRoutes.openapi(
  createRoute({
    method: "get",
    path: "/orders",
    tags,
    security: bearer,
    summary:
      "我的订单（tab: all 全部 / unpaid 待付款 / to_ship 待发货 / to_receive 待收货 / completed 已完成）",
    request: { query: shopperListQuery },
    responses: jsonOk("{ items, nextCursor }", OrderPageSchema),
  }),
  async (c) => c.json(await listShopperOrders(c.get("db"), shopperOf(c).id, c.req.valid("query"))),
);

orderRoutes.openapi(
  createRoute({
    method: "get",
    path: "/orders/counts",
    tags,
    security: bearer,
    summary: "我的订单角标：待付款 / 待发货 / 待收货 数量",
    responses: jsonOk("{ unpaid, to_ship, to_receive }", OrderCountsSchema),
  }),
  async (c) => c.json(await shopperTabCounts(c.get("db"), shopperOf(c).id)),
);

orderRoutes.openapi(
  createRoute({
    method: "get",
    path: "/orders/{id}",
    tags,
    security: bearer,
    summary: "订单详情（含时间线）",
    request: idParams,
    responses: jsonOk("订单", OrderDetailSchema),
  }),
  async (c) => c.json(await shopperOrderDetail(c.get("db"), shopperOf(c).id, c.req.valid("param").id)),
);

orderRoutes.openapi(
  createRoute({
    method: "get",
    path: "/orders/by-no/{orderNo}",
    tags,
    security: bearer,
    summary: "按订单号查看订单详情（订阅消息跳转用）",
    request: { params: z.object({ orderNo: z.string().regex(/^[0-9A-Za-z_]{6,32}$/) }) },
    responses: jsonOk("订单", OrderDetailSchema),
  }),
  async (c) => {
    const db = c.get("db");
    const o = await getShopperOrderByNo(db, shopperOf(c).id, c.req.valid("param").orderNo);
    return c.json(await orderDetail(db, o, "shopper"));
  },
);

orderRoutes.openapi(
  createRoute({
    method: "post",
    path: "/orders/{id}/cancel",
    tags,
    security: bearer,
    summary: "取消未支付订单",
    request: { ...idParams, ...jsonBody(z.object({ reason: z.string().trim().max(100).default("") })) },
    responses: jsonOk("订单", OrderDetailSchema),
  }),
  async (c) => {
    const deps = orderDeps(c);
    const shopper = shopperOf(c);
    const id = c.req.valid("param").id;
    // The order and its payment rows (the trades to close) in one read; the reply's reads ride in the
    // delivery's record batch (or run on their own when nothing was delivered).
    const { order, payments } = await loadForPayment(deps.db, shopper.id, id);
    const reason = c.req.valid("json").reason || "买家取消订单";
    const reply: CancelOptions["reply"] = { reads: shopperOrderDetailQueries(deps.db, shopper.id, id) };
    await cancelOrder(deps, order, { kind: "shopper", id: shopper.id }, reason, { payments, reply });
    return c.json(
      shopperOrderDetailFrom(
        reply.results ?? (await deps.db.batch(shopperOrderDetailQueries(deps.db, shopper.id, id))),
      ),
    );
  },
);

/** The H5 store's pay page (after paying) and order page (取消支付), when the browser is on one of our origins. */
function storePages(c: Context<AppEnv>, orderId: number): StorePages | undefined {
  const origin = storeOriginOf(c);
  return origin
    ? {
        // The pay result page (支付成功 / 查看订单 / 继续逛) confirms the payment and cleans the address bar.
        returnUrl: `${origin}/#/pages/pay/result?id=${orderId}`,
        quitUrl: `${origin}/#/pages/orders/detail?id=${orderId}`,
        payerClientIp: payerClientIpOf(c),
      }
    : undefined;
}

orderRoutes.openapi(
  createRoute({
    method: "post",
    path: "/orders/{id}/pay",
    tags,
    security: bearer,
    summary: "发起支付 / 再次支付（返回 wx.requestPayment 或支付宝参数）",
    request: { ...idParams, ...jsonBody(startPaymentInput) },
    responses: jsonOk("{ orderNo, payableFen, payment }", StartPaymentSchema),
  }),
  async (c) => {
    const deps = orderDeps(c);
    // One round trip reads the order, the payer and the payment rows; at most one more writes.
    const { order: found, ...known } = await loadForPayment(
      deps.db,
      shopperOf(c).id,
      c.req.valid("param").id,
    );
    // Never take money for an order whose deadline passed (the timer may not have fired yet).
    const order = await ensurePayable(deps, found);
    const payment = await startPayment(deps, order, c.req.valid("json"), known, storePages(c, order.id));
    return c.json({
      orderNo: order.orderNo,
      payableFen: order.payableFen,
      payDeadline: order.payDeadline,
      payment,
    });
  },
);

orderRoutes.openapi(
  createRoute({
    method: "post",
    path: "/orders/{id}/confirm-receipt",
    tags,
    security: bearer,
    summary: "确认收货",
    request: idParams,
    responses: jsonOk("订单", OrderDetailSchema),
  }),
  async (c) => {
    const deps = orderDeps(c);
    const shopper = shopperOf(c);
    const order = await getShopperOrder(deps.db, shopper.id, c.req.valid("param").id);
    const done = await confirmReceipt(deps, order, { kind: "shopper", id: shopper.id });
    return c.json(await orderDetail(deps.db, done, "shopper"));
  },
);
