/** The bot inside real workerd (Miniflare), talking to the LLM simulator over real HTTP. */
import { resolve } from "node:path";
import { Log, LogLevel, Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LlmSimulator, startLlmSimulator } from "../dev/llm-simulator/server";
import { bundleForWorkerd } from "../dev/worker-runtime";
import type { BotReply } from "./bot";
import { FAQ_ENTRIES } from "./seed/faq-entries";

let sim: LlmSimulator;
let mf: Miniflare;

beforeAll(async () => {
  sim = await startLlmSimulator();
  const bundle = await bundleForWorkerd(resolve(import.meta.dirname, "testing/bot-worker.ts"));
  mf = new Miniflare({
    modules: [{ type: "ESModule", path: "worker.js", contents: bundle }],
    compatibilityDate: "2026-04-20",
    bindings: {
      LLM_BASE_URL: sim.url,
      LLM_API_KEY: "test-key",
      LLM_MODEL: "sim-model",
      LLM_TIMEOUT_MS: "20000",
      // Hybrid retrieval against the simulator's /v1/embeddings (the key defaults to LLM_API_KEY).
      EMBEDDINGS_BASE_URL: sim.url,
      EMBEDDINGS_MODEL: "sim-embedding",
    },
    cf: false,
    log: new Log(LogLevel.WARN),
  });
  await mf.ready;
}, 60_000);
afterAll(async () => {
  await mf?.dispose();
  await sim?.close();
});

async function ask(question: string) {
  const res = await mf.dispatchFetch("http://bot/reply", {
    method: "POST",
    body: JSON.stringify({ question }),
  });
  const events: ({ delta: string } | { reply: BotReply })[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const l of lines) if (l) events.push(JSON.parse(l));
  }
  return events;
}

describe("bot in workerd", () => {
  it("streams LLM deltas through the openai client, then the final reply", async () => {
    sim.setMode("answer");
    const events = await ask("退款几天到账啊");
    const last = events.at(-1) as { reply: BotReply };
    const deltas = events.slice(0, -1).map((e) => (e as { delta: string }).delta);
    expect(last.reply.via).toBe("llm");
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join("")).toBe(last.reply.text);
    expect(last.reply.text).toContain(FAQ_ENTRIES.find((e) => e.id === "refund-time")!.answer);
  });

  it("segments Chinese with Intl.Segmenter and the FAQ keywords as user dictionary inside workerd", async () => {
    const res = await mf.dispatchFetch("http://bot/words", {
      method: "POST",
      body: JSON.stringify({ text: "微信付款失败 还没收到货 以旧换新怎么估价" }),
    });
    const { words } = (await res.json()) as { words: string[] };
    // 微信 and 以旧换新 come from the dictionary (ICU alone splits them), 估价 from ICU, 不收到 is a negation.
    expect(words).toEqual(["微信", "付款失败", "不收到", "货", "以旧换新", "估价"]);
  });

  it("retrieves hybrid (lexical + simulator embeddings) inside workerd", async () => {
    sim.setMode("answer");
    const before = sim.embeddingRequests.length;
    await ask("退款几天到账啊");
    await ask("冰箱坏了找谁修");
    const made = sim.embeddingRequests.slice(before);
    // The FAQ entries at most once (cached per revision in the isolate), then one request per question.
    const batches = made.filter((r) => Array.isArray(r.input) && (r.input as string[]).length > 1);
    expect(batches.length).toBeLessThanOrEqual(1);
    expect(made.filter((r) => (r.input as string[]).length === 1)).toHaveLength(2);
  });

  it("falls back to retrieval when the provider fails", async () => {
    sim.setMode("error500");
    const events = await ask("退款几天到账啊");
    expect(events).toHaveLength(1);
    expect((events[0] as { reply: BotReply }).reply).toMatchObject({
      via: "retrieval",
      sources: ["refund-time"],
    });
  });
});
