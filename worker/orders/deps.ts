import type { Context } from "hono";
import type { AppEnv } from "../env";
import { createLogger } from "../shared/log";
import type { OrderDeps } from "./service";

export function orderDeps(c: Context<AppEnv>): OrderDeps {
  return {
    db: c.get("db"),
    env: c.env,
    log: createLogger(c.env.LOG_LEVEL, { requestId: c.get("requestId") }),
    waitUntil: (p) => c.executionCtx.waitUntil(p),
  };
}
