import { createRoute, z } from "@hono/zod-openapi";
import { orderDeps } from "../orders/deps";
import { requireShopper, shopperOf, staffOf } from "../shared/auth";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import {
  OrderTradeInsSchema,
  ProductTradeInSchema,
  TradeInListSchema,
  TradeInSchema,
  ValuationListSchema,
  ValuationSchema,
} from "./api-schemas";
import { collectionInput, valuationInput, valuationSlugParam } from "./model";
import {
  listValuations,
  productTradeIn,
  recordCollection,
  saveValuation,
  shopperTradeIns,
  tradeInsByStatus,
} from "./service";

/** Public: what a product accepts; the shopper's own: an order's trade-ins (/api/trade-in/orders/{orderNo}). */
export const tradeInRoutes = createRouter();
tradeInRoutes.use("/trade-in/orders/*", requireShopper);

tradeInRoutes.openapi(
  createRoute({
    method: "get",
    path: "/trade-in/products/{productId}",
    tags: ["trade-in"],
    summary: "商品页“支持以旧换新”：该商品可抵换的旧机品类",
    request: { params: z.object({ productId: z.coerce.number().int().positive("商品编号无效") }) },
    responses: jsonOk("{ kinds }", ProductTradeInSchema),
  }),
  async (c) => c.json(await productTradeIn(c.get("db"), c.req.valid("param").productId)),
);

tradeInRoutes.openapi(
  createRoute({
    method: "get",
    path: "/trade-in/orders/{orderNo}",
    tags: ["trade-in"],
    security: bearer,
    summary: "以旧换新：本单申报的旧机、回收状态、上门估价与差额（补缴单号）",
    request: { params: z.object({ orderNo: z.string().regex(/^\d{1,32}$/, "订单号无效") }) },
    responses: jsonOk("{ orderNo, items }", OrderTradeInsSchema),
  }),
  async (c) => c.json(await shopperTradeIns(c.get("db"), shopperOf(c).id, c.req.valid("param").orderNo)),
);

/** The merchant's side: /api/admin/trade-in/* (merchant_admin, shared/admin-guard.ts). */
export const tradeInAdminRoutes = createRouter();
const tags = ["admin: trade-in"];

tradeInAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/trade-in/valuations",
    tags,
    security: bearer,
    summary: "以旧换新估价表（每种旧机：可抵换的新机分类、抵扣上限、按年限与成色的估价）",
    responses: jsonOk("{ items }", ValuationListSchema),
  }),
  async (c) => c.json(await listValuations(c.get("db"))),
);

tradeInAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/trade-in/valuations/{slug}",
    tags,
    security: bearer,
    summary: "新建或修改一种旧机的估价（已下单的按下单时的估价）；停用：active=false",
    request: { params: valuationSlugParam, ...jsonBody(valuationInput) },
    responses: jsonOk("估价", ValuationSchema),
  }),
  async (c) => c.json(await saveValuation(c.get("db"), c.req.valid("param").slug, c.req.valid("json"))),
);

tradeInAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/trade-in/trade-ins",
    tags,
    security: bearer,
    summary: "以旧换新记录（status: declared 待回收 / collected 已回收 / not_collected 未回收；最多 200 条）",
    request: { query: z.object({ status: z.enum(["declared", "collected", "not_collected"]).optional() }) },
    responses: jsonOk("{ items }", TradeInListSchema),
  }),
  async (c) => c.json(await tradeInsByStatus(c.get("db"), c.req.valid("query").status)),
);

tradeInAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/trade-in/items/{orderItemId}/collection",
    tags,
    security: bearer,
    summary:
      "登记旧机回收（无安装工单时由商家登记）：collected（可改估价/成色，差额退款或生成补缴单）或 not_collected（补缴全部抵扣）",
    request: {
      params: z.object({ orderItemId: z.coerce.number().int().positive("订单商品无效") }),
      ...jsonBody(collectionInput),
    },
    responses: jsonOk("以旧换新记录", TradeInSchema),
  }),
  async (c) =>
    c.json(
      await recordCollection(
        orderDeps(c),
        c.req.valid("param").orderItemId,
        staffOf(c).id,
        c.req.valid("json"),
      ),
    ),
);
