import { type Query, request } from "./request";
import type { QueryParams, Schema } from "./schemas";

export type Banner = Schema<"Banner">;
/** Stock as shoppers see it: 有货 / 仅剩 N 件 / 无货 (exact counts stay on the server). */
export type Availability = Schema<"Availability">;
/**
 * A product card: home recommendations carry the basic fields, listings also sales, availability and
 * the promotions (tags such as 满3000减300, the limited-time price).
 */
export type ProductCardData = Schema<"ProductCard"> &
  Partial<Pick<Schema<"ProductListItem">, "salesCount" | "availability" | "promotionTags" | "promoPriceFen">>;
export type HomeFeed = Schema<"HomeFeed">;
/** A top-level category (with its sub-categories) or a sub-category. */
export type Category = Schema<"Category"> & { children?: Schema<"Category">[] };
export type ProductSort = NonNullable<QueryParams<"/api/products", "get">["sort"]>;
export type Sku = Schema<"ShopperSku">;
export type ProductDetail = Schema<"ProductDetail">;

export interface ProductQuery {
  categoryId?: number;
  q?: string;
  brand?: string;
  priceMin?: number;
  priceMax?: number;
  sort?: ProductSort;
  cursor?: string;
  limit?: number;
  /** attr.<key>=value filters, e.g. { energy_grade: "1" }. */
  attrs?: Record<string, string>;
}

export const getHome = () => request<HomeFeed>("/api/home");

export const getCategories = (): Promise<Category[]> =>
  request<Schema<"CategoryTree">>("/api/categories").then((r) => r.items);

export function listProducts(q: ProductQuery, silent = false) {
  const { attrs, ...rest } = q;
  const query: Query = { ...rest };
  for (const [k, v] of Object.entries(attrs ?? {})) if (v) query[`attr.${k}`] = v;
  return request<Schema<"SearchPage">>("/api/products", { query, silent });
}

/** One attribute filter of a category (匹数, 空调类型, 洗涤容量, 屏幕尺寸…) with its values. */
export type Facet = Schema<"Facet">;
export const getFacets = (categoryId?: number) =>
  request<Schema<"Facets">>("/api/product-filters", { query: { categoryId }, silent: true }).then((r) => r.items);

/** 热门搜索: what shoppers searched most (and found something). */
export const getHotSearches = () =>
  request<Schema<"HotSearches">>("/api/search/hot", { silent: true }).then((r) => r.items);

export const getProduct = (id: number) => request<ProductDetail>(`/api/products/${id}`, { silent: true });

export const getBrands = (categoryId?: number) =>
  request<Schema<"BrandFacets">>("/api/brands", { query: { categoryId } }).then((r) => r.items);
