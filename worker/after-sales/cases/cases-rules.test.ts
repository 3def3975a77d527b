import { describe, expect, it } from "vitest";
import {
  capAt,
  caseRefund,
  couponComesBack,
  type LineMoney,
  pickUnits,
  unitMoney,
  unitsGoodsFen,
} from "./amounts";
import { checkApplication, DAY_MS, type LineFacts, lineEligibility, type OrderFacts } from "./eligibility";
import { availableCaseActions, caseStatusLabel, planCaseTransition } from "./state-machine";

const NOW = Date.UTC(2026, 5, 10, 4);
const line: LineFacts = { available: 2, noReasonReturn: true, warrantyEndsAt: NOW + 300 * DAY_MS };
const delivered = (daysAgo: number): OrderFacts => ({
  status: "completed",
  deliveredAt: NOW - daysAgo * DAY_MS,
  completedAt: NOW - daysAgo * DAY_MS + 3600_000,
});
const allowed = (o: OrderFacts, l: LineFacts = line) =>
  Object.fromEntries(lineEligibility(o, l, NOW).map((e) => [e.type, e.allowed]));

describe("eligibility", () => {
  it("a paid, unshipped order: only 仅退款", () => {
    expect(allowed({ status: "paid", deliveredAt: null, completedAt: null })).toEqual({
      refund_only: true,
      return_refund: false,
      exchange: false,
      repair: false,
    });
  });

  it("shipped but not received: 仅退款 for the merchant to decide", () => {
    const [ro] = lineEligibility({ status: "shipped", deliveredAt: null, completedAt: null }, line, NOW);
    expect(ro).toMatchObject({ type: "refund_only", allowed: true, reason: expect.stringContaining("商家") });
  });

  it("signed for by the carrier (deliveredAt) counts as delivered even before the shopper confirms", () => {
    expect(allowed({ status: "shipped", deliveredAt: NOW - DAY_MS, completedAt: null })).toMatchObject({
      refund_only: false,
      return_refund: true,
      exchange: true,
      repair: true,
    });
  });

  it("returns within 7 days of delivery, exchanges within 15, repairs within warranty", () => {
    expect(allowed(delivered(6.9))).toMatchObject({ return_refund: true, exchange: true, repair: true });
    expect(allowed(delivered(7))).toMatchObject({ return_refund: false, exchange: true, repair: true });
    expect(allowed(delivered(15))).toMatchObject({ return_refund: false, exchange: false, repair: true });
    expect(allowed(delivered(15), { ...line, warrantyEndsAt: NOW })).toMatchObject({ repair: false });
    const ret = lineEligibility(delivered(2), line, NOW)[1]!;
    expect(ret.deadline).toBe(NOW - 2 * DAY_MS + 7 * DAY_MS);
  });

  it("delivery falls back to completedAt", () => {
    const o: OrderFacts = { status: "completed", deliveredAt: null, completedAt: NOW - 8 * DAY_MS };
    expect(allowed(o)).toMatchObject({ return_refund: false, exchange: true });
  });

  it("nothing once every unit is in another case", () => {
    const all = lineEligibility(delivered(1), { ...line, available: 0 }, NOW);
    expect(all.every((e) => !e.allowed && e.reason === "该商品已全部申请售后")).toBe(true);
  });

  it("no-reason returns need the category's permission and the shopper's unused declaration", () => {
    const o = delivered(1);
    const e = (l: LineFacts) => lineEligibility(o, l, NOW)[1]!;
    expect(checkApplication(e(line), line, "no_reason", true)).toEqual({ ok: true });
    expect(checkApplication(e(line), line, "no_reason", false)).toMatchObject({
      ok: false,
      message: expect.stringContaining("未使用"),
    });
    const builtIn = { ...line, noReasonReturn: false };
    expect(checkApplication(e(builtIn), builtIn, "no_reason", true)).toMatchObject({
      ok: false,
      message: expect.stringContaining("不支持七天无理由"),
    });
    // a quality problem may be returned whatever the category and use
    expect(checkApplication(e(builtIn), builtIn, "quality", false)).toEqual({ ok: true });
  });

  it("exchanges only for the merchant's fault; reasons must fit the type", () => {
    const ex = lineEligibility(delivered(10), line, NOW)[2]!;
    expect(checkApplication(ex, line, "quality", false)).toEqual({ ok: true });
    expect(checkApplication(ex, line, "no_reason", true).ok).toBe(false);
    const ro = lineEligibility({ status: "paid", deliveredAt: null, completedAt: null }, line, NOW)[0]!;
    expect(checkApplication(ro, line, "damaged_on_arrival", false).ok).toBe(false);
  });
});

