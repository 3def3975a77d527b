import { createRoute } from "@hono/zod-openapi";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk, OkResponse } from "../shared/router";
import { idParam } from "../shared/validation";
import {
  ActivePromotionListSchema,
  PromotionListSchema,
  PromotionReportSchema,
  PromotionSchema,
} from "./promotion-api-schemas";
import {
  activePromotionsForShoppers,
  createPromotion,
  deletePromotion,
  getPromotion,
  listPromotions,
  promotionInput,
  promotionListQuery,
  promotionReport,
  stopPromotion,
  updatePromotion,
} from "./promotion-service";

/** Merchant: automatic promotions (/api/admin/marketing/promotions…; merchant_admin by the central admin guard). */
export const promotionAdminRoutes = createRouter();
const tags = ["admin: marketing"];

promotionAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/marketing/promotions",
    tags,
    security: bearer,
    summary: "促销活动列表（最新 200 个）",
    request: { query: promotionListQuery },
    responses: jsonOk("{ items }", PromotionListSchema),
  }),
  async (c) => c.json(await listPromotions(c.get("db"), c.req.valid("query"))),
);

promotionAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/marketing/promotions",
    tags,
    security: bearer,
    summary:
      "新建促销：满减（阶梯，取达到的最高档）、每满减（可封顶）、满折（按件数或金额）、限时折扣（SKU 限时价）；范围、时间、优先级、是否与其他促销/优惠券叠加",
    request: jsonBody(promotionInput),
    responses: jsonCreated("活动", PromotionSchema),
  }),
  async (c) => c.json(await createPromotion(c.get("db"), c.req.valid("json")), 201),
);

promotionAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/marketing/promotions/{id}",
    tags,
    security: bearer,
    summary: "促销活动详情",
    request: { params: idParam },
    responses: jsonOk("活动", PromotionSchema),
  }),
  async (c) => c.json(await getPromotion(c.get("db"), c.req.valid("param").id)),
);

promotionAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/marketing/promotions/{id}",
    tags,
    security: bearer,
    summary: "修改促销活动（整体替换；已结束或已停止的 409）",
    request: { params: idParam, ...jsonBody(promotionInput) },
    responses: jsonOk("活动", PromotionSchema),
  }),
  async (c) => c.json(await updatePromotion(c.get("db"), c.req.valid("param").id, c.req.valid("json"))),
);

promotionAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/marketing/promotions/{id}/stop",
    tags,
    security: bearer,
    summary: "停止促销活动（立即结束；已结束的 409）",
    request: { params: idParam },
    responses: jsonOk("活动", PromotionSchema),
  }),
  async (c) => c.json(await stopPromotion(c.get("db"), c.req.valid("param").id)),
);

promotionAdminRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/marketing/promotions/{id}",
    tags,
    security: bearer,
    summary: "删除未开始的促销活动（已开始的请停止：409）",
    request: { params: idParam },
    responses: jsonOk("已删除", OkResponse),
  }),
  async (c) => {
    await deletePromotion(c.get("db"), c.req.valid("param").id);
    return c.json({ ok: true });
  },
);

promotionAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/marketing/promotions/{id}/report",
    tags,
    security: bearer,
    summary: "促销效果：已支付订单数、件数、优惠合计、原价与实付合计；待支付订单另计（不含已取消）",
    request: { params: idParam },
    responses: jsonOk("报表", PromotionReportSchema),
  }),
  async (c) => c.json(await promotionReport(c.get("db"), c.req.valid("param").id)),
);

/** Shoppers: what is on now (public). */
export const promotionRoutes = createRouter();

promotionRoutes.openapi(
  createRoute({
    method: "get",
    path: "/promotions/active",
    tags: ["marketing"],
    summary: "进行中的促销活动及标签（满3000减300、限时折扣…）",
    responses: jsonOk("{ items }", ActivePromotionListSchema),
  }),
  async (c) => c.json(await activePromotionsForShoppers(c.get("db"))),
);
