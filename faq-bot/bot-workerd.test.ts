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
