/**
 * Coupons over HTTP in workerd: merchant templates (bad input writes nothing), claiming under a burst
 * (never past the total or a shopper's limit), idempotent claims and grants, stop / expire now, the
 * new-shopper gift, my coupons by tab, the product page, the usage report; and at database level the
 * redemption statements in real batches (two orders racing with one coupon → exactly one commits)
 * and the coupon returned by a cancel's batch.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { shopperToken, staffToken } from "../../test/harness";
import { json, useOrderFixture } from "../../test/order-fixture";
import { createDb, type Db } from "../db/client";
import type { Env } from "../env";
import { eventStatements, type NewOrderEvent } from "../orders/events";
import { loadOrder } from "../orders/transition";
import {
  couponReturnSubscriber,
  isCouponAlreadyUsed,
  redeemStatements,
  usableCoupons,
} from "./coupon-redemption";

const f = useOrderFixture();
let db: Db;
const DAY = 86_400_000;

const get = (path: string, token?: string) => f.stack.fetch(path, token ? { token } : {});
const post = (path: string, token: string, body?: unknown, headers?: Record<string, string>) =>
  f.stack.fetch(path, { method: "POST", token, headers, ...(body === undefined ? {} : { json: body }) });

async function expectStatus(res: Response, status: number) {
  const body = await json(res);
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body;
}

const templateCount = () => f.count("SELECT count(*) AS n FROM coupon_templates");

const storeWide = (over: Record<string, unknown> = {}) => ({
  name: "全场满3000减300",
  kind: "amount_off",
  amountOffFen: 30_000,
  thresholdFen: 300_000,
  validity: { kind: "relative", days: 7 },
  totalQuantity: 100,
  perShopperLimit: 1,
  channels: ["centre"],
  ...over,
});

async function createTemplate(over: Record<string, unknown> = {}) {
  const body = await expectStatus(
    await post("/api/admin/marketing/coupons", f.merchant, storeWide(over)),
    201,
  );
  return Number(body.id);
}

let seq = 0;
/** Logged-in shoppers (dev login), created a few at a time. */
async function shoppers(n: number, prefix = "顾客"): Promise<{ id: number; token: string }[]> {
  const tag = `${prefix}${++seq}-`;
  const out: { id: number; token: string }[] = [];
  for (let i = 0; i < n; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, n - i) }, async (_, j) => {
        const res = await f.stack.fetch("/api/auth/dev-login", {
          method: "POST",
          json: { nickname: `${tag}${i + j}` },
        });
        const body = (await json(res)) as { token: string; shopper: { id: number } };
        return { id: body.shopper.id, token: body.token };
      }),
    );
    out.push(...batch);
  }
  return out;
}

let merchantAgent: string;
let childCategoryId: number;
let parentCategoryId: number;

beforeAll(async () => {
  db = createDb(f.stack.vars.LIBSQL_URL!);
  await f.createSku(1_000, 0, "分类占位");
  childCategoryId = await f.count("SELECT id AS n FROM categories WHERE name = '测试分类'");
  const parent = await json(await post("/api/admin/categories", f.merchant, { name: "券测试父类" }));
  parentCategoryId = Number(parent.id);
  await f.stack.sql.execute({
    sql: "UPDATE categories SET parent_id = ? WHERE id = ?",
    args: [parentCategoryId, childCategoryId],
  });
  merchantAgent = await staffToken(f.stack, "agent");
});

