/**
 * The FAQ bot the ChatRoom Durable Object calls for each shopper message. Runs inside workerd: web APIs
 * only. Retrieval always runs first; an LLM, when configured, only phrases an answer grounded in the
 * retrieved entries (and the shopper's orders) and may ask for a human. Any LLM failure falls back to the
 * retrieval answer, so the shopper never sees an error.
 *
 * Streaming contract: `onDelta` receives the LLM's text as it arrives. `BotReply.text` is always the
 * final, authoritative message: when the LLM fails mid-stream the reply comes from retrieval and replaces
 * whatever was streamed. Retrieval answers are not streamed (they are complete at once).
 */

import { answerFromHits, answerWithOrders, HANDOFF_TEXT, NO_ORDERS_TEXT, RETRY_PREFIX } from "./compose";
import { type EmbeddingSettings, hybridRetriever, lexicalRetriever } from "./embeddings";
import {
  confidenceDecision,
  DEFAULT_ESCALATION_POLICY,
  type EscalationPolicy,
  type EscalationReason,
  escalationBeforeAnswer,
} from "./escalation";
import { isDissatisfied, isOffTopic, isOwnOrderQuestion, withoutDissatisfaction } from "./intent";
import { askLlm, createLlmClient, type LlmSettings } from "./llm";
import { orderStatusAnswer, relevantOrders } from "./orders";
import { buildMessages } from "./prompt";
import type { FaqIndex, SearchHit } from "./retrieval";
import { tokenize, tokenKind } from "./tokenize";
import type { ChatTurn, OrderContext } from "./types";

export type { EscalationReason } from "./escalation";
export type { FaqIndex } from "./retrieval";
export type { ChatTurn, FaqEntry, OrderContext } from "./types";

export interface BotConfig {
  llm?: LlmSettings;
  /** Hybrid retrieval (lexical + embeddings) when set; lexical alone otherwise. */
  embeddings?: EmbeddingSettings;
  /** Where LLM failures are reported (they never reach the shopper). Pass worker/shared/log's logger. */
  logger?: { warn(msg: string, fields?: Record<string, unknown>): void };
  policy?: EscalationPolicy;
}

export interface BotInput {
  question: string;
  history: ChatTurn[];
  orders: OrderContext[];
  faq: FaqIndex;
}

export interface BotReply {
  text: string;
  /** FAQ ids the answer is grounded in. */
  sources: string[];
  /** Top retrieval confidence 0..1 (1 for an answer read from the shopper's own orders). */
  confidence: number;
  escalate?: { reason: EscalationReason };
  /**
   * Set on answers given with low confidence: the chat shows a 转人工 button under them, so a shopper the
   * answer does not help is one tap from a person.
   */
  offerHuman?: boolean;
  via: "llm" | "retrieval";
}

export interface Bot {
  reply(input: BotInput, onDelta?: (delta: string) => void): Promise<BotReply>;
}

/** How many retrieved entries the LLM sees. */
const LLM_CONTEXT_ENTRIES = 3;

export interface BotEnv {
  LLM_BASE_URL?: string;
  LLM_API_KEY?: string;
  LLM_MODEL?: string;
  LLM_TIMEOUT_MS?: string;
  /** OpenAI-compatible base URL of an embeddings endpoint (…/v1); its key defaults to LLM_API_KEY. */
  EMBEDDINGS_BASE_URL?: string;
  EMBEDDINGS_API_KEY?: string;
  EMBEDDINGS_MODEL?: string;
  EMBEDDINGS_TIMEOUT_MS?: string;
  /** Share of the semantic score, 0..1 (default 0.4). */
  EMBEDDINGS_WEIGHT?: string;
  /** Cosine similarity that counts as unrelated for this model (default 0.3). */
  EMBEDDINGS_MIN_SIMILARITY?: string;
}

