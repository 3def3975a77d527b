import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../../../worker/chat/protocol";
import { type Bubble, mergeMessage } from "./chat-merge";

const shopper = { kind: "shopper" as const, id: 1, name: "小王" };
const bot = { kind: "bot" as const, id: null, name: "智能客服" };
const msg = (id: number, text: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id,
  from: shopper,
  text,
  at: id,
  ...extra,
});

describe("mergeMessage", () => {
  it("replaces the optimistic bubble with the stored message by clientMsgId", () => {
    const list: Bubble[] = [
      msg(1, "你好"),
      { ...msg(Number.MAX_SAFE_INTEGER, "在吗"), clientMsgId: "c1", pending: true },
    ];
    const out = mergeMessage(list, msg(2, "在吗", { clientMsgId: "c1" }));
    expect(out.map((b) => [b.id, b.text, Boolean(b.pending)])).toEqual([
      [1, "你好", false],
      [2, "在吗", false],
    ]);
  });

  it("also confirms a bubble that was marked failed (the room stored it after all)", () => {
    const list: Bubble[] = [{ ...msg(Number.MAX_SAFE_INTEGER, "x"), clientMsgId: "c9", failed: true }];
    const out = mergeMessage(list, msg(5, "x", { clientMsgId: "c9" }));
    expect(out).toHaveLength(1);
    expect(out[0]!.failed).toBeUndefined();
    expect(out[0]!.id).toBe(5);
  });

  it("ignores a message it already has (history replay after reconnect)", () => {
    const list: Bubble[] = [msg(1, "a"), msg(2, "b")];
    expect(mergeMessage(list, msg(2, "b"))).toBe(list);
  });

  it("swaps streamed bot text for the final message and keeps id order", () => {
    const list: Bubble[] = [
      { id: Number.MAX_SAFE_INTEGER, from: bot, text: "空调整机保", at: 0, pending: true, streamId: "s1" },
      msg(3, "问题"),
    ];
    const out = mergeMessage(list, { id: 4, from: bot, text: "空调整机保修 1 年", at: 4 }, "s1");
    expect(out.map((b) => b.text)).toEqual(["问题", "空调整机保修 1 年"]);
    expect(out.some((b) => b.pending)).toBe(false);
  });

  it("puts late history before bubbles still waiting for the room", () => {
    const list: Bubble[] = [{ ...msg(Number.MAX_SAFE_INTEGER, "wait"), clientMsgId: "c2", pending: true }];
    const out = mergeMessage(list, msg(7, "older"));
    expect(out.map((b) => b.text)).toEqual(["older", "wait"]);
  });
});
