/**
 * `npm run eval:bot`: the bot, retrieval only (no LLM), over the dev split and the held-out test split.
 * Prints the goals' figures for both and per topic; misses are printed for the dev split only, because
 * the test split must not be tuned on (`-- --test-misses` shows them, for a final audit).
 */
import { createBot } from "../bot";
import { buildIndex } from "../retrieval";
import { FAQ_ENTRIES } from "../seed/faq-entries";
import { DEV_SPLIT } from "./dev-split";
import { answerRate, correctRate, type EvalReport, evaluate, personRecall, type Tally } from "./evaluate";
import { TEST_SPLIT } from "./test-split";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const frac = (a: number, b: number) => (b === 0 ? "–" : `${a}/${b}`);

function row(t: Tally) {
  return {
    "correct (goal ≥90%)": pct(correctRate(t)),
    "answerable right": frac(t.answered, t.answerable),
    "person escalated (goal ≥95%)": frac(t.personEscalated, t.personRequests),
    "out of scope escalated": frac(t.outOfScopeEscalated, t.outOfScope),
    "needless escalations": t.needlessEscalations,
  };
}

const faq = buildIndex(FAQ_ENTRIES);
const bot = createBot({});
const reports: [string, EvalReport][] = [
  ["dev", await evaluate(bot, faq, DEV_SPLIT)],
  ["test", await evaluate(bot, faq, TEST_SPLIT)],
];

console.log(`FAQ bot eval (retrieval only, ${faq.docs.length} FAQ entries)\n`);
console.table(
  Object.fromEntries(
    reports.map(([name, r]) => [
      name,
      {
        questions: r.count,
        ...row(r),
        "answer rate": pct(answerRate(r)),
        "person recall": pct(personRecall(r)),
        "offered 转人工": r.offeredHuman,
      },
    ]),
  ),
);
for (const [name, r] of reports) {
  console.log(`\nPer topic, ${name}:`);
  console.table(Object.fromEntries([...r.byTopic].map(([topic, t]) => [topic, row(t)])));
}
const showTestMisses = process.argv.includes("--test-misses");
for (const [name, r] of reports) {
  if (name === "test" && !showTestMisses) continue;
  if (r.misses.length === 0) continue;
  console.log(`\nMisses, ${name}:`);
  for (const m of r.misses) console.log(`  [${m.topic}] ${m.question}  expected=${m.expected}  got=${m.got}`);
}
