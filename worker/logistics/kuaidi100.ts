/**
 * 快递100 快递信息推送服务 (subscription + push), as documented by 快递100:
 * - 订阅接口 (api.kuaidi100.com 文档 "快递订阅查询快递api接口技术文档", mirrored at
 *   apifox.com/apidoc/project-514987/api-8567477): `POST https://poll.kuaidi100.com/poll`, form
 *   `schema=json&param=<JSON>`, param = { company, number, key, parameters: { callbackurl, salt, resultv2,
 *   phone } }; phone (收、寄件人的电话) is required for 顺丰. Reply { result, returnCode, message }:
 *   200 提交成功; 501 重复订阅 (already being tracked: success for us); 700/701/702 bad data, 600/601 key
 *   problems, 500 server error.
 * - 推送接口 (apifox.com/apidoc/project-514987/api-8568518): a form POST to callbackurl with
 *   `param=<JSON>` and `sign = md5(param + salt)` (32 uppercase hex, as 快递100's samples send it);
 *   param = { status: polling|shutdown|abort|updateall, message, autoCheck, comOld, comNew,
 *   lastResult: { state, ischeck, com, nu, data: [{ context, time, ftime, status, areaCode, areaName }] } },
 *   full history, newest first, times in Beijing time "YYYY-MM-DD HH:mm:ss". Our reply must be
 *   {"result":true,"returnCode":"200","message":"成功"}; anything else is re-pushed later (about 30 min).
 * - states (快递100 SDK QueryTrackResp): 0 在途, 1 揽收, 2 疑难, 3 签收, 4 退签, 5 派件, 6 退回, 7 转投,
 *   8 清关, 10 待清关, 11 清关中, 12 已清关, 13 清关异常, 14 拒签.
 * Everything here is pure except `subscribeAtKuaidi100`, which takes its fetch.
 */
import { z } from "@hono/zod-openapi";
import { md5Hex } from "./md5";

export const KUAIDI100_POLL_URL = "https://poll.kuaidi100.com/poll";

export const STATE_TEXT: Readonly<Record<number, string>> = {
  0: "运输中",
  1: "已揽收",
  2: "疑难件",
  3: "已签收",
  4: "退回签收",
  5: "派件中",
  6: "退回中",
  7: "转投",
  8: "清关",
  10: "待清关",
  11: "清关中",
  12: "已清关",
  13: "清关异常",
  14: "拒签",
};

export const SIGNED_STATE = 3;

/** What a shopper reads for a 快递100 state (unknown codes: the newest trace's own status word). */
export function stateText(state: number, fallback?: string): string {
  return STATE_TEXT[state] ?? fallback ?? `状态 ${state}`;
}

// ---------------------------------------------------------------------------------------------------
// Subscription

export interface SubscribeRequest {
  company: string;
  number: string;
  key: string;
  callbackUrl: string;
  salt: string;
  /** Receiver's phone (or its last four digits): needed for 顺丰, harmless for others. */
  phone?: string;
}

/** The form body of a subscription (`application/x-www-form-urlencoded`). */
export function subscribeForm(r: SubscribeRequest): string {
  const param = {
    company: r.company,
    number: r.number,
    key: r.key,
    parameters: {
      callbackurl: r.callbackUrl,
      salt: r.salt,
      // 1: pushes carry each trace's status word and its 行政区域 (areaCode / areaName).
      resultv2: "1",
      ...(r.phone ? { phone: r.phone } : {}),
    },
  };
  return new URLSearchParams({ schema: "json", param: JSON.stringify(param) }).toString();
}

export type SubscribeOutcome =
  | { ok: true; duplicate: boolean; returnCode: string; message: string }
  | { ok: false; returnCode: string; message: string };

/** Reads 快递100's answer to a subscription; 501 (重复订阅) means it is already being tracked. */
export function readSubscribeReply(body: unknown): SubscribeOutcome {
  const r = (body ?? {}) as { result?: unknown; returnCode?: unknown; message?: unknown };
  const returnCode = String(r.returnCode ?? "");
  const message = String(r.message ?? "");
  if (returnCode === "200" && (r.result === true || r.result === "true"))
    return { ok: true, duplicate: false, returnCode, message };
  if (returnCode === "501") return { ok: true, duplicate: true, returnCode, message };
  return { ok: false, returnCode: returnCode || "?", message: message || "无效应答" };
}

