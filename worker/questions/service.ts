// 问大家: questions by any signed-in shopper, answers by the product's buyers (badge 已购, decided here
// from their orders) or the merchant (badge 商家). Each write is one INSERT … SELECT whose conditions
// (product shown, daily limit, bought, not the asker) are checked by the statement itself, so concurrent
// requests cannot pass a limit checked a moment earlier. An answer tells the asker in the message center,
// in the answer's own batch (answer-notices.ts); asking notifies nobody.
import { z } from "@hono/zod-openapi";
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { shoppers, staff } from "../auth/schema";
import { products } from "../catalog/schema";
import type { Db } from "../db/client";
import { maskedName } from "../reviews/rules";
import { cursorInt, decodeCursor, encodeCursor } from "../shared/cursor";
import { AppError, badRequest, forbidden, notFound } from "../shared/errors";
import { answerNoticeStatements } from "./answer-notices";
import {
  answerBadge,
  answerRefusal,
  BOUGHT_STATUSES,
  checkAnswer,
  checkQuestion,
  chinaDayStart,
  QUESTIONS_PER_DAY,
} from "./rules";
import { productAnswers, productQuestions } from "./schema";

const fieldError = (field: string, message: string) => badRequest(message, [{ path: field, message }]);

export const contentBody = z.object({ content: z.string({ error: "请填写内容" }).max(2000) });
export const questionListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(20).default(10),
  cursor: z.string().max(200).optional(),
});

const boughtStatuses = sql.join(
  BOUGHT_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);
/** The shopper has a paid (or later, not cancelled) order containing the question's product. */
const boughtCond = (shopperId: number, productId: ReturnType<typeof sql> | number) =>
  sql`EXISTS (SELECT 1 FROM orders o JOIN order_items i ON i.order_id = o.id
    WHERE o.shopper_id = ${shopperId} AND i.product_id = ${productId} AND o.status IN (${boughtStatuses}))`;

export async function askQuestion(db: Db, shopperId: number, productId: number, content: string) {
  const checked = checkQuestion(content);
  if (!checked.ok) throw fieldError(checked.field, checked.message);
  const now = Date.now();
  const [inserted, [product]] = await db.batch([
    db.all<{
      id: number;
    }>(sql`INSERT INTO product_questions (product_id, shopper_id, content, status, created_at)
      SELECT id, ${shopperId}, ${checked.value}, 'visible', ${now} FROM products
      WHERE id = ${productId} AND status != 'draft'
        AND (SELECT count(*) FROM product_questions WHERE shopper_id = ${shopperId}
             AND product_id = ${productId} AND created_at >= ${chinaDayStart(now)}) < ${QUESTIONS_PER_DAY}
      RETURNING id`),
    db.select({ status: products.status }).from(products).where(eq(products.id, productId)),
  ]);
  if (!product || product.status === "draft") throw notFound("商品不存在");
  const row = inserted[0];
  if (!row)
    throw new AppError(429, "TOO_MANY_QUESTIONS", `同一商品每天最多提问 ${QUESTIONS_PER_DAY} 次，明天再来吧`);
  return { id: Number(row.id) };
}

export async function answerAsShopper(db: Db, shopperId: number, questionId: number, content: string) {
  const checked = checkAnswer(content);
  if (!checked.ok) throw fieldError(checked.field, checked.message);
  const q = sql`(SELECT product_id FROM product_questions WHERE id = ${questionId})`;
  const now = Date.now();
  const [refreshNotice, insertNotice] = answerNoticeStatements(
    db,
    questionId,
    { shopperId },
    checked.value,
    now,
  );
  const [inserted, , , [question]] = await db.batch([
    db.all<{ id: number }>(sql`INSERT INTO product_answers
        (question_id, shopper_id, staff_id, content, is_buyer, status, created_at)
      SELECT id, ${shopperId}, NULL, ${checked.value}, 1, 'visible', ${now} FROM product_questions
      WHERE id = ${questionId} AND status = 'visible' AND shopper_id != ${shopperId}
        AND ${boughtCond(shopperId, q)}
      RETURNING id`),
    refreshNotice,
    insertNotice,
    db
      .select({
        asker: productQuestions.shopperId,
        status: productQuestions.status,
        bought: sql<number>`${boughtCond(shopperId, q)}`,
      })
      .from(productQuestions)
      .where(eq(productQuestions.id, questionId)),
  ]);
  if (question?.status !== "visible") throw notFound("问题不存在");
  const row = inserted[0];
  if (!row) {
    const refusal = answerRefusal({ asker: question.asker === shopperId, bought: !!question.bought });
    throw forbidden(refusal ?? "暂时不能回答这个问题");
  }
  return { id: Number(row.id) };
}

