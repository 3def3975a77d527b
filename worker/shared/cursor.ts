import { z } from "@hono/zod-openapi";
import { decodeJsonCursor, encodeJsonCursor } from "./base64url";
import { badRequest } from "./errors";

/**
 * Keyset-pagination cursors: the last row's sort key as base64url JSON. Every list decodes its cursor
 * here against the shape it encoded, so a forged one (`{"t":1e999}` parses to Infinity, which
 * SQLite cannot bind) is a 400 INVALID_CURSOR, never a 500.
 */
export const encodeCursor = encodeJsonCursor;

/** A finite number (zod 4's z.number() refuses ±Infinity and NaN). */
export const cursorNumber = z.number();
/** A row id or an epoch-ms timestamp. */
export const cursorInt = z.number().int();

export function decodeCursor<T extends z.ZodType>(cursor: string, shape: T): z.infer<T> {
  const parsed = shape.safeParse(decodeJsonCursor(cursor));
  if (!parsed.success) throw badRequest("分页参数无效，请刷新后重试", undefined, "INVALID_CURSOR");
  return parsed.data;
}
