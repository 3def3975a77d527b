import { describe, expect, it } from "vitest";
import { CHAT_LIMITS } from "../worker/chat/protocol";
import { cleanText, fullBucket, parseClientFrame, takeToken } from "./chat-frames";

describe("parseClientFrame", () => {
  it("accepts a message and cleans its text", () => {
    expect(
      parseClientFrame(JSON.stringify({ type: "message", text: "  你好\u0007<b>\n", clientMsgId: "a1" })),
    ).toEqual({ ok: true, frame: { type: "message", text: "你好<b>", clientMsgId: "a1" } });
  });

  it("rejects malformed, empty, oversize and unknown frames with a code", () => {
    const code = (d: string | ArrayBuffer) => {
      const r = parseClientFrame(d);
      return r.ok ? "ok" : r.code;
    };
    expect(code("not json")).toBe("BAD_FRAME");
    expect(code("null")).toBe("BAD_FRAME");
    expect(code(new ArrayBuffer(4))).toBe("BAD_FRAME");
    expect(code(JSON.stringify({ type: "message", text: 5 }))).toBe("BAD_FRAME");
    expect(code(JSON.stringify({ type: "message", text: " \u0000 " }))).toBe("EMPTY_MESSAGE");
    expect(code(JSON.stringify({ type: "message", text: "长".repeat(CHAT_LIMITS.maxTextLength + 1) }))).toBe(
      "TOO_LARGE",
    );
    expect(code(JSON.stringify({ type: "message", text: "长".repeat(CHAT_LIMITS.maxTextLength) }))).toBe(
      "ok",
    );
    expect(code(JSON.stringify({ type: "message", text: "x".repeat(CHAT_LIMITS.maxFrameBytes) }))).toBe(
      "TOO_LARGE",
    );
    expect(code(JSON.stringify({ type: "message", text: "x", clientMsgId: "" }))).toBe("BAD_FRAME");
    expect(code(JSON.stringify({ type: "sync", after: -1 }))).toBe("BAD_FRAME");
    expect(code(JSON.stringify({ type: "sync", after: 3 }))).toBe("ok");
    expect(code(JSON.stringify({ type: "shout" }))).toBe("BAD_FRAME");
  });

  it("keeps only plain text (no stripping of what the shopper typed, escaping is the renderer's job)", () => {
    expect(cleanText("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
    expect(cleanText("a\tb\r\nc")).toBe("a\tb\r\nc");
  });
});

describe("takeToken", () => {
  it("allows a burst, then refuses until tokens refill", () => {
    let b = fullBucket(0);
    for (let i = 0; i < 3; i++) {
      const r = takeToken(b, 0, 3, 1);
      expect(r.allowed).toBe(true);
      b = r.bucket;
    }
    const refused = takeToken(b, 100, 3, 1);
    expect(refused.allowed).toBe(false);
    const later = takeToken(refused.bucket, 1100, 3, 1);
    expect(later.allowed).toBe(true);
  });

  it("never stores more than the burst size", () => {
    const r = takeToken({ tokens: 0, at: 0 }, 3_600_000, 3, 1);
    expect(r.bucket.tokens).toBe(2);
  });
});
