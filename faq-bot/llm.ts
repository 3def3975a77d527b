/**
 * One chat-completions call through the `openai` client to any OpenAI-compatible provider (DeepSeek, Qwen,
 * OpenAI, the local simulator). Streams text deltas when asked; reports a handoff when the model calls the
 * handoff tool. Throws on every failure (HTTP error, timeout, empty answer): the bot falls back to retrieval.
 */
import OpenAI from "openai";
import { type ChatMessage, HANDOFF_TOOL, HANDOFF_TOOL_NAME } from "./prompt";

export const DEFAULT_LLM_TIMEOUT_MS = 15_000;

export interface LlmSettings {
  baseURL: string;
  apiKey: string;
  model: string;
  timeoutMs?: number;
}

export interface LlmOutcome {
  text: string;
  /** Set when the model asked for a human through the handoff tool. */
  handoff?: { reason: string };
}

export class LlmEmptyAnswerError extends Error {
  constructor() {
    super("LLM returned neither text nor a handoff");
    this.name = "LlmEmptyAnswerError";
  }
}

export function createLlmClient(settings: LlmSettings): OpenAI {
  return new OpenAI({
    baseURL: settings.baseURL,
    apiKey: settings.apiKey,
    // A shopper is waiting: no retries with backoff, the retrieval answer is the fallback.
    maxRetries: 0,
    timeout: settings.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS,
  });
}

interface ToolCallDraft {
  name: string;
  arguments: string;
}

function handoffFrom(calls: Iterable<ToolCallDraft>): LlmOutcome["handoff"] {
  for (const call of calls) {
    if (call.name !== HANDOFF_TOOL_NAME) continue;
    let reason = "";
    try {
      const args = JSON.parse(call.arguments || "{}") as { reason?: unknown };
      if (typeof args.reason === "string") reason = args.reason;
    } catch {
      // Malformed arguments still mean the model asked for a human.
    }
    return { reason };
  }
  return undefined;
}

/**
 * Asks the model. `timeoutMs` bounds the whole call including the stream: a provider that accepts the
 * request and then stalls mid-answer is aborted too (the client's own timeout covers only the response
 * headers).
 */
export async function askLlm(
  client: OpenAI,
  settings: LlmSettings,
  messages: ChatMessage[],
  onDelta?: (delta: string) => void,
): Promise<LlmOutcome> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), settings.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS);
  const body = {
    model: settings.model,
    messages,
    tools: [HANDOFF_TOOL],
    tool_choice: "auto" as const,
    temperature: 0.3,
  };
  try {
    if (!onDelta) {
      const completion = await client.chat.completions.create(body, { signal: abort.signal });
      const message = completion.choices[0]?.message;
      const calls = (message?.tool_calls ?? []).flatMap((c) =>
        c.type === "function" ? [{ name: c.function.name, arguments: c.function.arguments }] : [],
      );
      return finish(message?.content ?? "", handoffFrom(calls));
    }
    const stream = await client.chat.completions.create({ ...body, stream: true }, { signal: abort.signal });
    let text = "";
    const calls = new Map<number, ToolCallDraft>();
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta;
      if (!delta) continue;
      for (const tc of delta.tool_calls ?? []) {
        // Tool calls arrive in pieces: the name first, the JSON arguments spread over later chunks.
        const draft = calls.get(tc.index) ?? { name: "", arguments: "" };
        draft.name += tc.function?.name ?? "";
        draft.arguments += tc.function?.arguments ?? "";
        calls.set(tc.index, draft);
      }
      if (delta.content) {
        text += delta.content;
        onDelta(delta.content);
      }
    }
    if (abort.signal.aborted) throw new Error("LLM stream aborted");
    return finish(text, handoffFrom(calls.values()));
  } finally {
    clearTimeout(timer);
  }
}

function finish(text: string, handoff: LlmOutcome["handoff"]): LlmOutcome {
  const trimmed = text.trim();
  if (handoff) return { text: trimmed, handoff };
  if (!trimmed) throw new LlmEmptyAnswerError();
  return { text: trimmed };
}
