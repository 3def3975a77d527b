import { createRoute, z } from "@hono/zod-openapi";
import { IDEMPOTENCY_KEY } from "../orders/place";
import { staffOf } from "../shared/auth";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk } from "../shared/router";
import { idParam, parseOrThrow } from "../shared/validation";
import {
  CouponReportSchema,
  CouponTemplateListSchema,
  CouponTemplateSchema,
  GrantResultSchema,
} from "./coupon-api-schemas";
import { grantCoupon } from "./coupon-claims";
import { couponTemplateInput, couponTemplatePatch, grantInput, templateListQuery } from "./coupon-model";
import {
  createTemplate,
  expireTemplate,
  getTemplate,
  listTemplates,
  stopTemplate,
  templateReport,
  updateTemplate,
} from "./coupon-templates";

/** Merchant coupon templates under /api/admin/marketing/coupons (merchant_admin: the central admin guard). */
export const couponAdminRoutes = createRouter();
const tags = ["admin: coupons"];
const params = { params: idParam };

couponAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/marketing/coupons",
    tags,
    security: bearer,
    summary: "优惠券列表（含已领取、已使用数量）",
    request: { query: templateListQuery },
    responses: jsonOk("{ items }", CouponTemplateListSchema),
  }),
  async (c) => c.json({ items: await listTemplates(c.get("db"), c.req.valid("query")) }),
);

couponAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/marketing/coupons",
    tags,
    security: bearer,
    summary:
      "新建优惠券：满减（amountOffFen + thresholdFen）、无门槛（amountOffFen）、折扣（payPercent 88 = 8.8折，可设 capFen）；范围、有效期、总量、每人限领、发放渠道",
    request: jsonBody(couponTemplateInput),
    responses: jsonCreated("优惠券", CouponTemplateSchema),
  }),
  async (c) => c.json(await createTemplate(c.get("db"), staffOf(c).id, c.req.valid("json")), 201),
);

couponAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/marketing/coupons/{id}",
    tags,
    security: bearer,
    summary: "优惠券详情",
    request: params,
    responses: jsonOk("优惠券", CouponTemplateSchema),
  }),
  async (c) => c.json(await getTemplate(c.get("db"), c.req.valid("param").id)),
);

couponAdminRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/marketing/coupons/{id}",
    tags,
    security: bearer,
    summary: "修改名称、说明、发放总量（不少于已领取）、每人限领、发放渠道；券的规则创建后不可改",
    request: { ...params, ...jsonBody(couponTemplatePatch) },
    responses: jsonOk("优惠券", CouponTemplateSchema),
  }),
  async (c) => c.json(await updateTemplate(c.get("db"), c.req.valid("param").id, c.req.valid("json"))),
);

couponAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/marketing/coupons/{id}/stop",
    tags,
    security: bearer,
    summary: "停止发放（不能再领取或发放；已领取的券照常可用）",
    request: params,
    responses: jsonOk("优惠券", CouponTemplateSchema),
  }),
  async (c) => c.json(await stopTemplate(c.get("db"), c.req.valid("param").id)),
);

couponAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/marketing/coupons/{id}/expire",
    tags,
    security: bearer,
    summary: "立即失效（停止发放，且所有未使用的券立即过期）",
    request: params,
    responses: jsonOk("优惠券", CouponTemplateSchema),
  }),
  async (c) => c.json(await expireTemplate(c.get("db"), c.req.valid("param").id)),
);

couponAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/marketing/coupons/{id}/grant",
    tags,
    security: bearer,
    summary: "发放给指定顾客（受发放总量限制，不受每人限领限制；可带 Idempotency-Key：重复请求不重复发放）",
    request: {
      ...params,
      ...jsonBody(grantInput),
      headers: z.object({ "idempotency-key": z.string().optional() }),
    },
    responses: jsonOk("{ granted, alreadyGranted, soldOut }", GrantResultSchema),
  }),
  async (c) => {
    const key = c.req.header("idempotency-key");
    if (key !== undefined) parseOrThrow(IDEMPOTENCY_KEY, key);
    return c.json(
      await grantCoupon(c.get("db"), c.req.valid("param").id, c.req.valid("json").shopperIds, key),
    );
  },
);

couponAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/marketing/coupons/{id}/report",
    tags,
    security: bearer,
    summary: "使用报表：已发放、已使用、过期未使用、节省金额",
    request: params,
    responses: jsonOk("报表", CouponReportSchema),
  }),
  async (c) => c.json(await templateReport(c.get("db"), c.req.valid("param").id)),
);