// ¥2,599 × 3 with a ¥100 full-reduction and a ¥50 coupon on this line, and ¥20 freight; plus ¥300 installation.
const discounted: LineMoney = {
  unitPriceFen: 259_900,
  quantity: 3,
  allocations: [
    { kind: "discount", amountFen: -10_000 },
    { kind: "coupon", amountFen: -5_001 },
    { kind: "shipping", amountFen: 2_000 },
    { kind: "installation", amountFen: 30_000 },
  ],
};
const goodsNet = 259_900 * 3 - 10_000 - 5_001;

describe("refund amounts", () => {
  it("units split the line's discount to the fen: three cases of one unit sum to what was paid", () => {
    const base = {
      merchantAtFault: false,
      serviceNotPerformed: false,
      orderFreightFen: 2_000,
    };
    const first = caseRefund({
      ...base,
      lines: [{ line: discounted, unitNos: [0] }],
      completesWholeOrder: false,
      freightRefundedFen: 0,
    });
    const second = caseRefund({
      ...base,
      lines: [{ line: discounted, unitNos: [1] }],
      completesWholeOrder: false,
      freightRefundedFen: 0,
    });
    const third = caseRefund({
      ...base,
      lines: [{ line: discounted, unitNos: [2] }],
      completesWholeOrder: true,
      freightRefundedFen: 0,
    });
    expect([first.goodsFen, second.goodsFen, third.goodsFen]).toEqual([254_899, 254_900, 254_900]);
    expect(first.goodsFen + second.goodsFen + third.goodsFen).toBe(goodsNet);
    expect([first.freightFen, second.freightFen, third.freightFen]).toEqual([0, 0, 2_000]);
    // installation was performed: kept for a no-reason return
    expect(first.chargesFen + second.chargesFen + third.chargesFen).toBe(0);
    expect(first.totalFen + second.totalFen + third.totalFen).toBe(goodsNet + 2_000);
  });

  it("any grouping of the units sums to the same total", () => {
    expect(unitsGoodsFen(discounted, [0, 2]) + unitsGoodsFen(discounted, [1])).toBe(goodsNet);
    expect(unitMoney(discounted).reduce((s, u) => s + u.goodsFen + u.freightFen + u.chargesFen, 0)).toBe(
      goodsNet + 2_000 + 30_000,
    );
  });

  it("merchant at fault: the units' freight and charges come back too", () => {
    const r = caseRefund({
      lines: [{ line: discounted, unitNos: [0] }],
      merchantAtFault: true,
      serviceNotPerformed: false,
      completesWholeOrder: false,
      orderFreightFen: 2_000,
      freightRefundedFen: 0,
    });
    expect(r).toEqual({ goodsFen: 254_899, freightFen: 667, chargesFen: 10_000, totalFen: 265_566 });
  });

  it("completing the whole order refunds the freight not yet refunded, never twice", () => {
    const r = caseRefund({
      lines: [{ line: discounted, unitNos: [1, 2] }],
      merchantAtFault: true,
      serviceNotPerformed: false,
      completesWholeOrder: true,
      orderFreightFen: 2_000,
      freightRefundedFen: 667,
    });
    expect(r.freightFen).toBe(1_333);
  });

  it("仅退款 before delivery refunds the never-performed installation", () => {
    const r = caseRefund({
      lines: [{ line: discounted, unitNos: [0] }],
      merchantAtFault: false,
      serviceNotPerformed: true,
      completesWholeOrder: false,
      orderFreightFen: 2_000,
      freightRefundedFen: 0,
    });
    expect(r.chargesFen).toBe(10_000);
    expect(r.freightFen).toBe(0);
  });

  it("never asks for more than the payment can still give back, taking it off the goods first", () => {
    const full = { goodsFen: 10_000, freightFen: 500, chargesFen: 300, totalFen: 10_800 };
    expect(capAt(full, null)).toBe(full);
    expect(capAt(full, 20_000)).toBe(full);
    expect(capAt(full, 9_800)).toEqual({
      goodsFen: 9_000,
      freightFen: 500,
      chargesFen: 300,
      totalFen: 9_800,
    });
    expect(capAt(full, 200)).toEqual({ goodsFen: 0, freightFen: 0, chargesFen: 200, totalFen: 200 });
    expect(capAt(full, 0).totalFen).toBe(0);
  });

  it("picks the lowest free units", () => {
    expect(pickUnits(4, new Set([0, 2]), 2)).toEqual([1, 3]);
    expect(pickUnits(4, new Set([0, 2]), 3)).toBeUndefined();
  });

  it("coupon policy: only for a wholly refunded order, only while valid", () => {
    expect(couponComesBack(true, NOW + 1, NOW)).toBe(true);
    expect(couponComesBack(true, NOW, NOW)).toBe(false);
    expect(couponComesBack(false, NOW + DAY_MS, NOW)).toBe(false);
  });
});

