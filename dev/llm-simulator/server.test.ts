import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildMessages } from "../../faq-bot/prompt";
import { simulatedReply } from "./answer";
import { simulatedEmbedding } from "./embeddings";
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

describe("embeddings", () => {
  beforeEach(() => sim.setMode("answer"));
  const embed = (body: unknown, key = "k") =>
    fetch(`${sim.url}/embeddings`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    });

  it("answers one vector per input, deterministic, similar for similar text", async () => {
    const res = await embed({
      model: "sim-embedding",
      input: ["运费怎么收", "运费怎么收", "附近有什么好吃的"],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { object: string; data: { index: number; embedding: number[] }[] };
    expect(body.object).toBe("list");
    expect(body.data.map((d) => d.index)).toEqual([0, 1, 2]);
    const [a, b, c] = body.data.map((d) => d.embedding);
    expect(a).toEqual(b);
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    expect(dot(a!, b!)).toBeCloseTo(1, 5);
    expect(dot(a!, c!)).toBeLessThan(0.3);
  });

  it("knows paraphrases through its concept groups", () => {
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    expect(dot(simulatedEmbedding("付钱"), simulatedEmbedding("支付方式"))).toBeGreaterThan(
      dot(simulatedEmbedding("付钱"), simulatedEmbedding("运费怎么收")),
    );
  });

  it("answers base64 float32 when asked, as the openai client does by default", async () => {
    const res = await embed({ model: "m", input: "运费", encoding_format: "base64" });
    const { data } = (await res.json()) as { data: { embedding: string }[] };
    const bytes = Buffer.from(data[0]!.embedding, "base64");
    const floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    expect(Array.from(floats)).toEqual(simulatedEmbedding("运费").map((v) => Math.fround(v)));
  });

  it("rejects bad requests like the real API, and fails in the failure modes", async () => {
    expect((await embed({ model: "m" })).status).toBe(400);
    expect((await embed({ model: "m", input: [] })).status).toBe(400);
    expect((await embed({ model: "m", input: "x" }, "")).status).toBe(401);
    sim.setMode("error500");
    expect((await embed({ model: "m", input: "x" })).status).toBe(500);
    sim.setMode("answer");
  });
});