describe("templates (merchant)", () => {
  it("refuses bad input with a Chinese 400 and writes nothing", async () => {
    const before = await templateCount();
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ name: "" }, /请填写优惠券名称/],
      [{ kind: "free_money" }, /券类型/],
      [{ amountOffFen: undefined }, /请填写减免金额/],
      [{ thresholdFen: 0 }, /满减券须设置使用门槛/],
      [{ amountOffFen: 400_000 }, /减免金额不能高于使用门槛/],
      [{ kind: "no_threshold", thresholdFen: 100 }, /无门槛券不能设置使用门槛/],
      [{ kind: "percent_off", amountOffFen: undefined, thresholdFen: undefined }, /请填写折扣/],
      [{ kind: "percent_off", amountOffFen: undefined, payPercent: 100 }, /9\.9 折/],
      [{ capFen: 100 }, /只有折扣券可设置最高优惠金额/],
      [{ scope: "categories" }, /请选择可用分类/],
      [{ scope: "categories", scopeIds: [999_999] }, /分类不存在：999999/],
      [{ excludedProductIds: [888_888] }, /商品不存在：888888/],
      [
        { validity: { kind: "fixed", validFrom: Date.now(), validTo: Date.now() - 1 } },
        /结束时间须晚于开始时间/,
      ],
      [{ validity: { kind: "relative", days: 0 } }, /有效天数至少 1 天/],
      [{ totalQuantity: 0 }, /发放总量至少 1 张/],
      [{ channels: [] }, /请至少选择一个发放渠道/],
      [{ channels: ["centre", "centre"] }, /发放渠道有重复/],
    ];
    for (const [over, message] of bad) {
      const body = await expectStatus(
        await post("/api/admin/marketing/coupons", f.merchant, storeWide(over)),
        400,
      );
      expect(body.error?.message, JSON.stringify(over)).toMatch(message);
    }
    expect(await templateCount()).toBe(before);
  });

  it("is merchant-only", async () => {
    const [shopper] = await shoppers(1);
    const before = await templateCount();
    expect((await post("/api/admin/marketing/coupons", shopper!.token, storeWide())).status).toBe(403);
    expect((await post("/api/admin/marketing/coupons", merchantAgent, storeWide())).status).toBe(403);
    expect(
      (await f.stack.fetch("/api/admin/marketing/coupons", { method: "POST", json: storeWide() })).status,
    ).toBe(401);
    expect(await templateCount()).toBe(before);
  });

  it("creates, reads, lists and edits what may change; the rules stay as issued", async () => {
    const created = await expectStatus(
      await post(
        "/api/admin/marketing/coupons",
        f.merchant,
        storeWide({
          name: "家电8.8折",
          kind: "percent_off",
          amountOffFen: undefined,
          thresholdFen: 100_000,
          payPercent: 88,
          capFen: 50_000,
          scope: "categories",
          scopeIds: [parentCategoryId],
          validity: { kind: "fixed", validFrom: Date.now() - DAY, validTo: Date.now() + 30 * DAY },
          channels: ["centre", "product_page"],
        }),
      ),
      201,
    );
    expect(created).toMatchObject({
      label: "满1000享8.8折，最高减500",
      scopeText: "指定分类可用",
      status: "active",
      statusText: "发放中",
      issued: 0,
      remaining: 100,
    });
    const id = Number(created.id);
    expect(
      await expectStatus(await get(`/api/admin/marketing/coupons/${id}`, f.merchant), 200),
    ).toMatchObject({
      id,
      payPercent: 88,
    });
    const list = await expectStatus(await get("/api/admin/marketing/coupons?status=active", f.merchant), 200);
    expect((list.items as { id: number }[]).some((t) => t.id === id)).toBe(true);

    const patch = (body: unknown) =>
      f.stack.fetch(`/api/admin/marketing/coupons/${id}`, { method: "PATCH", token: f.merchant, json: body });
    expect(await expectStatus(await patch({ name: "家电节8.8折", totalQuantity: 3 }), 200)).toMatchObject({
      name: "家电节8.8折",
      totalQuantity: 3,
    });
    const rules = await expectStatus(await patch({ payPercent: 50 }), 400);
    expect(rules.error?.message).toMatch(/创建后不能修改/);
    expect((await patch({})).status).toBe(400);

    const [a, b] = await shoppers(2);
    await expectStatus(await post(`/api/coupons/${id}/claim`, a!.token), 200);
    await expectStatus(await post(`/api/coupons/${id}/claim`, b!.token), 200);
    const below = await expectStatus(await patch({ totalQuantity: 1 }), 409);
    expect(below.error?.message).toBe("发放总量不能少于已领取的 2 张");
    expect(await f.count("SELECT total_quantity AS n FROM coupon_templates WHERE id = ?", [id])).toBe(3);
    expect((await get("/api/admin/marketing/coupons/999999", f.merchant)).status).toBe(404);
  });
});

