import { createRoute, z } from "@hono/zod-openapi";
import { bearer, createRouter, jsonBody, jsonOk, OkResponse } from "../shared/router";
import { AdminReviewPageSchema } from "./api-schemas";
import { adminReviewQuery, listReviewsForMerchant, replyToReview, setReviewVisible } from "./service";

/** 评价管理 (merchant_admin: the default of shared/admin-guard.ts). */
export const reviewAdminRoutes = createRouter();
const tags = ["reviews"];
const params = { params: z.object({ id: z.coerce.number().int().positive() }) };

reviewAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/reviews",
    tags,
    security: bearer,
    summary: "全部评价（含已隐藏），可按星级、未回复筛选",
    request: { query: adminReviewQuery },
    responses: jsonOk("一页评价", AdminReviewPageSchema),
  }),
  async (c) => c.json(await listReviewsForMerchant(c.get("db"), c.req.valid("query"))),
);

reviewAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/reviews/{id}/reply",
    tags,
    security: bearer,
    summary: "回复评价（再次回复覆盖）",
    request: { ...params, ...jsonBody(z.object({ content: z.string({ error: "请填写回复" }).max(2000) })) },
    responses: jsonOk("已回复", OkResponse),
  }),
  async (c) => c.json(await replyToReview(c.get("db"), c.req.valid("param").id, c.req.valid("json").content)),
);

reviewAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/reviews/{id}/visibility",
    tags,
    security: bearer,
    summary: "隐藏（广告、辱骂）或恢复显示一条评价；商品的评分汇总随之更新",
    request: { ...params, ...jsonBody(z.object({ visible: z.boolean() })) },
    responses: jsonOk("已更新", OkResponse),
  }),
  async (c) =>
    c.json(await setReviewVisible(c.get("db"), c.req.valid("param").id, c.req.valid("json").visible)),
);
