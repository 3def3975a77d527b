import { z } from "@hono/zod-openapi";
import { fen } from "../shared/validation";
import { ATTRIBUTES, type AttributeKey } from "./attributes";

/** Request shapes for the merchant's product API (also used by bulk import). */
export const skuInput = z.object({
  id: z.number().int().positive().optional().openapi({ description: "已有 SKU 的 id；省略表示新建" }),
  skuCode: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, "SKU 编码只能包含字母、数字、点、下划线和短横线"),
  specs: z.record(z.string().min(1).max(16), z.string().min(1).max(32)),
  priceFen: fen.min(1),
  originalPriceFen: fen.nullish(),
  barcode: z
    .string()
    .trim()
    .max(32)
    .regex(/^[0-9A-Za-z-]*$/)
    .nullish(),
  weightG: z.number().int().min(0).max(2_000_000).default(0),
  volumeCm3: z.number().int().min(0).max(100_000_000).default(0),
  image: z.string().max(200).nullish(),
  active: z.boolean().default(true),
});

const productFields = {
  categoryId: z.number().int().positive(),
  name: z.string().trim().min(2).max(80),
  subtitle: z.string().trim().max(120),
  descriptionHtml: z.string().max(100_000),
  brand: z.string().trim().min(1).max(32),
  status: z.enum(["draft", "on_sale", "off_shelf"]),
  warrantyMonths: z.number().int().min(0).max(240),
  attributes: z.record(z.string(), z.union([z.string(), z.number()])),
  images: z.array(z.string().max(200)).max(12),
  skus: z.array(skuInput).min(1, "至少需要一个 SKU").max(100),
};

export const productInput = z.object({
  ...productFields,
  subtitle: productFields.subtitle.default(""),
  descriptionHtml: productFields.descriptionHtml.default(""),
  status: productFields.status.default("draft"),
  warrantyMonths: productFields.warrantyMonths.default(12),
  attributes: productFields.attributes.default({}),
  images: productFields.images.default([]),
});
export type ProductInput = z.infer<typeof productInput>;
export type SkuInput = z.infer<typeof skuInput>;

// No defaults in a patch: an omitted field keeps its current value.
export const productPatch = z.object(productFields).partial();
export type ProductPatch = z.infer<typeof productPatch>;

export const categoryInput = z.object({
  name: z.string().trim().min(1).max(20),
  parentId: z.number().int().positive().nullable().default(null),
  icon: z.string().max(200).nullable().default(null),
  sortOrder: z.number().int().min(-10000).max(10000).default(0),
  attributeKeys: z
    .array(z.enum(Object.keys(ATTRIBUTES) as [AttributeKey, ...AttributeKey[]]))
    .max(30)
    .refine((keys) => new Set(keys).size === keys.length, "属性不能重复")
    .default([])
    .openapi({ description: "该分类商品填写的属性，按显示顺序" }),
});
export type CategoryInput = z.infer<typeof categoryInput>;

export const SORTS = ["newest", "price_asc", "price_desc", "sales", "relevance"] as const;
export type ListSort = (typeof SORTS)[number];

export const listQuery = z.object({
  categoryId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(50).optional(),
  brand: z.string().max(200).optional().openapi({ description: "品牌，多个用逗号分隔" }),
  priceMin: z.coerce.number().int().min(0).optional().openapi({ description: "最低价（分）" }),
  priceMax: z.coerce.number().int().min(0).optional().openapi({ description: "最高价（分）" }),
  sort: z.enum(SORTS).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type ListQuery = z.infer<typeof listQuery>;

export const imageUrl = (key: string) => `/api/images/${key}`;
