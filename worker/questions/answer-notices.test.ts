/**
 * 问大家 notices over HTTP in workerd: an answer (by a buyer or the shop) tells the asker in the message
 * center, at most one unread notice per question (a later answer refreshes it), never the answerer,
 * never for a hidden question; the notice is written in the answer's own batch (no extra round trip).
 */
import { describe, expect, it } from "vitest";
import type { RoundTripStats } from "../../dev/hrana-gateway/index";
import { json, useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();

async function product() {
  const skuId = await f.createSku(99_900, 5, "通知冰箱");
  const productId = Number(
    (await f.stack.sql.execute({ sql: "SELECT product_id FROM skus WHERE id = ?", args: [skuId] })).rows[0]!
      .product_id,
  );
  return { skuId, productId };
}

async function buyer(nickname: string, skuId: number) {
  const shopper = await f.newShopper(nickname);
  const order = await json(await f.placeOrder(shopper.token, [{ skuId, quantity: 1 }]));
  expect((await f.startPaying(shopper.token, Number(order.id), "wechat")).status).toBe(200);
  expect((await f.payAtGateway("wechat", String(order.orderNo))).status).toBe(200);
  return shopper;
}

async function ask(token: string, productId: number, content: string) {
  const res = await f.stack.fetch(`/api/products/${productId}/questions`, {
    method: "POST",
    token,
    json: { content },
  });
  expect(res.status).toBe(201);
  return Number((await json(res)).id);
}
const answer = (token: string, questionId: number, content: string) =>
  f.stack.fetch(`/api/questions/${questionId}/answers`, { method: "POST", token, json: { content } });
const shopAnswer = (questionId: number, content: string) =>
  f.stack.fetch(`/api/admin/questions/${questionId}/answers`, {
    method: "POST",
    token: f.merchant,
    json: { content },
  });

type Notice = {
  id: number;
  kind: string;
  title: string;
  body: string;
  refType: string | null;
  refId: string | null;
  readAt: number | null;
};
async function notices(token: string) {
  const res = await f.stack.fetch("/api/notifications", { token });
  expect(res.status).toBe(200);
  const page = await json(res);
  return {
    unread: Number(page.unread),
    items: (page.items as Notice[]).filter((n) => n.kind === "question_answered"),
  };
}

async function gatewayStats(reset = false): Promise<RoundTripStats> {
  const res = await fetch(`${f.stack.vars.LIBSQL_URL}/_stats${reset ? "/reset" : ""}`, {
    method: reset ? "POST" : "GET",
  });
  return (await res.json()) as RoundTripStats;
}

describe("问大家 answer notices", () => {
  it("tells the asker once per unread question, refreshes it, and again after it was read", async () => {
    const { skuId, productId } = await product();
    const asker = await f.newShopper("问的人");
    const qid = await ask(asker.token, productId, "这台冰箱的冷冻室能放下一整只火鸡吗？我家过节要用");
    const answerer = await buyer("答的人", skuId);
    // A refused answer (not a buyer) is not written and tells nobody.
    expect((await answer((await f.newShopper("没买过")).token, qid, "应该放得下吧")).status).toBe(403);
    expect((await notices(asker.token)).items).toHaveLength(0);

    expect((await answer(answerer.token, qid, "放得下，我放过一只四公斤的")).status).toBe(201);
    expect((await shopAnswer(qid, "冷冻室 120 升，整只火鸡没问题")).status).toBe(201);

    // Two answers before reading: exactly one unread notice, showing the newest answer.
    const first = await notices(asker.token);
    expect(first.items).toHaveLength(1);
    const [n] = first.items;
    expect(n).toMatchObject({
      title: "你的提问有新回答",
      refType: "question",
      refId: String(qid),
      readAt: null,
    });
    expect(n!.body).toContain("这台冰箱的冷冻室能放下一整只火");
    expect(n!.body).toContain("…");
    expect(n!.body).toContain("商家：冷冻室 120 升，整只火鸡没问题");
    // The ref opens the right question.
    const opened = await f.stack.fetch(`/api/questions/${n!.refId}`);
    expect((await json(opened)).content).toBe("这台冰箱的冷冻室能放下一整只火鸡吗？我家过节要用");
    // The answerer is told nothing.
    expect((await notices(answerer.token)).items).toHaveLength(0);

    // Once read, the next answer brings a new notice.
    const read = await f.stack.fetch("/api/notifications/read", {
      method: "POST",
      token: asker.token,
      json: { ids: [n!.id] },
    });
    expect(read.status).toBe(200);
    expect((await answer(answerer.token, qid, "补充一下：记得先解冻")).status).toBe(201);
    const after = await notices(asker.token);
    expect(after.items).toHaveLength(2);
    expect(after.items[0]).toMatchObject({ readAt: null, refId: String(qid) });
    expect(after.items[0]!.body).toContain("已购用户：补充一下：记得先解冻");
    expect(after.items[1]).toMatchObject({ id: n!.id, body: n!.body });
  });

  it("answers arriving at the same time still leave one unread notice", async () => {
    const { skuId, productId } = await product();
    const asker = await f.newShopper("并发问");
    const qid = await ask(asker.token, productId, "冰箱门可以左右换向吗？");
    const buyers = await Promise.all(["甲", "乙", "丙"].map((x) => buyer(`并发答${x}`, skuId)));
    const results = await Promise.all([
      ...buyers.map((b, i) => answer(b.token, qid, `可以换向，第 ${i + 1} 个回答`)),
      shopAnswer(qid, "可以，免费上门换向"),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect((await notices(asker.token)).items).toHaveLength(1);
  });

  it("a hidden question notifies nobody, also when the shop answers it", async () => {
    const { productId } = await product();
    const asker = await f.newShopper("被隐藏");
    const qid = await ask(asker.token, productId, "加微信私聊有优惠吗？");
    const hide = await f.stack.fetch(`/api/admin/questions/${qid}/visibility`, {
      method: "POST",
      token: f.merchant,
      json: { visible: false },
    });
    expect(hide.status).toBe(200);
    expect((await shopAnswer(qid, "请在店内咨询客服")).status).toBe(201);
    expect((await notices(asker.token)).items).toHaveLength(0);
    expect(
      await f.count(
        "SELECT count(*) AS n FROM merchant_notifications WHERE ref_type = 'question' AND ref_id = ?",
        [String(qid)],
      ),
    ).toBe(0);
  });

  it("writes the notice in the answer's own batch: answering costs no extra round trip", async () => {
    const { skuId, productId } = await product();
    const asker = await f.newShopper("数往返");
    const qid = await ask(asker.token, productId, "能放进 60 厘米宽的橱柜吗？");
    const answerer = await buyer("往返答", skuId);
    // Warm the session so its lookup is not counted against the answer.
    await (await f.stack.fetch("/api/me", { token: answerer.token })).arrayBuffer();

    const measure = async (send: () => Promise<Response>) => {
      await new Promise((r) => setTimeout(r, 300));
      await gatewayStats(true);
      expect((await send()).status).toBe(201);
      await new Promise((r) => setTimeout(r, 300));
      return gatewayStats();
    };
    const byShopper = await measure(() => answer(answerer.token, qid, "可以，机身宽 59.5 厘米"));
    const byShop = await measure(() => shopAnswer(qid, "嵌入式安装需预留散热空间"));
    for (const s of [byShopper, byShop]) {
      const answerBatch = s.log.find((l) => l.sql.some((x) => x.includes("INSERT INTO product_answers")));
      expect(answerBatch?.sql.some((x) => x.includes("INSERT INTO merchant_notifications"))).toBe(true);
    }
    expect({ byShopper: byShopper.roundTrips, byShop: byShop.roundTrips }).toEqual({
      byShopper: BASELINE.byShopper,
      byShop: BASELINE.byShop,
    });
  });
});

/** Round trips of answering before notices existed (measured at 2026-12-06): notices must not add any. */
const BASELINE = { byShopper: 1, byShop: 1 };
