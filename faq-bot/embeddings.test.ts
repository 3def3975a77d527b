/** Hybrid retrieval against the local simulator's /v1/embeddings over real HTTP (the `openai` client). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LlmSimulator, startLlmSimulator } from "../dev/llm-simulator/server";
import { createBot } from "./bot";
import {
  combine,
  createEmbedder,
  type EmbeddingSettings,
  hybridRetriever,
  lexicalRetriever,
} from "./embeddings";
import { buildIndex, search } from "./retrieval";
import type { FaqEntry } from "./types";

let sim: LlmSimulator;
let settings: EmbeddingSettings;
beforeAll(async () => {
  sim = await startLlmSimulator();
  settings = { baseURL: sim.url, apiKey: "k", model: "sim-embedding", timeoutMs: 500 };
});
afterAll(() => sim.close());
beforeEach(() => sim.setMode("answer"));

const entry = (id: string, question: string, keywords: string[]): FaqEntry => ({
  id,
  question,
  answer: `${question}的答案`,
  keywords,
  category: "测试",
  enabled: true,
});
const ENTRIES = [
  entry("return", "支持7天无理由退货吗", ["无理由", "退货"]),
  entry("pay", "支持哪些支付方式", ["支付方式", "微信支付"]),
  entry("ship", "运费怎么收", ["运费", "包邮"]),
];
const warnings: string[] = [];
const logger = { warn: (msg: string) => void warnings.push(msg) };

describe("hybrid retrieval", () => {
  it("finds an entry the lexical index cannot, through the embedding", async () => {
    const index = buildIndex(ENTRIES);
    // 后悔 is in no synonym table and no entry: lexically nothing matches.
    expect(search(index, "后悔了")).toEqual([]);
    const hits = await hybridRetriever(settings, logger).search(index, "后悔了", 3);
    expect(hits[0]?.entry.id).toBe("return");
    expect(hits[0]!.confidence).toBeGreaterThan(0);
  });

  it("never lowers the lexical confidence of the entry it ranks", async () => {
    const index = buildIndex(ENTRIES);
    const lexical = search(index, "运费怎么收", 3);
    const hybrid = await hybridRetriever(settings, logger).search(index, "运费怎么收", 3);
    expect(hybrid[0]?.entry.id).toBe("ship");
    expect(hybrid[0]!.confidence).toBeGreaterThanOrEqual(lexical[0]!.confidence);
  });

  it("embeds the FAQ once per revision, and again after an edit", async () => {
    const retriever = hybridRetriever(settings, logger);
    const entries = [...ENTRIES, entry("cache", "缓存的问题", [])];
    const index = buildIndex(entries);
    const before = sim.embeddingRequests.length;
    await retriever.search(index, "包邮吗", 3);
    await retriever.search(buildIndex(entries), "能用微信付吗", 3); // same content: same revision key
    const batches = () =>
      sim.embeddingRequests.slice(before).filter((r) => (r.input as string[]).length === entries.length);
    expect(batches()).toHaveLength(1);
    const edited = buildIndex([...entries.slice(0, 3), entry("cache", "缓存的问题改了", [])]);
    expect(edited.revisionKey).not.toBe(index.revisionKey);
    await retriever.search(edited, "包邮吗", 3);
    expect(batches()).toHaveLength(2);
  });

  it.each(["error500", "error429", "timeout", "drop"] as const)(
    "falls back to the lexical hits when the endpoint fails (%s)",
    async (mode) => {
      // A fresh revision, so the entry vectors are not already cached.
      const index = buildIndex([...ENTRIES, entry(`x-${mode}`, `${mode}的问题`, [])]);
      sim.setMode(mode);
      warnings.length = 0;
      const hits = await hybridRetriever(settings, logger).search(index, "运费怎么收", 3);
      expect(hits).toEqual(await lexicalRetriever.search(index, "运费怎么收", 3));
      expect(warnings).toEqual(["faq-bot embeddings failed, lexical retrieval only"]);
    },
  );

  it("forgets a failed revision so the next question retries", async () => {
    const index = buildIndex([...ENTRIES, entry("retry", "重试的问题", [])]);
    const retriever = hybridRetriever(settings, logger);
    sim.setMode("error500");
    await retriever.search(index, "后悔了", 3);
    sim.setMode("answer");
    expect((await retriever.search(index, "后悔了", 3))[0]?.entry.id).toBe("return");
  });

  it("reads float and base64 answers alike", async () => {
    const embedder = createEmbedder(settings);
    const [a, b] = await embedder.embed(["运费怎么收", "运费怎么收"]);
    expect(a!.length).toBeGreaterThan(10);
    expect([...a!]).toEqual([...b!]);
  });

  it("combines by weight and skips excluded ids", () => {
    const index = buildIndex(ENTRIES);
    const similarity = new Map([
      ["return", 1],
      ["pay", 0.3],
      ["ship", 0.2],
    ]);
    const hits = combine([], index, similarity, { weight: 0.5, minSimilarity: 0.3 }, 3);
    expect(hits.map((h) => [h.entry.id, h.confidence])).toEqual([["return", 0.5]]);
    expect(combine([], index, similarity, {}, 3, ["return"])).toEqual([]);
  });

  it("runs inside the bot when configured, and the bot still answers when it fails", async () => {
    // A semantic weight high enough for the simulator's similarity alone to clear the answer threshold.
    const bot = createBot({ embeddings: { ...settings, weight: 0.9, minSimilarity: 0.1 }, logger });
    const faq = buildIndex(ENTRIES);
    const reply = await bot.reply({ question: "后悔了", history: [], orders: [], faq });
    expect(reply.sources).toEqual(["return"]);
    expect(reply.offerHuman).toBe(true);
    sim.setMode("error500");
    const lexicalOnly = await bot.reply({
      question: "后悔了",
      history: [],
      orders: [],
      faq: buildIndex(ENTRIES.slice(1)),
    });
    expect(lexicalOnly.escalate).toEqual({ reason: "low_confidence" });
  });
});
