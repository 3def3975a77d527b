/**
 * A minimal Worker around the bot, for tests only: proves the bot and the `openai` client run inside
 * workerd (no Node APIs) and that deltas stream out before the final reply.
 * POST /reply { question, orders? } → NDJSON lines { delta } … then { reply }.
 * POST /words { text } → { words }: the index's segmentation (Intl.Segmenter + user dictionary) in workerd.
 */
import { type BotEnv, botConfigFromEnv, createBot } from "../bot";
import { buildIndex } from "../retrieval";
import { FAQ_ENTRIES } from "../seed/faq-entries";
import type { OrderContext } from "../types";

const faq = buildIndex(FAQ_ENTRIES);

export default {
  async fetch(request: Request, env: BotEnv): Promise<Response> {
    if (new URL(request.url).pathname === "/words") {
      const { text } = (await request.json()) as { text: string };
      return Response.json({ words: faq.tokenizer.words(text) });
    }
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