describe("case state machine", () => {
  it("walks a return to the refund", () => {
    const steps: [Parameters<typeof planCaseTransition>[2], Parameters<typeof planCaseTransition>[3]][] = [
      ["approve", "merchant"],
      ["ship_back", "shopper"],
      ["receive", "merchant"],
      ["refund", "merchant"],
      ["refund_succeeded", "gateway"],
    ];
    let status = "applied" as Parameters<typeof planCaseTransition>[0];
    for (const [action, actor] of steps) {
      const p = planCaseTransition(status, "return_refund", action, actor);
      expect(p.ok, `${action} from ${status}`).toBe(true);
      if (p.ok) status = p.to;
    }
    expect(status).toBe("refunded");
  });

  it("refuses illegal moves with Chinese messages", () => {
    expect(planCaseTransition("refunded", "return_refund", "cancel", "shopper")).toMatchObject({
      ok: false,
      code: "ILLEGAL_TRANSITION",
      message: "售后单当前状态为「已退款」，不能撤销",
    });
    expect(planCaseTransition("applied", "return_refund", "approve", "shopper")).toMatchObject({
      ok: false,
      code: "ACTOR_NOT_ALLOWED",
    });
    expect(planCaseTransition("approved", "refund_only", "ship_back", "shopper")).toMatchObject({
      ok: false,
      message: "仅退款申请不能寄回",
    });
    expect(planCaseTransition("received", "exchange", "refund", "merchant").ok).toBe(false);
  });

  it("only the system closes a case the shopper never shipped back; the merchant or the timeout approves", () => {
    expect(planCaseTransition("approved", "return_refund", "close", "system").ok).toBe(true);
    expect(planCaseTransition("approved", "return_refund", "close", "merchant").ok).toBe(false);
    expect(planCaseTransition("applied", "exchange", "approve", "system").ok).toBe(true);
  });

  it("lists the shopper's actions and labels by type", () => {
    expect(availableCaseActions("approved", "return_refund", "shopper").sort()).toEqual([
      "cancel",
      "ship_back",
    ]);
    expect(availableCaseActions("exchange_shipped", "exchange", "shopper")).toEqual(["confirm"]);
    expect(caseStatusLabel("approved", "refund_only")).toBe("退款中");
    expect(caseStatusLabel("approved", "return_refund")).toBe("待寄回");
  });
});
