// 问大家 rules, free of I/O: what a question and an answer may contain, the daily asking limit, who
// may answer, and how an answer's author is shown.

import type { Checked } from "../reviews/rules";

export const QUESTION_CHARS = { min: 5, max: 100 } as const;
export const ANSWER_CHARS = { min: 2, max: 300 } as const;
/** A shopper asks at most this many questions about one product per (China) calendar day. */
export const QUESTIONS_PER_DAY = 5;
/** Orders in these states count as having bought the product (paid, whether or not it arrived yet). */
export const BOUGHT_STATUSES = ["paid", "shipped", "completed"] as const;

const DAY_MS = 24 * 3600 * 1000;
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** Start (UTC ms) of the China-time calendar day containing `now`: the asking limit resets at 00:00 北京时间. */
export function chinaDayStart(now: number): number {
  return Math.floor((now + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
}

const charCount = (s: string) => [...s].length;

export function checkQuestion(content: string): Checked<string> {
  const text = content.trim();
  const n = charCount(text);
  if (n < QUESTION_CHARS.min || n > QUESTION_CHARS.max)
    return {
      ok: false,
      field: "content",
      message: `问题请写 ${QUESTION_CHARS.min}–${QUESTION_CHARS.max} 个字`,
    };
  return { ok: true, value: text };
}

export function checkAnswer(content: string): Checked<string> {
  const text = content.trim();
  const n = charCount(text);
  if (n < ANSWER_CHARS.min || n > ANSWER_CHARS.max)
    return { ok: false, field: "content", message: `回答请写 ${ANSWER_CHARS.min}–${ANSWER_CHARS.max} 个字` };
  return { ok: true, value: text };
}

/** Why a shopper may not answer a question, or null when they may. */
export function answerRefusal(who: { asker: boolean; bought: boolean }): string | null {
  if (who.asker) return "不能回答自己的提问";
  if (!who.bought) return "只有购买过该商品的用户才能回答";
  return null;
}

export type AnswerBadge = "merchant" | "buyer" | null;

/** 商家 for staff answers, 已购 for shoppers who bought the product. */
export function answerBadge(a: { staffId: number | null; isBuyer: boolean }): AnswerBadge {
  if (a.staffId !== null) return "merchant";
  return a.isBuyer ? "buyer" : null;
}

/** The asker's notice shows the start of the question and of the answer (characters, not bytes). */
export const NOTICE_SNIPPET_CHARS = { question: 20, answer: 40 } as const;
export const ANSWER_NOTICE_TITLE = "你的提问有新回答";

/** The first `max` characters of `text`, with … when it was cut. */
export function snippet(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : text;
}

/** The notice body after the quoted question: who answered and the start of the answer. */
export function answerNoticeTail(by: "merchant" | "buyer", answer: string): string {
  return `${by === "merchant" ? "商家" : "已购用户"}：${snippet(answer, NOTICE_SNIPPET_CHARS.answer)}`;
}
