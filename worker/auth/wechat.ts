import { AppError } from "../shared/errors";

export interface WechatSession {
  openid: string;
  unionid?: string;
}

/**
 * Exchanges a wx.login code for the shopper's openid via WeChat's code2Session API.
 * The session_key is deliberately not kept: we never decrypt user data on the server.
 */
export async function code2Session(
  cfg: { appId: string; appSecret: string; apiBase?: string },
  code: string,
): Promise<WechatSession> {
  const url = new URL("/sns/jscode2session", cfg.apiBase ?? "https://api.weixin.qq.com");
  url.searchParams.set("appid", cfg.appId);
  url.searchParams.set("secret", cfg.appSecret);
  url.searchParams.set("js_code", code);
  url.searchParams.set("grant_type", "authorization_code");
  let body: { openid?: string; unionid?: string; errcode?: number; errmsg?: string };
  try {
    const res = await fetch(url, { headers: { accept: "application/json" } });
    body = (await res.json()) as typeof body;
  } catch {
    throw new AppError(502, "WECHAT_UNAVAILABLE", "微信登录服务暂时不可用，请稍后再试");
  }
  if (body.errcode || !body.openid) {
    // 40029: invalid code, 40163: code already used, 45011: rate limited
    throw new AppError(401, "WECHAT_LOGIN_FAILED", "微信登录失败，请重新进入小程序", {
      errcode: body.errcode,
    });
  }
  return body.unionid ? { openid: body.openid, unionid: body.unionid } : { openid: body.openid };
}
