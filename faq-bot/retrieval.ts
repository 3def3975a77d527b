/**
 * BM25F retrieval over FAQ entries. Pure: build the index once (per FAQ revision), search per question.
 *
 * Fields are scored together (BM25F): each field's term frequency is length-normalised, weighted, summed,
 * then saturated once — so a term in both question and keywords does not count twice at full strength.
 */
import { createTokenizer, type Tokenizer, type TokenKind, tokenKind } from "./tokenize";
import type { FaqEntry } from "./types";

type Field = "question" | "keywords" | "answer" | "category" | "examples";
const FIELDS: readonly Field[] = ["question", "keywords", "answer", "category", "examples"];

/**
 * Example questions per FAQ id (相似问法): how shoppers actually asked for an entry, e.g. the eval's dev
 * split. Indexed as one more field, so a question worded like an earlier shopper's finds its entry even
 * when it shares no word with the FAQ text. Ids without an enabled entry are ignored.
 */
export type ExampleQuestions = ReadonlyMap<string, readonly string[]>;

export interface RetrievalParams {
  /** Term-frequency saturation. */
  k1: number;
  /** Length normalisation, 0 (none) .. 1 (full). */
  b: number;
  fieldWeights: Record<Field, number>;
  /**
   * Weight of a query token by kind, relative to an ordinary word: actions (退货, 安装) above product
   * names (冰箱), single characters and sub-word bigrams as weak evidence.
   */
  kindWeights: Record<TokenKind, number>;
  /**
   * IDF given to query tokens unknown to the FAQ, as a fraction of the maximal IDF. Unknown tokens lower
   * the confidence (the question talks about something the FAQ does not), but colloquial filler bigrams
   * are unknown too, so they should not weigh like the rarest real term.
   */
  unknownTermIdfRatio: number;
}

/** Chosen by faq-bot/eval/tune.ts on the dev split's 5-fold cross-validation (never the test split). */
export const DEFAULT_RETRIEVAL_PARAMS: RetrievalParams = {
  k1: 1.6,
  b: 0.3,
  fieldWeights: { question: 2, keywords: 4, answer: 1, category: 1, examples: 1 },
  kindWeights: { action: 1.6, product: 0.5, word: 1, negated: 1.3, char: 0.5, subword: 0.3 },
  unknownTermIdfRatio: 1,
};

interface FieldStats {
  tf: Map<string, number>;
  length: number;
}

interface IndexedEntry {
  entry: FaqEntry;
  fields: Record<Field, FieldStats>;
}

export interface FaqIndex {
  readonly params: RetrievalParams;
  /** Segments with the FAQ keywords as a user dictionary: the same for entries and questions. */
  readonly tokenizer: Tokenizer;
  /**
   * Identifies the FAQ revision by content (ids and texts of the enabled entries): what the entries'
   * embeddings are computed and cached for.
   */
  readonly revisionKey: string;
  readonly docs: readonly IndexedEntry[];
  readonly docFrequency: ReadonlyMap<string, number>;
  readonly averageLength: Readonly<Record<Field, number>>;
}

export interface SearchHit {
  entry: FaqEntry;
  /** Raw BM25F score; only comparable within one query. */
  score: number;
  /**
   * 0..1, comparable across queries: how much of the question this entry explains (score relative to the
   * score of a perfect match for the question), damped when the runner-up is nearly as good.
   */
  confidence: number;
}

export interface SearchOptions {
  /** FAQ ids to leave out, e.g. answers the shopper already rejected. */
  excludeIds?: readonly string[];
}

function fieldStats(tokens: string[]): FieldStats {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  return { tf, length: tokens.length };
}

function entryFields(
  entry: FaqEntry,
  { tokenize }: Tokenizer,
  examples: readonly string[],
): Record<Field, FieldStats> {
  return {
    examples: fieldStats(examples.flatMap((q) => tokenize(q))),
    question: fieldStats(tokenize(entry.question)),
    // Tokenised one by one so no bigram spans two keywords.
    keywords: fieldStats(entry.keywords.flatMap((k) => tokenize(k))),
    answer: fieldStats(tokenize(entry.answer)),
    category: fieldStats(tokenize(entry.category)),
  };
}

