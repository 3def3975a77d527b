import { describe, expect, it } from "vitest";
import { botConfigFromEnv, createBot } from "./bot";
import { HANDOFF_TEXT, NO_ORDERS_TEXT, RETRY_PREFIX } from "./compose";
import { DEFAULT_ESCALATION_POLICY } from "./escalation";
import { buildIndex } from "./retrieval";
import { EXAMPLE_QUESTIONS } from "./seed/example-questions";
import { FAQ_ENTRIES } from "./seed/faq-entries";
import type { ChatTurn, OrderContext } from "./types";

const faq = buildIndex(FAQ_ENTRIES);
const bot = createBot({});
const ask = (question: string, history: ChatTurn[] = [], orders: OrderContext[] = []) =>
  bot.reply({ question, history, orders, faq });
const answerOf = (id: string) => FAQ_ENTRIES.find((e) => e.id === id)!.answer;

describe("retrieval-only bot", () => {
  it("answers a colloquial question with the matching entry", async () => {
    const reply = await ask("退款几天到账啊");
    expect(reply).toMatchObject({ sources: ["refund-time"], via: "retrieval" });
    expect(reply.escalate).toBeUndefined();
    expect(reply.text.startsWith(answerOf("refund-time"))).toBe(true);
    expect(reply.confidence).toBeGreaterThan(0);
  });

  it("escalates explicit requests and complaints without answering", async () => {
    expect(await ask("转人工")).toMatchObject({
      escalate: { reason: "explicit" },
      sources: [],
      text: HANDOFF_TEXT.explicit,
    });
    expect((await ask("我要投诉你们的安装师傅")).escalate).toEqual({ reason: "complaint" });
  });

  it("escalates an off-topic question for low confidence", async () => {
    expect((await ask("今天天气怎么样")).escalate).toEqual({ reason: "low_confidence" });
  });

  it("after one 'not helpful' tries the next best entry, after two hands off", async () => {
    const first = await ask("退款多久到账");
    const history: ChatTurn[] = [
      { role: "user", text: "退款多久到账" },
      { role: "assistant", text: first.text, sources: first.sources },
    ];
    const retry = await ask("没用", history);
    expect(retry.escalate).toBeUndefined();
    expect(retry.text.startsWith(RETRY_PREFIX)).toBe(true);
    expect(retry.sources).toHaveLength(1);
    expect(retry.sources).not.toContain(first.sources[0]);

    const again = await ask("还是没解决", [
      ...history,
      { role: "user", text: "没用" },
      { role: "assistant", text: retry.text, sources: retry.sources },
    ]);
    expect(again.escalate).toEqual({ reason: "unresolved" });
  });

  it("answers an own-order question from the shopper's orders", async () => {
    const orders: OrderContext[] = [
      {
        orderNo: "20261120000001",
        status: "completed",
        statusText: "已完成",
        itemsSummary: "小米电视 ×1",
        createdAt: 1,
      },
      {
        orderNo: "20261126000002",
        status: "shipped",
        statusText: "已发货",
        itemsSummary: "海尔冰箱 ×1",
        carrier: "京东物流",
        trackingNo: "JDX000123",
        createdAt: 2,
      },
    ];
    const reply = await ask("我买的冰箱到哪了", [], orders);
    expect(reply.escalate).toBeUndefined();
    expect(reply.text).toContain("20261126000002");
    expect(reply.text).toContain("JDX000123");
    expect(reply.text).not.toContain("20261120000001");
    expect(reply.confidence).toBe(1);
  });

  it("answers an order question that asks for something else from the FAQ, not with the order list", async () => {
    const orders: OrderContext[] = [
      {
        orderNo: "20261126000009",
        status: "shipped",
        statusText: "已发货",
        itemsSummary: "海尔冰箱 ×1",
        createdAt: 1,
      },
    ];
    const refund = await ask("退款怎么还没收到", [], orders);
    expect(refund.sources).toEqual(["refund-time"]);
    expect(refund.text).not.toContain("20261126000009");
    const address = await ask("还没发货 收件地址能改吗", [], orders);
    expect(address.sources).toEqual(["order-modify-address"]);
    // A status question about the same order still gets the order, with its newest trace line.
    const where = await ask(
      "我买的冰箱到哪了",
      [],
      [{ ...orders[0]!, latestTrace: { time: Date.UTC(2026, 11, 6, 6, 5), context: "【杭州】派件中" } }],
    );
    expect(where.text).toContain("20261126000009");
    expect(where.text).toContain("最新物流（12-06 14:05）：【杭州】派件中");
  });

  it("answers the chat e2e's vague question with 转人工 under it, as the store's index does", async () => {
    // miniprogram-uni/e2e/chat.test.ts asks this in the store, whose index has the example questions.
    const store = buildIndex(FAQ_ENTRIES, {}, EXAMPLE_QUESTIONS);
    const reply = await bot.reply({ question: "洗衣机声音有点大", history: [], orders: [], faq: store });
    expect(reply.escalate).toBeUndefined();
    expect(reply.offerHuman).toBe(true);
  });

  it("escalates small talk a word of which matches an entry, but answers it with a shop action", async () => {
    // 名字 matches the profile entry strongly; the question is still not the shop's.
    expect((await ask("你叫什么名字")).escalate).toEqual({ reason: "low_confidence" });
    expect((await ask("今天天气怎么样")).escalate).toEqual({ reason: "low_confidence" });
    const store = buildIndex(FAQ_ENTRIES, {}, EXAMPLE_QUESTIONS);
    const dated = await bot.reply({ question: "今天几号能发货", history: [], orders: [], faq: store });
    expect(dated.sources).toEqual(["delivery-time"]);
    expect((await ask("昵称怎么改")).sources).toEqual(["account-profile"]);
  });

  it("reads technician requests and 'A不A' questions as FAQ questions", async () => {
    expect((await ask("冰箱不制冷了 怎么找人修")).sources).toEqual(["repair-request"]);
    expect((await ask("新疆能发货吗")).sources).toEqual(["delivery-area"]);
    expect((await ask("找个人来")).escalate).toEqual({ reason: "explicit" });
  });

  it("tells a shopper without orders so, with the general guidance", async () => {
    const reply = await ask("我的快递发货了没");
    expect(reply.escalate).toBeUndefined();
    expect(reply.text.startsWith(NO_ORDERS_TEXT)).toBe(true);
  });

  it("answers a near miss with the 转人工 affordance instead of escalating it", async () => {
    const clear = await ask("退款几天到账啊");
    expect(clear.offerHuman).toBeUndefined();
    // A vague question the FAQ answers only partly: answered, with the button under it.
    const vague = await ask("洗衣机声音很大");
    expect(vague.escalate).toBeUndefined();
    expect(vague.confidence).toBeLessThan(DEFAULT_ESCALATION_POLICY.offerHumanBelow);
    expect(vague.offerHuman).toBe(true);
    // A retry after "没用" is offered a person too.
    const retry = await ask("没用", [
      { role: "user", text: "退款几天到账啊" },
      { role: "assistant", text: clear.text, sources: clear.sources },
    ]);
    expect(retry.offerHuman).toBe(true);
  });

  it("escalates a request for a person phrased without 人工, and repeated dissatisfaction", async () => {
    expect((await ask("别用AI糊弄我 叫你们经理来")).escalate).toEqual({ reason: "explicit" });
    expect((await ask("什么破服务 气死我了")).escalate).toEqual({ reason: "complaint" });
    const history: ChatTurn[] = [
      { role: "user", text: "空调什么时候装" },
      { role: "assistant", text: "…", sources: ["install-appointment"] },
      { role: "user", text: "空调什么时候装" },
      { role: "assistant", text: "…", sources: ["install-appointment"] },
    ];
    expect((await ask("空调什么时候装", history)).escalate).toEqual({ reason: "unresolved" });
  });

  it("greets on an empty message", async () => {
    expect((await ask("   ")).escalate).toBeUndefined();
  });
});

