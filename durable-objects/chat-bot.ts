/**
 * How the chat room reaches the FAQ bot: the bot itself (faq-bot/), the FAQ index (cached per isolate
 * for a short while, since it changes rarely and building it is not free) and the shopper's orders.
 */
import { type Bot, type BotReply, botConfigFromEnv, type ChatTurn, createBot } from "../faq-bot/bot";
import { buildIndex, type FaqIndex } from "../faq-bot/retrieval";
import { FAQ_ENTRIES } from "../faq-bot/seed/faq-entries";
import { recentOrders } from "../worker/chat/orders-context";
import type { Db } from "../worker/db/client";
import type { Env } from "../worker/env";
import type { Logger } from "../worker/shared/log";

/** FAQ edits reach the bot within this long. */
const FAQ_INDEX_TTL_MS = 60_000;

let cachedIndex: { index: FaqIndex; at: number } | undefined;

// TODO(faq): switch to worker/faq's loadFaqIndex(db) when it lands; the seed keeps the bot useful meanwhile.
async function loadFaqIndex(_db: Db): Promise<FaqIndex> {
  return buildIndex(FAQ_ENTRIES.filter((e) => e.enabled));
}

async function faqIndex(db: Db, now: number): Promise<FaqIndex> {
  if (cachedIndex && now - cachedIndex.at < FAQ_INDEX_TTL_MS) return cachedIndex.index;
  const index = await loadFaqIndex(db);
  cachedIndex = { index, at: now };
  return index;
}

export interface RoomBot {
  reply(
    input: { shopperId: number; question: string; history: ChatTurn[] },
    onDelta: (text: string) => void,
  ): Promise<BotReply>;
}

export function createRoomBot(env: Env, db: Db, log: Logger): RoomBot {
  const bot: Bot = createBot({
    ...botConfigFromEnv(env as Parameters<typeof botConfigFromEnv>[0]),
    logger: log,
  });
  return {
    async reply({ shopperId, question, history }, onDelta) {
      const [faq, orders] = await Promise.all([
        faqIndex(db, Date.now()),
        // Without orders the bot still answers everything else.
        recentOrders(db, shopperId).catch((err: unknown) => {
          log.warn("chat: orders unavailable to the bot", { err: String(err) });
          return [];
        }),
      ]);
      return bot.reply({ question, history, orders, faq }, onDelta);
    },
  };
}
