import { z } from "@hono/zod-openapi";
import { ProductCardSchema } from "../catalog/api-schemas";

export const SavedProductSchema = ProductCardSchema.extend({
  onSale: z.boolean().openapi({ description: "仍在售（已下架的收藏仍列出，置灰）" }),
  salesCount: z.number().int(),
  at: z.number().int().openapi({ description: "收藏 / 浏览时间（UTC 毫秒）" }),
}).openapi("SavedProduct");

export const SavedProductPageSchema = z
  .object({ items: z.array(SavedProductSchema), nextCursor: z.string().nullable() })
  .openapi("SavedProductPage");

export const FavoriteStateSchema = z.object({ favorited: z.boolean() }).openapi("FavoriteState");
