import { createRoute, z } from "@hono/zod-openapi";
import { requireShopper, shopperOf } from "../shared/auth";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk } from "../shared/router";
import { CreatedIdSchema, QuestionDetailSchema, QuestionPageSchema } from "./api-schemas";
import {
  answerAsShopper,
  askQuestion,
  contentBody,
  productQuestionsPage,
  questionDetail,
  questionListQuery,
} from "./service";

/** 问大家: anyone reads; a signed-in shopper asks; the product's buyers answer. */
export const questionRoutes = createRouter();
questionRoutes.on("POST", ["/products/:id/questions", "/questions/:id/answers"], requireShopper);
const tags = ["questions"];
const id = { params: z.object({ id: z.coerce.number().int().positive("无效的编号") }) };

questionRoutes.openapi(
  createRoute({
    method: "get",
    path: "/products/{id}/questions",
    tags,
    summary: "问大家：商品的问题（新的在前），每条带回答数与最早 2 条回答；limit=2 可做商品页预览",
    request: { ...id, query: questionListQuery },
    responses: jsonOk("一页问题", QuestionPageSchema),
  }),
  async (c) => c.json(await productQuestionsPage(c.get("db"), c.req.valid("param").id, c.req.valid("query"))),
);

questionRoutes.openapi(
  createRoute({
    method: "get",
    path: "/questions/{id}",
    tags,
    summary: "一个问题与它的全部回答",
    request: id,
    responses: jsonOk("问题详情", QuestionDetailSchema),
  }),
  async (c) => c.json(await questionDetail(c.get("db"), c.req.valid("param").id)),
);

questionRoutes.openapi(
  createRoute({
    method: "post",
    path: "/products/{id}/questions",
    tags,
    security: bearer,
    summary: "提问（5–100 字；同一商品每人每天最多 5 个；暂不通知任何人）",
    request: { ...id, ...jsonBody(contentBody) },
    responses: jsonCreated("已提问", CreatedIdSchema),
  }),
  async (c) =>
    c.json(
      await askQuestion(c.get("db"), shopperOf(c).id, c.req.valid("param").id, c.req.valid("json").content),
      201,
    ),
);

questionRoutes.openapi(
  createRoute({
    method: "post",
    path: "/questions/{id}/answers",
    tags,
    security: bearer,
    summary:
      "回答（2–300 字）：只有买过该商品（已支付 / 已发货 / 已完成的订单）的用户，且不能回答自己的提问；提问人会在消息中心收到通知（未读时只保留一条）",
    request: { ...id, ...jsonBody(contentBody) },
    responses: jsonCreated("已回答（带 已购 标记）", CreatedIdSchema),
  }),
  async (c) =>
    c.json(
      await answerAsShopper(
        c.get("db"),
        shopperOf(c).id,
        c.req.valid("param").id,
        c.req.valid("json").content,
      ),
      201,
    ),
);
