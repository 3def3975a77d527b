import { createRoute } from "@hono/zod-openapi";
import { maybeShopperId } from "../shared/auth";
import { createRouter, jsonOk, optionalBearer } from "../shared/router";
import { RecommendationsSchema } from "./api-schemas";
import { recommendationQuery, recommendations } from "./service";

/** 猜你喜欢 for the home page, the cart and the order result (anonymous visitors get the best sellers). */
export const recommendationRoutes = createRouter();

recommendationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/recommendations",
    tags: ["catalog"],
    security: optionalBearer,
    summary:
      "猜你喜欢：按浏览、收藏、购买过的品类与品牌（近期的更重），排除已买过与页面已展示的商品；未登录为热销",
    request: { query: recommendationQuery },
    responses: jsonOk("推荐商品", RecommendationsSchema),
  }),
  async (c) => {
    // Personal: never stored by a shared cache.
    c.header("cache-control", "private, no-store");
    return c.json(await recommendations(c.get("db"), maybeShopperId(c), c.req.valid("query")));
  },
);
