import { z } from "@hono/zod-openapi";
import { ATTRIBUTES, type AttributeKey } from "./attributes";

/**
 * Response schemas of the shopper catalog (/api/categories, /api/products, /api/home, /api/brands):
 * documentation and the mini program's generated types. They describe what catalog/service.ts and
 * home.ts build; TypeScript checks each handler's c.json(...) against them.
 */

const fen = z.number().int().openapi({ description: "金额（分）" });
const epochMs = z.number().int().openapi({ description: "UTC 毫秒" });

/** Stock as shoppers see it: 有货 / 仅剩 N 件 / 暂时缺货 (exact counts stay on the server). */
export const AvailabilitySchema = z
  .object({ status: z.enum(["in_stock", "low", "sold_out"]), label: z.string() })
  .openapi("Availability");

const categoryFields = {
  id: z.number().int(),
  name: z.string(),
  icon: z.string().nullable(),
  sortOrder: z.number().int(),
};
export const CategoryNodeSchema = z
  .object({ ...categoryFields, children: z.array(z.object(categoryFields).openapi("Category")) })
  .openapi("CategoryNode", { description: "一级分类及其二级分类" });
export const CategoryTreeSchema = z.object({ items: z.array(CategoryNodeSchema) }).openapi("CategoryTree");

/** What every product card shows (home recommendations carry only this). */
export const ProductCardSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    subtitle: z.string(),
    brand: z.string(),
    priceFen: fen.openapi({ description: "最低 SKU 价（分）" }),
    originalPriceFen: fen.nullable(),
    cover: z.string().nullable().openapi({ description: "首图 URL" }),
    tags: z.array(z.string()).openapi({ description: "最多三个卖点标签，如 一级能效、65英寸" }),
    reviewCount: z.number().int().min(0).openapi({ description: "评价数（可见评价），无评价为 0" }),
    goodRatePercent: z
      .number()
      .int()
      .min(0)
      .max(100)
      .nullable()
      .openapi({ description: "好评率（4–5 星占比，四舍五入的整数 %）；无评价为 null（显示 暂无评价）" }),
  })
  .openapi("ProductCard");

const promotionTags = z
  .array(z.string())
  .openapi({ description: "进行中的促销标签，如 限时折扣、满3000减300（限时折扣在前）" });
const promoPriceFen = fen
  .nullable()
  .openapi({ description: "限时折扣后的最低价（分）；无限时折扣或不低于原最低价时为 null" });

/** A row of GET /api/products. */
export const ProductListItemSchema = ProductCardSchema.extend({
  categoryId: z.number().int(),
  promotionTags,
  promoPriceFen,
  status: z.string().openapi({ description: "商品状态（顾客只看到 on_sale）" }),
  salesCount: z.number().int(),
  availability: AvailabilitySchema,
  createdAt: epochMs,
}).openapi("ProductListItem");

export const ProductPageSchema = z
  .object({
    items: z.array(ProductListItemSchema),
    nextCursor: z.string().nullable().openapi({ description: "下一页的 cursor；null 表示没有更多" }),
  })
  .openapi("ProductPage");

export const BannerSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    image: z.string().openapi({ description: "图片 URL" }),
    linkType: z.enum(["product", "category", "search", "none"]),
    linkValue: z.string(),
  })
  .openapi("Banner");

/** A recommended product on the home page: the card with its promotions. */
export const HomeProductSchema = ProductCardSchema.extend({ promotionTags, promoPriceFen }).openapi(
  "HomeProduct",
);

export const HomeFeedSchema = z
  .object({ banners: z.array(BannerSchema), recommended: z.array(HomeProductSchema) })
  .openapi("HomeFeed");

export const BrandFacetsSchema = z
  .object({ items: z.array(z.object({ brand: z.string(), count: z.number().int() }).openapi("BrandFacet")) })
  .openapi("BrandFacets");

const attributeKeys = Object.keys(ATTRIBUTES) as [AttributeKey, ...AttributeKey[]];

/** An active SKU on the product page (no barcode, no `active` flag: shoppers only see active ones). */
export const ShopperSkuSchema = z
  .object({
    id: z.number().int(),
    skuCode: z.string(),
    specs: z.record(z.string(), z.string()).openapi({ description: "规格，如 { 颜色: 白色, 容量: 10kg }" }),
    priceFen: fen,
    originalPriceFen: fen.nullable(),
    weightG: z.number().int(),
    volumeCm3: z.number().int(),
    image: z.string().nullable().openapi({ description: "图片 key" }),
    imageUrl: z.string().nullable(),
    availability: AvailabilitySchema,
    promoPriceFen: fen.nullable().openapi({ description: "该 SKU 的限时价（分）；无则 null" }),
  })
  .openapi("ShopperSku");

export const ProductDetailSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    subtitle: z.string(),
    brand: z.string(),
    category: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    descriptionHtml: z.string().openapi({ description: "已净化的富文本" }),
    images: z.array(z.string()).openapi({ description: "图片 URL" }),
    warrantyMonths: z.number().int(),
    priceFen: fen,
    originalPriceFen: fen.nullable(),
    salesCount: z.number().int(),
    specTable: z.array(
      z.object({ key: z.enum(attributeKeys), label: z.string(), value: z.string() }).openapi("SpecRow"),
    ),
    tags: z.array(z.string()),
    promotionTags,
    promoPriceFen,
    specOptions: z.array(
      z.object({ name: z.string(), values: z.array(z.string()) }).openapi("SpecOption", {
        description: "SKU 选择器的一个规格维度，如 颜色 → [白, 灰]",
      }),
    ),
    availability: AvailabilitySchema,
    skus: z.array(ShopperSkuSchema),
  })
  .openapi("ProductDetail");

/** GET /api/products: a page of products, and for a search's first page the correction and 相关推荐. */
export const SearchPageSchema = ProductPageSchema.extend({
  correction: z
    .object({ original: z.string(), corrected: z.string() })
    .nullable()
    .openapi({ description: "搜索词像是错别字时（如 空凋）：已改用的词（空调）及其结果；否则 null" }),
  related: z
    .array(ProductListItemSchema)
    .openapi({ description: "没有匹配的商品时的相关推荐（分类内或全店热销）；否则为空" }),
}).openapi("SearchPage");

export const FacetsSchema = z
  .object({
    items: z.array(
      z
        .object({
          key: z.enum(attributeKeys),
          label: z.string().openapi({ description: "如 匹数、空调类型" }),
          options: z.array(
            z
              .object({
                value: z.string().openapi({ description: "传给 attr.<key> 的值，多个用逗号分隔" }),
                label: z.string().openapi({ description: "如 1.5匹、挂机" }),
                count: z.number().int().openapi({ description: "在售商品数" }),
              })
              .openapi("FacetOption"),
          ),
        })
        .openapi("Facet"),
    ),
  })
  .openapi("Facets", { description: "分类的属性筛选项（由分类的属性定义决定，值来自在售商品）" });

export const HotSearchesSchema = z
  .object({
    items: z.array(
      z.object({ term: z.string(), count: z.number().int().openapi({ description: "近 30 天搜索次数" }) }),
    ),
  })
  .openapi("HotSearches");
