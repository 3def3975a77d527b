import { describe, expect, it } from "vitest";
import {
  availableWorkOrderActions,
  holdsSlot,
  planWorkOrderTransition,
  WORK_ORDER_STATUSES,
  type WorkOrderAction,
  type WorkOrderActor,
  type WorkOrderStatus,
} from "./state-machine";

describe("work order state machine", () => {
  it("walks awaiting_booking → booked → rescheduled → on_the_way → done", () => {
    const steps: [WorkOrderAction, WorkOrderActor, WorkOrderStatus][] = [
      ["book", "shopper", "booked"],
      ["reschedule", "shopper", "rescheduled"],
      ["reschedule", "shopper", "rescheduled"],
      ["depart", "installer", "on_the_way"],
      ["complete", "installer", "done"],
    ];
    let status: WorkOrderStatus = "awaiting_booking";
    for (const [action, actor, to] of steps) {
      const plan = planWorkOrderTransition(status, action, actor);
      expect(plan).toMatchObject({ ok: true, from: status, to });
      if (plan.ok) status = plan.to;
    }
  });

  it("goes back to awaiting_booking when a booking is cancelled, and can be booked again", () => {
    expect(planWorkOrderTransition("booked", "cancel_booking", "shopper")).toMatchObject({
      to: "awaiting_booking",
    });
    expect(planWorkOrderTransition("rescheduled", "cancel_booking", "shopper")).toMatchObject({
      to: "awaiting_booking",
    });
    expect(planWorkOrderTransition("awaiting_booking", "book", "shopper")).toMatchObject({ to: "booked" });
  });

  it("refuses illegal transitions with a Chinese message", () => {
    expect(planWorkOrderTransition("booked", "book", "shopper")).toEqual({
      ok: false,
      code: "ILLEGAL_TRANSITION",
      message: "安装工单当前状态为「已预约」，不能预约",
    });
    expect(planWorkOrderTransition("awaiting_booking", "reschedule", "shopper").ok).toBe(false);
    expect(planWorkOrderTransition("awaiting_booking", "depart", "installer").ok).toBe(false);
    expect(planWorkOrderTransition("booked", "complete", "installer").ok).toBe(false);
    expect(planWorkOrderTransition("on_the_way", "reschedule", "shopper").ok).toBe(false);
    expect(planWorkOrderTransition("on_the_way", "cancel", "merchant").ok).toBe(false);
  });

  it("lets each actor do only its own part", () => {
    expect(planWorkOrderTransition("booked", "depart", "shopper")).toMatchObject({
      ok: false,
      code: "ACTOR_NOT_ALLOWED",
    });
    expect(planWorkOrderTransition("on_the_way", "complete", "merchant")).toMatchObject({
      code: "ACTOR_NOT_ALLOWED",
    });
    expect(planWorkOrderTransition("awaiting_booking", "book", "installer")).toMatchObject({
      code: "ACTOR_NOT_ALLOWED",
    });
    expect(planWorkOrderTransition("booked", "cancel", "shopper")).toMatchObject({
      code: "ACTOR_NOT_ALLOWED",
    });
    expect(planWorkOrderTransition("booked", "cancel", "merchant")).toMatchObject({
      ok: true,
      to: "cancelled",
    });
  });

  it("has no way out of done or cancelled", () => {
    for (const status of ["done", "cancelled"] as const)
      for (const actor of ["shopper", "installer", "merchant", "system"] as const)
        expect(availableWorkOrderActions(status, actor)).toEqual([]);
  });

  it("lists the shopper's buttons", () => {
    expect(availableWorkOrderActions("awaiting_booking", "shopper")).toEqual(["book"]);
    expect(availableWorkOrderActions("booked", "shopper")).toEqual(["reschedule", "cancel_booking"]);
    expect(availableWorkOrderActions("booked", "installer")).toEqual(["depart"]);
  });

  it("knows which statuses occupy a slot", () => {
    expect(WORK_ORDER_STATUSES.filter(holdsSlot)).toEqual(["booked", "rescheduled", "on_the_way", "done"]);
  });
});
