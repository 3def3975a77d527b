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

/** Admin views (/api/admin/faq*): every field, disabled entries included. */
export const FaqAdminEntrySchema = z
  .object({
    id: z.string(),
    question: z.string(),
    answer: z.string(),
    keywords: z.array(z.string()),
    category: z.string(),
    enabled: z.boolean(),
    sortOrder: z.number().int(),
    examples: z
      .array(z.string())
      .openapi({ description: "检索学习用的相似问法（来自评测集的开发集，只读）" }),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi("FaqAdminEntry");

export const FaqAdminListSchema = z.object({ items: z.array(FaqAdminEntrySchema) }).openapi("FaqAdminList");

export const FaqTryResultSchema = z
  .object({
    answer: z.string().openapi({ description: "机器人会回复顾客的文字" }),
    confidence: z.number().openapi({ description: "0–1，最佳检索结果的置信度" }),
    escalates: z.boolean().openapi({ description: "这条问题会直接转人工" }),
    escalationReason: z
      .enum(["explicit", "complaint", "low_confidence", "unresolved", "llm_handoff"])
      .nullable(),
    offerHuman: z.boolean().openapi({ description: "回答下方显示「转人工」按钮（置信度偏低）" }),
    sources: z.array(z.object({ id: z.string(), question: z.string() })),
    via: z.enum(["llm", "retrieval"]),
  })
  .openapi("FaqTryResult");
