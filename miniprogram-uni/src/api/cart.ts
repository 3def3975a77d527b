import { request } from "./request";
import type { RequestBody, Schema } from "./schemas";

export type CartLine = Schema<"CartLine">;
export type Cart = Schema<"Cart">;

export const getCart = () => request<Cart>("/api/cart", { silent: true });
export const addToCart = (skuId: number, quantity: number) =>
  request<Cart>("/api/cart/items", { method: "POST", data: { skuId, quantity } });
export const updateCartLine = (skuId: number, patch: RequestBody<"/api/cart/items/{skuId}", "patch">) =>
  request<Cart>(`/api/cart/items/${skuId}`, { method: "PATCH", data: patch });
export const removeCartLines = (skuIds: number[]) =>
  request<Cart>("/api/cart/remove", { method: "POST", data: { skuIds } });
export const selectCartLines = (selected: boolean, skuIds?: number[]) =>
  request<Cart>("/api/cart/select", { method: "POST", data: skuIds ? { selected, skuIds } : { selected } });
