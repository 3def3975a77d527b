/**
 * 拼团 over HTTP against the real worker in workerd (GroupBuy Durable Objects, the payment simulator):
 * open a group by paying, join by paying, the group fills and ships; a group is never overfilled by
 * concurrent joins; an unfilled group's orders are refused shipment; bad input is refused with nothing written.
 */
import { describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();
let seq = 0;

async function createOffer(skuId: number, productId: number, over: Record<string, unknown> = {}) {
  const res = await f.stack.fetch("/api/admin/group-buys", {
    method: "POST",
    token: f.merchant,
    json: {
      name: "两人成团",
      productId,
      skus: [{ skuId, groupPriceFen: 99_900 }],
      groupSize: 2,
      timeLimitMinutes: 60,
      perShopperLimit: 1,
      startsAt: Date.now() - 1000,
      endsAt: Date.now() + 86_400_000,
      ...over,
    },
  });
  const body = await json(res);
  expect(res.status, JSON.stringify(body)).toBe(201);
  return Number(body.id);
}

async function productOf(skuId: number) {
  return Number(
    (await f.stack.sql.execute({ sql: "SELECT product_id FROM skus WHERE id = ?", args: [skuId] })).rows[0]!
      .product_id,
  );
}

function groupOrder(token: string, skuId: number, offerId: number, groupNo?: string, quantity = 1) {
  return f.stack.fetch("/api/orders", {
    method: "POST",
    token,
    json: { items: [{ skuId, quantity }], groupBuy: { offerId, ...(groupNo ? { groupNo } : {}) } },
    headers: { "idempotency-key": `gb-${Date.now()}-${++seq}` },
  });
}

async function pay(token: string, order: { id: number; orderNo: string }) {
  expect((await f.startPaying(token, order.id, "wechat")).status).toBe(200);
  expect((await f.payAtGateway("wechat", order.orderNo)).status).toBe(200);
}

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const group = async (groupNo: string, token?: string) =>
  json(await f.stack.fetch(`/api/group-buys/${groupNo}`, token ? { token } : {}));

/** A leader's paid order that opened a group; returns the group number. */
async function openedGroup(skuId: number, offerId: number, nickname: string) {
  const leader = await f.newShopper(nickname);
  const res = await groupOrder(leader.token, skuId, offerId);
  const order = await json(res);
  expect(res.status, JSON.stringify(order)).toBe(201);
  await pay(leader.token, { id: Number(order.id), orderNo: String(order.orderNo) });
  const mine = await json(await f.stack.fetch("/api/group-buys/mine", { token: leader.token }));
  const groupNo = String((mine.items as { groupNo: string }[])[0]!.groupNo);
  await waitFor(
    () => group(groupNo),
    (g) => g.status === "open",
    "the group to open",
  );
  return { leader, orderId: Number(order.id), groupNo };
}

describe("拼团", () => {
  it("a leader opens at the group price, a friend joins by paying, the group fills and only then ships", async () => {
    const skuId = await f.createSku(129_900, 10);
    const offerId = await createOffer(skuId, await productOf(skuId));

    // The product page lists the offer with its group price.
    const offers = await json(await f.stack.fetch(`/api/group-buys/products/${await productOf(skuId)}`));
    expect(offers.items).toEqual([
      expect.objectContaining({ offerId, groupSize: 2, skus: [{ skuId, groupPriceFen: 99_900 }] }),
    ]);

    const leader = await f.newShopper("团长甲");
    const placed = await json(await groupOrder(leader.token, skuId, offerId));
    // The server priced it: the group price replaces the list price.
    expect(placed.itemsTotalFen).toBe(129_900);
    expect(placed.adjustments).toContainEqual(
      expect.objectContaining({ kind: "group_buy", label: "拼团价", amountFen: -30_000 }),
    );
    const [mine] = (await json(await f.stack.fetch("/api/group-buys/mine", { token: leader.token })))
      .items as { groupNo: string; status: string }[];
    expect(mine!.status).toBe("pending");
    // Nobody can join before the leader has paid.
    const early = await f.newShopper("心急的人");
    const tooEarly = await groupOrder(early.token, skuId, offerId, mine!.groupNo);
    expect(tooEarly.status).toBe(409);
    expect((await json(tooEarly)).error).toMatchObject({
      code: "NOT_OPEN",
      message: "团长尚未支付，暂不能参团",
    });

    await pay(leader.token, { id: Number(placed.id), orderNo: String(placed.orderNo) });
    const open = await waitFor(
      () => group(mine!.groupNo),
      (g) => g.status === "open",
      "open",
    );
    expect(open).toMatchObject({ size: 2, paidCount: 1, slotsLeft: 1, joinable: true });

    // Unfilled: the merchant may not ship the leader's order.
    const ship = (id: number) =>
      f.stack.fetch(`/api/admin/orders/${id}/ship`, {
        method: "POST",
        token: f.merchant,
        json: { carrier: "顺丰速运", trackingNo: `SF${Date.now()}${++seq}` },
      });
    const refused = await ship(Number(placed.id));
    expect(refused.status).toBe(409);
    expect((await json(refused)).error).toMatchObject({ code: "GROUP_NOT_FILLED" });
    expect((await f.orderRow(Number(placed.id))).status).toBe("paid");

    const friend = await f.newShopper("好友乙");
    const joined = await json(await groupOrder(friend.token, skuId, offerId, mine!.groupNo));
    expect(joined.payableFen).toBe(placed.payableFen);
    await pay(friend.token, { id: Number(joined.id), orderNo: String(joined.orderNo) });
    const filled = await waitFor(
      () => group(mine!.groupNo, friend.token),
      (g) => g.status === "filled",
      "filled",
    );
    expect(filled).toMatchObject({
      paidCount: 2,
      slotsLeft: 0,
      joinable: false,
      myOrderId: Number(joined.id),
    });
    expect((filled.members as { leader: boolean }[]).map((m) => m.leader)).toEqual([true, false]);

    expect((await ship(Number(placed.id))).status).toBe(200);
    expect((await ship(Number(joined.id))).status).toBe(200);
    // A third shopper cannot join a filled group.
    const late = await f.newShopper("来晚了");
    const lateRes = await groupOrder(late.token, skuId, offerId, mine!.groupNo);
    expect(lateRes.status).toBe(409);
    expect((await json(lateRes)).error).toMatchObject({ code: "FILLED" });
  });

  it("10 concurrent joins for 2 free slots: exactly 2 orders, the rest refused, stock held only for 2", async () => {
    const skuId = await f.createSku(129_900, 50);
    const offerId = await createOffer(skuId, await productOf(skuId), { groupSize: 3 });
    const { groupNo } = await openedGroup(skuId, offerId, "并发团长");
    const joiners = await Promise.all(Array.from({ length: 10 }, (_, i) => f.newShopper(`并发参团${i}`)));
    const results = await Promise.all(joiners.map((j) => groupOrder(j.token, skuId, offerId, groupNo)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 409)).toHaveLength(8);
    for (const r of results.filter((x) => x.status === 409))
      expect((await json(r)).error).toMatchObject({
        code: "FULL",
        message: "该团名额已满，请参加其他团或自己开团",
      });
    const members = await f.count(
      "SELECT count(*) AS n FROM group_buy_members m JOIN group_buys g ON g.id = m.group_id WHERE g.group_no = ?",
      [groupNo],
    );
    expect(members).toBe(3);
    expect(await f.stockOf(skuId)).toMatchObject({ reserved: 2, sold: 1 });
    expect((await group(groupNo)).slotsLeft).toBe(0);
  });

  it("refuses bad group-buy input with a clear message and writes nothing", async () => {
    const skuId = await f.createSku(129_900, 10);
    const other = await f.createSku(59_900, 10);
    const offerId = await createOffer(skuId, await productOf(skuId), { perShopperLimit: 2 });
    const s = await f.newShopper("乱下单");
    const ordersBefore = await f.count("SELECT count(*) AS n FROM orders");
    const groupsBefore = await f.count("SELECT count(*) AS n FROM group_buys");
    const cases: [Promise<Response>, number, string][] = [
      [groupOrder(s.token, skuId, offerId, undefined, 3), 400, "拼团每人限购 2 件"],
      [groupOrder(s.token, other, offerId), 400, "该规格不参加此拼团"],
      [groupOrder(s.token, skuId, 999_999), 404, "拼团活动不存在"],
      [groupOrder(s.token, skuId, offerId, "G261206NOPE22"), 404, "拼团不存在"],
      [groupOrder(s.token, skuId, offerId, "bad"), 400, "拼团编号格式不正确"],
      [
        f.stack.fetch("/api/orders", {
          method: "POST",
          token: s.token,
          json: {
            items: [
              { skuId, quantity: 1 },
              { skuId: other, quantity: 1 },
            ],
            groupBuy: { offerId },
          },
          headers: { "idempotency-key": `gb-bad-${Date.now()}` },
        }),
        400,
        "拼团订单只能购买一个规格的商品",
      ],
    ];
    for (const [p, status, message] of cases) {
      const res = await p;
      const body = await json(res);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(JSON.stringify(body.error)).toContain(message);
    }
    expect(await f.count("SELECT count(*) AS n FROM orders")).toBe(ordersBefore);
    expect(await f.count("SELECT count(*) AS n FROM group_buys")).toBe(groupsBefore);
    expect(await f.stockOf(skuId)).toMatchObject({ reserved: 0, sold: 0 });

    // The merchant's offer input, too.
    const bad = await f.stack.fetch("/api/admin/group-buys", {
      method: "POST",
      token: f.merchant,
      json: {
        name: "",
        productId: await productOf(skuId),
        skus: [{ skuId, groupPriceFen: 200_000 }],
        groupSize: 1,
        timeLimitMinutes: 5,
        perShopperLimit: 1,
        startsAt: 0,
        endsAt: 1,
      },
    });
    expect(bad.status).toBe(400);
    const text = JSON.stringify(await json(bad));
    expect(text).toContain("请填写活动名称");
    expect(text).toContain("成团人数至少 2 人");
    const pricey = await f.stack.fetch("/api/admin/group-buys", {
      method: "POST",
      token: f.merchant,
      json: {
        name: "贵",
        productId: await productOf(skuId),
        skus: [{ skuId, groupPriceFen: 200_000 }],
        groupSize: 2,
        timeLimitMinutes: 60,
        perShopperLimit: 1,
        startsAt: 0,
        endsAt: Date.now() + 1000,
      },
    });
    expect(pricey.status).toBe(400);
    expect((await json(pricey)).error).toMatchObject({ message: `规格 ${skuId} 的拼团价须低于售价` });
    // Shoppers may not manage offers.
    expect((await f.stack.fetch("/api/admin/group-buys", { token: s.token })).status).toBe(403);
  });
});