describe("claiming", () => {
  async function burst(perShopperLimit: number) {
    const id = await createTemplate({ name: `抢券${perShopperLimit}`, totalQuantity: 50, perShopperLimit });
    const people = await shoppers(100, `抢${perShopperLimit}-`);
    // 300 concurrent claims: every shopper three times.
    const claims = [0, 1, 2].flatMap(() => people.map((p) => post(`/api/coupons/${id}/claim`, p.token)));
    const results = await Promise.all(claims.map(async (r) => ({ status: (await r).status })));
    const ok = results.filter((r) => r.status === 200).length;
    const rows = (
      await f.stack.sql.execute({
        sql: "SELECT shopper_id, count(*) AS n FROM shopper_coupons WHERE template_id = ? GROUP BY shopper_id",
        args: [id],
      })
    ).rows.map((r) => ({ shopper: Number(r.shopper_id), n: Number(r.n) }));
    const issued = rows.reduce((s, r) => s + r.n, 0);
    expect(ok).toBe(50);
    expect(issued).toBe(50);
    expect(Math.max(...rows.map((r) => r.n))).toBeLessThanOrEqual(perShopperLimit);
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const report = await expectStatus(
      await get(`/api/admin/marketing/coupons/${id}/report`, f.merchant),
      200,
    );
    expect(report).toMatchObject({ issued: 50, remaining: 0, used: 0 });
    // Everyone who got none now sees 已抢光; those who reached their limit see 已领.
    const mine = new Map(rows.map((r) => [r.shopper, r.n]));
    const loser = people.find((p) => !mine.has(p.id))!;
    const centre = await expectStatus(await get("/api/coupons/centre", loser.token), 200);
    expect(
      (centre.items as { templateId: number; stateText: string }[]).find((t) => t.templateId === id),
    ).toMatchObject({ stateText: "已抢光" });
    const soldOut = await expectStatus(await post(`/api/coupons/${id}/claim`, loser.token), 409);
    expect(soldOut.error).toMatchObject({ code: "SOLD_OUT", message: "优惠券已抢光" });
  }

  it("300 concurrent claims of 50 coupons by 100 shoppers (limit 1): exactly 50, nobody over the limit", async () => {
    await burst(1);
  });

  it("the same burst with a limit of 2 per shopper", async () => {
    await burst(2);
  });

  it("holds each shopper to the per-shopper limit and shows 已领", async () => {
    const id = await createTemplate({ name: "每人两张", perShopperLimit: 2 });
    const [p] = await shoppers(1);
    await expectStatus(await post(`/api/coupons/${id}/claim`, p!.token), 200);
    let centre = await expectStatus(await get("/api/coupons/centre", p!.token), 200);
    const row = () => (centre.items as Record<string, unknown>[]).find((t) => t.templateId === id);
    expect(row()).toMatchObject({ claimedByMe: 1, state: "claimable", stateText: "立即领取" });
    await expectStatus(await post(`/api/coupons/${id}/claim`, p!.token), 200);
    const third = await expectStatus(await post(`/api/coupons/${id}/claim`, p!.token), 409);
    expect(third.error).toMatchObject({ code: "CLAIM_LIMIT_REACHED", message: "已领取，每人限领 2 张" });
    centre = await expectStatus(await get("/api/coupons/centre", p!.token), 200);
    expect(row()).toMatchObject({ claimedByMe: 2, state: "claimed", stateText: "已领" });
    // Anonymous visitors see the centre too, without a state of their own.
    const anon = await expectStatus(await get("/api/coupons/centre"), 200);
    expect((anon.items as Record<string, unknown>[]).find((t) => t.templateId === id)).toMatchObject({
      claimedByMe: 0,
      state: "claimable",
    });
    expect((await post(`/api/coupons/${id}/claim`, "")).status).toBe(401);
  });

  it("a retried claim with the same Idempotency-Key returns the same coupon and issues nothing twice", async () => {
    const id = await createTemplate({ name: "幂等领取", perShopperLimit: 3 });
    const [p] = await shoppers(1);
    const headers = { "idempotency-key": "claim-retry-0001" };
    const [one, two] = await Promise.all([
      post(`/api/coupons/${id}/claim`, p!.token, undefined, headers),
      post(`/api/coupons/${id}/claim`, p!.token, undefined, headers),
    ]);
    const bodies = [await expectStatus(one!, 200), await expectStatus(two!, 200)];
    expect(bodies.map((b) => b.created).sort()).toEqual([false, true]);
    expect((bodies[0]!.coupon as { id: number }).id).toBe((bodies[1]!.coupon as { id: number }).id);
    expect(await f.count("SELECT count(*) AS n FROM shopper_coupons WHERE template_id = ?", [id])).toBe(1);
    const other = await createTemplate({ name: "另一张" });
    expect(
      (await expectStatus(await post(`/api/coupons/${other}/claim`, p!.token, undefined, headers), 409))
        .error,
    ).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(
      (await post(`/api/coupons/${id}/claim`, p!.token, undefined, { "idempotency-key": "short" })).status,
    ).toBe(400);
  });

  it("only through the channels the template is open on", async () => {
    const grantOnly = await createTemplate({ name: "仅商家发放", channels: ["merchant_grant"] });
    const pageOnly = await createTemplate({ name: "仅详情页", channels: ["product_page"] });
    const [p] = await shoppers(1);
    expect((await post(`/api/coupons/${grantOnly}/claim`, p!.token)).status).toBe(404);
    expect((await post(`/api/coupons/${pageOnly}/claim?from=centre`, p!.token)).status).toBe(404);
    const claimed = await expectStatus(
      await post(`/api/coupons/${pageOnly}/claim?from=product_page`, p!.token),
      200,
    );
    expect(claimed.coupon).toMatchObject({ source: "product_page", sourceText: "商品详情页" });
    const centre = await expectStatus(await get("/api/coupons/centre", p!.token), 200);
    const ids = (centre.items as { templateId: number }[]).map((t) => t.templateId);
    expect(ids).not.toContain(grantOnly);
    expect(ids).not.toContain(pageOnly);
  });

  it("stop: no more claims, claimed coupons stay usable; expire now: unused coupons expire", async () => {
    const id = await createTemplate({ name: "停发测试", perShopperLimit: 2 });
    const [p, q] = await shoppers(2);
    await expectStatus(await post(`/api/coupons/${id}/claim`, p!.token), 200);
    const stopped = await expectStatus(
      await post(`/api/admin/marketing/coupons/${id}/stop`, f.merchant),
      200,
    );
    expect(stopped).toMatchObject({ status: "stopped", statusText: "已停止发放" });
    expect((await expectStatus(await post(`/api/coupons/${id}/claim`, q!.token), 409)).error).toMatchObject({
      code: "COUPON_STOPPED",
    });
    expect((await post(`/api/admin/marketing/coupons/${id}/stop`, f.merchant)).status).toBe(409);
    const centre = await expectStatus(await get("/api/coupons/centre", q!.token), 200);
    expect((centre.items as { templateId: number }[]).map((t) => t.templateId)).not.toContain(id);
    let mine = await expectStatus(await get("/api/coupons/mine?tab=usable", p!.token), 200);
    expect((mine.items as { templateId: number }[]).some((c) => c.templateId === id)).toBe(true);

    await expectStatus(await post(`/api/admin/marketing/coupons/${id}/expire`, f.merchant), 200);
    mine = await expectStatus(await get("/api/coupons/mine?tab=usable", p!.token), 200);
    expect((mine.items as { templateId: number }[]).some((c) => c.templateId === id)).toBe(false);
    mine = await expectStatus(await get("/api/coupons/mine?tab=expired", p!.token), 200);
    expect((mine.items as Record<string, unknown>[]).find((c) => c.templateId === id)).toMatchObject({
      status: "expired",
      statusText: "已过期",
    });
    const report = await expectStatus(
      await get(`/api/admin/marketing/coupons/${id}/report`, f.merchant),
      200,
    );
    expect(report).toMatchObject({ status: "expired", issued: 1, expiredUnused: 1, usable: 0 });
  });
});

