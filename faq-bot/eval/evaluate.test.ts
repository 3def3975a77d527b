import { describe, expect, it } from "vitest";
import { createBot } from "../bot";
import { buildIndex } from "../retrieval";
import { FAQ_ENTRIES } from "../seed/faq-entries";
import { evaluate } from "./evaluate";
import { ESCALATE, EVAL_QUESTIONS } from "./questions";

describe("FAQ bot eval", () => {
  it("labels only ids that exist, and has enough questions", () => {
    const ids = new Set(FAQ_ENTRIES.map((e) => e.id));
    expect(EVAL_QUESTIONS.length).toBeGreaterThanOrEqual(80);
    for (const q of EVAL_QUESTIONS)
      if (q.expected !== ESCALATE) expect(ids, q.question).toContain(q.expected);
  });

  // A regression floor, well below the measured figures (see npm run eval:bot), not the figures themselves.
  it("stays above the regression floor retrieval-only", async () => {
    const report = await evaluate(createBot({}), buildIndex(FAQ_ENTRIES), EVAL_QUESTIONS);
    expect(report.top1Accuracy).toBeGreaterThan(0.75);
    expect(report.escalationRecall).toBeGreaterThan(0.75);
    expect(report.escalationPrecision).toBeGreaterThan(0.75);
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
    const report = await evaluate(always, buildIndex(FAQ_ENTRIES), EVAL_QUESTIONS);
    expect(report.top1Accuracy).toBe(0);
    expect(report.escalationRecall).toBe(1);
    expect(report.escalationPrecision).toBeCloseTo(report.labelledEscalations / report.count);
  });
});
