// Wires the domains together: the order dependencies every request, cron run and Durable Object
// alarm gets (database, subscribers, the payment side's cancel hook). Domains never import each
// other's services for this; they receive it here.
import type { MiddlewareHandler } from "hono";
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
): OrderDeps {
  return { db, env, log, waitUntil, subscribers: subscribersFor(env), payments, logistics };
}

/** Puts the request's OrderDeps on the context (after the database middleware). */
export const provideDeps: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set(
    "deps",
    buildOrderDeps(
      c.env,
      c.get("db"),
      createLogger(c.env.LOG_LEVEL, { requestId: c.get("requestId") }),
      (p) => c.executionCtx.waitUntil(p),
    ),
  );
  await next();
};

/** For code running outside a request (cron, Durable Object alarms). */
export function backgroundDeps(env: Env, waitUntil: (p: Promise<unknown>) => void, log?: Logger): OrderDeps {
  return buildOrderDeps(
    env,
    createDb(env.LIBSQL_URL, env.LIBSQL_AUTH_TOKEN),
    log ?? createLogger(env.LOG_LEVEL, { component: "orders-background" }),
    waitUntil,
  );
}
