import { request } from "./request";
import type { QueryParams, Schema } from "./schemas";

export type Notice = Schema<"Notice">;

export const listNotices = (cursor?: string) =>
  request<Schema<"NoticePage">>("/api/notifications", { query: { cursor }, silent: true });
export const markNoticesRead = (ids: number[] | "all") =>
  request<Schema<"MarkReadResult">>("/api/notifications/read", {
    method: "POST",
    data: ids === "all" ? { all: true } : { ids },
    silent: true,
  });

/** A FAQ entry; search hits also carry their category and a confidence. */
export type FaqItem = Schema<"FaqItem"> & Partial<Pick<Schema<"FaqSearchHit">, "category">>;
export const getFaq = () => request<Schema<"FaqByCategory">>("/api/faq", { silent: true }).then((r) => r.categories);
export const searchFaq = (q: string) =>
  request<Schema<"FaqSearchResult">>("/api/faq/search", { query: { q }, silent: true }).then((r) => r.items);

export type WarrantyPolicy = Schema<"WarrantyPolicy">;
export const getWarrantyPolicies = () =>
  request<Schema<"WarrantyPolicyList">>("/api/after-sales/warranty-policies", { silent: true }).then((r) => r.items);

export type Coverage = Schema<"Coverage">;
/** Before delivery: `delivered: false` and a message; after: the coverage status. */
export type ItemWarranty = Schema<"ItemWarranty">;
export const getItemWarranty = (orderItemId: number) =>
  request<ItemWarranty>(`/api/after-sales/warranty/order-items/${orderItemId}`);

export type Outlet = Schema<"Outlet">;
export const getOutlets = (q: Omit<QueryParams<"/api/after-sales/outlets", "get">, "limit">) =>
  request<Schema<"OutletList">>("/api/after-sales/outlets", { query: q, silent: true }).then((r) => r.items);
export const getOutletCities = () =>
  request<Schema<"OutletCities">>("/api/after-sales/outlets/cities", { silent: true }).then((r) => r.items);
