import { createRoute, z } from "@hono/zod-openapi";
import { staffOf } from "../shared/auth";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk, OkResponse } from "../shared/router";
import { AdminQuestionPageSchema, CreatedIdSchema } from "./api-schemas";
import {
  adminQuestionQuery,
  answerAsMerchant,
  contentBody,
  questionsForMerchant,
  setAnswerVisible,
  setQuestionVisible,
} from "./service";

/** 问大家管理 (merchant_admin: the default of shared/admin-guard.ts). */
export const questionAdminRoutes = createRouter();
const tags = ["questions"];
const id = { params: z.object({ id: z.coerce.number().int().positive("无效的编号") }) };
const visibility = jsonBody(z.object({ visible: z.boolean({ error: "请指定是否显示" }) }));

questionAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/questions",
    tags,
    security: bearer,
    summary: "全部问题（含已隐藏）与回答；unanswered=1 只看还没有回答的",
    request: { query: adminQuestionQuery },
    responses: jsonOk("一页问题", AdminQuestionPageSchema),
  }),
  async (c) => c.json(await questionsForMerchant(c.get("db"), c.req.valid("query"))),
);

questionAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/questions/{id}/answers",
    tags,
    security: bearer,
    summary: "以商家身份回答（显示 商家 标记）",
    request: { ...id, ...jsonBody(contentBody) },
    responses: jsonCreated("已回答", CreatedIdSchema),
  }),
  async (c) =>
    c.json(
      await answerAsMerchant(
        c.get("db"),
        staffOf(c).id,
        c.req.valid("param").id,
        c.req.valid("json").content,
      ),
      201,
    ),
);

questionAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/questions/{id}/visibility",
    tags,
    security: bearer,
    summary: "隐藏（广告、辱骂）或恢复显示一个问题",
    request: { ...id, ...visibility },
    responses: jsonOk("已更新", OkResponse),
  }),
  async (c) =>
    c.json(await setQuestionVisible(c.get("db"), c.req.valid("param").id, c.req.valid("json").visible)),
);

questionAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/answers/{id}/visibility",
    tags,
    security: bearer,
    summary: "隐藏或恢复显示一条回答",
    request: { ...id, ...visibility },
    responses: jsonOk("已更新", OkResponse),
  }),
  async (c) =>
    c.json(await setAnswerVisible(c.get("db"), c.req.valid("param").id, c.req.valid("json").visible)),
);