describe("grants and the new-shopper gift", () => {
  it("grants obey the total, a repeated request grants nothing twice, bad shoppers write nothing", async () => {
    const id = await createTemplate({ name: "补偿券", totalQuantity: 2, channels: ["merchant_grant"] });
    const [a, b, c] = await shoppers(3);
    const grant = (ids: number[], key?: string) =>
      post(
        `/api/admin/marketing/coupons/${id}/grant`,
        f.merchant,
        { shopperIds: ids },
        key ? { "idempotency-key": key } : {},
      );
    const unknown = await expectStatus(await grant([a!.id, 987_654]), 400);
    expect(unknown.error?.message).toBe("顾客不存在：987654");
    expect(await f.count("SELECT count(*) AS n FROM shopper_coupons WHERE template_id = ?", [id])).toBe(0);

    // Newest shopper first: every list of the reply keeps the order the merchant gave, not the rows' order.
    const given = [a!.id, b!.id].sort((x, y) => y - x);
    expect(await expectStatus(await grant(given, "grant-key-0001"), 200)).toEqual({
      granted: given,
      alreadyGranted: [],
      soldOut: [],
    });
    expect(await expectStatus(await grant(given, "grant-key-0001"), 200)).toMatchObject({
      granted: [],
      alreadyGranted: given,
    });
    expect(await expectStatus(await grant([c!.id]), 200)).toEqual({
      granted: [],
      alreadyGranted: [],
      soldOut: [c!.id],
    });
    expect(await f.count("SELECT count(*) AS n FROM shopper_coupons WHERE template_id = ?", [id])).toBe(2);
    const mine = await expectStatus(await get("/api/coupons/mine", a!.token), 200);
    expect((mine.items as Record<string, unknown>[]).find((x) => x.templateId === id)).toMatchObject({
      source: "merchant_grant",
      sourceText: "商家发放",
    });
    const centreOnly = await createTemplate({ name: "不可发放" });
    expect(
      (await post(`/api/admin/marketing/coupons/${centreOnly}/grant`, f.merchant, { shopperIds: [a!.id] }))
        .status,
    ).toBe(409);
  });

  it("a shopper's first login receives the new-shopper coupons once; later logins nothing more", async () => {
    const id = await createTemplate({
      name: "新人券",
      kind: "no_threshold",
      thresholdFen: undefined,
      amountOffFen: 2_000,
      channels: ["new_shopper"],
    });
    const token = await shopperToken(f.stack, "新人甲");
    await shopperToken(f.stack, "新人甲");
    const mine = await expectStatus(await get("/api/coupons/mine", token), 200);
    const gifts = (mine.items as Record<string, unknown>[]).filter((x) => x.templateId === id);
    expect(gifts).toHaveLength(1);
    expect(gifts[0]).toMatchObject({ source: "new_shopper", label: "无门槛减20", status: "usable" });
    expect(await f.count("SELECT count(*) AS n FROM shopper_coupons WHERE template_id = ?", [id])).toBe(1);
    // Stopped, the template welcomes nobody else.
    await expectStatus(await post(`/api/admin/marketing/coupons/${id}/stop`, f.merchant), 200);
    const late = await shopperToken(f.stack, "新人乙");
    const none = await expectStatus(await get("/api/coupons/mine", late), 200);
    expect((none.items as { templateId: number }[]).filter((x) => x.templateId === id)).toEqual([]);
  });
});

