import { describe, expect, it } from "vitest";
import { type MessageRow, rowToMessage, toChatTurns } from "./chat-transcript";

const row = (id: number, kind: string, text: string, over: Partial<MessageRow> = {}): MessageRow => ({
  id,
  kind,
  sender_id: kind === "shopper" ? 7 : null,
  sender_name: kind,
  text,
  client_msg_id: null,
  sources: null,
  at: id * 10,
  ...over,
});

describe("rowToMessage", () => {
  it("maps columns and omits empty optional fields", () => {
    expect(rowToMessage(row(1, "shopper", "hi", { client_msg_id: "c1" }))).toEqual({
      id: 1,
      from: { kind: "shopper", id: 7, name: "shopper" },
      text: "hi",
      at: 10,
      clientMsgId: "c1",
    });
    expect(rowToMessage(row(2, "bot", "答", { sources: '["return-7day"]' })).sources).toEqual([
      "return-7day",
    ]);
    expect(rowToMessage(row(3, "bot", "x"))).not.toHaveProperty("sources");
    // Low-confidence bot answers carry the 转人工 flag; rows from before the column have none.
    expect(rowToMessage(row(4, "bot", "答", { offer_human: 1 })).offerHuman).toBe(true);
    expect(rowToMessage(row(5, "bot", "答", { offer_human: null }))).not.toHaveProperty("offerHuman");
  });
});

describe("toChatTurns", () => {
  it("maps roles, drops system notices, keeps sources and the newest turns", () => {
    const msgs = [
      row(1, "bot", "您好"),
      row(2, "shopper", "怎么退货"),
      row(3, "bot", "7天无理由", { sources: '["return-7day"]' }),
      row(4, "system", "排队第1位"),
      row(5, "agent", "我来帮您"),
    ].map(rowToMessage);
    expect(toChatTurns(msgs, 10)).toEqual([
      { role: "assistant", text: "您好" },
      { role: "user", text: "怎么退货" },
      { role: "assistant", text: "7天无理由", sources: ["return-7day"] },
      { role: "assistant", text: "我来帮您" },
    ]);
    expect(toChatTurns(msgs, 2).map((t) => t.text)).toEqual(["7天无理由", "我来帮您"]);
  });
});
