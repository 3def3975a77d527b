import { describe, expect, it } from "vitest";
import {
  type ActorKind,
  availableActions,
  ORDER_STATUSES,
  type OrderAction,
  planTransition,
  SHOPPER_TABS,
} from "./state-machine";

describe("order state machine", () => {
  it("walks the happy path 待支付 → 待发货 → 已发货 → 已完成", () => {
    const steps: [OrderAction, ActorKind, string][] = [
      ["pay", "gateway", "paid"],
      ["ship", "merchant", "shipped"],
      ["confirm_receipt", "shopper", "completed"],
    ];
    let status = "pending_payment" as (typeof ORDER_STATUSES)[number];
    for (const [action, actor, to] of steps) {
      const plan = planTransition(status, action, actor);
      expect(plan).toMatchObject({ ok: true, from: status, to });
      if (plan.ok) status = plan.to;
    }
  });

  it("rejects every transition out of a final state", () => {
    const actions: OrderAction[] = ["pay", "cancel", "ship", "confirm_receipt", "auto_complete"];
    for (const action of actions) {
      const plan = planTransition("completed", action, "system");
      expect(plan.ok).toBe(false);
    }
    expect(planTransition("cancelled", "cancel", "shopper")).toMatchObject({
      ok: false,
      code: "ILLEGAL_TRANSITION",
    });
  });

  it("enforces who may act", () => {
    expect(planTransition("pending_payment", "pay", "shopper")).toMatchObject({
      ok: false,
      code: "ACTOR_NOT_ALLOWED",
    });
    expect(planTransition("paid", "ship", "shopper")).toMatchObject({ ok: false, code: "ACTOR_NOT_ALLOWED" });
    expect(planTransition("shipped", "confirm_receipt", "merchant")).toMatchObject({ ok: false });
    expect(planTransition("shipped", "auto_complete", "shopper")).toMatchObject({ ok: false });
    expect(planTransition("pending_payment", "cancel", "system")).toMatchObject({
      ok: true,
      to: "cancelled",
    });
  });

  it("cancels a paid order only before shipping, by the shopper, the merchant or the system (an expired 拼团)", () => {
    expect(planTransition("paid", "cancel", "shopper")).toMatchObject({
      ok: false,
      code: "ILLEGAL_TRANSITION",
    });
    expect(planTransition("paid", "cancel_paid", "shopper")).toMatchObject({ ok: true, to: "cancelled" });
    expect(planTransition("paid", "cancel_paid", "merchant")).toMatchObject({ ok: true, to: "cancelled" });
    expect(planTransition("paid", "cancel_paid", "system")).toMatchObject({ ok: true, to: "cancelled" });
    expect(planTransition("paid", "cancel_paid", "gateway")).toMatchObject({ code: "ACTOR_NOT_ALLOWED" });
    expect(planTransition("shipped", "cancel_paid", "system")).toMatchObject({ code: "ILLEGAL_TRANSITION" });
    expect(planTransition("shipped", "cancel_paid", "shopper")).toMatchObject({
      ok: false,
      code: "ILLEGAL_TRANSITION",
    });
    expect(planTransition("pending_payment", "ship", "merchant")).toMatchObject({ ok: false });
  });

  it("only lets a late payment revive a cancelled order through pay_after_cancel", () => {
    expect(planTransition("cancelled", "pay", "gateway").ok).toBe(false);
    expect(planTransition("cancelled", "pay_after_cancel", "gateway")).toMatchObject({
      ok: true,
      to: "paid",
    });
    expect(planTransition("pending_payment", "pay_after_cancel", "gateway").ok).toBe(false);
  });

  it("never enters a status twice (each status is left at most once)", () => {
    // Walk every possible path; a revisit would break the one-event-per-transition guarantee.
    const actions: OrderAction[] = [
      "pay",
      "pay_after_cancel",
      "cancel",
      "ship",
      "confirm_receipt",
      "auto_complete",
    ];
    const actors: ActorKind[] = ["shopper", "merchant", "system", "gateway"];
    const walk = (status: (typeof ORDER_STATUSES)[number], seen: Set<string>) => {
      for (const a of actions)
        for (const who of actors) {
          const p = planTransition(status, a, who);
          if (!p.ok) continue;
          expect(seen.has(p.to)).toBe(false);
          walk(p.to, new Set([...seen, p.to]));
        }
    };
    walk("pending_payment", new Set(["pending_payment"]));
  });

  it("lists buttons per actor and maps tabs to statuses", () => {
    expect(availableActions("pending_payment", "shopper")).toEqual(["cancel"]);
    expect(availableActions("shipped", "shopper")).toEqual(["confirm_receipt"]);
    expect(availableActions("paid", "merchant")).toEqual(["cancel_paid", "ship"]);
    expect(availableActions("paid", "shopper")).toEqual(["cancel_paid"]);
    expect(SHOPPER_TABS.to_receive).toEqual(["shipped"]);
    expect(SHOPPER_TABS.all).toHaveLength(ORDER_STATUSES.length);
  });
});
