import { request } from "./request";
import type { Schema } from "./schemas";

/** 以旧换新 on the product page: the old appliances this product accepts (empty: none). */
export const getProductTradeIn = (productId: number) =>
  request<Schema<"ProductTradeIn">>(`/api/trade-in/products/${productId}`, { silent: true });