/**
 * The merchant answers (also hidden questions, so a reply can precede showing it again; the asker is
 * told only about visible ones).
 */
export async function answerAsMerchant(db: Db, staffId: number, questionId: number, content: string) {
  const checked = checkAnswer(content);
  if (!checked.ok) throw fieldError(checked.field, checked.message);
  const now = Date.now();
  const [inserted] = await db.batch([
    db.all<{ id: number }>(sql`INSERT INTO product_answers
        (question_id, shopper_id, staff_id, content, is_buyer, status, created_at)
      SELECT id, NULL, ${staffId}, ${checked.value}, 0, 'visible', ${now} FROM product_questions
      WHERE id = ${questionId}
      RETURNING id`),
    ...answerNoticeStatements(db, questionId, { staffId }, checked.value, now),
  ]);
  if (!inserted[0]) throw notFound("问题不存在");
  return { id: Number(inserted[0].id) };
}

// ---- reading ----

const answerCols = {
  a: productAnswers,
  shopperName: shoppers.nickname,
};
type FirstAnswerRow = {
  id: number;
  question_id: number;
  shopper_id: number | null;
  staff_id: number | null;
  content: string;
  is_buyer: number;
  status: "visible" | "hidden";
  created_at: number;
  nickname: string | null;
};
type AnswerRow = { a: typeof productAnswers.$inferSelect; shopperName: string | null };

const answerView = (r: AnswerRow) => ({
  id: r.a.id,
  author: r.a.staffId !== null ? "商家" : maskedName(r.shopperName ?? "", false),
  badge: answerBadge(r.a),
  content: r.a.content,
  createdAt: r.a.createdAt,
});

const visibleAnswerCount = sql<number>`(SELECT count(*) FROM product_answers a
  WHERE a.question_id = ${productQuestions.id} AND a.status = 'visible')`;

type QuestionRow = {
  q: typeof productQuestions.$inferSelect;
  asker: string;
  answerCount: number;
};
const questionView = (r: QuestionRow, answers: AnswerRow[]) => ({
  id: r.q.id,
  productId: r.q.productId,
  author: maskedName(r.asker, false),
  content: r.q.content,
  createdAt: r.q.createdAt,
  answerCount: Number(r.answerCount),
  answers: answers.map(answerView),
});

/** Newest questions first, each with its answer count and first two answers: one round trip. */
export async function productQuestionsPage(db: Db, productId: number, q: z.infer<typeof questionListQuery>) {
  const before = q.cursor ? decodeCursor(q.cursor, cursorInt) : undefined;
  const pageCond = and(
    eq(productQuestions.productId, productId),
    eq(productQuestions.status, "visible"),
    before !== undefined ? lt(productQuestions.id, before) : undefined,
  );
  const pageIds = db
    .select({ id: productQuestions.id })
    .from(productQuestions)
    .where(pageCond)
    .orderBy(desc(productQuestions.id))
    .limit(q.limit);
  // The first two visible answers of each question on the page, in the same round trip.
  const ranked = db.all<FirstAnswerRow>(sql`SELECT * FROM (
      SELECT a.id, a.question_id, a.shopper_id, a.staff_id, a.content, a.is_buyer, a.status, a.created_at,
        s.nickname, row_number() OVER (PARTITION BY a.question_id ORDER BY a.id) AS rn
      FROM product_answers a LEFT JOIN shoppers s ON s.id = a.shopper_id
      WHERE a.status = 'visible' AND a.question_id IN (${pageIds}))
    WHERE rn <= 2 ORDER BY id`);
  const [rows, firstAnswers, [total]] = await db.batch([
    db
      .select({ q: productQuestions, asker: shoppers.nickname, answerCount: visibleAnswerCount })
      .from(productQuestions)
      .innerJoin(shoppers, eq(shoppers.id, productQuestions.shopperId))
      .where(pageCond)
      .orderBy(desc(productQuestions.id))
      .limit(q.limit + 1),
    ranked,
    db
      .select({ n: sql<number>`count(*)` })
      .from(productQuestions)
      .where(and(eq(productQuestions.productId, productId), eq(productQuestions.status, "visible"))),
  ]);
  const page = rows.slice(0, q.limit);
  const byQuestion = (id: number): AnswerRow[] =>
    firstAnswers
      .filter((x) => Number(x.question_id) === id)
      .map((x) => ({
        a: {
          id: Number(x.id),
          questionId: Number(x.question_id),
          shopperId: x.shopper_id === null ? null : Number(x.shopper_id),
          staffId: x.staff_id === null ? null : Number(x.staff_id),
          content: x.content,
          isBuyer: !!x.is_buyer,
          status: x.status,
          createdAt: Number(x.created_at),
        },
        shopperName: x.nickname,
      }));
  return {
    total: Number(total?.n ?? 0),
    items: page.map((r) => questionView(r, byQuestion(r.q.id))),
    nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1]!.q.id) : null,
  };
}

