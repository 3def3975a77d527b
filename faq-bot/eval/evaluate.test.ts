import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LlmSimulator, startLlmSimulator } from "../../dev/llm-simulator/server";
import { createBot } from "../bot";
import { buildIndex } from "../retrieval";
import { EXAMPLE_QUESTIONS, exampleQuestionsFrom } from "../seed/example-questions";
import { FAQ_ENTRIES } from "../seed/faq-entries";
import { DEV_SPLIT } from "./dev-split";
import { correctRate, crossValidate, evaluate, personRecall } from "./evaluate";
import { ESCALATE, type EvalQuestion } from "./labels";
import { TEST_SPLIT } from "./test-split";

const faq = buildIndex(FAQ_ENTRIES);
const normalized = (q: EvalQuestion) => q.question.replace(/[\s\p{P}]/gu, "");

describe("FAQ bot eval", () => {
  it("labels only ids that exist; dev has >= 300 questions; the splits share none", () => {
    const ids = new Set(FAQ_ENTRIES.map((e) => e.id));
    expect(DEV_SPLIT.length).toBeGreaterThanOrEqual(300);
    expect(TEST_SPLIT.length).toBeGreaterThanOrEqual(100);
    for (const q of [...DEV_SPLIT, ...TEST_SPLIT]) {
      expect(q.expected.length, q.question).toBeGreaterThan(0);
      if (q.kind) expect(q.expected).toEqual([ESCALATE]);
      else for (const id of q.expected) expect(ids, q.question).toContain(id);
    }
    const dev = new Set(DEV_SPLIT.map(normalized));
    expect(TEST_SPLIT.filter((q) => dev.has(normalized(q))).map((q) => q.question)).toEqual([]);
  });

  // Regression floors a little under the measured figures (npm run eval:bot), not the figures themselves.
  it("stays above the regression floor retrieval-only", async () => {
    const bot = createBot({});
    const dev = await crossValidate(bot, DEV_SPLIT, (t) =>
      buildIndex(FAQ_ENTRIES, {}, exampleQuestionsFrom(t)),
    );
    const test = await evaluate(bot, buildIndex(FAQ_ENTRIES, {}, EXAMPLE_QUESTIONS), TEST_SPLIT);
    expect(correctRate(dev)).toBeGreaterThan(0.88);
    expect(personRecall(dev)).toBeGreaterThanOrEqual(0.95);
    expect(correctRate(test)).toBeGreaterThan(0.9);
    expect(personRecall(test)).toBeGreaterThanOrEqual(0.95);
  });

  describe("with an LLM configured (the local simulator)", () => {
    let sim: LlmSimulator;
    beforeAll(async () => {
      sim = await startLlmSimulator();
    });
    afterAll(() => sim.close());

    it("never scores below the bot without one", async () => {
      const index = buildIndex(FAQ_ENTRIES, {}, EXAMPLE_QUESTIONS);
      const plain = await evaluate(createBot({}), index, TEST_SPLIT);
      const llm = createBot({ llm: { baseURL: sim.url, apiKey: "test", model: "sim-model" } });
      const withLlm = await evaluate(llm, index, TEST_SPLIT);
      expect(correctRate(withLlm)).toBeGreaterThanOrEqual(correctRate(plain));
      expect(personRecall(withLlm)).toBeGreaterThanOrEqual(personRecall(plain));
      expect(withLlm.outOfScopeEscalated).toBeGreaterThanOrEqual(plain.outOfScopeEscalated);
    }, 60_000);
  });

  it("scores a bot that always escalates as such", async () => {
    const always = {
      reply: async () => ({
        text: "",
        sources: [],
        confidence: 0,
        via: "retrieval" as const,
        escalate: { reason: "explicit" as const },
      }),
    };
    const report = await evaluate(always, faq, TEST_SPLIT);
    expect(report.answered).toBe(0);
    expect(report.needlessEscalations).toBe(report.answerable);
    expect(personRecall(report)).toBe(1);
    expect(report.outOfScopeEscalated).toBe(report.outOfScope);
  });
});