const positiveInt = (v: string | undefined) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};
const unitInterval = (v: string | undefined) => {
  const n = v === undefined || v.trim() === "" ? Number.NaN : Number(v);
  return n >= 0 && n <= 1 ? n : undefined;
};

export function botConfigFromEnv(env: BotEnv): BotConfig {
  const config: BotConfig = {};
  const baseURL = env.LLM_BASE_URL?.trim();
  const apiKey = env.LLM_API_KEY?.trim();
  const model = env.LLM_MODEL?.trim();
  // All three or nothing: a half-configured LLM would fail on every message; retrieval alone is better.
  if (baseURL && apiKey && model) {
    const timeoutMs = positiveInt(env.LLM_TIMEOUT_MS);
    config.llm = { baseURL, apiKey, model, ...(timeoutMs ? { timeoutMs } : {}) };
  }
  const embURL = env.EMBEDDINGS_BASE_URL?.trim();
  const embKey = env.EMBEDDINGS_API_KEY?.trim() || apiKey;
  const embModel = env.EMBEDDINGS_MODEL?.trim();
  if (embURL && embKey && embModel) {
    const timeoutMs = positiveInt(env.EMBEDDINGS_TIMEOUT_MS);
    const weight = unitInterval(env.EMBEDDINGS_WEIGHT);
    const minSimilarity = unitInterval(env.EMBEDDINGS_MIN_SIMILARITY);
    config.embeddings = {
      baseURL: embURL,
      apiKey: embKey,
      model: embModel,
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(weight !== undefined ? { weight } : {}),
      ...(minSimilarity !== undefined ? { minSimilarity } : {}),
    };
  }
  return config;
}

/**
 * Appended to own-order questions: "我买的冰箱到哪了" is about order status, not about fridges, so the
 * FAQ guidance that accompanies the order answer should be the order/shipping entries.
 */
const ORDER_STATUS_HINT = " 订单状态 快递信息";

/** Actions an order-status question is about anyway (where is it, did it ship, did it arrive). */
const ORDER_STATUS_ACTIONS = new Set(["配送", "发货", "收到", "签收", "不收到", "不发货", "不配送"]);

/**
 * Small talk ("你叫什么名字", "今天几号", "附近有加油站吗") is escalated however well a word of it matches an
 * entry (名字 → profile, 今天 → delivery time); only when it also asks for a shop action ("今天几号能发货")
 * does a confident FAQ answer stand.
 */
function hasAction(faq: FaqIndex, question: string): boolean {
  return faq.tokenizer.words(question).some((w) => tokenKind(w) === "action");
}

/**
 * "退款怎么还没收到", "还没发货能改地址吗": about the order, but asking for another action (a refund, an
 * address change); the order-status hint would pull them to the tracking entry.
 */
function hasOtherAction(faq: FaqIndex, question: string): boolean {
  return faq.tokenizer.words(question).some((w) => tokenKind(w) === "action" && !ORDER_STATUS_ACTIONS.has(w));
}

/**
 * A question about where the shopper's own order is (answered from their orders), as opposed to one that
 * mentions the order but asks for something else (退款怎么还没收到: the refund entry answers it).
 */
function isOrderStatusQuestion(faq: FaqIndex, question: string): boolean {
  return isOwnOrderQuestion(question) && !hasOtherAction(faq, question);
}

/** What to search for, and which answers the shopper already rejected. */
function retrievalQuery(input: BotInput): { query: string; excludeIds: string[]; retry: boolean } {
  const question = input.question.trim();
  if (!isDissatisfied(question)) {
    const query = isOrderStatusQuestion(input.faq, question) ? question + ORDER_STATUS_HINT : question;
    return { query, excludeIds: [], retry: false };
  }
  // "不是这个，我问的是专票" carries its own question; a bare "没用" refers to the previous one.
  const remainder = withoutDissatisfaction(question);
  const lastUserAt = input.history.findLastIndex((t) => t.role === "user" && !isDissatisfied(t.text));
  const rejected = input.history.slice(Math.max(0, lastUserAt)).flatMap((t) => t.sources ?? []);
  const hasOwnQuestion = tokenize(remainder).some((t) => t.length >= 2);
  const query = hasOwnQuestion || lastUserAt < 0 ? remainder : input.history[lastUserAt]!.text;
  return { query, excludeIds: rejected, retry: true };
}

