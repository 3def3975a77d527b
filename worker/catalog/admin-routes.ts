import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { staffOf } from "../shared/auth";
import { AppError, badRequest, notFound } from "../shared/errors";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk, OkResponse } from "../shared/router";
import {
  AdminBannerSchema,
  AdminCategoryListSchema,
  AdminCategorySchema,
  AdminProductPageSchema,
  AdminProductSchema,
  AttributeDefinitionsSchema,
  ImportReportSchema,
} from "./admin-api-schemas";
import { attributeDefinitions } from "./attributes";
import { saveBanner, setRecommendations } from "./home";
import { MAX_IMAGE_BYTES, newImageKey, sniffImage } from "./images";
import { importProducts, parseImportBody } from "./import";
import { categoryInput, imageUrl, listQuery, productInput, productPatch } from "./model";
import { attributeFilters } from "./routes";
import { banners, images } from "./schema";
import {
  createCategory,
  createProduct,
  deleteCategory,
  getProductAdmin,
  listCategoriesAdmin,
  listProducts,
  updateCategory,
  updateProduct,
} from "./service";

/** Merchant product management (merchant_admin only: the central admin guard, shared/admin-guard.ts). */
export const catalogAdminRoutes = createRouter();

const idParams = { params: z.object({ id: z.coerce.number().int().positive() }) };
const tags = ["admin: catalog"];

catalogAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/categories",
    tags,
    security: bearer,
    summary: "全部分类（平铺，含各分类的属性）",
    responses: jsonOk("分类", AdminCategoryListSchema),
  }),
  async (c) => c.json({ items: await listCategoriesAdmin(c.get("db")) }),
);

catalogAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/attributes",
    tags,
    security: bearer,
    summary: "可用的商品属性定义（分类从中选择自己的属性）",
    responses: jsonOk("属性定义", AttributeDefinitionsSchema),
  }),
  (c) => c.json({ items: attributeDefinitions() }),
);

catalogAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/categories",
    tags,
    security: bearer,
    summary: "新建分类",
    request: jsonBody(categoryInput),
    responses: jsonCreated("分类", AdminCategorySchema),
  }),
  async (c) => c.json(await createCategory(c.get("db"), c.req.valid("json")), 201),
);

catalogAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/categories/{id}",
    tags,
    security: bearer,
    summary: "修改分类",
    request: { ...idParams, ...jsonBody(categoryInput) },
    responses: jsonOk("分类", AdminCategorySchema),
  }),
  async (c) => c.json(await updateCategory(c.get("db"), c.req.valid("param").id, c.req.valid("json"))),
);

catalogAdminRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/categories/{id}",
    tags,
    security: bearer,
    summary: "删除空分类",
    request: idParams,
    responses: jsonOk("{ ok }", OkResponse),
  }),
  async (c) => {
    await deleteCategory(c.get("db"), c.req.valid("param").id);
    return c.json({ ok: true });
  },
);

catalogAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/products",
    tags,
    security: bearer,
    summary: "商品列表（全部状态）",
    request: {
      query: listQuery.extend({ status: z.enum(["draft", "on_sale", "off_shelf", "any"]).default("any") }),
    },
    responses: jsonOk("{ items, nextCursor }", AdminProductPageSchema),
  }),
  async (c) =>
    c.json(
      await listProducts(c.get("db"), { ...c.req.valid("query"), attributeFilters: attributeFilters(c) }),
    ),
);

catalogAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/products",
    tags,
    security: bearer,
    summary: "新建商品（含 SKU）",
    request: jsonBody(productInput),
    responses: jsonCreated("商品", AdminProductSchema),
  }),
  async (c) => c.json(await createProduct(c.get("db"), c.req.valid("json")), 201),
);

catalogAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/products/{id}",
    tags,
    security: bearer,
    summary: "商品详情（含草稿、停用 SKU）",
    request: idParams,
    responses: jsonOk("商品", AdminProductSchema),
  }),
  async (c) => c.json(await getProductAdmin(c.get("db"), c.req.valid("param").id)),
);

catalogAdminRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/products/{id}",
    tags,
    security: bearer,
    summary: "修改商品；传 skus 时按 id 更新、无 id 新建、缺席的 SKU 停用（不删除，已有订单不受影响）",
    request: { ...idParams, ...jsonBody(productPatch) },
    responses: jsonOk("商品", AdminProductSchema),
  }),
  async (c) => c.json(await updateProduct(c.get("db"), c.req.valid("param").id, c.req.valid("json"))),
);

catalogAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/products/{id}/status",
    tags,
    security: bearer,
    summary: "上架 / 下架 / 转为草稿",
    request: { ...idParams, ...jsonBody(z.object({ status: z.enum(["draft", "on_sale", "off_shelf"]) })) },
    responses: jsonOk("商品", AdminProductSchema),
  }),
  async (c) => c.json(await updateProduct(c.get("db"), c.req.valid("param").id, c.req.valid("json"))),
);

catalogAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/products/import",
    tags,
    security: bearer,
    summary: "批量导入商品：JSON 数组或 CSV（text/csv，每行一个 SKU，按 product_ref 归组）；返回逐行错误报告",
    request: { query: z.object({ dryRun: z.enum(["0", "1", "true", "false"]).optional() }) },
    responses: jsonOk("逐个商品的导入报告", ImportReportSchema),
  }),
  async (c) => {
    const raw = await c.req.text();
    if (raw.length > 2_000_000) throw new AppError(413, "FILE_TOO_LARGE", "导入文件不能超过 2MB");
    const parsed = parseImportBody(raw, c.req.header("content-type") ?? "");
    const dryRun = ["1", "true"].includes(c.req.valid("query").dryRun ?? "");
    return c.json(await importProducts(c.get("db"), parsed, { dryRun }));
  },
);

// Documented in shared/plain-routes-doc.ts (a binary body: its type is sniffed, never validated from
// the client's Content-Type).
catalogAdminRoutes.post("/images", async (c) => {
  const staff = staffOf(c);
  const len = Number(c.req.header("content-length") ?? 0);
  if (len > MAX_IMAGE_BYTES + 64 * 1024) throw new AppError(413, "FILE_TOO_LARGE", "图片不能超过 5MB");
  let bytes: Uint8Array;
  const ct = c.req.header("content-type") ?? "";
  if (ct.startsWith("multipart/form-data")) {
    const form = await c.req.formData().catch(() => undefined);
    const file: unknown = form?.get("file");
    if (!(file instanceof Blob)) throw badRequest("请选择要上传的图片（表单字段 file）");
    bytes = new Uint8Array(await file.arrayBuffer());
  } else {
    bytes = new Uint8Array(await c.req.arrayBuffer());
  }
  const image = sniffImage(bytes);
  const { type, ext } = image;
  bytes = image.bytes; // an SVG as sanitised, others as uploaded
  const key = newImageKey(ext);
  await c.env.IMAGES.put(key, bytes, { httpMetadata: { contentType: type } });
  await c.get("db").insert(images).values({
    key,
    contentType: type,
    sizeBytes: bytes.byteLength,
    uploadedBy: staff.id,
    createdAt: Date.now(),
  });
  return c.json({ key, url: imageUrl(key), contentType: type, sizeBytes: bytes.byteLength }, 201);
});

const bannerInput = z.object({
  title: z.string().trim().min(1).max(40),
  image: z.string().max(200),
  linkType: z.enum(["product", "category", "search", "none"]).default("none"),
  linkValue: z.string().max(100).default(""),
  sortOrder: z.number().int().default(0),
  active: z.boolean().default(true),
});

catalogAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/banners",
    tags,
    security: bearer,
    summary: "轮播图列表",
    responses: jsonOk("{ items }", z.object({ items: z.array(AdminBannerSchema) })),
  }),
  async (c) => c.json({ items: await c.get("db").select().from(banners).orderBy(banners.sortOrder) }),
);

catalogAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/banners",
    tags,
    security: bearer,
    summary: "新建轮播图",
    request: jsonBody(bannerInput),
    responses: jsonCreated("轮播图", AdminBannerSchema),
  }),
  async (c) => c.json(await saveBanner(c.get("db"), c.req.valid("json")), 201),
);

catalogAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/banners/{id}",
    tags,
    security: bearer,
    summary: "修改轮播图",
    request: { ...idParams, ...jsonBody(bannerInput) },
    responses: jsonOk("轮播图", AdminBannerSchema),
  }),
  async (c) => {
    const row = await saveBanner(c.get("db"), c.req.valid("json"), c.req.valid("param").id);
    if (!row) throw notFound("轮播图不存在");
    return c.json(row);
  },
);

catalogAdminRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/banners/{id}",
    tags,
    security: bearer,
    summary: "删除轮播图",
    request: idParams,
    responses: jsonOk("{ ok }", OkResponse),
  }),
  async (c) => {
    const res = await c
      .get("db")
      .delete(banners)
      .where(eq(banners.id, c.req.valid("param").id))
      .returning();
    if (!res.length) throw notFound("轮播图不存在");
    return c.json({ ok: true });
  },
);

catalogAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/home/recommendations",
    tags,
    security: bearer,
    summary: "设置首页推荐商品（按顺序）",
    request: jsonBody(z.object({ productIds: z.array(z.number().int().positive()).max(50) })),
    responses: jsonOk("{ ok }", OkResponse),
  }),
  async (c) => {
    await setRecommendations(c.get("db"), c.req.valid("json").productIds);
    return c.json({ ok: true });
  },
);
