/** Scores a bot against labelled questions, overall and per topic. Shared by the eval script and its test. */
import type { Bot } from "../bot";
import type { FaqIndex } from "../retrieval";
import { ESCALATE, type EvalQuestion, isPersonRequest } from "./labels";

export interface Tally {
  /** Answerable questions, answered (not escalated) with an acceptable entry. */
  answered: number;
  answerable: number;
  /** Requests for a person (asked, complained, dissatisfied again), escalated. */
  personEscalated: number;
  personRequests: number;
  /** Out-of-scope questions, escalated rather than answered from an unrelated entry. */
  outOfScopeEscalated: number;
  outOfScope: number;
  /** Answerable questions escalated anyway (the cost of favouring recall). */
  needlessEscalations: number;
}

export interface EvalReport extends Tally {
  count: number;
  byTopic: Map<string, Tally>;
  /** Answers given with the 转人工 affordance (low confidence), right or wrong. */
  offeredHuman: number;
  misses: { question: string; expected: string; got: string; topic: string }[];
}

/** Correct answers: answerable ones answered right plus out-of-scope ones escalated (the ≥ 90 % goal). */
export const correctRate = (t: Tally) =>
  ratio(t.answered + t.outOfScopeEscalated, t.answerable + t.outOfScope);
export const answerRate = (t: Tally) => ratio(t.answered, t.answerable);
export const personRecall = (t: Tally) => ratio(t.personEscalated, t.personRequests);

export const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

const emptyTally = (): Tally => ({
  answered: 0,
  answerable: 0,
  personEscalated: 0,
  personRequests: 0,
  outOfScopeEscalated: 0,
  outOfScope: 0,
  needlessEscalations: 0,
});

const ESCALATION_TOPIC: Record<string, string> = {
  human: "要人·明确要求",
  complaint: "要人·投诉愤怒",
  unresolved: "要人·连续不满",
  out_of_scope: "超出范围",
};

export async function evaluate(
  bot: Bot,
  faq: FaqIndex,
  questions: readonly EvalQuestion[],
): Promise<EvalReport> {
  const category = new Map(faq.docs.map((d) => [d.entry.id, d.entry.category]));
  const total = emptyTally();
  const byTopic = new Map<string, Tally>();
  const misses: EvalReport["misses"] = [];
  let offeredHuman = 0;
  for (const q of questions) {
    const topic = q.kind ? ESCALATION_TOPIC[q.kind]! : (category.get(q.expected[0]!) ?? "(unknown id)");
    const tally = byTopic.get(topic) ?? emptyTally();
    byTopic.set(topic, tally);
    const reply = await bot.reply({ question: q.question, history: q.history ?? [], orders: [], faq });
    const escalated = reply.escalate !== undefined;
    if (reply.offerHuman) offeredHuman++;
    const got = escalated ? `${ESCALATE}(${reply.escalate!.reason})` : (reply.sources[0] ?? "(none)");
    let ok: boolean;
    if (q.kind === undefined) {
      ok = !escalated && q.expected.includes(reply.sources[0] ?? "");
      for (const t of [total, tally]) {
        t.answerable++;
        if (ok) t.answered++;
        if (escalated) t.needlessEscalations++;
      }
    } else if (isPersonRequest(q)) {
      ok = escalated;
      for (const t of [total, tally]) {
        t.personRequests++;
        if (ok) t.personEscalated++;
      }
    } else {
      ok = escalated;
      for (const t of [total, tally]) {
        t.outOfScope++;
        if (ok) t.outOfScopeEscalated++;
      }
    }
    if (!ok) misses.push({ question: q.question, expected: q.expected.join("|"), got, topic });
  }
  return { ...total, count: questions.length, byTopic, offeredHuman, misses };
}

function addTally(into: Tally, t: Tally): void {
  for (const k of Object.keys(emptyTally()) as (keyof Tally)[]) into[k] += t[k];
}

/**
 * k-fold figures for a split whose questions also feed the index (as example questions): each fold is
 * scored with an index built from the other folds only, so no question is answered from itself.
 */
export async function crossValidate(
  bot: Bot,
  questions: readonly EvalQuestion[],
  indexFor: (training: readonly EvalQuestion[]) => FaqIndex,
  folds = 5,
): Promise<EvalReport> {
  const total: EvalReport = { ...emptyTally(), count: 0, byTopic: new Map(), offeredHuman: 0, misses: [] };
  for (let fold = 0; fold < folds; fold++) {
    const held = questions.filter((_, i) => i % folds === fold);
    const training = questions.filter((_, i) => i % folds !== fold);
    const report = await evaluate(bot, indexFor(training), held);
    addTally(total, report);
    total.count += report.count;
    total.offeredHuman += report.offeredHuman;
    total.misses.push(...report.misses);
    for (const [topic, t] of report.byTopic) {
      const into = total.byTopic.get(topic) ?? emptyTally();
      addTally(into, t);
      total.byTopic.set(topic, into);
    }
  }
  return total;
}
