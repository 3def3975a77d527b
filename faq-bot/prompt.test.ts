import { describe, expect, it } from "vitest";
import { buildMessages, FAQ_SECTION, HISTORY_TURNS, ORDERS_SECTION } from "./prompt";
import type { ChatTurn, FaqEntry } from "./types";

const entry: FaqEntry = {
  id: "refund-time",
  question: "退款多久能到账？",
  answer: "验收通过后1个工作日内退款，\n微信零钱即时到账。",
  keywords: [],
  category: "退换货",
  enabled: true,
};

describe("buildMessages", () => {
  it("grounds the system prompt in the entries, one line per field", () => {
    const [system, last] = [
      ...buildMessages({ question: "退款几天到", history: [], entries: [entry] }),
    ].filter((_, i, all) => i === 0 || i === all.length - 1);
    expect(system?.role).toBe("system");
    expect(system?.content).toContain(
      `${FAQ_SECTION}\n[1] id=refund-time\n问：退款多久能到账？\n答：验收通过后1个工作日内退款， 微信零钱即时到账。`,
    );
    expect(system?.content).not.toContain(`${ORDERS_SECTION}\n`);
    expect(last).toEqual({ role: "user", content: "退款几天到" });
  });

  it("includes orders only when given, and says so when there are none", () => {
    const withOrders = buildMessages({
      question: "到哪了",
      history: [],
      entries: [],
      orders: [
        {
          orderNo: "1",
          status: "shipped",
          statusText: "已发货",
          itemsSummary: "冰箱 ×1",
          createdAt: 0,
          trackingNo: "SF9",
        },
      ],
    })[0]!.content;
    expect(withOrders).toContain(`${ORDERS_SECTION}\n订单 1（冰箱 ×1）：已发货，快递 运单号 SF9。`);
    expect(buildMessages({ question: "到哪了", history: [], entries: [], orders: [] })[0]!.content).toContain(
      "该顾客暂无订单",
    );
  });

  it("keeps only the recent history, in order", () => {
    const history: ChatTurn[] = Array.from({ length: 10 }, (_, i) => ({
      role: i % 2 === 0 ? "user" : "assistant",
      text: `t${i}`,
    }));
    const messages = buildMessages({ question: "q", history, entries: [] });
    expect(messages.slice(1, -1).map((m) => m.content)).toEqual(
      history.slice(-HISTORY_TURNS).map((t) => t.text),
    );
  });
});
