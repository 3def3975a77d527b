import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { shoppers, staff } from "../auth/schema";
import { products } from "../catalog/schema";

/** 问大家: a shopper's question about a product, answered by its buyers or the merchant. */
export const productQuestions = sqliteTable(
  "product_questions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    shopperId: integer("shopper_id")
      .notNull()
      .references(() => shoppers.id),
    content: text("content").notNull(),
    /** visible, or hidden by the merchant (ads, abuse). */
    status: text("status").$type<"visible" | "hidden">().notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("product_questions_product").on(t.productId, t.status, t.id),
    index("product_questions_rate").on(t.shopperId, t.productId, t.createdAt),
  ],
);

/** An answer: by a shopper who bought the product (is_buyer, decided by the server) or by staff. */
export const productAnswers = sqliteTable(
  "product_answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    questionId: integer("question_id")
      .notNull()
      .references(() => productQuestions.id),
    shopperId: integer("shopper_id").references(() => shoppers.id),
    staffId: integer("staff_id").references(() => staff.id),
    content: text("content").notNull(),
    isBuyer: integer("is_buyer", { mode: "boolean" }).notNull(),
    status: text("status").$type<"visible" | "hidden">().notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("product_answers_question").on(t.questionId, t.status, t.id)],
);
