// The share poster's mini program code: WeChat's getwxacodeunlimit (POST /wxa/getwxacodeunlimit with an
// access_token; the body names the page and a scene of ≤ 32 characters). Success is the image itself;
// a failure is JSON {errcode, errmsg} with status 200, so the content type decides. Codes never change
// for a scene, so each is fetched once and kept in R2 under wxacode/<page>/<scene>.
import type { Env } from "../env";
import {
  accessToken,
  forgetAccessToken,
  TOKEN_ERRORS,
  type WechatApiConfig,
} from "../notifications/wechat-subscribe";
import { AppError } from "../shared/errors";

export function wechatApiConfig(env: Env): WechatApiConfig | null {
  if (!env.WECHAT_APP_ID || !env.WECHAT_APP_SECRET) return null;
  return {
    appId: env.WECHAT_APP_ID,
    appSecret: env.WECHAT_APP_SECRET,
    ...(env.WECHAT_API_BASE ? { apiBase: env.WECHAT_API_BASE } : {}),
  };
}

export type WxaCodeResult =
  | { ok: true; bytes: ArrayBuffer; contentType: string }
  | { ok: false; errcode: number; errmsg: string };

/** One call to getwxacodeunlimit, retrying once with a fresh token when WeChat says it is stale. */
export async function fetchWxaCode(
  cfg: WechatApiConfig,
  req: { scene: string; page: string; envVersion?: "release" | "trial" | "develop" },
  fetchFn: typeof fetch = fetch,
  now = Date.now(),
): Promise<WxaCodeResult> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const token = await accessToken(cfg, fetchFn, now);
    const url = new URL("/wxa/getwxacodeunlimit", cfg.apiBase ?? "https://api.weixin.qq.com");
    url.searchParams.set("access_token", token);
    const res = await fetchFn(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        scene: req.scene,
        page: req.page,
        // An unreleased page would be refused with 41030; trial and develop builds do not check it.
        check_path: (req.envVersion ?? "release") === "release",
        env_version: req.envVersion ?? "release",
        width: 280,
      }),
    });
    const type = res.headers.get("content-type") ?? "";
    if (res.ok && type.startsWith("image/"))
      return { ok: true, bytes: await res.arrayBuffer(), contentType: type };
    const body = (await res.json().catch(() => ({}))) as { errcode?: number; errmsg?: string };
    const errcode = body.errcode ?? -1;
    if (TOKEN_ERRORS.has(errcode) && attempt === 0) {
      forgetAccessToken(cfg.appId);
      continue;
    }
    return { ok: false, errcode, errmsg: body.errmsg ?? `HTTP ${res.status}` };
  }
  return { ok: false, errcode: -1, errmsg: "token retry exhausted" };
}

const r2Key = (page: string, scene: string) =>
  `wxacode/${page.replaceAll("/", "_")}/${encodeURIComponent(scene)}.png`;

/** The code for a scene: from R2 if made before, else from WeChat (then kept). Errors become 4xx/5xx. */
export async function wxaCodeFor(
  env: Env,
  scene: string,
  page: string,
  fetchFn: typeof fetch = fetch,
): Promise<{ bytes: ArrayBuffer; contentType: string; cached: boolean }> {
  const key = r2Key(page, scene);
  const hit = await env.IMAGES.get(key);
  if (hit)
    return {
      bytes: await hit.arrayBuffer(),
      contentType: hit.httpMetadata?.contentType ?? "image/png",
      cached: true,
    };
  const cfg = wechatApiConfig(env);
  if (!cfg) throw new AppError(503, "WECHAT_NOT_CONFIGURED", "未配置微信小程序，暂不能生成小程序码");
  const r = await fetchWxaCode(
    cfg,
    {
      scene,
      page,
      envVersion:
        env.WECHAT_MINIPROGRAM_STATE === "formal" || !env.WECHAT_MINIPROGRAM_STATE
          ? "release"
          : env.WECHAT_MINIPROGRAM_STATE === "trial"
            ? "trial"
            : "develop",
    },
    fetchFn,
  );
  if (!r.ok) {
    // 41030: page not released; 45009: daily limit; anything else: WeChat's own trouble.
    throw new AppError(502, "WXACODE_FAILED", `小程序码生成失败（${r.errcode}：${r.errmsg}）`, {
      errcode: r.errcode,
    });
  }
  await env.IMAGES.put(key, r.bytes, { httpMetadata: { contentType: r.contentType } });
  return { bytes: r.bytes, contentType: r.contentType, cached: false };
}
