import { createRoute, z } from "@hono/zod-openapi";
import { IDEMPOTENCY_KEY } from "../orders/place";
import { maybeShopperId, requireShopper, shopperOf } from "../shared/auth";
import { bearer, createRouter, jsonOk, optionalBearer } from "../shared/router";
import { parseOrThrow } from "../shared/validation";
import { ClaimableCouponListSchema, ClaimResultSchema, MyCouponListSchema } from "./coupon-api-schemas";
import { claimCoupon, couponCentre, couponsForProduct, myCoupons } from "./coupon-claims";
import { claimQuery, mineQuery, productIdParam, templateIdParam } from "./coupon-model";

/** Coupons for shoppers: /api/coupons (the centre and product pages are public; claiming needs a login). */
export const couponRoutes = createRouter();
const tags = ["coupons"];

/** The logged-in shopper, if any (the centre and product pages also answer anonymous visitors). */

couponRoutes.openapi(
  createRoute({
    method: "get",
    path: "/coupons/centre",
    tags,
    security: optionalBearer,
    summary: "领券中心：可领取的优惠券，登录后带 已领 / 已抢光 状态",
    responses: jsonOk("{ items }", ClaimableCouponListSchema),
  }),
  async (c) => c.json(await couponCentre(c.get("db"), maybeShopperId(c))),
);

couponRoutes.openapi(
  createRoute({
    method: "get",
    path: "/coupons/for-product/{productId}",
    tags,
    security: optionalBearer,
    summary: "商品详情页可领的优惠券（适用于该商品：全场、所属分类或上级分类、指定商品，排除的商品除外）",
    request: { params: productIdParam },
    responses: jsonOk("{ items }", ClaimableCouponListSchema),
  }),
  async (c) =>
    c.json(await couponsForProduct(c.get("db"), c.req.valid("param").productId, maybeShopperId(c))),
);

couponRoutes.use("/coupons/mine", requireShopper);
couponRoutes.use("/coupons/:templateId/claim", requireShopper);

couponRoutes.openapi(
  createRoute({
    method: "get",
    path: "/coupons/mine",
    tags,
    security: bearer,
    summary: "我的优惠券（tab: usable 可使用 / used 已使用 / expired 已过期），附各页签数量",
    request: { query: mineQuery },
    responses: jsonOk("{ tab, counts, items }", MyCouponListSchema),
  }),
  async (c) => c.json(await myCoupons(c.get("db"), shopperOf(c).id, c.req.valid("query").tab)),
);

couponRoutes.openapi(
  createRoute({
    method: "post",
    path: "/coupons/{templateId}/claim",
    tags,
    security: bearer,
    summary:
      "领取优惠券（不超过发放总量和每人限领；可带 Idempotency-Key：重试返回同一张券）。409：SOLD_OUT 已抢光 / CLAIM_LIMIT_REACHED 已领 / COUPON_STOPPED / COUPON_EXPIRED",
    request: {
      params: templateIdParam,
      query: claimQuery,
      headers: z.object({ "idempotency-key": z.string().optional() }),
    },
    responses: jsonOk("{ created, coupon }", ClaimResultSchema),
  }),
  async (c) => {
    const key = c.req.header("idempotency-key");
    if (key !== undefined) parseOrThrow(IDEMPOTENCY_KEY, key);
    return c.json(
      await claimCoupon(c.get("db"), shopperOf(c).id, c.req.valid("param").templateId, {
        from: c.req.valid("query").from,
        idempotencyKey: key,
      }),
    );
  },
);
