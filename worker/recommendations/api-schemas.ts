import { z } from "@hono/zod-openapi";
import { ProductCardSchema } from "../catalog/api-schemas";

export const RecommendationsSchema = z
  .object({
    items: z.array(
      ProductCardSchema.extend({
        salesCount: z.number().int(),
        reason: z
          .string()
          .openapi({ description: "推荐理由：看过同类 / 收藏过同类 / 买过同类 / 同品牌推荐 / 热销" }),
      }),
    ),
  })
  .openapi("Recommendations");
