import createClient, { type Middleware } from "openapi-fetch";
import { type RefreshedSession, session, signIn, signOut } from "../auth/session";
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

/** The original requests, so one can be sent again after the session was renewed. */
const pending = new Map<string, Request>();
let renewing: Promise<boolean> | null = null;

/**
 * Staff access tokens last an hour; the refresh token (rotated on every use) renews them for up to 12
 * hours. Concurrent 401s share one renewal, since a refresh token used twice ends the session.
 */
function renew(): Promise<boolean> {
  const current = session.current;
  if (!current?.refreshToken) return Promise.resolve(false);
  renewing ??= fetch("/api/auth/refresh", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ refreshToken: current.refreshToken }),
  })
    .then(async (res) => {
      if (!res.ok) return false;
      const next = (await res.json()) as RefreshedSession;
      signIn({ ...current, ...next });
      return true;
    })
    .catch(() => false)
    .finally(() => {
      renewing = null;
    });
  return renewing;
}

function toLogin() {
  signOut();
  const here = router.currentRoute.value.fullPath;
  void router.replace({ name: "login", query: here === "/login" ? {} : { redirect: here } });
}

const auth: Middleware = {
  onRequest({ request, id }) {
    const token = session.current?.token;
    if (token) request.headers.set("authorization", `Bearer ${token}`);
    pending.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const original = pending.get(id);
    pending.delete(id);
    if (response.status !== 401 || !session.current || !original) return response;
    // An expired access token: renew once and send the request again; otherwise back to the login page.
    if (await renew()) {
      const retry = new Request(original);
      retry.headers.set("authorization", `Bearer ${session.current?.token ?? ""}`);
      const again = await fetch(retry);
      if (again.status !== 401) return again;
    }
    toLogin();
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
