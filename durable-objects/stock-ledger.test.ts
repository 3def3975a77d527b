import { describe, expect, it } from "vitest";
import {
  adjust,
  availableOf,
  confirm,
  emptyState,
  expire,
  type Reservation,
  release,
  reReserve,
  reserve,
  returnToStock,
  revert,
  type StockState,
  setThreshold,
  shanghaiDay,
  type Transition,
} from "./stock-ledger";

const T0 = Date.UTC(2026, 10, 27, 10, 0, 0);
const who = { reason: "入库", actor: "staff:1" };

/** A tiny in-memory "object": applies transitions the way StockCounter does. */
class Sim {
  state: StockState;
  reservations = new Map<string, Reservation>();
  alerts: number[] = [];
  sales = 0;
  constructor(onHand = 0) {
    this.state = emptyState(7, T0);
    if (onHand) this.apply(adjust(this.state, { mode: "restock", quantity: onHand }, who, T0));
  }
  apply<R>(t: Transition<R>): R {
    this.state = t.state;
    if (t.reservation) this.reservations.set(t.reservation.orderNo, t.reservation);
    if (t.deleteReservation) this.reservations.delete(t.deleteReservation);
    if (t.alert) this.alerts.push(t.alert.seq);
    this.sales += t.salesDelta ?? 0;
    return t.result;
  }
  reserve(orderNo: string, qty: number, now = T0, ttlMs = 60_000) {
    return this.apply(reserve(this.state, this.reservations.get(orderNo), { orderNo, qty, ttlMs }, now));
  }
  confirm(orderNo: string, now = T0, reReserve = false) {
    return this.apply(confirm(this.state, this.reservations.get(orderNo), { reReserve }, now));
  }
  release(orderNo: string, compensation = false) {
    return this.apply(
      release(this.state, this.reservations.get(orderNo), { compensation, reason: null }, T0),
    );
  }
  expireAll(now: number) {
    for (const r of [...this.reservations.values()]) this.apply(expire(this.state, r, now));
  }
  invariant() {
    const s = this.state;
    expect(s.onHand).toBe(availableOf(s) + s.reserved + s.sold);
    expect(Math.min(availableOf(s), s.reserved, s.sold)).toBeGreaterThanOrEqual(0);
    const held = [...this.reservations.values()].filter((r) => r.status === "held");
    expect(s.reserved).toBe(held.reduce((n, r) => n + r.qty, 0));
  }
}

describe("reserve", () => {
  it("holds units all-or-nothing and refuses more than available", () => {
    const sim = new Sim(5);
    expect(sim.reserve("a", 3)).toMatchObject({ ok: true, status: "held", duplicate: false });
    expect(sim.reserve("b", 3)).toEqual({ ok: false, code: "OUT_OF_STOCK", available: 2 });
    expect(sim.state).toMatchObject({ onHand: 5, reserved: 3, sold: 0 });
    sim.invariant();
  });

  it("is idempotent by order number and rejects a changed quantity for the same order", () => {
    const sim = new Sim(5);
    sim.reserve("a", 2);
    const v = sim.state.version;
    expect(sim.reserve("a", 2)).toMatchObject({ ok: true, duplicate: true });
    expect(sim.reserve("a", 3)).toEqual({ ok: false, code: "ORDER_QTY_MISMATCH", qty: 2 });
    expect(sim.state.reserved).toBe(2);
    expect(sim.state.version).toBe(v);
  });

  it("refuses malformed quantities instead of corrupting the counts", () => {
    const sim = new Sim(5);
    sim.reserve("a", 3);
    for (const qty of [0, -1, 1.5, Number.NaN])
      expect(() => sim.reserve(`bad${qty}`, qty)).toThrow(RangeError);
    expect(() => adjust(sim.state, { mode: "restock", quantity: -2 }, who, T0)).toThrow(RangeError);
    expect(() => adjust(sim.state, { mode: "set", available: -1 }, who, T0)).not.toThrow();
    expect(sim.state.reserved).toBe(3);
  });

  it("never sells more than on hand over any sequence of reserves", () => {
    const sim = new Sim(50);
    const ok = Array.from({ length: 500 }, (_, i) => sim.reserve(`o${i}`, 1 + (i % 3))).filter((r) => r.ok);
    expect(sim.state.reserved).toBeLessThanOrEqual(50);
    expect(ok.length).toBeGreaterThan(0);
    sim.invariant();
  });
});

