import { z } from "@hono/zod-openapi";

/** Response schemas of the public FAQ (/api/faq, /api/faq/search): what service.ts returns. */

export const FaqItemSchema = z
  .object({ id: z.string(), question: z.string(), answer: z.string() })
  .openapi("FaqItem");

export const FaqByCategorySchema = z
  .object({
    categories: z.array(z.object({ name: z.string(), items: z.array(FaqItemSchema) }).openapi("FaqCategory")),
  })
  .openapi("FaqByCategory");

export const FaqSearchResultSchema = z
  .object({
    items: z.array(
      FaqItemSchema.extend({
        category: z.string(),
        confidence: z.number().openapi({ description: "0–1，与客服机器人相同的检索打分" }),
      }).openapi("FaqSearchHit"),
    ),
  })
  .openapi("FaqSearchResult");
