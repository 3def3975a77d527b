/**
 * `npm run eval:bot`: the bot, retrieval only (no LLM), over the dev split and the held-out test split.
 * The index learns example questions from the dev split, so dev figures are 5-fold cross-validated (each
 * question scored by an index that never saw it); the test split is scored with all dev examples.
 * `-- --hybrid` adds the same figures with hybrid retrieval against the local embeddings simulator;
 * `-- --llm` with an LLM configured (the local LLM simulator, which answers from the first grounded entry
 * and hands off when none is given): the bot with an LLM must never score below the bot without one.
 * Prints the goals' figures for both and per topic; misses are printed for the dev split only, because
 * the test split must not be tuned on (`-- --test-misses` shows them, for a final audit).
 */
import { startLlmSimulator } from "../../dev/llm-simulator/server";
import { type Bot, createBot } from "../bot";
import { buildIndex } from "../retrieval";
import { EXAMPLE_QUESTIONS, exampleQuestionsFrom } from "../seed/example-questions";
import { FAQ_ENTRIES } from "../seed/faq-entries";
import { DEV_SPLIT } from "./dev-split";
import {
  answerRate,
  correctRate,
  crossValidate,
  type EvalReport,
  evaluate,
  personRecall,
  type Tally,
} from "./evaluate";
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

const faq = buildIndex(FAQ_ENTRIES, {}, EXAMPLE_QUESTIONS);
const scored = async (label: string, bot: Bot): Promise<[string, EvalReport][]> => [
  [
    `dev (5-fold)${label}`,
    await crossValidate(bot, DEV_SPLIT, (training) =>
      buildIndex(FAQ_ENTRIES, {}, exampleQuestionsFrom(training)),
    ),
  ],
  [`test${label}`, await evaluate(bot, faq, TEST_SPLIT)],
];
const reports = await scored("", createBot({}));
const withHybrid = process.argv.includes("--hybrid");
const withLlm = process.argv.includes("--llm");
if (withHybrid || withLlm) {
  const sim = await startLlmSimulator();
  const embeddings = { baseURL: sim.url, apiKey: "dev", model: "sim-embedding" };
  const llm = { baseURL: sim.url, apiKey: "dev", model: "sim-model" };
  if (withHybrid) reports.push(...(await scored(" hybrid", createBot({ embeddings }))));
  if (withLlm) reports.push(...(await scored(" llm", createBot({ llm }))));
  await sim.close();
}

console.log(`FAQ bot eval (no LLM, ${faq.docs.length} FAQ entries)\n`);
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
  if (name.startsWith("test") && !showTestMisses) continue;
  if (r.misses.length === 0) continue;
  console.log(`\nMisses, ${name}:`);
  for (const m of r.misses) console.log(`  [${m.topic}] ${m.question}  expected=${m.expected}  got=${m.got}`);
}
