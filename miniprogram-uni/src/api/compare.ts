import { request } from "./request";
import type { Schema } from "./schemas";

export type ProductCompare = Schema<"ProductCompare">;

export const compareProducts = (ids: number[]) =>
  request<ProductCompare>("/api/compare", { query: { ids: ids.join(",") }, silent: true });
