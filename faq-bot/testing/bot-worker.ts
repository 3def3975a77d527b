/**
 * A minimal Worker around the bot, for tests only: proves the bot and the `openai` client run inside
 * workerd (no Node APIs) and that deltas stream out before the final reply.
 * POST /reply { question, orders? } → NDJSON lines { delta } … then { reply }.
 */
import { botConfigFromEnv, createBot } from "../bot";
import { buildIndex } from "../retrieval";
import { FAQ_ENTRIES } from "../seed/faq-entries";
import type { OrderContext } from "../types";

interface Env {
  LLM_BASE_URL?: string;
  LLM_API_KEY?: string;
  LLM_MODEL?: string;
  LLM_TIMEOUT_MS?: string;
}

const faq = buildIndex(FAQ_ENTRIES);

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { question, orders = [] } = (await request.json()) as { question: string; orders?: OrderContext[] };
    const bot = createBot(botConfigFromEnv(env));
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    const writer = writable.getWriter();
    const encoder = new TextEncoder();
    const line = (value: unknown) => writer.write(encoder.encode(`${JSON.stringify(value)}\n`));
    const done = bot
      .reply({ question, history: [], orders, faq }, (delta) => void line({ delta }))
      .then((reply) => line({ reply }))
      .finally(() => writer.close());
    // Keep the isolate working until the reply is complete, while the response already streams.
    void done;
    return new Response(readable, { headers: { "content-type": "application/x-ndjson" } });
  },
};
