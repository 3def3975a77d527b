/**
 * `npm run eval:bot`: the bot, retrieval only (no LLM), over the labelled question set.
 * Prints top-1 accuracy and escalation precision/recall, then the misses so they can be studied.
 */
import { createBot } from "../bot";
import { buildIndex } from "../retrieval";
import { FAQ_ENTRIES } from "../seed/faq-entries";
import { evaluate } from "./evaluate";
import { EVAL_QUESTIONS } from "./questions";

const report = await evaluate(createBot({}), buildIndex(FAQ_ENTRIES), EVAL_QUESTIONS);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

console.log(`FAQ bot eval (retrieval only, ${FAQ_ENTRIES.length} FAQ entries)\n`);
console.table({
  questions: { value: report.count },
  "answerable questions": { value: report.answerable },
  "top-1 accuracy (answered with the labelled entry)": { value: pct(report.top1Accuracy) },
  "raw search top-1 (no intent rules, ignoring escalation)": { value: pct(report.retrievalTop1Accuracy) },
  "escalation precision": { value: pct(report.escalationPrecision) },
  "escalation recall": { value: pct(report.escalationRecall) },
  "escalations (true / predicted / labelled)": {
    value: `${report.truePositives} / ${report.predictedEscalations} / ${report.labelledEscalations}`,
  },
});
if (report.misses.length > 0) {
  console.log("\nMisses:");
  for (const m of report.misses) console.log(`  ${m.question}  expected=${m.expected}  got=${m.got}`);
}
