// WeChat subscribe messages (订阅消息) through WeChat's real API: an access_token from
// /cgi-bin/token (cached per isolate until shortly before it expires), then
// /cgi-bin/message/subscribe/send. WECHAT_API_BASE points tests at a local fake.

export interface WechatApiConfig {
  appId: string;
  appSecret: string;
  apiBase?: string;
}

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: "developer" | "trial" | "formal";
}

export type SendResult = { ok: true } | { ok: false; errcode: number; errmsg: string };

const tokens = new Map<string, { token: string; expiresAt: number }>();

/** Also used for other WeChat server APIs (the share poster's getwxacodeunlimit). */
export async function accessToken(cfg: WechatApiConfig, fetchFn: typeof fetch, now: number): Promise<string> {
  const cached = tokens.get(cfg.appId);
  if (cached && cached.expiresAt > now) return cached.token;
  const url = new URL("/cgi-bin/token", cfg.apiBase ?? "https://api.weixin.qq.com");
  url.searchParams.set("grant_type", "client_credential");
  url.searchParams.set("appid", cfg.appId);
  url.searchParams.set("secret", cfg.appSecret);
  const body = (await (await fetchFn(url, { headers: { accept: "application/json" } })).json()) as {
    access_token?: string;
    expires_in?: number;
    errcode?: number;
    errmsg?: string;
  };
  if (!body.access_token) throw new WechatApiError(body.errcode ?? -1, body.errmsg ?? "no access_token");
  // Renew five minutes early: WeChat keeps the old token valid for a short overlap only.
  tokens.set(cfg.appId, {
    token: body.access_token,
    expiresAt: now + ((body.expires_in ?? 7200) - 300) * 1000,
  });
  return body.access_token;
}

export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`wechat api ${errcode}: ${errmsg}`);
  }
}

/** 40001 / 42001: token invalid or expired; drop it and retry once. */
export const TOKEN_ERRORS = new Set([40001, 42001]);

/** Drops the cached token (after WeChat called it invalid). */
export const forgetAccessToken = (appId: string) => tokens.delete(appId);

export async function sendSubscribeMessage(
  cfg: WechatApiConfig,
  msg: SubscribeMessage,
  fetchFn: typeof fetch = fetch,
  now = Date.now(),
): Promise<SendResult> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const token = await accessToken(cfg, fetchFn, now);
    const url = new URL("/cgi-bin/message/subscribe/send", cfg.apiBase ?? "https://api.weixin.qq.com");
    url.searchParams.set("access_token", token);
    const res = await fetchFn(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(msg),
    });
    const body = (await res.json()) as { errcode?: number; errmsg?: string };
    if (!body.errcode) return { ok: true };
    if (TOKEN_ERRORS.has(body.errcode) && attempt === 0) {
      tokens.delete(cfg.appId);
      continue;
    }
    // 43101: the shopper has not subscribed (or used up) this template: expected, not a fault.
    return { ok: false, errcode: body.errcode, errmsg: body.errmsg ?? "" };
  }
  return { ok: false, errcode: -1, errmsg: "token retry exhausted" };
}
