/** 收藏, 足迹 and 猜你喜欢. */
import { request } from "./request";
import type { Schema } from "./schemas";

export type SavedProduct = Schema<"SavedProduct">;
export type SavedProductPage = Schema<"SavedProductPage">;
export type Recommendation = Schema<"Recommendations">["items"][number];

export const listFavorites = (cursor?: string) =>
  request<SavedProductPage>("/api/me/favorites", { query: { cursor }, silent: true });
export const isFavorite = (productId: number) =>
  request<{ favorited: boolean }>(`/api/me/favorites/${productId}`, { silent: true });
export const setFavorite = (productId: number, on: boolean) =>
  request<{ favorited: boolean }>(`/api/me/favorites/${productId}`, { method: on ? "PUT" : "DELETE" });

export const listFootprints = (cursor?: string) =>
  request<SavedProductPage>("/api/me/footprints", { query: { cursor }, silent: true });
/** Called when a product page opens; a failure must never disturb the page. */
export const recordFootprint = (productId: number) =>
  request("/api/me/footprints", { method: "POST", data: { productId }, silent: true }).catch(() => undefined);
export const removeFootprints = (productId?: number) =>
  request("/api/me/footprints", { method: "DELETE", query: { productId } });

export const getRecommendations = (opts: { limit?: number; exclude?: number[] } = {}) =>
  request<{ items: Recommendation[] }>("/api/recommendations", {
    query: { limit: opts.limit ?? 10, exclude: opts.exclude?.length ? opts.exclude.join(",") : undefined },
    silent: true,
  });
