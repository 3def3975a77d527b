import { type Query, request } from "./request";

export interface Banner {
  id: number;
  title: string;
  image: string;
  linkType: "product" | "category" | "search" | "none";
  linkValue: string;
}

/** Stock as shoppers see it: 有货 / 仅剩 N 件 / 无货 (exact counts stay on the server). */
export interface Availability {
  status: "in_stock" | "low" | "sold_out";
  label: string;
}

export interface ProductCardData {
  id: number;
  name: string;
  subtitle: string;
  brand: string;
  priceFen: number;
  originalPriceFen: number | null;
  cover: string | null;
  tags: string[];
  salesCount?: number;
  availability?: Availability;
}

export interface HomeFeed {
  banners: Banner[];
  recommended: ProductCardData[];
}

export interface Category {
  id: number;
  name: string;
  icon: string | null;
  sortOrder: number;
  children?: Category[];
}

export type ProductSort = "newest" | "price_asc" | "price_desc" | "sales" | "relevance";

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

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Sku {
  id: number;
  skuCode: string;
  specs: Record<string, string>;
  priceFen: number;
  originalPriceFen: number | null;
  weightG: number;
  volumeCm3: number;
  image: string | null;
  imageUrl: string | null;
  availability: Availability;
}

export interface ProductDetail {
  id: number;
  name: string;
  subtitle: string;
  brand: string;
  category: { id: number; name: string } | null;
  descriptionHtml: string;
  images: string[];
  warrantyMonths: number;
  priceFen: number;
  originalPriceFen: number | null;
  salesCount: number;
  specTable: { key: string; label: string; value: string }[];
  tags: string[];
  specOptions: { name: string; values: string[] }[];
  skus: Sku[];
  availability?: Availability;
}

export const getHome = () => request<HomeFeed>("/api/home");

export const getCategories = () => request<{ items: Category[] }>("/api/categories").then((r) => r.items);

export function listProducts(q: ProductQuery, silent = false) {
  const { attrs, ...rest } = q;
  const query: Query = { ...rest };
  for (const [k, v] of Object.entries(attrs ?? {})) if (v) query[`attr.${k}`] = v;
  return request<Page<ProductCardData>>("/api/products", { query, silent });
}

export const getProduct = (id: number) => request<ProductDetail>(`/api/products/${id}`, { silent: true });

export const getBrands = (categoryId?: number) =>
  request<{ items: { brand: string; count: number }[] }>("/api/brands", { query: { categoryId } }).then(
    (r) => r.items,
  );
