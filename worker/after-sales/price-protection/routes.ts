import { createRoute, z } from "@hono/zod-openapi";
import { orderDeps } from "../../orders/deps";
import { requireShopper, shopperOf } from "../../shared/auth";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk } from "../../shared/router";
import { PriceProtectionLineSchema, PriceProtectionOrderSchema } from "./api-schemas";
import { applyPriceProtection, priceProtectionForOrder } from "./service";

/** 价保 for shoppers: /api/after-sales/price-protection. Someone else's order or line is 404. */
export const priceProtectionRoutes = createRouter();
priceProtectionRoutes.use("/after-sales/price-protection", requireShopper);
priceProtectionRoutes.use("/after-sales/price-protection/*", requireShopper);
const tags = ["after-sales"];

priceProtectionRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/price-protection/orders/{orderNo}",
    tags,
    security: bearer,
    summary: "价保：订单各行能否申请、成交单价、现价、差价、截止时间、是否已申请",
    request: { params: z.object({ orderNo: z.string().regex(/^\d{1,32}$/, "订单号无效") }) },
    responses: jsonOk("{ orderNo, paidAt, lines }", PriceProtectionOrderSchema),
  }),
  async (c) =>
    c.json(await priceProtectionForOrder(c.get("db"), shopperOf(c).id, c.req.valid("param").orderNo)),
);

priceProtectionRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/price-protection",
    tags,
    security: bearer,
    summary: "申请价保（每个订单商品一次）：服务器计算差价 × 未退货件数并原路退款",
    request: jsonBody(
      z.object({ orderItemId: z.number({ error: "请选择要价保的商品" }).int().positive("订单商品无效") }),
    ),
    responses: jsonCreated("该行的价保（含退款状态）", PriceProtectionLineSchema),
  }),
  async (c) =>
    c.json(await applyPriceProtection(orderDeps(c), shopperOf(c).id, c.req.valid("json").orderItemId), 201),
);
