import { describe, expect, it } from "vitest";
import {
  type BindingFacts,
  beijingDayRange,
  beijingMonthRange,
  decideBinding,
  decideReward,
  newReferralCode,
  normaliseCode,
  type RewardFacts,
} from "./referral-rules";

const NOW = Date.UTC(2026, 11, 6, 8, 0);
const HOUR = 3600_000;
const facts = (over: Partial<BindingFacts> = {}): BindingFacts => ({
  refereeId: 2,
  refereeCreatedAt: NOW - HOUR,
  refereeOrders: 0,
  alreadyBound: false,
  referrerId: 1,
  referrerAncestors: [],
  bindingWindowHours: 72,
  now: NOW,
  ...over,
});

describe("binding rules", () => {
  it("binds a new shopper within the window to another shopper", () => {
    expect(decideBinding(facts())).toEqual({ ok: true });
  });
  it("refuses self-referral", () => {
    expect(decideBinding(facts({ referrerId: 2 }))).toMatchObject({ ok: false, code: "SELF_REFERRAL" });
  });
  it("binds once only", () => {
    expect(decideBinding(facts({ alreadyBound: true }))).toMatchObject({ ok: false, code: "ALREADY_BOUND" });
  });
  it("only shoppers without orders are new", () => {
    expect(decideBinding(facts({ refereeOrders: 1 }))).toMatchObject({ ok: false, code: "NOT_NEW_SHOPPER" });
  });
  it("the binding window is counted from sign-up, inclusive of its last millisecond", () => {
    expect(decideBinding(facts({ refereeCreatedAt: NOW - 72 * HOUR })).ok).toBe(true);
    const late = decideBinding(facts({ refereeCreatedAt: NOW - 72 * HOUR - 1 }));
    expect(late).toMatchObject({ ok: false, code: "BINDING_WINDOW_PASSED" });
    expect(late.ok || late.message).toContain("72 小时");
  });
  it("refuses A ↔ B loops and longer cycles", () => {
    // B (2) referred A (1); now B would bind to A.
    expect(decideBinding(facts({ referrerAncestors: [2] }))).toMatchObject({
      ok: false,
      code: "REFERRAL_LOOP",
    });
    // A → C → B: B is C's referrer's referrer.
    expect(decideBinding(facts({ referrerAncestors: [5, 2] }))).toMatchObject({
      ok: false,
      code: "REFERRAL_LOOP",
    });
    expect(decideBinding(facts({ referrerAncestors: [5, 7] })).ok).toBe(true);
  });
  it("checks self-referral before anything else (the clearest message)", () => {
    expect(decideBinding(facts({ referrerId: 2, alreadyBound: true, refereeOrders: 3 }))).toMatchObject({
      code: "SELF_REFERRAL",
    });
  });
});

describe("codes", () => {
  it("are 8 characters without look-alikes and normalise what shoppers paste", () => {
    for (let i = 0; i < 50; i++) expect(newReferralCode()).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(normaliseCode(" abcd 2345 ")).toBe("ABCD2345");
    expect(normaliseCode("ABCD2340")).toBeNull(); // 0 is not in the alphabet
    expect(normaliseCode("ABC")).toBeNull();
  });
});

describe("caps by Beijing day and month", () => {
  it("a Beijing day starts at 16:00 UTC the day before", () => {
    const [from, to] = beijingDayRange(Date.UTC(2026, 11, 6, 15, 59));
    expect(from).toBe(Date.UTC(2026, 11, 5, 16));
    expect(to).toBe(Date.UTC(2026, 11, 6, 16));
    expect(beijingDayRange(Date.UTC(2026, 11, 6, 16))[0]).toBe(Date.UTC(2026, 11, 6, 16));
  });
  it("a Beijing month, across a year end", () => {
    expect(beijingMonthRange(Date.UTC(2026, 11, 31, 17))).toEqual([
      Date.UTC(2026, 11, 31, 16),
      Date.UTC(2027, 0, 31, 16),
    ]);
    expect(beijingMonthRange(Date.UTC(2026, 11, 31, 15))).toEqual([
      Date.UTC(2026, 10, 30, 16),
      Date.UTC(2026, 11, 31, 16),
    ]);
  });
});

describe("reward decisions", () => {
  const r = (over: Partial<RewardFacts> = {}): RewardFacts => ({
    status: "pending",
    dueAt: NOW,
    grantedToday: 0,
    grantedThisMonth: 0,
    dailyCap: 5,
    monthlyCap: 30,
    rewardConfigured: true,
    now: NOW,
    ...over,
  });
  it("waits for the return window, then grants", () => {
    expect(decideReward(r({ dueAt: NOW + 1 }))).toBe("wait");
    expect(decideReward(r())).toBe("grant");
  });
  it("respects the daily and the monthly cap", () => {
    expect(decideReward(r({ grantedToday: 4 }))).toBe("grant");
    expect(decideReward(r({ grantedToday: 5 }))).toBe("capped");
    expect(decideReward(r({ grantedThisMonth: 30 }))).toBe("capped");
  });
  it("final states stay final; a grant that died half-way is finished", () => {
    for (const status of ["granted", "cancelled", "capped"] as const)
      expect(decideReward(r({ status }))).toBe("done");
    expect(decideReward(r({ status: "granting", grantedToday: 99 }))).toBe("grant");
  });
  it("without a configured reward nothing is granted", () => {
    expect(decideReward(r({ rewardConfigured: false }))).toBe("no_reward");
  });
});
