import { createRoute } from "@hono/zod-openapi";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk } from "../shared/router";
import { FaqByCategorySchema, FaqSearchResultSchema } from "./api-schemas";
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
    responses: jsonOk("{ items }"),
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
    responses: jsonCreated("FAQ"),
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
    responses: jsonOk("FAQ"),
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
    responses: jsonOk("FAQ"),
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
    responses: jsonOk("FAQ"),
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
    responses: jsonOk("{ ok }"),
  }),
  async (c) => {
    await deleteFaq(c.get("db"), c.req.valid("param").id);
    return c.json({ ok: true });
  },
);