describe("product page", () => {
  it("lists the product-page coupons covering the product (by parent category), not excluded ones", async () => {
    const skuId = await f.createSku(500_000, 0, "详情页冰箱");
    const productId = await f.count("SELECT product_id AS n FROM skus WHERE id = ?", [skuId]);
    const byParent = await createTemplate({
      name: "父类券",
      scope: "categories",
      scopeIds: [parentCategoryId],
      channels: ["product_page"],
    });
    const excluded = await createTemplate({
      name: "排除券",
      excludedProductIds: [productId],
      channels: ["product_page"],
    });
    const elsewhere = await createTemplate({
      name: "他品券",
      scope: "products",
      scopeIds: [productId - 1],
      channels: ["product_page"],
    });
    const centreOnly = await createTemplate({ name: "仅领券中心" });
    const page = await expectStatus(await get(`/api/coupons/for-product/${productId}`), 200);
    const ids = (page.items as { templateId: number }[]).map((t) => t.templateId);
    expect(ids).toContain(byParent);
    for (const not of [excluded, elsewhere, centreOnly]) expect(ids).not.toContain(not);
    expect((await get("/api/coupons/for-product/999999")).status).toBe(404);
  });
});

describe("redemption (database level, real batches)", () => {
  const env = () => f.stack.vars as unknown as Env;
  const writer = () => ({ db, env: env(), subscribers: [couponReturnSubscriber] });

  /** An unpaid order placed without a coupon (checkout would otherwise apply the best one itself). */
  async function unpaidOrder(token: string, skuId: number) {
    const res = await f.stack.fetch("/api/orders", {
      method: "POST",
      token,
      json: { items: [{ skuId, quantity: 1 }], couponId: null },
      headers: { "idempotency-key": `no-coupon-${skuId}-${Math.random().toString(36).slice(2)}` },
    });
    const body = await expectStatus(res, 201);
    return Number(body.id);
  }

  async function claimOne(token: string, over: Record<string, unknown> = {}) {
    const id = await createTemplate({ name: "下单券", perShopperLimit: 5, ...over });
    const body = await expectStatus(await post(`/api/coupons/${id}/claim`, token), 200);
    return { templateId: id, couponId: (body.coupon as { id: number }).id };
  }

  async function redeem(couponId: number, shopperId: number, orderId: number, savingFen = 30_000) {
    const [first, second] = redeemStatements(db, {
      couponId,
      shopperId,
      orderId,
      savingFen,
      now: Date.now(),
    });
    // A marker in the same batch shows whether anything of it was written.
    const marker = db.run(sql`UPDATE orders SET merchant_remark = 'coupon batch' WHERE id = ${orderId}`);
    return db.batch([marker, first, second]);
  }

  async function cancelBatch(orderId: number, kind: "cancel" | "pay_after_cancel" = "cancel") {
    const order = (await loadOrder(db, orderId))!;
    const e: NewOrderEvent = {
      kind,
      seq: null,
      fromStatus: null,
      toStatus: null,
      actor: { kind: "system", id: null },
      reason: "测试",
    };
    const [first, ...rest] = eventStatements(writer(), orderId, order, e);
    await db.batch([first!, ...rest]);
  }

  const couponRow = async (id: number) =>
    (await f.stack.sql.execute({ sql: "SELECT * FROM shopper_coupons WHERE id = ?", args: [id] })).rows[0]!;

  it("two orders racing with one coupon: exactly one batch commits, the other writes nothing", async () => {
    const skuId = await f.createSku(400_000, 10, "抢券冰箱");
    const buyer = await f.newShopper("竞争买家");
    const shopperId = await f.count("SELECT shopper_id AS n FROM addresses WHERE id = ?", [buyer.addressId]);
    const { couponId, templateId } = await claimOne(buyer.token);
    const [o1, o2] = [await unpaidOrder(buyer.token, skuId), await unpaidOrder(buyer.token, skuId)];

    const results = await Promise.allSettled([
      redeem(couponId, shopperId, o1),
      redeem(couponId, shopperId, o2),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(isCouponAlreadyUsed(lost[0]!.reason)).toBe(true);
    const winner = results[0]!.status === "fulfilled" ? o1 : o2;
    const loser = winner === o1 ? o2 : o1;
    expect(
      await f.count("SELECT count(*) AS n FROM coupon_redemptions WHERE coupon_id = ?", [couponId]),
    ).toBe(1);
    expect((await f.orderRow(winner)).merchant_remark).toBe("coupon batch");
    expect((await f.orderRow(loser)).merchant_remark).toBe("");
    expect(await couponRow(couponId)).toMatchObject({ status: "used", order_id: winner });
    expect(await usableCoupons(db, shopperId)).toEqual([]);

    // Used shows under 已使用 and in the report with its saving.
    const used = await expectStatus(await get("/api/coupons/mine?tab=used", buyer.token), 200);
    expect((used.items as Record<string, unknown>[])[0]).toMatchObject({
      id: couponId,
      status: "used",
      orderId: winner,
    });
    const report = await expectStatus(
      await get(`/api/admin/marketing/coupons/${templateId}/report`, f.merchant),
      200,
    );
    expect(report).toMatchObject({ issued: 1, used: 1, savedFen: 30_000, orders: 1 });

    // A later attempt on a third order fails the same way.
    let again: unknown;
    await redeem(couponId, shopperId, loser).catch((e) => {
      again = e;
    });
    expect(isCouponAlreadyUsed(again)).toBe(true);
  });

  it("someone else's coupon is neither listed for them nor spendable by them", async () => {
    const skuId = await f.createSku(400_000, 10, "他人券冰箱");
    const owner = await f.newShopper("券主人");
    const thief = await f.newShopper("别人");
    const ownerId = await f.count("SELECT shopper_id AS n FROM addresses WHERE id = ?", [owner.addressId]);
    const thiefId = await f.count("SELECT shopper_id AS n FROM addresses WHERE id = ?", [thief.addressId]);
    const { couponId, templateId } = await claimOne(owner.token);
    expect((await usableCoupons(db, ownerId)).map((c) => c.couponId)).toEqual([couponId]);
    expect((await usableCoupons(db, ownerId))[0]).toMatchObject({
      templateId,
      kind: "amount_off",
      thresholdFen: 300_000,
    });
    expect(await usableCoupons(db, thiefId)).toEqual([]);

    const order = await unpaidOrder(thief.token, skuId);
    let err: unknown;
    await redeem(couponId, thiefId, order).catch((e) => {
      err = e;
    });
    expect(isCouponAlreadyUsed(err)).toBe(true);
    expect(await couponRow(couponId)).toMatchObject({ status: "available", order_id: null });
    expect((await f.orderRow(order)).merchant_remark).toBe("");
  });

  it("an expired coupon cannot be spent", async () => {
    const skuId = await f.createSku(400_000, 10, "过期券冰箱");
    const buyer = await f.newShopper("过期买家");
    const shopperId = await f.count("SELECT shopper_id AS n FROM addresses WHERE id = ?", [buyer.addressId]);
    const { couponId } = await claimOne(buyer.token);
    await f.stack.sql.execute({
      sql: "UPDATE shopper_coupons SET valid_to = ? WHERE id = ?",
      args: [Date.now() - 1, couponId],
    });
    const order = await unpaidOrder(buyer.token, skuId);
    await expect(redeem(couponId, shopperId, order)).rejects.toSatisfy(isCouponAlreadyUsed);
    const tabs = await expectStatus(await get("/api/coupons/mine?tab=expired", buyer.token), 200);
    expect(tabs.counts).toMatchObject({ usable: 0, used: 0, expired: 1 });
  });

  it("cancelling the unpaid order returns the coupon in the cancel's batch; a late payment takes it back", async () => {
    const skuId = await f.createSku(400_000, 10, "退券冰箱");
    const buyer = await f.newShopper("退券买家");
    const shopperId = await f.count("SELECT shopper_id AS n FROM addresses WHERE id = ?", [buyer.addressId]);
    const { couponId } = await claimOne(buyer.token);
    const order = await unpaidOrder(buyer.token, skuId);
    await redeem(couponId, shopperId, order);
    // The order as the lead's quote will write it: its coupon adjustment.
    await f.stack.sql.execute({
      sql: `UPDATE orders SET adjustments = json_insert(adjustments, '$[#]', json(?)) WHERE id = ?`,
      args: [
        JSON.stringify({ step: "coupon", kind: "coupon", label: "优惠券 满3000减300", amountFen: -30_000 }),
        order,
      ],
    });

    await cancelBatch(order);
    expect(await couponRow(couponId)).toMatchObject({ status: "available", used_at: null });
    expect(await f.count("SELECT count(*) AS n FROM coupon_redemptions WHERE order_id = ?", [order])).toBe(0);
    expect((await usableCoupons(db, shopperId)).map((c) => c.couponId)).toEqual([couponId]);
    // A second cancel event (a redelivery) changes nothing more.
    await cancelBatch(order);
    expect(await couponRow(couponId)).toMatchObject({ status: "available" });

    await cancelBatch(order, "pay_after_cancel");
    expect(await couponRow(couponId)).toMatchObject({ status: "used", order_id: order });
    expect(
      await f.count("SELECT saving_fen AS n FROM coupon_redemptions WHERE coupon_id = ?", [couponId]),
    ).toBe(30_000);
  });

  it("a coupon returned after the merchant expired its template comes back expired", async () => {
    const skuId = await f.createSku(400_000, 10, "失效退券冰箱");
    const buyer = await f.newShopper("失效买家");
    const shopperId = await f.count("SELECT shopper_id AS n FROM addresses WHERE id = ?", [buyer.addressId]);
    const { couponId, templateId } = await claimOne(buyer.token);
    const order = await unpaidOrder(buyer.token, skuId);
    await redeem(couponId, shopperId, order);
    await expectStatus(await post(`/api/admin/marketing/coupons/${templateId}/expire`, f.merchant), 200);
    await cancelBatch(order);
    expect(await couponRow(couponId)).toMatchObject({ status: "available" });
    expect(await usableCoupons(db, shopperId)).toEqual([]);
    const expired = await expectStatus(await get("/api/coupons/mine?tab=expired", buyer.token), 200);
    expect((expired.items as { id: number }[]).map((c) => c.id)).toContain(couponId);
  });
});
