import type { ContentfulStatusCode } from "hono/utils/http-status";

/** An error meant for the client: a status, a stable code and a Chinese message. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (message: string, details?: unknown, code = "BAD_REQUEST") =>
  new AppError(400, code, message, details);
export const unauthorized = (message = "请先登录") => new AppError(401, "UNAUTHORIZED", message);
export const forbidden = (message = "没有权限执行此操作") => new AppError(403, "FORBIDDEN", message);
export const notFound = (message = "资源不存在") => new AppError(404, "NOT_FOUND", message);
export const conflict = (message: string, code = "CONFLICT") => new AppError(409, code, message);

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

export function errorBody(err: AppError, requestId?: string): ErrorBody {
  const body: ErrorBody = { error: { code: err.code, message: err.message } };
  if (err.details !== undefined) body.error.details = err.details;
  if (requestId) body.error.requestId = requestId;
  return body;
}
