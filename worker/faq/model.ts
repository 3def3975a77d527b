import { z } from "@hono/zod-openapi";

/** Request shapes of the FAQ API. */
export const FAQ_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

export const faqId = z
  .string()
  .regex(FAQ_ID_PATTERN, "编号只能包含小写字母、数字和短横线（2-63 位）")
  .openapi({ example: "return-7day" });

const question = z.string().trim().min(2).max(200);
const answer = z.string().trim().min(2).max(2000);
const keywords = z.array(z.string().trim().min(1).max(20)).max(30);
const category = z.string().trim().min(1).max(20);
const sortOrder = z.number().int().min(-100_000).max(100_000);

/** Full replacement (PUT): everything but the id, which never changes. */
export const faqReplace = z.object({
  question,
  answer,
  keywords: keywords.default([]),
  category,
  enabled: z.boolean().default(true),
  sortOrder: sortOrder.default(0),
});
export type FaqReplace = z.infer<typeof faqReplace>;

export const faqInput = faqReplace.extend({
  id: faqId.optional().openapi({ description: "稳定编号；省略时自动生成" }),
});
export type FaqInput = z.infer<typeof faqInput>;

/** Partial update (PATCH), e.g. { enabled: false }; at least one field. */
export const faqPatch = z
  .object({ question, answer, keywords, category, enabled: z.boolean(), sortOrder })
  .partial()
  .refine((p) => Object.keys(p).length > 0, "至少需要修改一个字段");
export type FaqPatch = z.infer<typeof faqPatch>;

export const faqIdParams = z.object({ id: faqId.openapi({ param: { name: "id", in: "path" } }) });

export const faqListQuery = z.object({
  category: z.string().trim().min(1).max(20).optional(),
});

export const faqSearchQuery = z.object({
  q: z.string().trim().min(1, "请输入要搜索的问题").max(100),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
