/**
 * Incoming-frame checks and per-connection rate limiting of the chat room. Pure: no sockets, no storage.
 */
import { CHAT_LIMITS, type ChatErrorCode, type ClientFrame } from "../worker/chat/protocol";

export type Parsed<T> = { ok: true; frame: T } | { ok: false; code: ChatErrorCode; message: string };

const byteLength = (s: string) => new TextEncoder().encode(s).length;

/**
 * Message text as stored: plain text with control characters removed (newlines and tabs kept), trimmed.
 * HTML is not escaped here — the stored text is what the shopper typed; every client escapes on render.
 */
export function cleanText(raw: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  return raw.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim();
}

function fail(code: ChatErrorCode, message: string): Parsed<never> {
  return { ok: false, code, message };
}

export function parseClientFrame(data: string | ArrayBuffer): Parsed<ClientFrame> {
  if (typeof data !== "string") return fail("BAD_FRAME", "仅支持文本消息");
  if (byteLength(data) > CHAT_LIMITS.maxFrameBytes) return fail("TOO_LARGE", "消息过长");
  let v: unknown;
  try {
    v = JSON.parse(data);
  } catch {
    return fail("BAD_FRAME", "消息格式不正确");
  }
  if (typeof v !== "object" || v === null) return fail("BAD_FRAME", "消息格式不正确");
  const f = v as Record<string, unknown>;
  switch (f.type) {
    case "message": {
      if (typeof f.text !== "string") return fail("BAD_FRAME", "消息内容必须是文本");
      const text = cleanText(f.text);
      if (!text) return fail("EMPTY_MESSAGE", "消息内容不能为空");
      if ([...text].length > CHAT_LIMITS.maxTextLength)
        return fail("TOO_LARGE", `消息不能超过 ${CHAT_LIMITS.maxTextLength} 个字`);
      const id = f.clientMsgId;
      if (
        id !== undefined &&
        (typeof id !== "string" || id.length === 0 || id.length > CHAT_LIMITS.maxClientMsgIdLength)
      )
        return fail("BAD_FRAME", "clientMsgId 格式不正确");
      return { ok: true, frame: { type: "message", text, ...(id ? { clientMsgId: id } : {}) } };
    }
    case "sync": {
      const after = f.after;
      if (typeof after !== "number" || !Number.isSafeInteger(after) || after < 0)
        return fail("BAD_FRAME", "after 必须是非负整数");
      return { ok: true, frame: { type: "sync", after } };
    }
    case "handoff":
      return { ok: true, frame: { type: "handoff" } };
    case "ping":
      return { ok: true, frame: { type: "ping" } };
    default:
      return fail("BAD_FRAME", "未知的消息类型");
  }
}

/** Token bucket state, small enough to live in a hibernatable socket's attachment. */
export interface Bucket {
  tokens: number;
  at: number;
}

export const fullBucket = (now: number): Bucket => ({ tokens: CHAT_LIMITS.burst, at: now });

/** Takes one token if available. Returns the new bucket and whether the frame may pass. */
export function takeToken(
  bucket: Bucket,
  now: number,
  burst: number = CHAT_LIMITS.burst,
  perSecond: number = CHAT_LIMITS.refillPerSecond,
): { bucket: Bucket; allowed: boolean } {
  const elapsed = Math.max(0, now - bucket.at) / 1000;
  const tokens = Math.min(burst, bucket.tokens + elapsed * perSecond);
  if (tokens < 1) return { bucket: { tokens, at: now }, allowed: false };
  return { bucket: { tokens: tokens - 1, at: now }, allowed: true };
}
