/**
 * The console's 试一试: what the FAQ bot would answer a shopper, without opening a chat. Same bot, same
 * configuration (LLM when configured) and the same revision-checked index as the ChatRoom's bot; the
 * question is asked as a first message from a shopper who has no orders.
 */
import { botConfigFromEnv, createBot } from "../../faq-bot/bot";
import type { Db } from "../db/client";
import type { Env } from "../env";
import type { Logger } from "../shared/log";
import { loadFaqIndex } from "./service";

export async function tryBot(db: Db, env: Env, log: Logger, question: string) {
  const faq = await loadFaqIndex(db);
  const bot = createBot({ ...botConfigFromEnv(env as Parameters<typeof botConfigFromEnv>[0]), logger: log });
  const reply = await bot.reply({ question, history: [], orders: [], faq });
  const byId = new Map(faq.docs.map((d) => [d.entry.id, d.entry.question]));
  return {
    answer: reply.text,
    confidence: Math.round(reply.confidence * 1000) / 1000,
    escalates: reply.escalate !== undefined,
    escalationReason: reply.escalate?.reason ?? null,
    offerHuman: reply.offerHuman === true,
    sources: reply.sources.map((id) => ({ id, question: byId.get(id) ?? id })),
    via: reply.via,
  };
}
