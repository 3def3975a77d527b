import createClient, { type Middleware } from "openapi-fetch";
import { session, signOut } from "../auth/session";
import { router } from "../router";
import type { paths } from "./openapi";

/** An API failure with the worker's Chinese message ({ error: { code, message, fields? } }). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.current?.token;
    if (token) request.headers.set("authorization", `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    // An expired or revoked session: back to the login page, then to where the user was.
    if (response.status === 401 && session.current) {
      signOut();
      const here = router.currentRoute.value.fullPath;
      void router.replace({ name: "login", query: { redirect: here } });
    }
    return response;
  },
};

/** Typed client for the worker's OpenAPI document (paths, parameters and bodies are checked). */
export const api = createClient<paths>({ baseUrl: "" });
api.use(auth);

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

/** Validation failures carry [{ path, message }]: keyed by field path so a form can show each by its field. */
function fieldsOf(details: unknown): Record<string, string> {
  if (!Array.isArray(details)) return {};
  const out: Record<string, string> = {};
  for (const d of details as { path?: unknown; message?: unknown }[])
    if (typeof d?.path === "string" && typeof d.message === "string") out[d.path] ??= d.message;
  return out;
}

/**
 * Unwraps an openapi-fetch result: the data, or an ApiError with the server's message. `T` names the
 * body where the worker documents none (some admin routes answer `unknown`; see api/views.ts).
 */
export async function unwrap<T>(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
): Promise<T> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, "NETWORK", "网络异常，请检查网络后重试");
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const e = (error ?? {}) as ErrorBody;
    throw new ApiError(
      response.status,
      e.error?.code ?? String(response.status),
      e.error?.message ?? (response.status === 403 ? "没有权限执行此操作" : `请求失败（${response.status}）`),
      fieldsOf(e.error?.details),
    );
  }
  return data as T;
}

export const errorMessage = (e: unknown) =>
  e instanceof ApiError ? e.message : e instanceof Error ? e.message : "操作失败，请重试";
