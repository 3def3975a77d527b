import { createRoute } from "@hono/zod-openapi";
import { requireShopper, shopperOf } from "../shared/auth";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import { DeliveryEstimateSchema, QuoteSchema } from "./api-schemas";
import { buildQuote, productDelivery, productDeliveryQuery, quoteInput, quoteView } from "./service";
import { getShopSettings, saveShopSettings, settingsInput } from "./settings";

/** /api/checkout/quote (shopper) and /api/admin/shop-settings (merchant). */
export const checkoutRoutes = createRouter();
checkoutRoutes.use("/checkout/*", requireShopper);

checkoutRoutes.openapi(
  createRoute({
    method: "post",
    path: "/checkout/quote",
    tags: ["checkout"],
    security: bearer,
    summary: "结算页报价：商品、运费、优惠、应付（服务器计算，客户端价格一律忽略）",
    request: jsonBody(quoteInput),
    responses: jsonOk(
      "{ items, adjustments, itemsTotalFen, shippingFen, discountFen, payableFen, orderable, problems }",
      QuoteSchema,
    ),
  }),
  async (c) => c.json(quoteView(await buildQuote(c.get("db"), shopperOf(c).id, c.req.valid("json")))),
);

checkoutRoutes.openapi(
  createRoute({
    method: "get",
    path: "/delivery/estimate",
    tags: ["checkout"],
    summary:
      "商品页“送至 / 运费 / 预计送达”：一件该规格送到所选区县（不传则用登录顾客的默认地址）的运费与预计送达日期",
    request: { query: productDeliveryQuery },
    responses: jsonOk(
      "{ region, deliverable, freightFen, freightLabel, deliveryPromise }",
      DeliveryEstimateSchema,
    ),
  }),
  async (c) => {
    const auth = c.get("auth");
    const shopperId = auth?.kind === "shopper" ? auth.id : undefined;
    return c.json(await productDelivery(c.get("db"), shopperId, c.req.valid("query")));
  },
);

checkoutRoutes.openapi(
  createRoute({
    method: "get",
    path: "/admin/shop-settings",
    tags: ["admin: orders"],
    security: bearer,
    summary: "店铺设置：运费规则、未支付自动取消分钟数、自动确认收货天数",
    responses: jsonOk("设置"),
  }),
  async (c) => c.json(await getShopSettings(c.get("db"))),
);

checkoutRoutes.openapi(
  createRoute({
    method: "put",
    path: "/admin/shop-settings",
    tags: ["admin: orders"],
    security: bearer,
    summary: "修改店铺设置",
    request: jsonBody(settingsInput),
    responses: jsonOk("设置"),
  }),
  async (c) => c.json(await saveShopSettings(c.get("db"), c.req.valid("json"))),
);
