import { createRoute, z } from "@hono/zod-openapi";
import { createLogger } from "../shared/log";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk, OkResponse } from "../shared/router";
import {
  FaqAdminEntrySchema,
  FaqAdminListSchema,
  FaqByCategorySchema,
  FaqSearchResultSchema,
  FaqTryResultSchema,
} from "./api-schemas";
import { faqIdParams, faqInput, faqListQuery, faqPatch, faqReplace, faqSearchQuery } from "./model";
import {
  createFaq,
  deleteFaq,
  getFaq,
  listFaqAdmin,
  listFaqByCategory,
  searchFaq,
  updateFaq,
} from "./service";
import { tryBot } from "./try-bot";

/** Public FAQ for the mini program's help page: enabled entries only. */
export const faqRoutes = createRouter();

faqRoutes.openapi(
  createRoute({
    method: "get",
    path: "/faq",
    tags: ["faq"],
    summary: "常见问题（按分类）",
    request: { query: faqListQuery },
    responses: jsonOk("{ categories: [{ name, items: [{ id, question, answer }] }] }", FaqByCategorySchema),
  }),
  async (c) => c.json({ categories: await listFaqByCategory(c.get("db"), c.req.valid("query").category) }),
);

faqRoutes.openapi(
  createRoute({
    method: "get",
    path: "/faq/search",
    tags: ["faq"],
    summary: "搜索常见问题（与客服机器人相同的检索排序）",
    request: { query: faqSearchQuery },
    responses: jsonOk("{ items: [{ id, question, answer, category, confidence }] }", FaqSearchResultSchema),
  }),
  async (c) => {
    const { q, limit } = c.req.valid("query");
    return c.json({ items: await searchFaq(c.get("db"), q, limit) });
  },
);

/** Merchant FAQ management. Every write bumps the FAQ revision, so bots and search see it at once. */
export const faqAdminRoutes = createRouter();

const tags = ["admin: faq"];

faqAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/faq",
    tags,
    security: bearer,
    summary: "FAQ 列表（含停用）",
    request: { query: faqListQuery },
    responses: jsonOk("{ items }", FaqAdminListSchema),
  }),
  async (c) => c.json({ items: await listFaqAdmin(c.get("db"), c.req.valid("query").category) }),
);

faqAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/faq",
    tags,
    security: bearer,
    summary: "新建 FAQ",
    request: jsonBody(faqInput),
    responses: jsonCreated("FAQ", FaqAdminEntrySchema),
  }),
  async (c) => c.json(await createFaq(c.get("db"), c.req.valid("json")), 201),
);

faqAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/faq/{id}",
    tags,
    security: bearer,
    summary: "FAQ 详情",
    request: { params: faqIdParams },
    responses: jsonOk("FAQ", FaqAdminEntrySchema),
  }),
  async (c) => c.json(await getFaq(c.get("db"), c.req.valid("param").id)),
);

faqAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/faq/{id}",
    tags,
    security: bearer,
    summary: "修改 FAQ（整体替换）",
    request: { params: faqIdParams, ...jsonBody(faqReplace) },
    responses: jsonOk("FAQ", FaqAdminEntrySchema),
  }),
  async (c) => c.json(await updateFaq(c.get("db"), c.req.valid("param").id, c.req.valid("json"))),
);

faqAdminRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/faq/{id}",
    tags,
    security: bearer,
    summary: "部分修改 FAQ（如启用/停用）",
    request: { params: faqIdParams, ...jsonBody(faqPatch) },
    responses: jsonOk("FAQ", FaqAdminEntrySchema),
  }),
  async (c) => c.json(await updateFaq(c.get("db"), c.req.valid("param").id, c.req.valid("json"))),
);

faqAdminRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/faq/{id}",
    tags,
    security: bearer,
    summary: "删除 FAQ",
    request: { params: faqIdParams },
    responses: jsonOk("{ ok }", OkResponse),
  }),
  async (c) => {
    await deleteFaq(c.get("db"), c.req.valid("param").id);
    return c.json({ ok: true });
  },
);

faqAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/faq/try",
    tags,
    security: bearer,
    summary: "试一试：机器人会怎样回答这个问题（与顾客在会话中提问相同；不建会话）",
    request: jsonBody(z.object({ question: z.string().trim().min(1, "请输入要试的问题").max(200) })),
    responses: jsonOk("{ answer, confidence, escalates, … }", FaqTryResultSchema),
  }),
  async (c) => {
    const log = createLogger(c.env.LOG_LEVEL, { requestId: c.get("requestId") });
    return c.json(await tryBot(c.get("db"), c.env, log, c.req.valid("json").question));
  },
);
