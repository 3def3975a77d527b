import { createRoute } from "@hono/zod-openapi";
import { requireShopper, requireStaff, shopperOf } from "../shared/auth";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import { QuoteSchema } from "./api-schemas";
import { buildQuote, quoteInput, quoteView } from "./service";
import { getShopSettings, saveShopSettings, settingsInput } from "./settings";

/** /api/checkout/quote (shopper) and /api/admin/shop-settings (merchant). */
export const checkoutRoutes = createRouter();
checkoutRoutes.use("/checkout/*", requireShopper);
checkoutRoutes.use("/admin/shop-settings", requireStaff("merchant_admin"));

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
