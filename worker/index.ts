import { createApp } from "./app";
import { backgroundDeps } from "./composition";
import type { Env } from "./env";
import { sweep } from "./sweep";

export { AgentLobby } from "../durable-objects/agent-lobby";
export { ChatRoom } from "../durable-objects/chat-room";
export { FlashSale } from "../durable-objects/flash-sale";
export { GroupBuy } from "../durable-objects/group-buy";
export { OrderTimer } from "../durable-objects/order-timer";
export { StockCounter } from "../durable-objects/stock-counter";

const app = createApp();

export default {
  fetch: app.fetch,
  // Cron (wrangler.toml [triggers]): the orders backstop sweep, see worker/orders/lifecycle.ts.
  scheduled: async (_event, env, ctx) => {
    await sweep(backgroundDeps(env, (p) => ctx.waitUntil(p)));
  },
} satisfies ExportedHandler<Env>;
