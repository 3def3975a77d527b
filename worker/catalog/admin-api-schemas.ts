import { z } from "@hono/zod-openapi";
import { ProductListItemSchema } from "./api-schemas";
import { ATTRIBUTES, type AttributeKey } from "./attributes";

/**
 * Response schemas of the merchant catalog (/api/admin/categories, /products, /attributes,
 * /banners, /products/import): the console's generated types. They describe what service.ts builds.
 */

const fen = z.number().int().openapi({ description: "金额（分）" });
const epochMs = z.number().int().openapi({ description: "UTC 毫秒" });
export const attributeKeyEnum = z.enum(Object.keys(ATTRIBUTES) as [AttributeKey, ...AttributeKey[]]);

export const AttributeDefinitionSchema = z
  .object({
    key: attributeKeyEnum,
    label: z.string(),
    kind: z
      .enum(["number", "enum", "grade"])
      .openapi({ description: "number 数值；enum 选项；grade 等级 1..max" }),
    unit: z.string().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    values: z.array(z.string()).openapi({ description: "enum 的可选值；其他为空" }),
  })
  .openapi("AttributeDefinition");
export const AttributeDefinitionsSchema = z
  .object({ items: z.array(AttributeDefinitionSchema) })
  .openapi("AttributeDefinitions");

export const AdminCategorySchema = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    name: z.string(),
    icon: z.string().nullable(),
    sortOrder: z.number().int(),
    noReasonReturn: z.boolean(),
    attributeKeys: z
      .array(z.string())
      .openapi({ description: "该分类商品填写的属性（attributes 的 key），按顺序" }),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .openapi("AdminCategory");
export const AdminCategoryListSchema = z
  .object({ items: z.array(AdminCategorySchema) })
  .openapi("AdminCategoryList", { description: "全部分类（平铺，按排序）" });

export const AdminSkuSchema = z
  .object({
    id: z.number().int(),
    skuCode: z.string(),
    specs: z.record(z.string(), z.string()),
    priceFen: fen,
    originalPriceFen: fen.nullable(),
    barcode: z.string().nullable(),
    weightG: z.number().int(),
    volumeCm3: z.number().int(),
    image: z.string().nullable().openapi({ description: "图片 key" }),
    imageUrl: z.string().nullable(),
    active: z.boolean(),
  })
  .openapi("AdminSku");

export const AdminProductSchema = z
  .object({
    id: z.number().int(),
    categoryId: z.number().int(),
    name: z.string(),
    subtitle: z.string(),
    descriptionHtml: z.string(),
    brand: z.string(),
    status: z.enum(["draft", "on_sale", "off_shelf"]),
    warrantyMonths: z.number().int(),
    attributes: z.record(z.string(), z.union([z.string(), z.number()])),
    imageKeys: z.array(z.string()).openapi({ description: "图片 key，首张为封面" }),
    images: z.array(z.string()).openapi({ description: "图片 URL（与 imageKeys 一一对应）" }),
    minPriceFen: fen,
    minOriginalPriceFen: fen.nullable(),
    salesCount: z.number().int(),
    shippingMode: z
      .enum(["shop_default", "template", "free", "fixed"])
      .openapi({ description: "运费方式（物流设置中修改）" }),
    freightTemplateId: z.number().int().nullable(),
    fixedFreightFen: fen.nullable(),
    specTable: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
    skus: z.array(AdminSkuSchema).openapi({ description: "全部 SKU，含停用的" }),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .openapi("AdminProduct");

export const AdminProductPageSchema = z
  .object({ items: z.array(ProductListItemSchema), nextCursor: z.string().nullable() })
  .openapi("AdminProductPage");

export const AdminBannerSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    image: z.string(),
    linkType: z.enum(["product", "category", "search", "none"]),
    linkValue: z.string(),
    sortOrder: z.number().int(),
    active: z.boolean(),
    createdAt: epochMs,
  })
  .openapi("AdminBanner");

export const ImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    total: z.number().int().openapi({ description: "商品数（CSV 按 product_ref 归组）" }),
    valid: z.number().int(),
    created: z.array(z.object({ ref: z.string(), id: z.number().int() })),
    failed: z.number().int(),
    errors: z.array(
      z
        .object({ rows: z.array(z.number().int()), ref: z.string(), messages: z.array(z.string()) })
        .openapi("ImportRowError", { description: "一个商品的错误：CSV 行号（含表头为第 1 行）" }),
    ),
  })
  .openapi("ImportReport");