/** One subscription at 快递100 (or the local simulator). Network errors and non-JSON replies come back as failures. */
export async function subscribeAtKuaidi100(
  fetchFn: typeof fetch,
  pollUrl: string,
  r: SubscribeRequest,
): Promise<SubscribeOutcome> {
  let res: Response;
  try {
    res = await fetchFn(pollUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      body: subscribeForm(r),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    return { ok: false, returnCode: "NETWORK", message: String(err).slice(0, 200) };
  }
  const text = await res.text();
  try {
    return readSubscribeReply(JSON.parse(text));
  } catch {
    return { ok: false, returnCode: `HTTP_${res.status}`, message: text.slice(0, 200) };
  }
}

// ---------------------------------------------------------------------------------------------------
// Push (callback)

/** md5(param + salt), 32 uppercase hex digits. */
export const signPush = (param: string, salt: string): string => md5Hex(param + salt).toUpperCase();

/** Compares without an early exit, so the time taken does not tell how much of a forged sign matched. */
export function constantTimeEqual(a: string, b: string): boolean {
  const len = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < len; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** Whether `sign` is 快递100's signature of `param` with our salt. No salt configured: nothing verifies. */
export function verifyPushSign(param: string, sign: string, salt: string | undefined): boolean {
  if (!salt || !param || !sign) return false;
  return constantTimeEqual(signPush(param, salt), sign.trim().toUpperCase());
}

/** The replies 快递100 expects from our callback. */
export const PUSH_ACK = { result: true, returnCode: "200", message: "成功" } as const;
export const PUSH_BAD_SIGN = { result: false, returnCode: "500", message: "签名错误" } as const;
export const PUSH_BAD_DATA = { result: false, returnCode: "500", message: "数据格式错误" } as const;
export const PUSH_RETRY = { result: false, returnCode: "500", message: "处理失败，请重新推送" } as const;

const BEIJING_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const BEIJING_OFFSET_MS = 8 * 3600_000;

/** "2026-12-06 10:00:00" in Beijing time (UTC+8, no daylight saving) → UTC epoch ms; null if malformed. */
export function beijingTimeToUtcMs(s: string): number | null {
  const m = BEIJING_TIME.exec(s.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, se!) - BEIJING_OFFSET_MS;
  // Date.UTC rolls 2026-02-30 over into March: refuse instead.
  const back = new Date(ms + BEIJING_OFFSET_MS);
  if (back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== d! || h! > 23 || mi! > 59 || se! > 59)
    return null;
  return ms;
}

/** UTC epoch ms → "YYYY-MM-DD HH:mm:ss" Beijing time (the simulator writes traces this way). */
export function utcMsToBeijingTime(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

const optionalText = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? "" : String(v)));

const traceItem = z.object({
  context: z.string(),
  time: optionalText,
  ftime: optionalText,
  status: optionalText,
  areaCode: optionalText,
  areaName: optionalText,
});

const pushParam = z.object({
  status: z.string(),
  message: optionalText,
  comOld: optionalText,
  comNew: optionalText,
  lastResult: z.object({
    state: z.union([z.string(), z.number()]),
    ischeck: optionalText,
    com: z.string().min(1),
    nu: z.string().min(1),
    data: z.array(traceItem).default([]),
  }),
});

export interface PushTrace {
  /** UTC epoch ms. */
  time: number;
  context: string;
  status: string;
  areaName: string;
}

export interface TrackingPush {
  /** polling | shutdown | abort | updateall */
  monitorStatus: string;
  monitorMessage: string;
  company: string;
  number: string;
  /** The company we subscribed with when 快递100 corrected it (autoCheck), else "". */
  companyBefore: string;
  state: number;
  /** ischeck = 1: 快递100 considers the waybill signed for. */
  checked: boolean;
  /** Newest first, as pushed; entries with an unreadable time are dropped. */
  traces: PushTrace[];
}

/** Parses a verified push's `param`; null when it is not 快递100's shape. */
export function parsePushParam(param: string): TrackingPush | null {
  let json: unknown;
  try {
    json = JSON.parse(param);
  } catch {
    return null;
  }
  const parsed = pushParam.safeParse(json);
  if (!parsed.success) return null;
  const p = parsed.data;
  const state = Number(p.lastResult.state);
  if (!Number.isInteger(state) || state < 0) return null;
  const traces: PushTrace[] = [];
  for (const d of p.lastResult.data) {
    // ftime is 快递100's normalised time; time is the carrier's original text.
    const time = beijingTimeToUtcMs(d.ftime || d.time) ?? beijingTimeToUtcMs(d.time);
    if (time === null) continue;
    traces.push({ time, context: d.context.trim(), status: d.status.trim(), areaName: d.areaName.trim() });
  }
  traces.sort((a, b) => b.time - a.time);
  return {
    monitorStatus: p.status,
    monitorMessage: p.message,
    company: p.lastResult.com.trim().toLowerCase(),
    number: p.lastResult.nu.trim(),
    companyBefore: p.comOld.trim().toLowerCase(),
    state,
    checked: p.lastResult.ischeck === "1",
    traces,
  };
}

/** A push's form fields, read from the raw urlencoded body (the Content-Type 快递100 sends). */
export function readPushForm(body: string): { param: string; sign: string } {
  const form = new URLSearchParams(body);
  return { param: form.get("param") ?? "", sign: form.get("sign") ?? "" };
}
