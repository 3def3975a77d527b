/**
 * Points and tiers over HTTP against the real worker (workerd), libSQL and the payment simulator:
 * earning on completion (frozen, then available through the sweep), spending at checkout in the
 * order's batch, points back on cancel (unpaid and paid), taken back on refund (frozen first; already
 * spent → a debt that blocks spending), ten concurrent checkouts racing for one balance, tier benefits,
 * the merchant's settings and adjustments, the birthday, and bad input writing nothing.
 */
import { describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();

type Json = Awaited<ReturnType<typeof json>>;
async function call(
  path: string,
  token: string,
  body?: unknown,
  method = body === undefined ? "GET" : "POST",
  headers: Record<string, string> = {},
) {
  const res = await f.stack.fetch(path, {
    method,
    token,
    headers,
    ...(body === undefined ? {} : { json: body }),
  });
  return { status: res.status, body: (await json(res)) as Json };
}
const ok = async <T = Json>(p: Promise<{ status: number; body: Json }>, status = 200): Promise<T> => {
  const r = await p;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as T;
};
async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Me extends Json {
  growth: number;
  tier: { name: string };
  nextTier: { name: string } | null;
  toNextTier: number;
  points: { available: number; frozen: number; expiring: { points: number; at: number } | null };
}
const me = (token: string) => ok<Me>(call("/api/members/me", token));
const history = async (token: string) =>
  (
    await ok<{ items: { kind: string; points: number; frozenPoints: number }[] }>(
      call("/api/members/points?limit=50", token),
    )
  ).items;
const ledgerSum = async (shopperId: number) =>
  Number(
    (
      await f.stack.sql.execute({
        sql: "SELECT coalesce(sum(delta), 0) AS n FROM points_ledger WHERE shopper_id = ?",
        args: [shopperId],
      })
    ).rows[0]!.n,
  );
const shopperIdOf = async (token: string) => {
  const r = await f.stack.fetch("/api/me", { token });
  return Number(((await json(r)) as { id?: number; shopper?: { id: number } }).id ?? 0);
};

/** A deterministic table: 普通 0 (×1), 银卡 5000 (2% off, ×1.5), 金卡 20000 (5% off, free shipping, ×2). */
const SETTINGS = {
  points: {
    earnPointsPerYuan: 1,
    redeemPointsPerYuan: 100,
    maxRedeemPercent: 20,
    minBalanceToRedeem: 100,
    returnWindowDays: 7,
  },
  tiers: [
    {
      level: 1,
      name: "普通会员",
      minGrowth: 0,
      discountPercent: 0,
      freeShipping: false,
      pointsMultiplierPercent: 100,
      birthdayCouponTemplateId: null,
      queueBoostMinutes: 0,
    },
    {
      level: 2,
      name: "银卡会员",
      minGrowth: 5000,
      discountPercent: 2,
      freeShipping: false,
      pointsMultiplierPercent: 150,
      birthdayCouponTemplateId: null,
      queueBoostMinutes: 5,
    },
    {
      level: 3,
      name: "金卡会员",
      minGrowth: 20000,
      discountPercent: 5,
      freeShipping: true,
      pointsMultiplierPercent: 200,
      birthdayCouponTemplateId: null,
      queueBoostMinutes: 15,
    },
  ],
};

async function paidOrder(
  token: string,
  items: { skuId: number; quantity: number }[],
  extra: Record<string, unknown> = {},
) {
  const order = await ok(
    call("/api/orders", token, { items, ...extra }, "POST", {
      "idempotency-key": `k-${Date.now()}-${Math.random()}`,
    }),
    201,
  );
  await f.startPaying(token, Number(order.id), "wechat");
  expect((await f.payAtGateway("wechat", String(order.orderNo))).status).toBe(200);
  return order;
}
async function completed(token: string, items: { skuId: number; quantity: number }[]) {
  const order = await paidOrder(token, items);
  await ok(
    call(`/api/admin/orders/${order.id}/ship`, f.merchant, {
      carrier: "顺丰速运",
      trackingNo: `SF${Date.now()}${order.id}`,
    }),
  );
  await ok(call(`/api/orders/${order.id}/confirm-receipt`, token, {}));
  return order;
}
/** 7 days later: the earn rows' return window is moved into the past, then the sweep runs. */
async function afterReturnWindow(orderId: number) {
  await f.stack.sql.execute({
    sql: "UPDATE points_ledger SET available_at = ? WHERE order_id = ? AND kind = 'earn'",
    args: [Date.now() - 1, orderId],
  });
  return ok(call("/api/admin/orders/sweep", f.merchant, {}));
}
/** A return of `quantity` units that the merchant receives; resolves when the money is back. */
async function returnUnits(token: string, order: Json, quantity = 1) {
  const detail = await ok(call(`/api/orders/${order.id}`, token));
  const orderItemId = Number((detail.items as { id: number }[])[0]!.id);
  const c = await ok(
    call("/api/after-sales/cases", token, {
      orderNo: order.orderNo,
      type: "return_refund",
      reasonCode: "no_reason",
      unused: true,
      items: [{ orderItemId, quantity }],
    }),
    201,
  );
  await ok(call(`/api/admin/after-sales/cases/${c.caseNo}/approve`, f.merchant, {}));
  await ok(
    call(`/api/after-sales/cases/${c.caseNo}/return-shipment`, token, {
      carrier: "顺丰速运",
      trackingNo: `SF${Date.now()}`,
    }),
  );
  await ok(
    call(`/api/admin/after-sales/cases/${c.caseNo}/receive`, f.merchant, {
      items: [{ orderItemId, receivedQty: quantity, damagedQty: 0 }],
    }),
  );
  await until(
    "refunded",
    async () => (await ok(call(`/api/after-sales/cases/${c.caseNo}`, token))).status === "refunded",
  );
}
let adjustSeq = 0;
const grant = (shopperId: number, points: number, key = `adj-${Date.now()}-${++adjustSeq}`) =>
  call(
    `/api/admin/members/${shopperId}/points-adjustments`,
    f.merchant,
    { points, reason: "测试发放" },
    "POST",
    { "idempotency-key": key },
  );
const quote = (token: string, items: { skuId: number; quantity: number }[], usePoints: boolean) =>
  ok(call("/api/checkout/quote", token, { items, usePoints }));

describe("member points and tiers", () => {
  it("the merchant saves the tier table; a bad one is refused in Chinese and nothing changes", async () => {
    const bad = await call(
      "/api/admin/members/settings",
      f.merchant,
      { ...SETTINGS, tiers: [{ ...SETTINGS.tiers[1] }] },
      "PUT",
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error!.message).toBe("最低等级的成长值门槛必须为 0");
    const bad2 = await call(
      "/api/admin/members/settings",
      f.merchant,
      { ...SETTINGS, points: { ...SETTINGS.points, maxRedeemPercent: 150 } },
      "PUT",
    );
    expect(bad2.status).toBe(400);
    expect(await f.count("SELECT count(*) AS n FROM member_settings")).toBe(0);
    await ok(call("/api/admin/members/settings", f.merchant, SETTINGS, "PUT"));
    expect((await ok(call("/api/admin/members/settings", f.merchant))).tiers).toHaveLength(3);
    const { token } = await f.newShopper("会员-越权");
    expect((await call("/api/admin/members/settings", token)).status).toBe(403);
  });

  it("earns on completion, frozen for the return window, available after the sweep; a return takes back the frozen share", async () => {
    const skuId = await f.createSku(100_000, 10, "测试电视");
    const { token } = await f.newShopper("会员-赚积分");
    const order = await completed(token, [{ skuId, quantity: 2 }]);
    const frozen = await until("earned", async () => {
      const m = await me(token);
      return m.points.frozen > 0 && m;
    });
    expect(frozen.points).toMatchObject({ available: 0, frozen: 2000 });
    expect(frozen.growth).toBe(2000);
    expect(frozen).toMatchObject({
      tier: { name: "普通会员" },
      nextTier: { name: "银卡会员" },
      toNextTier: 3000,
    });
    // The sweep before the window has passed changes nothing.
    await ok(call("/api/admin/orders/sweep", f.merchant, {}));
    expect((await me(token)).points).toMatchObject({ available: 0, frozen: 2000 });

    await returnUnits(token, order, 1);
    const afterRefund = await me(token);
    expect(afterRefund.points).toMatchObject({ available: 0, frozen: 1000 });
    expect(afterRefund.growth).toBe(1000);

    const swept = await afterReturnWindow(Number(order.id));
    expect(swept.pointsUnfrozen).toBe(1);
    const m = await me(token);
    expect(m.points).toMatchObject({ available: 1000, frozen: 0 });
    expect(m.points.expiring!.points).toBe(1000);
    // A second sweep does not credit again.
    await afterReturnWindow(Number(order.id));
    expect((await me(token)).points.available).toBe(1000);
    expect((await history(token)).map((h) => h.kind)).toEqual(["unfreeze", "clawback", "earn"]);
  });

  it("spends at checkout in the order's batch, gives the points back when the unpaid order is cancelled", async () => {
    const skuId = await f.createSku(50_000, 10, "测试空调");
    const { token } = await f.newShopper("会员-抵扣");
    const id = await shopperIdOf(token);
    await ok(grant(id, 5000));
    const q = await quote(token, [{ skuId, quantity: 1 }], true);
    const member = q.member as {
      points: { usedPoints: number; discountFen: number; maxPoints: number; selected: boolean };
    };
    // 20% of ¥500 = ¥100 = 10000 points > balance: all 5000 points for ¥50.
    expect(member.points).toMatchObject({
      selected: true,
      usedPoints: 5000,
      discountFen: 5000,
      maxPoints: 5000,
    });
    const off = await quote(token, [{ skuId, quantity: 1 }], false);
    expect((off.member as { points: { selected: boolean; maxPoints: number } }).points).toMatchObject({
      selected: false,
      maxPoints: 5000,
    });
    expect(off.payableFen).toBe(Number(q.payableFen) + 5000);

    const order = await ok(
      call("/api/orders", token, { items: [{ skuId, quantity: 1 }], usePoints: true }, "POST", {
        "idempotency-key": `spend-${Date.now()}`,
      }),
      201,
    );
    expect(order.payableFen).toBe(q.payableFen);
    const items = (
      await f.stack.sql.execute({
        sql: "SELECT allocations, payable_fen FROM order_items WHERE order_id = ?",
        args: [Number(order.id)],
      })
    ).rows;
    expect(JSON.parse(String(items[0]!.allocations))).toContainEqual({
      step: "points",
      kind: "points",
      amountFen: -5000,
    });
    expect((await me(token)).points.available).toBe(0);

    await ok(call(`/api/orders/${order.id}/cancel`, token, {}));
    expect((await me(token)).points.available).toBe(5000);
    expect(await ledgerSum(id)).toBe(5000);
    expect((await history(token)).map((h) => [h.kind, h.points])).toEqual([
      ["spend_return", 5000],
      ["spend", -5000],
      ["adjust", 5000],
    ]);
  });

  it("a paid order cancelled before shipping gives the points back once, although its refund note follows", async () => {
    const skuId = await f.createSku(50_000, 10, "测试风扇");
    const { token } = await f.newShopper("会员-已付取消");
    const id = await shopperIdOf(token);
    await ok(grant(id, 3000));
    const order = await paidOrder(token, [{ skuId, quantity: 1 }], { usePoints: true });
    expect((await me(token)).points.available).toBe(0);
    await ok(call(`/api/orders/${order.id}/cancel`, token, {}));
    await until(
      "refund succeeded",
      async () =>
        (await f.count("SELECT count(*) AS n FROM refunds WHERE order_id = ? AND status = 'succeeded'", [
          Number(order.id),
        ])) === 1,
    );
    await until(
      "refund note",
      async () =>
        (await f.count(
          "SELECT count(*) AS n FROM order_events WHERE order_id = ? AND kind = 'refund_succeeded'",
          [Number(order.id)],
        )) === 1,
    );
    expect((await me(token)).points.available).toBe(3000);
  });

  it("points already spent and then clawed back by a refund leave a debt that blocks spending until repaid", async () => {
    const skuId = await f.createSku(100_050, 10, "测试冰柜"); // ¥1000.50: earns 1000 points, not 1000.5
    const big = await f.createSku(500_000, 10, "测试中央空调");
    const { token } = await f.newShopper("会员-欠扣");
    const first = await completed(token, [{ skuId, quantity: 1 }]);
    await until("earned", async () => (await me(token)).points.frozen === 1000);
    await afterReturnWindow(Number(first.id));
    expect((await me(token)).points.available).toBe(1000);
    const spending = await ok(
      call("/api/orders", token, { items: [{ skuId: big, quantity: 1 }], usePoints: true }, "POST", {
        "idempotency-key": `debt-${Date.now()}`,
      }),
      201,
    );
    expect((await me(token)).points.available).toBe(0);

    await returnUnits(token, first, 1);
    expect((await me(token)).points).toMatchObject({ available: -1000, frozen: 0 });
    const blocked = await quote(token, [{ skuId: big, quantity: 1 }], true);
    const pts = (blocked.member as { points: { usable: boolean; reason: string; discountFen: number } })
      .points;
    expect(pts).toMatchObject({ usable: false, discountFen: 0 });
    expect(pts.reason).toContain("欠扣");
    // Cancelling the order that used the points returns them, which repays the debt.
    await ok(call(`/api/orders/${spending.id}/cancel`, token, {}));
    expect((await me(token)).points.available).toBe(0);
  });

  it("ten concurrent checkouts spending the same points: one succeeds, the balance never goes below zero", async () => {
    const skuId = await f.createSku(100_000, 20, "测试净水器");
    const { token } = await f.newShopper("会员-并发");
    const id = await shopperIdOf(token);
    await ok(grant(id, 10_000));
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call("/api/orders", token, { items: [{ skuId, quantity: 1 }], usePoints: true }, "POST", {
          "idempotency-key": `race-${Date.now()}-${i}`,
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(["POINTS_INSUFFICIENT", "NOT_ORDERABLE"]).toContain(r.body.error!.code);
    }
    expect(await ledgerSum(id)).toBe(0);
    expect(
      await f.count("SELECT count(*) AS n FROM points_ledger WHERE shopper_id = ? AND kind = 'spend'", [id]),
    ).toBe(1);
    expect(await f.count("SELECT count(*) AS n FROM orders WHERE shopper_id = ?", [id])).toBe(1);
    // The losers' stock was released.
    expect(await f.stockOf(skuId)).toMatchObject({ available: 19, reserved: 1 });
  });

  it("a gold member gets 5% off and free shipping at checkout, and earns double", async () => {
    const skuId = await f.createSku(2_000_000, 5, "测试洗碗机");
    const cheap = await f.createSku(1_000, 50, "测试滤芯");
    const { token } = await f.newShopper("会员-金卡");
    const before = await quote(token, [{ skuId: cheap, quantity: 1 }], false);
    expect((before.adjustments as { step: string }[]).some((a) => a.step.startsWith("member."))).toBe(false);
    expect(Number(before.shippingFen)).toBeGreaterThan(0);
    const order = await completed(token, [{ skuId, quantity: 1 }]);
    const m = await until("earned", async () => {
      const x = await me(token);
      return x.points.frozen > 0 && x;
    });
    expect(m).toMatchObject({ growth: 20000, tier: { name: "金卡会员" }, nextTier: null });
    expect(m.points.frozen).toBe(40_000);
    const q = await quote(token, [{ skuId: cheap, quantity: 1 }], false);
    const adj = q.adjustments as { step: string; amountFen: number; label: string }[];
    expect(adj.find((a) => a.step === "member.discount")).toMatchObject({
      amountFen: -50,
      label: "金卡会员专享9.5折",
    });
    expect(q.shippingFen).toBe(0);
    expect(adj.find((a) => a.step === "member.free_shipping")).toMatchObject({
      amountFen: -Number(before.shippingFen),
      label: "金卡会员包邮",
    });
    expect((q.member as { tierName: string }).tierName).toBe("金卡会员");
    // A full refund drops the growth (and the tier) at once.
    await returnUnits(token, order, 1);
    expect(await me(token)).toMatchObject({ growth: 0, tier: { name: "普通会员" }, points: { frozen: 0 } });
  });

  it("merchant adjustments are idempotent by request key; deductions never go below zero; bad input writes nothing", async () => {
    const { token } = await f.newShopper("会员-调整");
    const id = await shopperIdOf(token);
    await ok(grant(id, 300, "same-key-001"));
    await ok(grant(id, 300, "same-key-001"));
    expect((await me(token)).points.available).toBe(300);
    expect((await grant(id, 500, "same-key-001")).status).toBe(409);
    const over = await grant(id, -301);
    expect(over.status).toBe(409);
    expect(over.body.error!.message).toContain("积分不足");
    await ok(grant(id, -100));
    expect((await me(token)).points.available).toBe(200);
    const rows = await f.count("SELECT count(*) AS n FROM points_ledger WHERE shopper_id = ?", [id]);
    const noKey = await call(`/api/admin/members/${id}/points-adjustments`, f.merchant, {
      points: 5,
      reason: "测试",
    });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error!.message).toContain("Idempotency-Key");
    expect((await grant(id, 0)).status).toBe(400);
    expect(
      (
        await call(
          `/api/admin/members/${id}/points-adjustments`,
          f.merchant,
          { points: 5, reason: "" },
          "POST",
          { "idempotency-key": "empty-reason-1" },
        )
      ).status,
    ).toBe(400);
    expect((await grant(999_999, 5)).status).toBe(404);
    const badQuote = await call("/api/checkout/quote", token, {
      items: [{ skuId: 1, quantity: 1 }],
      usePoints: "yes",
    });
    expect(badQuote.status).toBe(400);
    expect(await f.count("SELECT count(*) AS n FROM points_ledger WHERE shopper_id = ?", [id])).toBe(rows);
    expect((await call("/api/members/points?cursor=abc", token)).status).toBe(400);
  });

  it("the birthday is set once; bad dates are refused in Chinese", async () => {
    const { token } = await f.newShopper("会员-生日");
    const bad = await call("/api/members/birthday", token, { birthday: "02-30" }, "PUT");
    expect(bad.status).toBe(400);
    expect(bad.body.error!.message).toMatch(/生日/);
    expect((await call("/api/members/birthday", token, { birthday: "13-01" }, "PUT")).status).toBe(400);
    expect(await f.count("SELECT count(*) AS n FROM member_profiles")).toBe(0);
    await ok(call("/api/members/birthday", token, { birthday: "05-20" }, "PUT"));
    const again = await call("/api/members/birthday", token, { birthday: "06-01" }, "PUT");
    expect(again.status).toBe(409);
    expect(again.body.error!.message).toBe("生日已设置，不能修改");
    expect((await me(token)).birthday).toBe("05-20");
    expect((await call("/api/members/me", "")).status).toBe(401);
  });

  it("a lot past its expiry is written off by the sweep, once, for what is left of it", async () => {
    const { token } = await f.newShopper("会员-过期");
    const id = await shopperIdOf(token);
    await ok(grant(id, 700));
    await ok(grant(id, 500));
    await ok(grant(id, -200));
    // The first lot (700, 200 of it spent) reaches its expiry; the second does not.
    await f.stack.sql.execute({
      sql: "UPDATE points_ledger SET expires_at = ? WHERE id = (SELECT min(id) FROM points_ledger WHERE shopper_id = ?)",
      args: [Date.now() - 1000, id],
    });
    const swept = await ok(call("/api/admin/orders/sweep", f.merchant, {}));
    expect(swept.pointsExpired).toBe(1);
    await ok(call("/api/admin/orders/sweep", f.merchant, {}));
    expect((await me(token)).points.available).toBe(500);
    expect(await ledgerSum(id)).toBe(500);
    const rows = await history(token);
    expect(rows[0]).toMatchObject({ kind: "expire", points: -500 });
    expect(rows.filter((r) => r.kind === "expire")).toHaveLength(1);
  });

  it("the birthday coupon: granted by the sweep on the day (Beijing), once a year, through the coupon grant", async () => {
    const template = await ok(
      call("/api/admin/marketing/coupons", f.merchant, {
        name: "生日券",
        kind: "amount_off",
        amountOffFen: 5_000,
        thresholdFen: 50_000,
        validity: { kind: "relative", days: 30 },
        totalQuantity: 100,
        perShopperLimit: 1,
        channels: ["merchant_grant"],
      }),
      201,
    );
    const tiers = SETTINGS.tiers.map((t) => ({ ...t, birthdayCouponTemplateId: Number(template.id) }));
    await ok(call("/api/admin/members/settings", f.merchant, { ...SETTINGS, tiers }, "PUT"));
    const { token } = await f.newShopper("会员-生日券");
    const id = await shopperIdOf(token);
    const bj = new Date(Date.now() + 8 * 3_600_000);
    const today = `${String(bj.getUTCMonth() + 1).padStart(2, "0")}-${String(bj.getUTCDate()).padStart(2, "0")}`;
    await ok(call("/api/members/birthday", token, { birthday: today }, "PUT"));
    await Promise.all([1, 2, 3].map(() => call("/api/admin/orders/sweep", f.merchant, {})));
    await ok(call("/api/admin/orders/sweep", f.merchant, {}));
    expect(
      await f.count("SELECT count(*) AS n FROM shopper_coupons WHERE shopper_id = ? AND template_id = ?", [
        id,
        Number(template.id),
      ]),
    ).toBe(1);
    await ok(call("/api/admin/members/settings", f.merchant, SETTINGS, "PUT"));
  });
});
