/** The LLM path, through the real `openai` client against the local OpenAI-compatible simulator. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LlmSimulator, startLlmSimulator } from "../dev/llm-simulator/server";
import { type BotConfig, createBot } from "./bot";
import { HANDOFF_TEXT } from "./compose";
import { DEFAULT_ESCALATION_POLICY } from "./escalation";
import { ORDERS_SECTION } from "./prompt";
import { buildIndex } from "./retrieval";
import { FAQ_ENTRIES } from "./seed/faq-entries";
import type { OrderContext } from "./types";

const faq = buildIndex(FAQ_ENTRIES);
const refundAnswer = FAQ_ENTRIES.find((e) => e.id === "refund-time")!.answer;
let sim: LlmSimulator;
let warnings: string[];

beforeAll(async () => {
  sim = await startLlmSimulator();
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.setMode("answer");
  sim.requests.length = 0;
  warnings = [];
});

// Generous: a loaded test machine must not turn a healthy call into a fallback. Only the hang test is short.
function llmBot(over: Partial<BotConfig> = {}, timeoutMs = 20_000) {
  return createBot({
    llm: { baseURL: sim.url, apiKey: "test-key", model: "sim-model", timeoutMs },
    logger: { warn: (msg) => warnings.push(msg) },
    ...over,
  });
}

async function askStreaming(bot: ReturnType<typeof llmBot>, question: string, orders: OrderContext[] = []) {
  const deltas: string[] = [];
  const reply = await bot.reply({ question, history: [], orders, faq }, (d) => deltas.push(d));
  return { reply, deltas };
}

describe("bot with an LLM", () => {
  it("streams a grounded answer: deltas arrive in order and add up to the reply", async () => {
    const { reply, deltas } = await askStreaming(llmBot(), "退款几天到账啊");
    expect(reply.via).toBe("llm");
    expect(reply.escalate).toBeUndefined();
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join("")).toBe(reply.text);
    expect(reply.text).toContain(refundAnswer);
    expect(reply.sources[0]).toBe("refund-time");

    const request = sim.requests[0]!;
    expect(request.stream).toBe(true);
    expect(request.model).toBe("sim-model");
    const system = (request.messages as { role: string; content: string }[])[0]!;
    expect(system.content).toContain("id=refund-time");
    expect(JSON.stringify(request.tools)).toContain("transfer_to_human");
  });

  it("answers without streaming when no delta callback is given", async () => {
    const reply = await llmBot().reply({ question: "退款几天到账啊", history: [], orders: [], faq });
    expect(reply).toMatchObject({ via: "llm", sources: expect.arrayContaining(["refund-time"]) });
    expect(sim.requests[0]!.stream).toBeUndefined();
  });

  it("gives the model the shopper's orders for an order question", async () => {
    const orders: OrderContext[] = [
      {
        orderNo: "20261126000002",
        status: "shipped",
        statusText: "已发货",
        itemsSummary: "海尔冰箱 ×1",
        trackingNo: "SF777",
        createdAt: 1,
      },
    ];
    const { reply } = await askStreaming(llmBot(), "我买的冰箱到哪了", orders);
    const system = (sim.requests[0]!.messages as { content: string }[])[0]!.content;
    expect(system).toContain(`${ORDERS_SECTION}\n订单 20261126000002`);
    expect(reply.text).toContain("SF777");
    expect(reply.confidence).toBe(1);
  });

  it.each(["error500", "error429", "timeout", "drop"] as const)(
    "falls back to the retrieval answer when the LLM fails (%s)",
    async (mode) => {
      sim.setMode(mode);
      const { reply } = await askStreaming(
        llmBot({}, mode === "timeout" ? 300 : undefined),
        "退款几天到账啊",
      );
      expect(reply.via).toBe("retrieval");
      expect(reply.escalate).toBeUndefined();
      expect(reply.sources).toEqual(["refund-time"]);
      expect(reply.text.startsWith(refundAnswer)).toBe(true);
      expect(reply.text).not.toMatch(/error|Error|at \w+ \(/);
      expect(warnings).toHaveLength(1);
    },
  );

  it("escalates when the model calls the handoff tool (streaming and not)", async () => {
    sim.setMode("handoff");
    const { reply } = await askStreaming(llmBot(), "退款几天到账啊");
    expect(reply).toMatchObject({
      via: "llm",
      escalate: { reason: "llm_handoff" },
      text: HANDOFF_TEXT.llm_handoff,
    });
    const plain = await llmBot().reply({ question: "退款几天到账啊", history: [], orders: [], faq });
    expect(plain.escalate).toEqual({ reason: "llm_handoff" });
  });

  it("lets the model decide in the uncertain band, and escalates there if it fails", async () => {
    // Every question falls in the ask-the-LLM band with these thresholds.
    const policy = {
      ...DEFAULT_ESCALATION_POLICY,
      answerConfidence: 1.01,
      llmConfidenceFloor: 0.05,
    };
    const { reply } = await askStreaming(llmBot({ policy }), "退款几天到账啊");
    expect(reply.via).toBe("llm");
    sim.setMode("error500");
    const failed = await askStreaming(llmBot({ policy }), "退款几天到账啊");
    expect(failed.reply).toMatchObject({ via: "retrieval", escalate: { reason: "low_confidence" } });
  });

  it("never calls the model for an explicit handoff or an off-topic question", async () => {
    expect((await askStreaming(llmBot(), "转人工")).reply.escalate).toEqual({ reason: "explicit" });
    expect((await askStreaming(llmBot(), "今天天气怎么样")).reply.escalate).toEqual({
      reason: "low_confidence",
    });
    expect(sim.requests).toHaveLength(0);
  });
});
