/**
 * Hybrid retrieval: when an OpenAI-compatible /embeddings endpoint is configured (Qwen's, OpenAI's, the
 * local simulator), the lexical confidence is combined with the cosine similarity between the question's
 * embedding and the FAQ entries'. Entry embeddings are computed once per FAQ revision (FaqIndex.revisionKey)
 * and cached per isolate; every failure (HTTP error, timeout, malformed answer) falls back to the lexical
 * hits, so the shopper never waits on or sees an embeddings outage.
 */
import OpenAI from "openai";
import { type FaqIndex, type SearchHit, type SearchOptions, search } from "./retrieval";
import type { FaqEntry } from "./types";

export const DEFAULT_EMBEDDINGS_TIMEOUT_MS = 3_000;

export interface EmbeddingSettings {
  baseURL: string;
  apiKey: string;
  model: string;
  timeoutMs?: number;
  /** Share of the semantic score in the combined confidence, 0..1. */
  weight?: number;
  /** Cosine similarity treated as "unrelated" (0 semantic confidence); 1 is identical. */
  minSimilarity?: number;
}

export const DEFAULT_SEMANTIC_WEIGHT = 0.4;
export const DEFAULT_MIN_SIMILARITY = 0.3;

/** What an entry is embedded as: its question and keywords (the answer would drown them). */
export const entryText = (e: FaqEntry) => `${e.question} ${e.keywords.join(" ")}`;

export interface Embedder {
  embed(texts: string[]): Promise<Float32Array[]>;
}

export function createEmbedder(settings: EmbeddingSettings): Embedder {
  const client = new OpenAI({
    baseURL: settings.baseURL,
    apiKey: settings.apiKey,
    maxRetries: 0,
    timeout: settings.timeoutMs ?? DEFAULT_EMBEDDINGS_TIMEOUT_MS,
  });
  return {
    async embed(texts) {
      const res = await client.embeddings.create({ model: settings.model, input: texts });
      const vectors = [...res.data]
        .sort((a, b) => a.index - b.index)
        .map((d) => Float32Array.from(d.embedding));
      const dims = vectors[0]?.length ?? 0;
      if (vectors.length !== texts.length || dims === 0 || vectors.some((v) => v.length !== dims))
        throw new Error(`embeddings: expected ${texts.length} vectors of one size, got ${vectors.length}`);
      return vectors;
    },
  };
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Entry vectors per (model, FAQ revision); a failed computation is forgotten so the next call retries. */
const entryVectorCache = new Map<string, Promise<Map<string, Float32Array>>>();
const MAX_CACHED_REVISIONS = 4;

function entryVectors(
  embedder: Embedder,
  model: string,
  index: FaqIndex,
): Promise<Map<string, Float32Array>> {
  const key = `${model}|${index.revisionKey}`;
  let pending = entryVectorCache.get(key);
  if (!pending) {
    const entries = index.docs.map((d) => d.entry);
    pending = embedder
      .embed(entries.map(entryText))
      .then((vectors) => new Map(entries.map((e, i) => [e.id, vectors[i]!])));
    pending.catch(() => entryVectorCache.delete(key));
    entryVectorCache.set(key, pending);
    if (entryVectorCache.size > MAX_CACHED_REVISIONS)
      entryVectorCache.delete(entryVectorCache.keys().next().value as string);
  }
  return pending;
}

/** Lexical confidence and semantic similarity, combined; ranks every entry, returns the best k. */
export function combine(
  lexical: readonly SearchHit[],
  index: FaqIndex,
  similarity: ReadonlyMap<string, number>,
  settings: Pick<EmbeddingSettings, "weight" | "minSimilarity">,
  k: number,
  excludeIds: readonly string[] = [],
): SearchHit[] {
  const weight = settings.weight ?? DEFAULT_SEMANTIC_WEIGHT;
  const floor = settings.minSimilarity ?? DEFAULT_MIN_SIMILARITY;
  const lexicalById = new Map(lexical.map((h) => [h.entry.id, h]));
  const excluded = new Set(excludeIds);
  return index.docs
    .filter((d) => !excluded.has(d.entry.id))
    .map((d) => {
      const lex = lexicalById.get(d.entry.id);
      const sem = Math.max(0, ((similarity.get(d.entry.id) ?? 0) - floor) / (1 - floor));
      const combined = (1 - weight) * (lex?.confidence ?? 0) + weight * Math.min(1, sem);
      // Ranked by the combination; the confidence never drops below the lexical one, so agreeing semantic
      // evidence can lift a near miss over the threshold but a weak embedding cannot escalate a clear match.
      return {
        entry: d.entry,
        score: lex?.score ?? 0,
        combined,
        confidence: Math.max(combined, lex?.confidence ?? 0),
      };
    })
    .filter((h) => h.combined > 0)
    .sort((a, b) => b.combined - a.combined || a.entry.id.localeCompare(b.entry.id))
    .slice(0, k)
    .map(({ combined: _, ...hit }) => hit);
}

export interface Retriever {
  search(index: FaqIndex, query: string, k: number, options?: SearchOptions): Promise<SearchHit[]>;
}

export const lexicalRetriever: Retriever = {
  search: async (index, query, k, options) => search(index, query, k, options),
};

export function hybridRetriever(
  settings: EmbeddingSettings,
  logger?: { warn(msg: string, fields?: Record<string, unknown>): void },
  embedder: Embedder = createEmbedder(settings),
): Retriever {
  return {
    async search(index, query, k, options = {}) {
      // Confidences of lexical hits stay comparable to the lexical-only ones: the full ranking, not top k.
      const lexical = search(index, query, index.docs.length, options);
      if (!query.trim() || index.docs.length === 0) return lexical.slice(0, k);
      try {
        const [vectors, [q]] = await Promise.all([
          entryVectors(embedder, settings.model, index),
          embedder.embed([query]),
        ]);
        const similarity = new Map([...vectors].map(([id, v]) => [id, cosine(q!, v)]));
        return combine(lexical, index, similarity, settings, k, options.excludeIds);
      } catch (err) {
        logger?.warn("faq-bot embeddings failed, lexical retrieval only", {
          err: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
        });
        return lexical.slice(0, k);
      }
    },
  };
}
