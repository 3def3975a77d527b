/** Scores a bot against labelled questions. Shared by the eval script and its test. */
import type { Bot } from "../bot";
import { type FaqIndex, search } from "../retrieval";
import { ESCALATE, type EvalQuestion } from "./questions";

export interface EvalReport {
  count: number;
  answerable: number;
  /** Answerable questions the bot answered (no escalation) from the labelled entry. */
  top1Accuracy: number;
  /** Answerable questions whose first retrieval hit is the labelled entry, escalated or not. */
  retrievalTop1Accuracy: number;
  escalationPrecision: number;
  escalationRecall: number;
  truePositives: number;
  predictedEscalations: number;
  labelledEscalations: number;
  misses: { question: string; expected: string; got: string }[];
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export async function evaluate(
  bot: Bot,
  faq: FaqIndex,
  questions: readonly EvalQuestion[],
): Promise<EvalReport> {
  let answerable = 0;
  let correct = 0;
  let retrievalCorrect = 0;
  let truePositives = 0;
  let predicted = 0;
  let labelled = 0;
  const misses: EvalReport["misses"] = [];
  for (const q of questions) {
    const reply = await bot.reply({ question: q.question, history: [], orders: [], faq });
    const escalated = reply.escalate !== undefined;
    const got = escalated ? `${ESCALATE}(${reply.escalate!.reason})` : (reply.sources[0] ?? "(none)");
    if (escalated) predicted++;
    if (q.expected === ESCALATE) {
      labelled++;
      if (escalated) truePositives++;
      else misses.push({ question: q.question, expected: q.expected, got });
      continue;
    }
    answerable++;
    if (search(faq, q.question, 1)[0]?.entry.id === q.expected) retrievalCorrect++;
    if (!escalated && reply.sources[0] === q.expected) correct++;
    else misses.push({ question: q.question, expected: q.expected, got });
  }
  return {
    count: questions.length,
    answerable,
    top1Accuracy: ratio(correct, answerable),
    retrievalTop1Accuracy: ratio(retrievalCorrect, answerable),
    escalationPrecision: ratio(truePositives, predicted),
    escalationRecall: ratio(truePositives, labelled),
    truePositives,
    predictedEscalations: predicted,
    labelledEscalations: labelled,
    misses,
  };
}
