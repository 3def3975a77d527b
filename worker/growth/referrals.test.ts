/**
 * 老带新 over HTTP in workerd: binding through a shared code (new shoppers only, no self-referral, no
 * loops even when two shoppers bind each other at once, one binding, the window), the reward opened by
 * the referee's first completed order (one row however many orders complete at once), granted as points
 * by the sweep after the return window (once, however many sweeps run at once), caps, and a return of
 * that order cancelling it.
 */
import { describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();

const me = async (token: string) => json(await f.stack.fetch("/api/referrals/me", { token }));
const bind = (token: string, code: string, via = "link") =>
  f.stack.fetch("/api/referrals/bind", { method: "POST", token, json: { code, via } });
const sweep = () => f.stack.fetch("/api/admin/orders/sweep", { method: "POST", token: f.merchant });
const call = (path: string, token: string, body: unknown) =>
  f.stack.fetch(path, { method: "POST", token, json: body });

async function expectError(res: Promise<Response>, status: number, code: string, message?: string) {
  const r = await res;
  const body = await json(r);
  expect(r.status, JSON.stringify(body)).toBe(status);
  expect(body.error).toMatchObject({ code, ...(message ? { message } : {}) });
}

async function paid(token: string, skuId: number) {
  const order = await json(await f.placeOrder(token, [{ skuId, quantity: 1 }]));
  await f.startPaying(token, Number(order.id), "wechat");
  expect((await f.payAtGateway("wechat", String(order.orderNo))).status).toBe(200);
  const ship = await call(`/api/admin/orders/${order.id}/ship`, f.merchant, {
    carrier: "顺丰速运",
    trackingNo: `SF${Date.now()}${order.id}`,
  });
  expect(ship.status).toBe(200);
  return { id: Number(order.id), orderNo: String(order.orderNo) };
}

const shopperId = async (nickname: string) =>
  Number(
    (await f.stack.sql.execute({ sql: "SELECT id FROM shoppers WHERE nickname = ?", args: [nickname] }))
      .rows[0]!.id,
  );

describe("referral binding", () => {
  it("binds a new shopper once, and refuses self-referral, loops, old shoppers and bad codes in Chinese", async () => {
    const a = await f.newShopper("邀请人甲");
    const code = String((await me(a.token)).code);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect((await me(a.token)).code).toBe(code); // stable

    const b = await f.newShopper("新人乙");
    const first = await bind(b.token, code.toLowerCase(), "scene");
    expect(first.status).toBe(200);
    expect(await json(first)).toEqual({ bound: true, created: true });
    expect(await json(await bind(b.token, code))).toEqual({ bound: true, created: false });
    expect((await me(a.token)).invitedCount).toBe(1);

    const bCode = String((await me(b.token)).code);
    const before = await f.count("SELECT count(*) AS n FROM referral_bindings");
    await expectError(bind(a.token, code), 400, "SELF_REFERRAL", "不能使用自己的邀请码");
    // A ↔ B: B was invited by A, so A cannot take B as referrer.
    await expectError(bind(a.token, bCode), 409, "REFERRAL_LOOP", "不能绑定由您邀请的用户为邀请人");
    const c = await f.newShopper("路人丙");
    await expectError(bind(b.token, String((await me(c.token)).code)), 409, "ALREADY_BOUND");
    await expectError(bind(c.token, "abc"), 400, "INVALID_CODE", "邀请码格式不正确");
    await expectError(bind(c.token, "ZZZZZZZZ"), 404, "NOT_FOUND", "邀请码不存在");
    const empty = await bind(c.token, "");
    expect(empty.status).toBe(400);
    expect(JSON.stringify(await json(empty))).toContain("请填写邀请码");

    // A shopper who has ordered is not new.
    const skuId = await f.createSku(9_900, 5);
    expect((await f.placeOrder(c.token, [{ skuId, quantity: 1 }])).status).toBe(201);
    await expectError(bind(c.token, code), 409, "NOT_NEW_SHOPPER", "邀请仅限未下过单的新用户");

    // The window: 72 hours after sign-up by default.
    const d = await f.newShopper("老用户丁");
    await f.stack.sql.execute({
      sql: "UPDATE shoppers SET created_at = ? WHERE nickname = '老用户丁'",
      args: [Date.now() - 73 * 3600_000],
    });
    await expectError(
      bind(d.token, code),
      409,
      "BINDING_WINDOW_PASSED",
      "邀请需在注册后 72 小时内绑定，已超过时限",
    );
    expect(await f.count("SELECT count(*) AS n FROM referral_bindings")).toBe(before);
  });

  it("two new shoppers binding each other at the same moment: exactly one binding, no loop", async () => {
    for (let round = 0; round < 5; round++) {
      const x = await f.newShopper(`互邀X${round}`);
      const y = await f.newShopper(`互邀Y${round}`);
      const [xc, yc] = [String((await me(x.token)).code), String((await me(y.token)).code)];
      const results = await Promise.all([bind(x.token, yc), bind(y.token, xc)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const ids = [await shopperId(`互邀X${round}`), await shopperId(`互邀Y${round}`)];
      expect(
        await f.count(
          `SELECT count(*) AS n FROM referral_bindings WHERE referee_id IN (${ids.join(",")}) OR referrer_id IN (${ids.join(",")})`,
        ),
      ).toBe(1);
    }
  });
});

describe("referral rewards", () => {
  it("opened once by the referee's first completion even when two orders complete at once; granted once as points after the window", async () => {
    const a = await f.newShopper("奖励邀请人");
    const b = await f.newShopper("奖励新人");
    expect((await bind(b.token, String((await me(a.token)).code))).status).toBe(200);
    const skuId = await f.createSku(19_900, 10);
    const [o1, o2] = [await paid(b.token, skuId), await paid(b.token, skuId)];

    const done = await Promise.all([
      call(`/api/orders/${o1.id}/confirm-receipt`, b.token, {}),
      call(`/api/orders/${o2.id}/confirm-receipt`, b.token, {}),
    ]);
    expect(done.map((r) => r.status)).toEqual([200, 200]);
    const bId = await shopperId("奖励新人");
    const rows = (
      await f.stack.sql.execute({ sql: "SELECT * FROM referral_rewards WHERE referee_id = ?", args: [bId] })
    ).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "pending" });
    const completedAt = Number((await f.orderRow(Number(rows[0]!.order_id))).completed_at);
    expect(Number(rows[0]!.due_at)).toBe(completedAt + 7 * 86_400_000);

    // Within the return window nothing is granted.
    await sweep();
    expect((await me(a.token)).rewards).toEqual([expect.objectContaining({ status: "pending", points: 0 })]);

    // The window has passed (arranged in the data): five sweeps at once grant once.
    await f.stack.sql.execute({
      sql: "UPDATE referral_rewards SET due_at = ? WHERE referee_id = ?",
      args: [Date.now() - 1, bId],
    });
    await Promise.all(Array.from({ length: 5 }, sweep));
    const aId = await shopperId("奖励邀请人");
    expect(
      await f.count("SELECT count(*) AS n FROM points_ledger WHERE shopper_id = ? AND kind = 'referral'", [
        aId,
      ]),
    ).toBe(1);
    expect(
      await f.count("SELECT coalesce(sum(delta), 0) AS n FROM points_ledger WHERE shopper_id = ?", [aId]),
    ).toBe(500);
    expect((await me(a.token)).rewards).toEqual([
      expect.objectContaining({ status: "granted", statusLabel: "已发放", points: 500 }),
    ]);
  });

  it("a return of that first order before the window ends cancels the reward", async () => {
    const a = await f.newShopper("退货邀请人");
    const b = await f.newShopper("退货新人");
    expect((await bind(b.token, String((await me(a.token)).code))).status).toBe(200);
    const skuId = await f.createSku(29_900, 10);
    const o = await paid(b.token, skuId);
    expect((await call(`/api/orders/${o.id}/confirm-receipt`, b.token, {})).status).toBe(200);
    const detail = await json(await f.stack.fetch(`/api/orders/${o.id}`, { token: b.token }));
    const orderItemId = Number((detail.items as { id: number }[])[0]!.id);
    const applied = await call("/api/after-sales/cases", b.token, {
      orderNo: o.orderNo,
      type: "return_refund",
      reasonCode: "no_reason",
      unused: true,
      items: [{ orderItemId, quantity: 1 }],
    });
    const c = await json(applied);
    expect(applied.status, JSON.stringify(c)).toBe(201);
    expect((await call(`/api/admin/after-sales/cases/${c.caseNo}/approve`, f.merchant, {})).status).toBe(200);
    expect(
      (
        await call(`/api/after-sales/cases/${c.caseNo}/return-shipment`, b.token, {
          carrier: "顺丰速运",
          trackingNo: `SF${Date.now()}`,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(`/api/admin/after-sales/cases/${c.caseNo}/receive`, f.merchant, {
          items: [{ orderItemId, receivedQty: 1, damagedQty: 0 }],
        })
      ).status,
    ).toBe(200);
    const bId = await shopperId("退货新人");
    const row = (
      await f.stack.sql.execute({ sql: "SELECT * FROM referral_rewards WHERE referee_id = ?", args: [bId] })
    ).rows[0]!;
    expect(row).toMatchObject({ status: "cancelled", note: "首单已申请退款，邀请奖励取消" });
    await f.stack.sql.execute({
      sql: "UPDATE referral_rewards SET due_at = 0 WHERE referee_id = ?",
      args: [bId],
    });
    await sweep();
    expect(
      await f.count("SELECT count(*) AS n FROM points_ledger WHERE kind = 'referral' AND source_ref = ?", [
        `referee:${bId}`,
      ]),
    ).toBe(0);
  });

  it("caps per referrer per day: the reward beyond the cap is not granted", async () => {
    const put = await f.stack.fetch("/api/admin/referrals/settings", {
      method: "PUT",
      token: f.merchant,
      json: { rewardPoints: 300, dailyCap: 1, monthlyCap: 10, bindingWindowHours: 72 },
    });
    expect(put.status).toBe(200);
    const bad = await f.stack.fetch("/api/admin/referrals/settings", {
      method: "PUT",
      token: f.merchant,
      json: { rewardPoints: 300, dailyCap: 20, monthlyCap: 10, bindingWindowHours: 0 },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await json(bad))).toContain("绑定时限至少 1 小时");

    const a = await f.newShopper("上限邀请人");
    const code = String((await me(a.token)).code);
    const skuId = await f.createSku(9_900, 10);
    for (const name of ["上限新人1", "上限新人2"]) {
      const s = await f.newShopper(name);
      expect((await bind(s.token, code)).status).toBe(200);
      const o = await paid(s.token, skuId);
      expect((await call(`/api/orders/${o.id}/confirm-receipt`, s.token, {})).status).toBe(200);
    }
    const aId = await shopperId("上限邀请人");
    await f.stack.sql.execute({
      sql: "UPDATE referral_rewards SET due_at = 0 WHERE referrer_id = ?",
      args: [aId],
    });
    const r = await json(await sweep());
    expect(r).toMatchObject({ referralRewardsGranted: 1, referralRewardsCapped: 1 });
    expect(((await me(a.token)).rewards as { status: string }[]).map((x) => x.status).sort()).toEqual([
      "capped",
      "granted",
    ]);
    expect(
      await f.count("SELECT coalesce(sum(delta), 0) AS n FROM points_ledger WHERE shopper_id = ?", [aId]),
    ).toBe(300);
    await f.stack.fetch("/api/admin/referrals/settings", {
      method: "PUT",
      token: f.merchant,
      json: { rewardPoints: 500, dailyCap: 5, monthlyCap: 30, bindingWindowHours: 72 },
    });
  });
});