describe("confirm, release, expiry", () => {
  it("confirm moves held units to sold once, however often it is repeated", () => {
    const sim = new Sim(5);
    sim.reserve("a", 2);
    expect(sim.confirm("a")).toEqual({ ok: true, changed: true, qty: 2 });
    expect(sim.confirm("a")).toEqual({ ok: true, changed: false, qty: 2 });
    expect(sim.state).toMatchObject({ reserved: 0, sold: 2 });
    expect(sim.sales).toBe(2);
    sim.invariant();
  });

  it("expiry is idempotent and returns the units; a late confirm is refused", () => {
    const sim = new Sim(5);
    sim.reserve("a", 4, T0, 1000);
    sim.expireAll(T0 + 999);
    expect(sim.state.reserved).toBe(4);
    sim.expireAll(T0 + 1000);
    sim.expireAll(T0 + 5000); // a second (at-least-once) alarm
    expect(sim.state).toMatchObject({ reserved: 0, sold: 0 });
    expect(availableOf(sim.state)).toBe(5);
    expect(sim.confirm("a", T0 + 6000)).toEqual({ ok: false, code: "RESERVATION_EXPIRED", qty: 4 });
    expect(sim.state.sold).toBe(0);
    sim.invariant();
  });

  it("a late confirm with explicit re-reserve sells only if the units are still there", () => {
    const sim = new Sim(5);
    sim.reserve("a", 4, T0, 1000);
    sim.expireAll(T0 + 2000);
    sim.reserve("b", 3, T0 + 2000);
    expect(sim.confirm("a", T0 + 3000, true)).toEqual({ ok: false, code: "OUT_OF_STOCK", available: 2 });
    sim.release("b");
    expect(sim.confirm("a", T0 + 3000, true)).toEqual({ ok: true, changed: true, qty: 4 });
    expect(sim.confirm("a", T0 + 3000, true)).toEqual({ ok: true, changed: false, qty: 4 });
    expect(sim.state).toMatchObject({ sold: 4, reserved: 0 });
    sim.invariant();
  });

  it("reReserve holds an expired reservation again, once", () => {
    const sim = new Sim(3);
    sim.reserve("a", 2, T0, 1000);
    sim.expireAll(T0 + 1000);
    const r1 = sim.apply(reReserve(sim.state, sim.reservations.get("a"), { ttlMs: 500 }, T0 + 2000));
    expect(r1).toMatchObject({ ok: true, changed: true, expiresAt: T0 + 2500 });
    const r2 = sim.apply(reReserve(sim.state, sim.reservations.get("a"), { ttlMs: 500 }, T0 + 2000));
    expect(r2).toMatchObject({ ok: true, changed: false });
    expect(sim.state.reserved).toBe(2);
    expect(sim.apply(reReserve(sim.state, undefined, { ttlMs: 1 }, T0))).toEqual({
      ok: false,
      code: "RESERVATION_NOT_FOUND",
    });
    sim.invariant();
  });

  it("release is idempotent, refuses sold units, and a compensation forgets the order", () => {
    const sim = new Sim(5);
    sim.reserve("a", 2);
    expect(sim.release("a")).toEqual({ ok: true, changed: true });
    expect(sim.release("a")).toEqual({ ok: true, changed: false });
    expect(sim.reserve("a", 2)).toEqual({ ok: false, code: "RESERVATION_CLOSED", status: "released" });
    sim.reserve("b", 1);
    sim.release("b", true);
    expect(sim.reservations.has("b")).toBe(false);
    expect(sim.reserve("b", 1)).toMatchObject({ ok: true, duplicate: false });
    sim.confirm("b");
    expect(sim.release("b")).toEqual({ ok: false, code: "ALREADY_SOLD" });
    expect(sim.release("never")).toEqual({ ok: true, changed: false });
    sim.invariant();
  });

  it("revert un-sells a confirmed order once", () => {
    const sim = new Sim(5);
    sim.reserve("a", 2);
    sim.confirm("a");
    expect(sim.apply(revert(sim.state, sim.reservations.get("a"), T0))).toEqual({ ok: true, changed: true });
    expect(sim.apply(revert(sim.state, sim.reservations.get("a"), T0))).toEqual({ ok: true, changed: false });
    expect(sim.state).toMatchObject({ sold: 0, reserved: 0, onHand: 5 });
    expect(sim.sales).toBe(0);
    sim.invariant();
  });
});

