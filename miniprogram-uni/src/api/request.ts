import { session, setShopperSession, setStaffSession } from "@/stores/session";
import { apiUrl, IS_MP_WEIXIN } from "@/utils/config";
import { queryString } from "@/utils/format";

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  query?: Query;
  data?: unknown;
  /** Which token to send: the shopper's (default), the agent's, or none. */
  as?: "shopper" | "staff" | "none";
  /** Don't toast the error (the caller shows it inline). */
  silent?: boolean;
  headers?: Record<string, string>;
  /** Internal: this is the retry after renewing the staff token. */
  renewed?: boolean;
}

/** A failed API call: the server's code and Chinese message (or a network error). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Validation messages by field (from `details: [{ path, message }]`), for a form to show in place. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

function fieldsOf(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(details)) return out;
  for (const d of details as { path?: unknown; message?: unknown }[]) {
    const key = Array.isArray(d.path) ? d.path.join(".") : typeof d.path === "string" ? d.path : "";
    if (key && typeof d.message === "string" && !(key in out)) out[key] = d.message;
  }
  return out;
}

export const NETWORK_ERROR_MESSAGE = "网络连接失败，请检查网络后重试";

function toApiError(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (err && typeof err.message === "string")
    return new ApiError(status, typeof err.code === "string" ? err.code : "ERROR", err.message, fieldsOf(err.details));
  return new ApiError(status, "HTTP_ERROR", status >= 500 ? "服务器繁忙，请稍后重试" : `请求失败（${status}）`);
}

export function toast(message: string) {
  uni.showToast({ title: message, icon: "none", duration: 2500 });
}

let renewing: Promise<boolean> | null = null;

/**
 * Staff access tokens last an hour: renew with the refresh token (which rotates) once, shared by the
 * calls that hit the expiry together. False when the session is over (logged out, disabled, expired).
 */
function renewStaffToken(): Promise<boolean> {
  const refreshToken = session.staff?.refreshToken;
  if (!refreshToken) return Promise.resolve(false);
  renewing ??= new Promise<boolean>((resolve) => {
    uni.request({
      url: apiUrl("/api/auth/refresh"),
      method: "POST",
      data: { refreshToken },
      header: { "content-type": "application/json" },
      dataType: "json",
      success: (res) => {
        const body = res.data as { token?: string; refreshToken?: string; expiresAt?: number };
        if (res.statusCode === 200 && body.token && session.staff) {
          setStaffSession({ ...session.staff, token: body.token, refreshToken: body.refreshToken, expiresAt: body.expiresAt ?? 0 });
          resolve(true);
        } else resolve(false);
      },
      fail: () => resolve(false),
    });
  }).finally(() => {
    renewing = null;
  });
  return renewing;
}

/** The one request wrapper: token, JSON, `{error:{code,message}}` → ApiError + toast. */
export function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const as = opts.as ?? "shopper";
  const token = as === "shopper" ? session.shopper?.token : as === "staff" ? session.staff?.token : undefined;
  const header: Record<string, string> = { ...opts.headers };
  if (token) header.authorization = `Bearer ${token}`;
  if (opts.data !== undefined) header["content-type"] = "application/json";
  let method = opts.method ?? "GET";
  if (method === "PATCH" && IS_MP_WEIXIN) {
    // wx.request has no PATCH: tunnel it through POST with the standard override header.
    header["x-http-method-override"] = "PATCH";
    method = "POST";
  }
  return new Promise<T>((resolve, reject) => {
    const giveUp = (e: ApiError) => {
      if (e.status === 401 && token) {
        // The token expired or was revoked: forget it so the next screen asks to log in again.
        if (as === "shopper") setShopperSession(null);
        if (as === "staff") setStaffSession(null);
      }
      if (!opts.silent) toast(e.message);
      reject(e);
    };
    const fail = (e: ApiError) => {
      // An expired staff token: renew it once and repeat the call; only then give up.
      if (e.status === 401 && token && as === "staff" && !opts.renewed) {
        void renewStaffToken().then((ok) =>
          ok ? request<T>(path, { ...opts, renewed: true }).then(resolve, reject) : giveUp(e),
        );
        return;
      }
      giveUp(e);
    };
    uni.request({
      url: apiUrl(path) + queryString(opts.query ?? {}),
      method: method as UniApp.RequestOptions["method"],
      data: opts.data as UniApp.RequestOptions["data"],
      header,
      dataType: "json",
      success: (res) => {
        if (res.statusCode >= 200 && res.statusCode < 300) resolve(res.data as T);
        else fail(toApiError(res.statusCode, res.data));
      },
      fail: () => fail(new ApiError(0, "NETWORK_ERROR", NETWORK_ERROR_MESSAGE)),
    });
  });
}

/** Message to show inline for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return NETWORK_ERROR_MESSAGE;
}