describe("botConfigFromEnv", () => {
  it("enables the LLM only when URL, key and model are all set", () => {
    expect(botConfigFromEnv({})).toEqual({});
    expect(botConfigFromEnv({ LLM_BASE_URL: "https://api.deepseek.com", LLM_API_KEY: "k" })).toEqual({});
    expect(
      botConfigFromEnv({
        LLM_BASE_URL: "https://api.deepseek.com",
        LLM_API_KEY: "k",
        LLM_MODEL: "deepseek-chat",
        LLM_TIMEOUT_MS: "8000",
      }),
    ).toEqual({
      llm: { baseURL: "https://api.deepseek.com", apiKey: "k", model: "deepseek-chat", timeoutMs: 8000 },
    });
    expect(
      botConfigFromEnv({ LLM_BASE_URL: "u", LLM_API_KEY: "k", LLM_MODEL: "m", LLM_TIMEOUT_MS: "soon" }).llm
        ?.timeoutMs,
    ).toBeUndefined();
  });

  it("enables hybrid retrieval when the embeddings endpoint is configured (key defaults to the LLM's)", () => {
    expect(
      botConfigFromEnv({
        LLM_API_KEY: "k",
        EMBEDDINGS_BASE_URL: "https://dashscope.aliyuncs.com/compatible-mode/v1",
        EMBEDDINGS_MODEL: "text-embedding-v3",
        EMBEDDINGS_WEIGHT: "0.5",
        EMBEDDINGS_MIN_SIMILARITY: "2",
      }),
    ).toEqual({
      embeddings: {
        baseURL: "https://dashscope.aliyuncs.com/compatible-mode/v1",
        apiKey: "k",
        model: "text-embedding-v3",
        weight: 0.5,
      },
    });
    expect(botConfigFromEnv({ EMBEDDINGS_BASE_URL: "u", EMBEDDINGS_MODEL: "m" })).toEqual({});
  });
});
