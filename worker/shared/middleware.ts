import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { lazyDb } from "../db/client";
import type { AppEnv } from "../env";
import { AppError, errorBody } from "./errors";
import { createLogger } from "./log";

// One client per request. A client shared across requests is not safe on Workers: @libsql/client
// queues calls beyond its concurrency limit (20) and starts a queued call from whichever request's
// call finished, i.e. in another request's I/O context, which workerd cancels as a hung request
// under load. Creating a client needs no I/O but is not free (URL parsing, the HTTP client, drizzle's
// session): it is created on first use, so requests that never query build none.
// Called by the request pipeline (shared/request-pipeline.ts) for every /api request.
export function provideDatabase(c: Context<AppEnv>): void {
  c.set("db", lazyDb(c.env.LIBSQL_URL, c.env.LIBSQL_AUTH_TOKEN));
}

/** SQLite constraint failures that a client can cause (duplicate code, missing reference). */
function constraintError(err: unknown): AppError | undefined {
  const code = String((err as { code?: unknown })?.code ?? "");
  const message = String((err as { message?: unknown })?.message ?? "");
  const cause = (err as { cause?: unknown })?.cause;
  if (code.startsWith("SQLITE_CONSTRAINT") || /UNIQUE constraint failed/.test(message)) {
    if (/UNIQUE/.test(message) || code === "SQLITE_CONSTRAINT_UNIQUE")
      return new AppError(409, "DUPLICATE", "数据已存在，请勿重复提交");
    if (/FOREIGN KEY/.test(message) || code === "SQLITE_CONSTRAINT_FOREIGNKEY")
      return new AppError(400, "INVALID_REFERENCE", "引用的数据不存在");
  }
  return cause ? constraintError(cause) : undefined;
}

/** What lies under a wrapped error (drizzle wraps the driver's error, the driver wraps fetch's): the root
 * cause is what tells a lost connection from a bad statement. */
function causeChain(err: unknown): string | undefined {
  const causes: string[] = [];
  for (let e = (err as { cause?: unknown })?.cause; e !== undefined && causes.length < 4; ) {
    causes.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    e = (e as { cause?: unknown })?.cause;
  }
  return causes.length ? causes.join(" <- ") : undefined;
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const requestId = c.get("requestId");
  if (err instanceof AppError) {
    // A 429 says when to come back: details.retryAfter (seconds) becomes the Retry-After header.
    const retryAfter = (err.details as { retryAfter?: unknown } | undefined)?.retryAfter;
    if (err.status === 429 && typeof retryAfter === "number") c.header("Retry-After", String(retryAfter));
    return c.json(errorBody(err, requestId), err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const appErr =
      status === 400
        ? new AppError(400, "BAD_REQUEST", "请求格式不正确（JSON 无法解析）")
        : new AppError(status, "HTTP_ERROR", err.message || "请求失败");
    return c.json(errorBody(appErr, requestId), appErr.status);
  }
  const constraint = constraintError(err);
  if (constraint) return c.json(errorBody(constraint, requestId), constraint.status);
  createLogger(c.env?.LOG_LEVEL).error("unhandled", {
    requestId,
    path: c.req.path,
    err: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
    cause: causeChain(err),
    stack: err instanceof Error ? err.stack?.split("\n").slice(0, 5).join(" | ") : undefined,
  });
  return c.json(errorBody(new AppError(500, "INTERNAL", "服务器开小差了，请稍后再试"), requestId), 500);
};

export const notFoundJson: NotFoundHandler<AppEnv> = (c) =>
  c.json(errorBody(new AppError(404, "NOT_FOUND", "接口不存在"), c.get("requestId")), 404);