export function buildIndex(
  entries: readonly FaqEntry[],
  params: Partial<RetrievalParams> = {},
  examples: ExampleQuestions = new Map(),
): FaqIndex {
  const merged: RetrievalParams = { ...DEFAULT_RETRIEVAL_PARAMS, ...params };
  const enabled = entries.filter((e) => e.enabled);
  const tokenizer = createTokenizer(enabled.flatMap((e) => [...e.keywords, e.category]));
  const docs = enabled.map((entry) => ({
    entry,
    fields: entryFields(entry, tokenizer, examples.get(entry.id) ?? []),
  }));
  const docFrequency = new Map<string, number>();
  const totalLength: Record<Field, number> = {
    question: 0,
    keywords: 0,
    answer: 0,
    category: 0,
    examples: 0,
  };
  for (const doc of docs) {
    const seen = new Set<string>();
    for (const field of FIELDS) {
      totalLength[field] += doc.fields[field].length;
      for (const term of doc.fields[field].tf.keys()) seen.add(term);
    }
    for (const term of seen) docFrequency.set(term, (docFrequency.get(term) ?? 0) + 1);
  }
  const averageLength = Object.fromEntries(
    FIELDS.map((f) => [f, docs.length === 0 ? 1 : Math.max(1, totalLength[f] / docs.length)]),
  ) as Record<Field, number>;
  const revisionKey = contentHash(
    enabled
      .map((e) => [e.id, e.question, e.answer, e.keywords.join(","), e.category].join("\u0001"))
      .join("\u0002"),
  );
  return { params: merged, tokenizer, revisionKey, docs, docFrequency, averageLength };
}

/** FNV-1a, 2 × 32 bits: a cache key, not a security measure. */
function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

function idf(index: FaqIndex, term: string): number {
  const n = index.docs.length;
  const df = index.docFrequency.get(term) ?? 0;
  const raw = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  return df === 0 ? raw * index.params.unknownTermIdfRatio : raw;
}

function termWeight(index: FaqIndex, term: string): number {
  return index.params.kindWeights[tokenKind(term)];
}

function saturate(index: FaqIndex, tf: number): number {
  const { k1 } = index.params;
  return (tf * (k1 + 1)) / (tf + k1);
}

function scoreDoc(index: FaqIndex, doc: IndexedEntry, queryTerms: ReadonlyMap<string, number>): number {
  const { b, fieldWeights } = index.params;
  let score = 0;
  for (const [term, weight] of queryTerms) {
    let tf = 0;
    for (const field of FIELDS) {
      const count = doc.fields[field].tf.get(term);
      if (!count) continue;
      const norm = 1 - b + (b * doc.fields[field].length) / index.averageLength[field];
      tf += (fieldWeights[field] * count) / norm;
    }
    if (tf > 0) score += weight * saturate(index, tf);
  }
  return score;
}

/** Score an entry would get if its question were exactly the query: the scale for confidence. */
function perfectScore(index: FaqIndex, queryTerms: ReadonlyMap<string, number>, queryLength: number): number {
  const { b, fieldWeights } = index.params;
  const norm = 1 - b + (b * queryLength) / index.averageLength.question;
  let score = 0;
  for (const weight of queryTerms.values()) score += weight * saturate(index, fieldWeights.question / norm);
  return score;
}

export function search(index: FaqIndex, query: string, k = 3, options: SearchOptions = {}): SearchHit[] {
  const tokens = index.tokenizer.tokenize(query);
  if (tokens.length === 0 || index.docs.length === 0) return [];
  // Each distinct query term counts once, weighted by idf and token kind.
  const queryTerms = new Map<string, number>();
  for (const t of tokens) queryTerms.set(t, idf(index, t) * termWeight(index, t));

  const excluded = new Set(options.excludeIds ?? []);
  const scored = index.docs
    .filter((d) => !excluded.has(d.entry.id))
    .map((d) => ({ entry: d.entry, score: scoreDoc(index, d, queryTerms) }))
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
  if (scored.length === 0) return [];

  const perfect = perfectScore(index, queryTerms, new Set(tokens).size);
  const best = scored[0]!.score;
  const runnerUp = scored[1]?.score ?? 0;
  return scored.slice(0, k).map((hit, rank) => ({
    ...hit,
    confidence: calibrate(hit.score / perfect, rank === 0 ? (best - runnerUp) / best : 0),
  }));
}

/**
 * relative: score / perfect-match score (0..1+); margin: lead over the runner-up (0..1).
 * A clear winner that explains most of the question is trusted; a close race is damped a little because
 * the top answer is then a coin flip between two entries.
 */
export function calibrate(relative: number, margin: number): number {
  const r = Math.min(1, Math.max(0, relative));
  return Math.min(1, r * (0.75 + 0.5 * Math.min(1, margin)));
}
