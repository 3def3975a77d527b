import { type Hook, z } from "@hono/zod-openapi";
import { zhCN } from "zod/v4/locales";
import type { AppEnv } from "../env";
import { AppError } from "./errors";

// Validation messages shoppers may see are Chinese.
z.config(zhCN());

export interface FieldIssue {
  path: string;
  message: string;
}

export function describeIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

export function validationError(issues: FieldIssue[]): AppError {
  const first = issues[0];
  const where = first?.path ? `${first.path}：` : "";
  return new AppError(
    400,
    "VALIDATION_FAILED",
    `请求参数有误，${where}${first?.message ?? "格式不正确"}`,
    issues,
  );
}

/** Every router's validation hook: turn zod failures into our 400 error shape. */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by routes of every input type
export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  if (!result.success) throw validationError(describeIssues(result.error));
};

/** Parses `value` with `schema` or throws the same 400 a route validator would. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(describeIssues(r.error));
  return r.data;
}

/** Common reusable schemas. */
export const idParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" } }),
});
export const fen = z.number().int().nonnegative().max(100_000_000_00);
