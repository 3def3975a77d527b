/**
 * 问大家 over HTTP in workerd: any shopper asks (5 a day per product, also when asked concurrently);
 * only a buyer of the product (paid order) or the merchant answers, with the 已购 / 商家 badge decided
 * by the server; hidden questions and answers leave the public lists.
 */
import { describe, expect, it } from "vitest";
import { staffToken } from "../../test/harness";
import { json, useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();

async function product() {
  const skuId = await f.createSku(199_900, 5, "问答空调");
  const productId = Number(
    (await f.stack.sql.execute({ sql: "SELECT product_id FROM skus WHERE id = ?", args: [skuId] })).rows[0]!
      .product_id,
  );
  return { skuId, productId };
}

async function buyer(nickname: string, skuId: number, pay = true) {
  const shopper = await f.newShopper(nickname);
  const order = await json(await f.placeOrder(shopper.token, [{ skuId, quantity: 1 }]));
  if (pay) {
    expect((await f.startPaying(shopper.token, Number(order.id), "wechat")).status).toBe(200);
    expect((await f.payAtGateway("wechat", String(order.orderNo))).status).toBe(200);
  }
  return shopper;
}

const ask = (token: string, productId: number, content: string) =>
  f.stack.fetch(`/api/products/${productId}/questions`, { method: "POST", token, json: { content } });
const answer = (token: string, questionId: number, content: string) =>
  f.stack.fetch(`/api/questions/${questionId}/answers`, { method: "POST", token, json: { content } });

type Answer = { author: string; badge: string | null; content: string };
type Question = { id: number; content: string; answerCount: number; answers: Answer[] };

describe("问大家", () => {
  it("a shopper asks; a buyer and the merchant answer with badges; a non-buyer and the asker are refused", async () => {
    const { skuId, productId } = await product();
    const asker = await f.newShopper("提问人");
    expect(
      (
        await f.stack.fetch(`/api/products/${productId}/questions`, {
          method: "POST",
          json: { content: "这款空调噪音大吗？" },
        })
      ).status,
    ).toBe(401);

    const short = await ask(asker.token, productId, "噪音?");
    expect(short.status).toBe(400);
    expect((await json(short)).error).toMatchObject({
      details: [{ path: "content", message: "问题请写 5–100 个字" }],
    });
    expect((await ask(asker.token, 999_999, "这款空调噪音大吗？")).status).toBe(404);
    expect(await f.count("SELECT count(*) AS n FROM product_questions")).toBe(0);

    const asked = await ask(asker.token, productId, "  这款空调噪音大吗？ ");
    expect(asked.status).toBe(201);
    const qid = Number((await json(asked)).id);

    // Not bought (an unpaid order does not count): refused with the reason, nothing written.
    const looker = await buyer("没付款", skuId, false);
    const refused = await answer(looker.token, qid, "应该不大吧");
    expect(refused.status).toBe(403);
    expect((await json(refused)).error?.message).toBe("只有购买过该商品的用户才能回答");
    // The asker may not answer their own question.
    const self = await answer(asker.token, qid, "我自己来答");
    expect(self.status).toBe(403);
    expect((await json(self)).error?.message).toBe("不能回答自己的提问");
    expect(await f.count("SELECT count(*) AS n FROM product_answers")).toBe(0);

    const paid = await buyer("买过的人", skuId);
    expect((await answer(paid.token, qid, "好")).status).toBe(400);
    expect((await answer(paid.token, qid, "晚上开睡眠模式几乎听不到")).status).toBe(201);
    const merchant = await f.stack.fetch(`/api/admin/questions/${qid}/answers`, {
      method: "POST",
      token: f.merchant,
      json: { content: "室内机噪音低至 18 分贝" },
    });
    expect(merchant.status).toBe(201);
    expect((await answer(paid.token, qid, "用了一个月，制冷也很快")).status).toBe(201);

    const page = await json(await f.stack.fetch(`/api/products/${productId}/questions?limit=2`));
    expect(page.total).toBe(1);
    const [q] = page.items as Question[];
    expect(q).toMatchObject({ id: qid, content: "这款空调噪音大吗？", answerCount: 3, author: "提**人" });
    expect(q!.answers).toEqual([
      expect.objectContaining({ author: "买**人", badge: "buyer", content: "晚上开睡眠模式几乎听不到" }),
      expect.objectContaining({ author: "商家", badge: "merchant" }),
    ]);
    const detail = await json(await f.stack.fetch(`/api/questions/${qid}`));
    expect((detail.answers as Answer[]).map((a) => a.badge)).toEqual(["buyer", "merchant", "buyer"]);
    expect(detail.productName).toMatch(/^问答空调/);

    // Agents are not the merchant here.
    const agent = await staffToken(f.stack, "agent");
    expect((await f.stack.fetch("/api/admin/questions", { token: agent })).status).toBe(403);

    // The merchant hides an answer, then the question.
    const admin = await json(await f.stack.fetch("/api/admin/questions", { token: f.merchant }));
    const mine = (admin.items as (Question & { answers: (Answer & { id: number })[] })[]).find(
      (i) => i.id === qid,
    )!;
    const hideAnswer = await f.stack.fetch(`/api/admin/answers/${mine.answers[2]!.id}/visibility`, {
      method: "POST",
      token: f.merchant,
      json: { visible: false },
    });
    expect(hideAnswer.status).toBe(200);
    expect((await json(await f.stack.fetch(`/api/questions/${qid}`))).answerCount).toBe(2);
    await f.stack.fetch(`/api/admin/questions/${qid}/visibility`, {
      method: "POST",
      token: f.merchant,
      json: { visible: false },
    });
    expect((await f.stack.fetch(`/api/questions/${qid}`)).status).toBe(404);
    expect((await answer(paid.token, qid, "隐藏了还能答吗")).status).toBe(404);
    expect((await json(await f.stack.fetch(`/api/products/${productId}/questions`))).total).toBe(0);
  });

  it("allows 5 questions per shopper per product per day, also when asked all at once", async () => {
    const { productId } = await product();
    const { productId: other } = await product();
    const shopper = await f.newShopper("连问");
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => ask(shopper.token, productId, `第 ${i + 1} 个问题：能装在阳台吗`)),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    const tooMany = results.find((r) => r.status === 429)!;
    expect((await json(tooMany)).error?.message).toBe("同一商品每天最多提问 5 次，明天再来吧");
    expect(
      await f.count("SELECT count(*) AS n FROM product_questions WHERE product_id = ?", [productId]),
    ).toBe(5);
    // Another product and another shopper have their own limits.
    expect((await ask(shopper.token, other, "另一款能装在阳台吗")).status).toBe(201);
    expect((await ask((await f.newShopper("别人")).token, productId, "我也想问能装阳台吗")).status).toBe(201);
  });

  it("pages newest first with a cursor and filters unanswered questions for the merchant", async () => {
    const { productId } = await product();
    const ids: number[] = [];
    for (const name of ["甲", "乙", "丙"]) {
      const s = await f.newShopper(`顾客${name}`);
      ids.push(Number((await json(await ask(s.token, productId, `${name}：有没有以旧换新`))).id));
    }
    const firstRes = await f.stack.fetch(`/api/products/${productId}/questions?limit=2`);
    const first = await json(firstRes);
    expect(firstRes.status, JSON.stringify(first)).toBe(200);
    expect((first.items as Question[]).map((q) => q.id)).toEqual([ids[2], ids[1]]);
    const second = await json(
      await f.stack.fetch(`/api/products/${productId}/questions?limit=2&cursor=${first.nextCursor}`),
    );
    expect((second.items as Question[]).map((q) => q.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();

    await f.stack.fetch(`/api/admin/questions/${ids[1]}/answers`, {
      method: "POST",
      token: f.merchant,
      json: { content: "支持以旧换新" },
    });
    const open = await json(await f.stack.fetch("/api/admin/questions?unanswered=1", { token: f.merchant }));
    const openIds = (open.items as Question[]).map((q) => q.id);
    expect(openIds).toContain(ids[0]);
    expect(openIds).not.toContain(ids[1]);
  });
});
