/**
 * `npx tsx faq-bot/eval/tune.ts`: coordinate search of the retrieval weights and the answer threshold on
 * the DEV split only (5-fold cross-validated, the same figures as `npm run eval:bot`). The test split is
 * never read here. Prints the best setting found; copy it into DEFAULT_RETRIEVAL_PARAMS /
 * DEFAULT_ESCALATION_POLICY by hand after checking that the gain is not a single question.
 */
import { createBot } from "../bot";
import { DEFAULT_ESCALATION_POLICY } from "../escalation";
import { buildIndex, DEFAULT_RETRIEVAL_PARAMS, type RetrievalParams } from "../retrieval";
import { exampleQuestionsFrom } from "../seed/example-questions";
import { FAQ_ENTRIES } from "../seed/faq-entries";
import { DEV_SPLIT } from "./dev-split";
import { correctRate, crossValidate, personRecall } from "./evaluate";

interface Setting {
  params: RetrievalParams;
  answerConfidence: number;
}

async function score(s: Setting): Promise<number> {
  const bot = createBot({ policy: { ...DEFAULT_ESCALATION_POLICY, answerConfidence: s.answerConfidence } });
  const r = await crossValidate(bot, DEV_SPLIT, (training) =>
    buildIndex(FAQ_ENTRIES, s.params, exampleQuestionsFrom(training)),
  );
  // Person recall first (it must not drop), then correct answers.
  return personRecall(r) * 1000 + correctRate(r) * 100;
}

type Knob = [string, (s: Setting) => number, (s: Setting, v: number) => Setting, number[]];
const field = (f: keyof RetrievalParams["fieldWeights"]): Knob => [
  `field.${f}`,
  (s) => s.params.fieldWeights[f],
  (s, v) => ({ ...s, params: { ...s.params, fieldWeights: { ...s.params.fieldWeights, [f]: v } } }),
  [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4],
];
const kind = (k: keyof RetrievalParams["kindWeights"]): Knob => [
  `kind.${k}`,
  (s) => s.params.kindWeights[k],
  (s, v) => ({ ...s, params: { ...s.params, kindWeights: { ...s.params.kindWeights, [k]: v } } }),
  [0.1, 0.2, 0.3, 0.5, 0.8, 1, 1.3, 1.6, 2, 2.5],
];
const param = (p: "k1" | "b" | "unknownTermIdfRatio", values: number[]): Knob => [
  p,
  (s) => s.params[p],
  (s, v) => ({ ...s, params: { ...s.params, [p]: v } }),
  values,
];
const KNOBS: Knob[] = [
  field("examples"),
  field("question"),
  field("keywords"),
  field("answer"),
  kind("action"),
  kind("product"),
  kind("subword"),
  kind("char"),
  kind("negated"),
  param("k1", [0.6, 0.9, 1.2, 1.6, 2, 3]),
  param("b", [0, 0.15, 0.3, 0.5, 0.75]),
  param("unknownTermIdfRatio", [0.3, 0.5, 0.75, 1]),
  [
    "answerConfidence",
    (s) => s.answerConfidence,
    (s, v) => ({ ...s, answerConfidence: v }),
    [0.12, 0.15, 0.18, 0.2, 0.22, 0.25, 0.28],
  ],
];

let best: Setting = {
  params: DEFAULT_RETRIEVAL_PARAMS,
  answerConfidence: DEFAULT_ESCALATION_POLICY.answerConfidence,
};
let bestScore = await score(best);
console.log("start", bestScore.toFixed(2));
for (let round = 0; round < 2; round++) {
  let improved = false;
  for (const [name, get, set, values] of KNOBS) {
    for (const v of values) {
      if (v === get(best)) continue;
      const candidate = set(best, v);
      const s = await score(candidate);
      // A real gain, not rounding: at least one more question right.
      if (s > bestScore + 0.1) {
        best = candidate;
        bestScore = s;
        improved = true;
        console.log(`${name} = ${v} → ${s.toFixed(2)}`);
      }
    }
  }
  if (!improved) break;
}
console.log(JSON.stringify(best, null, 2));
