/** How the chat room reaches the FAQ bot: the bot itself, the merchant's FAQ index and the shopper's orders. */
import { type BotReply, botConfigFromEnv, type ChatTurn, createBot } from "../faq-bot/bot";
import { recentOrders } from "../worker/chat/orders-context";
import type { Db } from "../worker/db/client";
import type { Env } from "../worker/env";
import { loadFaqIndex } from "../worker/faq/service";
import type { Logger } from "../worker/shared/log";

export interface RoomBot {
  reply(
    input: { shopperId: number; question: string; history: ChatTurn[] },
    onDelta: (text: string) => void,
  ): Promise<BotReply>;
}

export function createRoomBot(env: Env, db: Db, log: Logger): RoomBot {
  const bot = createBot({
    ...botConfigFromEnv(env as Parameters<typeof botConfigFromEnv>[0]),
    logger: log,
  });
  return {
    async reply({ shopperId, question, history }, onDelta) {
      const [faq, orders] = await Promise.all([
        // Revision-checked and cached per isolate by the FAQ domain.
        loadFaqIndex(db),
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
