import { z } from "@hono/zod-openapi";

export const AnswerSchema = z
  .object({
    id: z.number().int(),
    author: z.string().openapi({ description: "脱敏昵称（如 张**丰）；商家回答为 商家" }),
    badge: z
      .enum(["merchant", "buyer"])
      .nullable()
      .openapi({ description: "merchant = 商家，buyer = 已购（服务器按订单判定）" }),
    content: z.string(),
    createdAt: z.number().int(),
  })
  .openapi("ProductAnswer");

export const QuestionSchema = z
  .object({
    id: z.number().int(),
    productId: z.number().int(),
    author: z.string().openapi({ description: "提问者脱敏昵称" }),
    content: z.string(),
    createdAt: z.number().int(),
    answerCount: z.number().int(),
    answers: z.array(AnswerSchema).openapi({ description: "列表中为最早的 2 条回答；详情中为全部" }),
  })
  .openapi("ProductQuestion");

export const QuestionPageSchema = z
  .object({
    total: z.number().int().openapi({ description: "该商品可见问题总数" }),
    items: z.array(QuestionSchema),
    nextCursor: z.string().nullable(),
  })
  .openapi("ProductQuestionPage");

export const QuestionDetailSchema = QuestionSchema.extend({ productName: z.string() }).openapi(
  "ProductQuestionDetail",
);

export const AdminQuestionPageSchema = z
  .object({
    items: z.array(
      QuestionSchema.extend({
        asker: z.string().openapi({ description: "提问者昵称（未脱敏）" }),
        productName: z.string(),
        status: z.enum(["visible", "hidden"]),
        answers: z.array(AnswerSchema.extend({ status: z.enum(["visible", "hidden"]) })),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi("AdminProductQuestionPage");

export const CreatedIdSchema = z.object({ id: z.number().int() }).openapi("QaCreated");
