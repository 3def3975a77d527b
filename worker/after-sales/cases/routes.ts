import { createRoute, z } from "@hono/zod-openapi";
import { imageHeaders } from "../../catalog/images";
import { orderDeps } from "../../orders/deps";
import { requireShopper, shopperOf } from "../../shared/auth";
import { notFound } from "../../shared/errors";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk } from "../../shared/router";
import { CaseDetailSchema, CaseEligibilitySchema, CaseListSchema, CasePhotoSchema } from "./api-schemas";
import {
  applyInput,
  caseNoParams,
  orderNoParams,
  PHOTO_KEY_PATTERN,
  returnShipmentInput,
  shopperListQuery,
} from "./model";
import { readUpload, uploadPhoto } from "./photos";
import {
  applyCase,
  cancelCase,
  caseEligibility,
  confirmExchange,
  listCases,
  shipBack,
  shopperCase,
} from "./service";
import { caseDetail, caseSummaries } from "./views";

/** The shopper's after-sales cases. Someone else's order or case is always 404. */
export const caseRoutes = createRouter();
caseRoutes.use("/after-sales/cases", requireShopper);
caseRoutes.use("/after-sales/cases/*", requireShopper);
caseRoutes.use("/after-sales/orders/*", requireShopper);
// Uploading needs a shopper; reading a photo (GET /after-sales/photos/<key>) does not.
caseRoutes.use("/after-sales/photos", requireShopper);

const tags = ["after-sales cases"];

caseRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/orders/{orderNo}/eligibility",
    tags,
    security: bearer,
    summary: "订单各商品可申请的售后类型（服务端判定：仅退款/退货退款/换货/维修）、可申请件数和单件实付金额",
    request: { params: orderNoParams },
    responses: jsonOk("每个订单商品的售后资格", CaseEligibilitySchema),
  }),
  async (c) =>
    c.json(await caseEligibility(c.get("db"), shopperOf(c).id, c.req.valid("param").orderNo, Date.now())),
);

caseRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/photos",
    tags,
    security: bearer,
    summary: "上传售后图片（请求体为图片原始字节或 multipart 字段 file；JPG/PNG/WebP，≤ 5MB）",
    request: {
      body: {
        content: {
          "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) },
        },
        required: true,
      },
    },
    responses: jsonCreated("{ key, url }：申请售后时在 photos 中提交 key", CasePhotoSchema),
  }),
  async (c) => {
    const shopper = shopperOf(c);
    return c.json(await uploadPhoto(c.env, shopper.id, await readUpload(c.req.raw)), 201);
  },
);

/** Served like product images: public by an unguessable key, immutable, sandboxed. */
caseRoutes.get("/after-sales/photos/*", async (c) => {
  const key = c.req.path.replace(/^\/api\/after-sales\/photos\//, "");
  if (!PHOTO_KEY_PATTERN.test(key)) throw notFound("图片不存在");
  const etag = c.req.header("if-none-match");
  const obj = await c.env.IMAGES.get(
    key,
    etag ? { onlyIf: { etagDoesNotMatch: etag.replace(/"/g, "") } } : undefined,
  );
  if (!obj) throw notFound("图片不存在");
  const headers = imageHeaders(obj.httpMetadata?.contentType ?? "application/octet-stream", obj.httpEtag);
  if (!("body" in obj)) return new Response(null, { status: 304, headers });
  return new Response(obj.body, { headers });
});

caseRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/cases",
    tags,
    security: bearer,
    summary: "申请售后（选择商品和件数、类型、原因、描述和图片）",
    request: jsonBody(applyInput),
    responses: jsonCreated("新的售后单", CaseDetailSchema),
  }),
  async (c) => {
    const deps = orderDeps(c);
    const created = await applyCase(deps, shopperOf(c).id, c.req.valid("json"));
    return c.json(await caseDetail(deps.db, created, "shopper"), 201);
  },
);

caseRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/cases",
    tags,
    security: bearer,
    summary: "我的售后单（新的在前）",
    request: { query: shopperListQuery },
    responses: jsonOk("{ items, nextCursor }", CaseListSchema),
  }),
  async (c) => {
    const db = c.get("db");
    const page = await listCases(db, { shopperId: shopperOf(c).id }, c.req.valid("query"));
    return c.json({ items: await caseSummaries(db, page.items), nextCursor: page.nextCursor });
  },
);

caseRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/cases/{caseNo}",
    tags,
    security: bearer,
    summary: "售后单详情（进度、退款金额与状态、寄回地址、期限、可执行操作）",
    request: { params: caseNoParams },
    responses: jsonOk("售后单", CaseDetailSchema),
  }),
  async (c) => {
    const db = c.get("db");
    return c.json(
      await caseDetail(db, await shopperCase(db, shopperOf(c).id, c.req.valid("param").caseNo), "shopper"),
    );
  },
);

caseRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/cases/{caseNo}/cancel",
    tags,
    security: bearer,
    summary: "撤销售后申请（待审核或待寄回时）",
    request: { params: caseNoParams },
    responses: jsonOk("售后单", CaseDetailSchema),
  }),
  async (c) => {
    const deps = orderDeps(c);
    const shopperId = shopperOf(c).id;
    const found = await shopperCase(deps.db, shopperId, c.req.valid("param").caseNo);
    return c.json(await caseDetail(deps.db, await cancelCase(deps, found, shopperId), "shopper"));
  },
);

caseRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/cases/{caseNo}/return-shipment",
    tags,
    security: bearer,
    summary: "寄回商品：{ carrier, trackingNo }，或大件预约上门取件 { pickup: { date, slot } }",
    request: { params: caseNoParams, ...jsonBody(returnShipmentInput) },
    responses: jsonOk("售后单", CaseDetailSchema),
  }),
  async (c) => {
    const deps = orderDeps(c);
    const shopperId = shopperOf(c).id;
    const found = await shopperCase(deps.db, shopperId, c.req.valid("param").caseNo);
    return c.json(
      await caseDetail(deps.db, await shipBack(deps, found, shopperId, c.req.valid("json")), "shopper"),
    );
  },
);

caseRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/cases/{caseNo}/confirm",
    tags,
    security: bearer,
    summary: "确认收到换货商品",
    request: { params: caseNoParams },
    responses: jsonOk("售后单", CaseDetailSchema),
  }),
  async (c) => {
    const deps = orderDeps(c);
    const shopperId = shopperOf(c).id;
    const found = await shopperCase(deps.db, shopperId, c.req.valid("param").caseNo);
    return c.json(await caseDetail(deps.db, await confirmExchange(deps, found, shopperId), "shopper"));
  },
);
