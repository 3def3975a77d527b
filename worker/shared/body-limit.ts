import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../env";
import { AppError } from "./errors";

/** Every /api/* request body, JSON or form, unless a route below has its own. */
export const API_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Routes that take files. Their handlers keep their own, more precise checks (the image's 5 MB after
 * decoding the form, the import's 2,000,000 characters); these outer bounds stop the read itself.
 */
const IMAGE_BOUND = { maxSize: 5 * 1024 * 1024 + 64 * 1024, message: "图片不能超过 5MB" };
const LARGER_BODIES: { method: string; path: RegExp; maxSize: number; message: string }[] = [
  { method: "POST", path: /^\/api\/admin\/images$/, ...IMAGE_BOUND },
  // Shoppers' after-sales photos (after-sales/cases/photos.ts), the same 5 MB as product images.
  { method: "POST", path: /^\/api\/after-sales\/photos$/, ...IMAGE_BOUND },
  // The installer's completion photo (multipart, installation/installer-routes.ts).
  { method: "POST", path: /^\/api\/installer\/work-orders\/[^/]+\/done$/, ...IMAGE_BOUND },
  // The merchant's invoice PDF (invoices/admin-routes.ts).
  {
    method: "POST",
    path: /^\/api\/admin\/invoices\/\d+\/issue$/,
    ...IMAGE_BOUND,
    message: "发票文件不能超过 5MB",
  },
  // 2,000,000 characters of CSV are up to 6 MB of UTF-8 (Chinese text).
  {
    method: "POST",
    path: /^\/api\/admin\/products\/import$/,
    maxSize: 6_100_000,
    message: "导入文件不能超过 2MB",
  },
];

const limited = (maxSize: number, code: string, message: string) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError(413, code, message);
    },
  });

const standard = limited(API_BODY_LIMIT_BYTES, "PAYLOAD_TOO_LARGE", "请求内容过大（不能超过 256KB）");
const larger = LARGER_BODIES.map((r) => ({ ...r, check: limited(r.maxSize, "FILE_TOO_LARGE", r.message) }));

const passed = async () => {};

/**
 * One body-size limit for the API, 413 in the usual error shape (thrown as an AppError). hono/body-limit
 * trusts a Content-Length (the runtime will not deliver more than it announces) and counts a chunked
 * body as it streams (then buffers it on the request), so an oversized body is refused before it is
 * parsed. Requests without a body (GET) cost one property read.
 */
export async function limitBody(c: Context<AppEnv>): Promise<void> {
  if (!c.req.raw.body) return;
  const method = c.req.method;
  const path = c.req.path;
  const route = larger.find((r) => r.method === method && r.path.test(path));
  await (route?.check ?? standard)(c, passed);
}