export function createBot(config: BotConfig): Bot {
  const policy = config.policy ?? DEFAULT_ESCALATION_POLICY;
  const llm = config.llm ? { settings: config.llm, client: createLlmClient(config.llm) } : undefined;
  const retriever = config.embeddings ? hybridRetriever(config.embeddings, config.logger) : lexicalRetriever;

  const escalation = (
    reason: EscalationReason,
    confidence: number,
    via: BotReply["via"] = "retrieval",
    text = HANDOFF_TEXT[reason],
  ): BotReply => ({ text, sources: [], confidence, escalate: { reason }, via });

  return {
    async reply(input, onDelta) {
      const question = input.question.trim();
      if (!question)
        return { text: "您好，请问有什么可以帮您？", sources: [], confidence: 0, via: "retrieval" };

      const { query, excludeIds, retry } = retrievalQuery(input);
      const hits: SearchHit[] = await retriever.search(input.faq, query, LLM_CONTEXT_ENTRIES, { excludeIds });
      const top = hits[0]?.confidence ?? 0;

      const early = escalationBeforeAnswer(input.history, question, policy);
      if (early) return escalation(early, top);
      if (isOffTopic(question) && (!hasAction(input.faq, question) || top < policy.offerHumanBelow))
        return escalation("low_confidence", top);

      const orderQuestion = isOrderStatusQuestion(input.faq, question);
      const decision = confidenceDecision(top, llm !== undefined, policy);
      // An own-order question is answerable from the orders even when the FAQ matches poorly.
      if (decision === "escalate" && !orderQuestion) return escalation("low_confidence", top);

      const grounded = hits.filter((h) => h.confidence >= policy.llmContextFloor);
      const confident = hits.filter((h) => h.confidence >= policy.answerConfidence);
      const ownOrders = orderQuestion ? relevantOrders(question, input.orders) : undefined;

      if (llm) {
        try {
          const outcome = await askLlm(
            llm.client,
            llm.settings,
            buildMessages({
              question,
              history: input.history,
              entries: grounded.map((h) => h.entry),
              ...(ownOrders ? { orders: ownOrders } : {}),
            }),
            onDelta,
          );
          const sources = grounded.map((h) => h.entry.id);
          const confidence = ownOrders?.length ? 1 : top;
          if (outcome.handoff)
            return escalation("llm_handoff", confidence, "llm", outcome.text || HANDOFF_TEXT.llm_handoff);
          return {
            text: outcome.text,
            sources,
            confidence,
            via: "llm",
            ...(confidence < policy.offerHumanBelow ? { offerHuman: true } : {}),
          };
        } catch (err) {
          config.logger?.warn("faq-bot llm failed, answering from retrieval", {
            err: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
          });
          if (decision !== "answer" && !orderQuestion) return escalation("low_confidence", top);
        }
      }

      const guidance = confident.length > 0 ? answerFromHits(confident) : undefined;
      const sources = confident.slice(0, 1).map((h) => h.entry.id);
      if (orderQuestion) {
        const orderText = orderStatusAnswer(question, input.orders);
        if (orderText) return { text: orderText, sources, confidence: 1, via: "retrieval" };
        return {
          text: answerWithOrders(NO_ORDERS_TEXT, guidance),
          sources,
          confidence: top,
          via: "retrieval",
        };
      }
      // decision is "answer" here, so `confident` is non-empty.
      return {
        text: (retry ? RETRY_PREFIX : "") + guidance,
        sources,
        confidence: top,
        via: "retrieval",
        ...(retry || top < policy.offerHumanBelow ? { offerHuman: true } : {}),
      };
    },
  };
}
