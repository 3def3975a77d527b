import { describe, expect, it } from "vitest";
import {
  availableRepairActions,
  planRepairTransition,
  type RepairAction,
  type RepairActor,
  type RepairFacts,
  type RepairStatus,
} from "./state-machine";

const facts = (status: RepairStatus, more: Partial<RepairFacts> = {}): RepairFacts => ({
  status,
  hasAppointment: false,
  owedFen: 0,
  chargePaid: false,
  ...more,
});

describe("repair work order state machine", () => {
  it("walks received → awaiting_appointment → on_site → done → confirmed", () => {
    const steps: [Exclude<RepairAction, "open">, RepairActor, RepairStatus, Partial<RepairFacts>][] = [
      ["assign", "agent", "awaiting_appointment", {}],
      ["assign", "merchant", "awaiting_appointment", {}],
      ["schedule", "technician", "awaiting_appointment", {}],
      ["schedule", "technician", "awaiting_appointment", { hasAppointment: true }],
      ["arrive", "technician", "on_site", { hasAppointment: true }],
      ["finish", "technician", "done", { hasAppointment: true }],
      ["confirm", "shopper", "confirmed", {}],
    ];
    let status: RepairStatus = "received";
    for (const [action, actor, to, more] of steps) {
      const plan = planRepairTransition(facts(status, more), action, actor);
      expect(plan).toMatchObject({ ok: true, from: status, to });
      if (plan.ok) status = plan.to;
    }
    expect(status).toBe("confirmed");
  });

  it("lets only staff assign, only the technician schedule, arrive and finish, only the shopper confirm", () => {
    const denied: [Exclude<RepairAction, "open">, RepairActor, RepairStatus][] = [
      ["assign", "shopper", "received"],
      ["assign", "technician", "received"],
      ["schedule", "shopper", "awaiting_appointment"],
      ["schedule", "agent", "awaiting_appointment"],
      ["arrive", "merchant", "awaiting_appointment"],
      ["finish", "agent", "on_site"],
      ["finish", "shopper", "on_site"],
      ["confirm", "technician", "done"],
      ["confirm", "merchant", "done"],
      ["cancel", "technician", "received"],
    ];
    for (const [action, actor, status] of denied)
      expect(planRepairTransition(facts(status, { hasAppointment: true }), action, actor)).toMatchObject({
        ok: false,
        code: "ACTOR_NOT_ALLOWED",
      });
  });

  it("refuses steps out of order with the current status in Chinese", () => {
    expect(planRepairTransition(facts("received"), "arrive", "technician")).toMatchObject({
      ok: false,
      code: "ILLEGAL_TRANSITION",
      message: "维修工单当前状态为「已受理」，不能上门",
    });
    expect(planRepairTransition(facts("awaiting_appointment"), "finish", "technician")).toMatchObject({
      code: "ILLEGAL_TRANSITION",
    });
    expect(planRepairTransition(facts("on_site"), "assign", "merchant")).toMatchObject({
      code: "ILLEGAL_TRANSITION",
    });
    expect(planRepairTransition(facts("on_site"), "cancel", "merchant")).toMatchObject({
      code: "ILLEGAL_TRANSITION",
    });
    expect(planRepairTransition(facts("confirmed"), "confirm", "shopper")).toMatchObject({
      code: "ILLEGAL_TRANSITION",
    });
    expect(planRepairTransition(facts("cancelled"), "assign", "agent")).toMatchObject({
      code: "ILLEGAL_TRANSITION",
    });
  });

  it("needs an appointment before arriving", () => {
    expect(planRepairTransition(facts("awaiting_appointment"), "arrive", "technician")).toMatchObject({
      ok: false,
      code: "APPOINTMENT_REQUIRED",
    });
  });

  it("confirms only when nothing is owed or the charge is paid", () => {
    expect(planRepairTransition(facts("done", { owedFen: 15000 }), "confirm", "shopper")).toMatchObject({
      ok: false,
      code: "CHARGE_UNPAID",
      message: "请先支付维修费用，再确认完工",
    });
    expect(
      planRepairTransition(facts("done", { owedFen: 15000, chargePaid: true }), "confirm", "shopper"),
    ).toMatchObject({ ok: true, to: "confirmed" });
    expect(planRepairTransition(facts("done"), "confirm", "shopper")).toMatchObject({ ok: true });
  });

  it("can be cancelled before the technician is on site, by the shopper or staff", () => {
    for (const status of ["received", "awaiting_appointment"] as const)
      for (const actor of ["shopper", "merchant", "agent", "system"] as const)
        expect(planRepairTransition(facts(status), "cancel", actor)).toMatchObject({
          ok: true,
          to: "cancelled",
        });
  });

  it("lists the actions each party may take now", () => {
    expect(availableRepairActions(facts("received"), "agent")).toEqual(["assign", "cancel"]);
    expect(availableRepairActions(facts("awaiting_appointment"), "technician")).toEqual(["schedule"]);
    expect(
      availableRepairActions(facts("awaiting_appointment", { hasAppointment: true }), "technician"),
    ).toEqual(["schedule", "arrive"]);
    expect(availableRepairActions(facts("on_site"), "technician")).toEqual(["finish"]);
    expect(availableRepairActions(facts("done", { owedFen: 100 }), "shopper")).toEqual([]);
    expect(availableRepairActions(facts("done", { owedFen: 100, chargePaid: true }), "shopper")).toEqual([
      "confirm",
    ]);
    expect(availableRepairActions(facts("confirmed"), "merchant")).toEqual([]);
  });
});
