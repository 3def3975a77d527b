/** Bindings and configuration the worker receives (wrangler.toml [vars], secrets, bindings). */
export interface Env {
  /** libsql:// or https:// URL of Turso, sqld, `turso dev`, or the local Hrana gateway. */
  LIBSQL_URL: string;
  LIBSQL_AUTH_TOKEN?: string;
  /** HMAC secret for session tokens (at least 32 characters). */
  SESSION_SECRET: string;
  /** "1" enables the nickname development login (local mode only). */
  DEV_LOGIN?: string;
  /** WeChat mini program credentials; when set, /api/auth/wechat-login calls code2Session. */
  WECHAT_APP_ID?: string;
  WECHAT_APP_SECRET?: string;
  /** Base URL of WeChat's API (tests point it at a local fake). */
  WECHAT_API_BASE?: string;
  /** Comma-separated origins allowed by CORS (the H5 dev server). */
  CORS_ORIGINS?: string;
  LOG_LEVEL?: string;
  /** "off": the store's public reads skip the Workers Cache API (ETag / 304 stay); see shared/edge-cache.ts. */
  EDGE_CACHE?: string;
  /** Crash tests only (shared/failpoint.ts): comma-separated failpoints at which a request stops dead. */
  FAILPOINTS?: string;
  /** OpenAI-compatible LLM for the FAQ bot (DeepSeek, Qwen…); unless all of URL, key and model are set
   *  the bot answers from retrieval alone. The key is a secret (`wrangler secret put LLM_API_KEY`). */
  LLM_BASE_URL?: string;
  LLM_API_KEY?: string;
  LLM_MODEL?: string;
  LLM_TIMEOUT_MS?: string;
  IMAGES: R2Bucket;
  /** One ChatRoom per customer-service conversation (idFromName(`conversation:<id>`)). */
  CHAT_ROOM: DurableObjectNamespace<import("../durable-objects/chat-room").ChatRoom>;
  /** The single agent lobby (idFromName("lobby")): presence, queue, assignments. */
  AGENT_LOBBY: DurableObjectNamespace<import("../durable-objects/agent-lobby").AgentLobby>;
  /** Overrides the merchant's auto-cancel minutes for unpaid orders (tests, staging). */
  ORDER_PAY_TIMEOUT_SECONDS?: string;
  /** Overrides the merchant's auto-complete days for shipped orders, in seconds (tests, staging). */
  ORDER_AUTO_COMPLETE_SECONDS?: string;
  /** JSON {"order_paid":"<template id>",…}: subscribe-message templates; absent = recorded only. */
  WECHAT_SUBSCRIBE_TEMPLATES?: string;
  /** developer | trial | formal: which mini program version a subscribe message opens. */
  WECHAT_MINIPROGRAM_STATE?: string;
  /** One OrderTimer per order (idFromName(order_no)): the auto-cancel / auto-complete alarm. */
  ORDER_TIMER: DurableObjectNamespace<import("../durable-objects/order-timer").OrderTimer>;
  /** 快递100 授权 key (secret): when unset, parcels are stored but not subscribed for tracking. */
  KUAIDI100_KEY?: string;
  /** Salt 快递100 signs its pushes with (secret); without it no push is accepted. */
  KUAIDI100_SALT?: string;
  /** 快递100's subscription endpoint (default https://poll.kuaidi100.com/poll; the local simulator in dev). */
  KUAIDI100_POLL_URL?: string;
  /** Our public base URL (https://shop.example.com): 快递100 pushes to <base>/api/logistics/kuaidi100/callback. */
  TRACKING_CALLBACK_BASE_URL?: string;
  /** One StockCounter per SKU (idFromName(`sku:<id>`)): the single authority for its stock. */
  STOCK_COUNTER: DurableObjectNamespace<import("../durable-objects/stock-counter").StockCounter>;
  /** One FlashSale coordinator per flash sale (idFromName(`flash:<saleId>`)): set-up and shard refills. */
  FLASH_SALE: DurableObjectNamespace<import("../durable-objects/flash-sale").FlashSale>;
  /** One GroupBuy per 拼团 group (idFromName(`group:<group_no>`)): its slots and deadline alarm. */
  GROUP_BUY: DurableObjectNamespace<import("../durable-objects/group-buy").GroupBuy>;
  /** Overrides every group-buy offer's time limit, in seconds (tests, staging). */
  GROUP_BUY_TIME_LIMIT_SECONDS?: string;
}

export type AppEnv = {
  Bindings: Env;
  Variables: {
    requestId: string;
    db: import("./db/client").Db;
    /** The order dependencies, built by the composition root (worker/composition.ts). */
    deps: import("./orders/deps").OrderDeps;
    /** Work to start once the answer is ready (OrderDeps.afterReply; started by shared/request-pipeline.ts). */
    afterReply: (() => Promise<unknown>)[];
    auth: import("./shared/auth").Principal | undefined;
    /** The session behind the bearer token (auth/sessions.ts), when signed in. */
    sessionId: string | undefined;
  };
};
