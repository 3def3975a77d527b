/** 问大家: read a product's questions, ask one, answer one (buyers only; the server decides). */
import { request } from "./request";
import type { Schema } from "./schemas";

export type QuestionPage = Schema<"ProductQuestionPage">;
export type Question = Schema<"ProductQuestion">;
export type QuestionDetail = Schema<"ProductQuestionDetail">;
export type Answer = Schema<"ProductAnswer">;

/** `limit: 2` is the product page's preview. */
export const getProductQuestions = (productId: number, cursor?: string, limit = 10) =>
  request<QuestionPage>(`/api/products/${productId}/questions`, { query: { cursor, limit }, silent: true });

export const getQuestion = (id: number) => request<QuestionDetail>(`/api/questions/${id}`, { silent: true });

/** Errors (field, daily limit, not a buyer) come back as ApiError for the page to show in place. */
export const askQuestion = (productId: number, content: string) =>
  request<{ id: number }>(`/api/products/${productId}/questions`, {
    method: "POST",
    data: { content },
    silent: true,
  });

export const answerQuestion = (questionId: number, content: string) =>
  request<{ id: number }>(`/api/questions/${questionId}/answers`, {
    method: "POST",
    data: { content },
    silent: true,
  });

export const BADGE_LABELS: Record<NonNullable<Answer["badge"]>, string> = { buyer: "已购", merchant: "商家" };