describe("returns and merchant adjustments", () => {
  it("returns never exceed what the order bought", () => {
    const sim = new Sim(5);
    sim.reserve("a", 3);
    expect(sim.apply(returnToStock(sim.state, sim.reservations.get("a"), { qty: 1, ...who }, T0))).toEqual({
      ok: false,
      code: "NOT_SOLD",
    });
    sim.confirm("a");
    const ret = (qty: number) =>
      sim.apply(returnToStock(sim.state, sim.reservations.get("a"), { qty, ...who }, T0));
    expect(ret(2)).toEqual({ ok: true });
    expect(ret(2)).toEqual({ ok: false, code: "RETURN_EXCEEDS_SOLD", returnable: 1 });
    expect(sim.state).toMatchObject({ sold: 1, onHand: 5 });
    expect(availableOf(sim.state)).toBe(4);
    sim.invariant();
  });

  it("adjust can take away only available units; set targets available", () => {
    const sim = new Sim(10);
    sim.reserve("a", 4);
    expect(sim.apply(adjust(sim.state, { mode: "delta", delta: -7 }, who, T0))).toEqual({
      ok: false,
      code: "INSUFFICIENT_AVAILABLE",
      available: 6,
    });
    expect(sim.apply(adjust(sim.state, { mode: "delta", delta: -6 }, who, T0))).toEqual({
      ok: true,
      changed: true,
    });
    expect(sim.apply(adjust(sim.state, { mode: "set", available: 20 }, who, T0))).toEqual({
      ok: true,
      changed: true,
    });
    expect(availableOf(sim.state)).toBe(20);
    expect(sim.state).toMatchObject({ onHand: 24, reserved: 4 });
    const v = sim.state.version;
    expect(sim.apply(adjust(sim.state, { mode: "set", available: 20 }, who, T0))).toEqual({
      ok: true,
      changed: false,
    });
    expect(sim.state.version).toBe(v);
    sim.invariant();
  });

  it("every change bumps the version exactly once", () => {
    const sim = new Sim(3);
    const v0 = sim.state.version;
    sim.reserve("a", 1);
    sim.reserve("a", 1);
    sim.reserve("b", 9);
    sim.confirm("a");
    expect(sim.state.version).toBe(v0 + 2);
  });
});

describe("low-stock alerts", () => {
  it("alerts once when available falls below the threshold, re-armed only by restocking above it", () => {
    const sim = new Sim(10);
    sim.apply(setThreshold(sim.state, 5, T0));
    expect(sim.alerts).toEqual([]);
    for (let i = 0; i < 8; i++) sim.reserve(`o${i}`, 1); // available 10 → 2
    expect(sim.alerts).toEqual([1]);
    sim.release("o0"); // back to 3: still below, and a release does not re-arm
    sim.expireAll(T0 + 3600_000); // all back to 10 by expiry: does not re-arm either
    expect(sim.state.alertArmed).toBe(false);
    for (let i = 10; i < 18; i++) sim.reserve(`o${i}`, 1);
    expect(sim.alerts).toEqual([1]);
    sim.apply(adjust(sim.state, { mode: "restock", quantity: 10 }, who, T0)); // 12 ≥ 5: re-armed
    expect(sim.state.alertArmed).toBe(true);
    for (let i = 20; i < 28; i++) sim.reserve(`o${i}`, 1); // 12 → 4
    expect(sim.alerts).toEqual([1, 2]);
  });

  it("a restock that stays below the threshold does not re-arm", () => {
    const sim = new Sim(3);
    sim.apply(setThreshold(sim.state, 5, T0));
    expect(sim.alerts).toEqual([1]); // already below when the threshold is set
    sim.apply(adjust(sim.state, { mode: "restock", quantity: 1 }, who, T0));
    expect(sim.state.alertArmed).toBe(false);
    sim.apply(setThreshold(sim.state, 5, T0)); // unchanged threshold: no new alert
    expect(sim.alerts).toEqual([1]);
  });

  it("no threshold, no alerts", () => {
    const sim = new Sim(2);
    sim.reserve("a", 2);
    expect(sim.alerts).toEqual([]);
  });
});

describe("shanghaiDay", () => {
  it("uses the Beijing-time date", () => {
    expect(shanghaiDay(Date.UTC(2026, 10, 27, 15, 59))).toBe("2026-11-27");
    expect(shanghaiDay(Date.UTC(2026, 10, 27, 16, 0))).toBe("2026-11-28");
  });
});
