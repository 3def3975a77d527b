import { z } from "@hono/zod-openapi";
import { ProductCardSchema } from "../catalog/api-schemas";

export const ReviewStatsSchema = z
  .object({
    count: z.number().int(),
    averageRating: z.number().nullable().openapi({ description: "平均分（1 位小数）；无评价为 null" }),
    goodRatePercent: z.number().int().nullable().openapi({ description: "好评率（4–5 星）%" }),
    withPhotos: z.number().int(),
  })
  .openapi("ReviewStats");

export const ReviewSchema = z
  .object({
    id: z.number().int(),
    author: z.string().openapi({ description: "脱敏昵称，如 张**丰；匿名为 匿名用户" }),
    rating: z.number().int(),
    content: z.string(),
    photos: z.array(z.string()),
    specsText: z.string().openapi({ description: "已购规格" }),
    reply: z.string().nullable().openapi({ description: "商家回复" }),
    createdAt: z.number().int(),
  })
  .openapi("Review");

export const ProductReviewsSchema = z
  .object({ stats: ReviewStatsSchema, items: z.array(ReviewSchema), nextCursor: z.string().nullable() })
  .openapi("ProductReviews");

export const PendingReviewsSchema = z
  .object({
    items: z.array(
      z.object({
        orderItemId: z.number().int(),
        orderId: z.number().int(),
        orderNo: z.string(),
        product: ProductCardSchema,
        specsText: z.string(),
      }),
    ),
  })
  .openapi("PendingReviews");

export const AdminReviewPageSchema = z
  .object({
    items: z.array(
      ReviewSchema.extend({
        productId: z.number().int(),
        productName: z.string(),
        orderId: z.number().int(),
        status: z.enum(["visible", "hidden"]),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi("AdminReviewPage");
