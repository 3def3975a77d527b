import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMessages } from "../../faq-bot/prompt";
import { simulatedReply } from "./answer";
import { type LlmSimulator, startLlmSimulator } from "./server";

let sim: LlmSimulator;
beforeAll(async () => {
  sim = await startLlmSimulator();
});
afterAll(() => sim.close());

const entry = {
  id: "a",
  question: "运费怎么收？",
  answer: "大家电包邮。",
  keywords: [],
  category: "配送",
  enabled: true,
};
const post = (body: unknown, key = "k") =>
  fetch(`${sim.url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });

describe("simulated answers", () => {
  it("echo the first grounding entry, or hand off without one", () => {
    expect(simulatedReply(buildMessages({ question: "包邮吗", history: [], entries: [entry] }))).toEqual({
      kind: "text",
      text: "您好，关于“运费怎么收？”：大家电包邮。",
    });
    expect(simulatedReply(buildMessages({ question: "?", history: [], entries: [] })).kind).toBe("handoff");
  });
});

describe("LLM simulator wire protocol", () => {
  it("streams SSE chat.completion.chunk events ending in [DONE]", async () => {
    sim.setMode("answer");
    const res = await post({
      model: "m",
      stream: true,
      messages: buildMessages({ question: "包邮吗", history: [], entries: [entry] }),
    });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const events = (await res.text()).split("\n\n").filter(Boolean);
    expect(events.at(-1)).toBe("data: [DONE]");
    const chunks = events.slice(0, -1).map((e) => {
      expect(e.startsWith("data: ")).toBe(true);
      return JSON.parse(e.slice(6));
    });
    expect(chunks.every((c) => c.object === "chat.completion.chunk")).toBe(true);
    expect(chunks.map((c) => c.choices[0].delta.content ?? "").join("")).toBe(
      "您好，关于“运费怎么收？”：大家电包邮。",
    );
    expect(chunks.at(-1).choices[0].finish_reason).toBe("stop");
  });

  it("answers OpenAI-style errors: 401 without a key, 400 for a bad body, 500/429 by mode", async () => {
    expect((await post({ model: "m", messages: [{ role: "user", content: "x" }] }, "")).status).toBe(401);
    expect((await post({ messages: [] })).status).toBe(400);
    sim.setMode("error429");
    const limited = await post({ model: "m", messages: [{ role: "user", content: "x" }] });
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { type: string } }).error.type).toBe("rate_limit_error");
    sim.setMode("error500");
    expect((await post({ model: "m", messages: [{ role: "user", content: "x" }] })).status).toBe(500);
  });
});
