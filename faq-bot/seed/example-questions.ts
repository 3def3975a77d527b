/**
 * Example questions (相似问法) the retrieval index learns from: the answerable questions of the eval's
 * dev split, per FAQ id. Never the test split: that one measures how the bot does on questions it has
 * not seen. The dev figures of `npm run eval:bot` are cross-validated for the same reason.
 */
import { DEV_SPLIT } from "../eval/dev-split";
import type { EvalQuestion } from "../eval/labels";
import type { ExampleQuestions } from "../retrieval";

export function exampleQuestionsFrom(questions: readonly EvalQuestion[]): ExampleQuestions {
  const byId = new Map<string, string[]>();
  for (const q of questions) {
    if (q.kind) continue;
    for (const id of q.expected) byId.set(id, [...(byId.get(id) ?? []), q.question]);
  }
  return byId;
}

export const EXAMPLE_QUESTIONS: ExampleQuestions = exampleQuestionsFrom(DEV_SPLIT);