/** One visible question with all its visible answers (oldest first) and its product's name. */
export async function questionDetail(db: Db, id: number) {
  const [rows, answers] = await db.batch([
    db
      .select({
        q: productQuestions,
        asker: shoppers.nickname,
        answerCount: visibleAnswerCount,
        productName: products.name,
      })
      .from(productQuestions)
      .innerJoin(shoppers, eq(shoppers.id, productQuestions.shopperId))
      .innerJoin(products, eq(products.id, productQuestions.productId))
      .where(and(eq(productQuestions.id, id), eq(productQuestions.status, "visible"))),
    db
      .select(answerCols)
      .from(productAnswers)
      .leftJoin(shoppers, eq(shoppers.id, productAnswers.shopperId))
      .where(and(eq(productAnswers.questionId, id), eq(productAnswers.status, "visible")))
      .orderBy(asc(productAnswers.id)),
  ]);
  const row = rows[0];
  if (!row) throw notFound("问题不存在");
  return { ...questionView(row, answers), productName: row.productName };
}

// ---- merchant ----

export const adminQuestionQuery = z.object({
  unanswered: z.enum(["1", "0"]).optional().openapi({ description: "1 = 只看还没有可见回答的问题" }),
  cursor: z.string().max(200).optional(),
});

const ADMIN_PAGE = 20;

/** Every question (hidden ones too), newest first, with every answer and its status. */
export async function questionsForMerchant(db: Db, q: z.infer<typeof adminQuestionQuery>) {
  const before = q.cursor ? decodeCursor(q.cursor, cursorInt) : undefined;
  const rows = await db
    .select({
      q: productQuestions,
      asker: shoppers.nickname,
      answerCount: visibleAnswerCount,
      productName: products.name,
    })
    .from(productQuestions)
    .innerJoin(shoppers, eq(shoppers.id, productQuestions.shopperId))
    .innerJoin(products, eq(products.id, productQuestions.productId))
    .where(
      and(
        q.unanswered === "1" ? sql`${visibleAnswerCount} = 0` : undefined,
        before !== undefined ? lt(productQuestions.id, before) : undefined,
      ),
    )
    .orderBy(desc(productQuestions.id))
    .limit(ADMIN_PAGE + 1);
  const page = rows.slice(0, ADMIN_PAGE);
  const answers = page.length
    ? await db
        .select({ ...answerCols, staffName: staff.displayName })
        .from(productAnswers)
        .leftJoin(shoppers, eq(shoppers.id, productAnswers.shopperId))
        .leftJoin(staff, eq(staff.id, productAnswers.staffId))
        .where(
          inArray(
            productAnswers.questionId,
            page.map((r) => r.q.id),
          ),
        )
        .orderBy(asc(productAnswers.id))
    : [];
  return {
    items: page.map((r) => ({
      ...questionView(r, []),
      asker: r.asker,
      productName: r.productName,
      status: r.q.status,
      answers: answers
        .filter((a) => a.a.questionId === r.q.id)
        .map((a) => ({
          ...answerView(a),
          author: a.staffName ?? a.shopperName ?? "",
          status: a.a.status,
        })),
    })),
    nextCursor: rows.length > ADMIN_PAGE ? encodeCursor(page[page.length - 1]!.q.id) : null,
  };
}

export async function setQuestionVisible(db: Db, id: number, visible: boolean) {
  const [r] = await db
    .update(productQuestions)
    .set({ status: visible ? "visible" : "hidden" })
    .where(eq(productQuestions.id, id))
    .returning({ id: productQuestions.id });
  if (!r) throw notFound("问题不存在");
  return { ok: true };
}

export async function setAnswerVisible(db: Db, id: number, visible: boolean) {
  const [r] = await db
    .update(productAnswers)
    .set({ status: visible ? "visible" : "hidden" })
    .where(eq(productAnswers.id, id))
    .returning({ id: productAnswers.id });
  if (!r) throw notFound("回答不存在");
  return { ok: true };
}
