// Wires the domains together: the order dependencies every request, cron run and Durable Object
// alarm gets (database, subscribers, the payment side's cancel hook). Domains never import each
// other's services for this; they receive it here.
import type { Context } from "hono";
import { createDb, type Db } from "./db/client";
import type { AppEnv, Env } from "./env";
import type { OrderDeps } from "./orders/deps";
import type { OrderEventSubscriber } from "./orders/events";
import { markDelivered } from "./orders/fulfilment";
import { closeGatewayTrades } from "./payments/service";
import { createLogger, type Logger } from "./shared/log";
import { orderSubscribers } from "./subscribers";

const payments: OrderDeps["payments"] = { closeOpenTrades: closeGatewayTrades };
const logistics: OrderDeps["logistics"] = {
  onOrderSigned: async (deps, orderId, signedAtMs) => {
    await markDelivered(deps, orderId, signedAtMs);
  },
};

// The subscribers depend only on the bindings, which a Worker receives as the same object on every
// request of an isolate: built once per env, not on every request (docs/benchmarks.md, request path).
const subscribersByEnv = new WeakMap<Env, readonly OrderEventSubscriber[]>();
function subscribersFor(env: Env): readonly OrderEventSubscriber[] {
  let list = subscribersByEnv.get(env);
  if (!list) {
    list = orderSubscribers(env);
    subscribersByEnv.set(env, list);
  }
  return list;
}

export function buildOrderDeps(
  env: Env,
  db: Db,
  log: Logger,
  waitUntil: (p: Promise<unknown>) => void,
  afterReply: OrderDeps["afterReply"] = (task) => waitUntil(task()),
): OrderDeps {
  return { db, env, log, waitUntil, afterReply, subscribers: subscribersFor(env), payments, logistics };
}

/**
 * The request's logger, made on first use: most requests never log, and making one (with the request id)
 * on every request showed in the request path's profile.
 */
class RequestLog implements Logger {
  #log: Logger | undefined;
  readonly #c: Context<AppEnv>;
  constructor(c: Context<AppEnv>) {
    this.#c = c;
  }
  #real(): Logger {
    this.#log ??= createLogger(this.#c.env.LOG_LEVEL, { requestId: this.#c.get("requestId") });
    return this.#log;
  }
  debug(msg: string, fields?: Record<string, unknown>) {
    this.#real().debug(msg, fields);
  }
  info(msg: string, fields?: Record<string, unknown>) {
    this.#real().info(msg, fields);
  }
  warn(msg: string, fields?: Record<string, unknown>) {
    this.#real().warn(msg, fields);
  }
  error(msg: string, fields?: Record<string, unknown>) {
    this.#real().error(msg, fields);
  }
}

/** Puts the request's OrderDeps on the context (after the database; called by shared/request-pipeline.ts). */
export function provideDeps(c: Context<AppEnv>): void {
  c.set(
    "deps",
    buildOrderDeps(
      c.env,
      c.get("db"),
      new RequestLog(c),
      (p) => c.executionCtx.waitUntil(p),
      (task) => {
        const later = c.get("afterReply");
        if (later) later.push(task);
        else c.set("afterReply", [task]);
      },
    ),
  );
}

/** For code running outside a request (cron, Durable Object alarms). */
export function backgroundDeps(env: Env, waitUntil: (p: Promise<unknown>) => void, log?: Logger): OrderDeps {
  return buildOrderDeps(
    env,
    createDb(env.LIBSQL_URL, env.LIBSQL_AUTH_TOKEN),
    log ?? createLogger(env.LOG_LEVEL, { component: "orders-background" }),
    waitUntil,
  );
}
