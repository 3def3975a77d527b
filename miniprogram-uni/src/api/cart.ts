import type { LiveSkuLine } from "./lines";
import { request } from "./request";

export interface CartLine extends LiveSkuLine {
  unavailableReason: string | null;
  selected: boolean;
}

export interface Cart {
  items: CartLine[];
  summary: { lineCount: number; selectedCount: number; selectedTotalFen: number; unavailableCount: number };
}

export const getCart = () => request<Cart>("/api/cart", { silent: true });
export const addToCart = (skuId: number, quantity: number) =>
  request<Cart>("/api/cart/items", { method: "POST", data: { skuId, quantity } });
export const updateCartLine = (skuId: number, patch: { quantity?: number; selected?: boolean }) =>
  request<Cart>(`/api/cart/items/${skuId}`, { method: "PATCH", data: patch });
export const removeCartLines = (skuIds: number[]) =>
  request<Cart>("/api/cart/remove", { method: "POST", data: { skuIds } });
export const selectCartLines = (selected: boolean, skuIds?: number[]) =>
  request<Cart>("/api/cart/select", { method: "POST", data: skuIds ? { selected, skuIds } : { selected } });
