import { createRoute, z } from "@hono/zod-openapi";
import { orderDeps } from "../../orders/deps";
import { staffOf } from "../../shared/auth";
import { bearer, createRouter, jsonBody, jsonOk } from "../../shared/router";
import { CaseDetailSchema, CaseListSchema } from "./api-schemas";
import {
  caseNoParams,
  categoryParams,
  merchantListQuery,
  noReasonInput,
  receiveInput,
  refuseInput,
  shipExchangeInput,
} from "./model";
import {
  approveCase,
  listCases,
  merchantCase,
  receiveCase,
  refuseCase,
  setNoReasonReturn,
  shipExchange,
} from "./service";
import { caseDetail, caseSummaries } from "./views";

/** The merchant's side of after-sales cases: /api/admin/after-sales/… (roles in shared/admin-guard.ts). */
export const caseAdminRoutes = createRouter();
const tags = ["admin: after-sales cases"];

const merchant = (c: Parameters<typeof staffOf>[0]) => ({ kind: "merchant" as const, id: staffOf(c).id });

caseAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/cases",
    tags,
    security: bearer,
    summary: "售后单列表（可按状态筛选，新的在前）",
    request: { query: merchantListQuery },
    responses: jsonOk("{ items, nextCursor }", CaseListSchema),
  }),
  async (c) => {
    const db = c.get("db");
    const { status, ...page } = c.req.valid("query");
    const found = await listCases(db, status ? { status } : {}, page);
    return c.json({ items: await caseSummaries(db, found.items), nextCursor: found.nextCursor });
  },
);

caseAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/cases/{caseNo}",
    tags,
    security: bearer,
    summary: "售后单详情",
    request: { params: caseNoParams },
    responses: jsonOk("售后单", CaseDetailSchema),
  }),
  async (c) => {
    const db = c.get("db");
    return c.json(await caseDetail(db, await merchantCase(db, c.req.valid("param").caseNo), "merchant"));
  },
);

caseAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/cases/{caseNo}/approve",
    tags,
    security: bearer,
    summary: "同意售后申请（仅退款即时退款；维修即时创建维修工单；退货/换货等待顾客寄回）",
    request: { params: caseNoParams },
    responses: jsonOk("售后单", CaseDetailSchema),
  }),
  async (c) => {
    const deps = orderDeps(c);
    const found = await merchantCase(deps.db, c.req.valid("param").caseNo);
    return c.json(await caseDetail(deps.db, await approveCase(deps, found, merchant(c)), "merchant"));
  },
);

caseAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/cases/{caseNo}/refuse",
    tags,
    security: bearer,
    summary: "拒绝售后申请（需填写原因；商品可再次申请）",
    request: { params: caseNoParams, ...jsonBody(refuseInput) },
    responses: jsonOk("售后单", CaseDetailSchema),
  }),
  async (c) => {
    const deps = orderDeps(c);
    const found = await merchantCase(deps.db, c.req.valid("param").caseNo);
    const refused = await refuseCase(deps, found, merchant(c), c.req.valid("json").reason);
    return c.json(await caseDetail(deps.db, refused, "merchant"));
  },
);

caseAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/cases/{caseNo}/receive",
    tags,
    security: bearer,
    summary: "收货验货：各商品收到件数与损坏件数；完好的退回库存，退货退款随即发起退款",
    request: { params: caseNoParams, ...jsonBody(receiveInput) },
    responses: jsonOk("售后单", CaseDetailSchema),
  }),
  async (c) => {
    const deps = orderDeps(c);
    const found = await merchantCase(deps.db, c.req.valid("param").caseNo);
    const received = await receiveCase(deps, found, merchant(c), c.req.valid("json"));
    return c.json(await caseDetail(deps.db, received, "merchant"));
  },
);

caseAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/cases/{caseNo}/ship-exchange",
    tags,
    security: bearer,
    summary: "发出换货商品（从库存出库，记录快递单号）",
    request: { params: caseNoParams, ...jsonBody(shipExchangeInput) },
    responses: jsonOk("售后单", CaseDetailSchema),
  }),
  async (c) => {
    const deps = orderDeps(c);
    const found = await merchantCase(deps.db, c.req.valid("param").caseNo);
    const shipped = await shipExchange(deps, found, merchant(c), c.req.valid("json"));
    return c.json(await caseDetail(deps.db, shipped, "merchant"));
  },
);

caseAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/after-sales/categories/{id}/no-reason-return",
    tags,
    security: bearer,
    summary: "设置品类是否支持七天无理由退货（如嵌入式家电安装后不支持）",
    request: { params: categoryParams, ...jsonBody(noReasonInput) },
    responses: jsonOk(
      "{ id, name, noReasonReturn }",
      z
        .object({ id: z.number().int(), name: z.string(), noReasonReturn: z.boolean() })
        .openapi("CategoryNoReasonReturn"),
    ),
  }),
  async (c) =>
    c.json(await setNoReasonReturn(c.get("db"), c.req.valid("param").id, c.req.valid("json").allowed)),
);
