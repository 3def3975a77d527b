import { createRoute, z } from "@hono/zod-openapi";
import { requireShopper, shopperOf } from "../shared/auth";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk } from "../shared/router";
import { PendingReviewsSchema, ProductReviewsSchema } from "./api-schemas";
import { pendingReviews, productReviews, reviewBody, reviewListQuery, writeReview } from "./service";

/** 评价: anyone reads a product's reviews; a shopper reviews their own received goods. */
export const reviewRoutes = createRouter();
reviewRoutes.use("/reviews", requireShopper);
reviewRoutes.use("/reviews/*", requireShopper);
const tags = ["reviews"];

reviewRoutes.openapi(
  createRoute({
    method: "get",
    path: "/products/{id}/reviews",
    tags,
    summary: "商品评价（新的在前）与汇总：平均分、好评率、有图数；filter = all / photos / good / bad",
    request: { params: z.object({ id: z.coerce.number().int().positive() }), query: reviewListQuery },
    responses: jsonOk("一页评价", ProductReviewsSchema),
  }),
  async (c) => c.json(await productReviews(c.get("db"), c.req.valid("param").id, c.req.valid("query"))),
);

reviewRoutes.openapi(
  createRoute({
    method: "post",
    path: "/reviews",
    tags,
    security: bearer,
    summary:
      "评价一件已收到的商品（每个订单商品一次）：1–5 星、文字、最多 6 张图（先经 /api/after-sales/photos 上传）、可匿名",
    request: jsonBody(reviewBody),
    responses: jsonCreated("已发布", z.object({ id: z.number().int() })),
  }),
  async (c) => c.json(await writeReview(c.get("db"), c.env, shopperOf(c).id, c.req.valid("json")), 201),
);

reviewRoutes.openapi(
  createRoute({
    method: "get",
    path: "/reviews/pending",
    tags,
    security: bearer,
    summary: "待评价：已收货（90 天内）但还没评价的订单商品",
    responses: jsonOk("待评价", PendingReviewsSchema),
  }),
  async (c) => c.json(await pendingReviews(c.get("db"), shopperOf(c).id)),
);
