import { describe, expect, it } from "vitest";
import {
  confirmSlot,
  expireIfDue,
  type GroupState,
  holdSlot,
  nextWakeUp,
  openGroup,
  releaseSlot,
  slotsLeft,
} from "./group-slots";

const T = 1_000_000;
const hold = (
  s: GroupState,
  orderNo: string,
  shopperId: number,
  leader = false,
  holdUntil = T + 900_000,
  now = T,
) => holdSlot(s, { orderNo, shopperId, leader, holdUntil }, now);

function must<T extends { ok: boolean; state: GroupState }>(r: T): GroupState {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r)}`);
  return r.state;
}

/** A group of `size` whose leader (shopper 1, order L) has paid. */
function opened(size = 3, expiresAt = T + 3600_000) {
  let s = openGroup("G1", size, expiresAt);
  s = must(hold(s, "L", 1, true));
  return must(confirmSlot(s, "L", T));
}

describe("group slots", () => {
  it("the leader opens; joiners wait until the leader has paid", () => {
    let s = openGroup("G1", 2, T + 3600_000);
    expect(hold(s, "X", 2).ok === false && hold(s, "X", 2)).toMatchObject({ code: "NOT_OPEN" });
    s = must(hold(s, "L", 1, true));
    expect(hold(s, "X", 2)).toMatchObject({ ok: false, code: "NOT_OPEN" });
    s = must(confirmSlot(s, "L", T));
    expect(hold(s, "X", 2)).toMatchObject({ ok: true, slotsLeft: 0 });
  });

  it("never holds more slots than the group has, whatever the order of requests", () => {
    let s = opened(3);
    const results = Array.from({ length: 10 }, (_, i) => {
      const r = hold(s, `J${i}`, 10 + i);
      s = r.state;
      return r.ok;
    });
    expect(results.filter(Boolean)).toHaveLength(2);
    expect(slotsLeft(s, T)).toBe(0);
    expect(hold(s, "late", 99)).toMatchObject({ ok: false, code: "FULL" });
  });

  it("one slot per shopper; a retried hold of the same order is harmless", () => {
    let s = opened(4);
    s = must(hold(s, "A", 2));
    expect(hold(s, "A", 2)).toMatchObject({ ok: true, slotsLeft: 2 });
    expect(hold(s, "B", 2)).toMatchObject({ ok: false, code: "ALREADY_MEMBER" });
    expect(hold(s, "C", 1)).toMatchObject({ ok: false, code: "ALREADY_MEMBER" });
  });

  it("paying the last slot fills the group; a filled group takes nobody and keeps its slots", () => {
    let s = opened(3);
    s = must(hold(s, "A", 2));
    s = must(hold(s, "B", 3));
    const a = confirmSlot(s, "A", T);
    expect(a).toMatchObject({ ok: true, filled: false });
    const b = confirmSlot(a.state, "B", T);
    expect(b).toMatchObject({ ok: true, filled: true });
    s = b.state;
    expect(s.phase).toBe("filled");
    expect(confirmSlot(s, "B", T)).toMatchObject({ ok: true, filled: true }); // redelivered payment
    expect(hold(s, "C", 4)).toMatchObject({ ok: false, code: "FILLED" });
    expect(releaseSlot(s, "A")).toBe(s);
  });

  it("a lapsed hold frees its slot; its late payment re-takes one if free, else is refused", () => {
    let s = opened(2);
    s = must(hold(s, "A", 2, false, T + 1000));
    expect(hold(s, "B", 3, false, T + 5000, T + 500)).toMatchObject({ ok: false, code: "FULL" });
    // After A's hold lapsed, B takes the slot…
    s = must(hold(s, "B", 3, false, T + 5000, T + 2000));
    // …and A's late payment finds the group full.
    expect(confirmSlot(s, "A", T + 2500)).toMatchObject({ ok: false, code: "FULL" });
    // Had B not come, A's late payment would have re-taken the slot.
    let t = opened(2);
    t = must(hold(t, "A", 2, false, T + 1000));
    expect(confirmSlot(t, "A", T + 2000)).toMatchObject({ ok: true, filled: true });
  });

  it("a cancelled order frees its slot while the group is open", () => {
    let s = opened(2);
    s = must(hold(s, "A", 2));
    s = releaseSlot(s, "A");
    expect(slotsLeft(s, T)).toBe(1);
    expect(hold(s, "B", 3).ok).toBe(true);
  });

  it("expires at its deadline unless filled; no joins or payments after that", () => {
    const s = opened(3, T + 1000);
    expect(expireIfDue(s, T + 999).expiredNow).toBe(false);
    const { state, expiredNow } = expireIfDue(s, T + 1000);
    expect(expiredNow).toBe(true);
    expect(expireIfDue(state, T + 2000).expiredNow).toBe(false); // once
    expect(hold(state, "A", 2, false, T + 5000, T + 1001)).toMatchObject({ ok: false, code: "EXPIRED" });
    expect(confirmSlot(must(hold(s, "A", 2)), "A", T + 1000)).toMatchObject({ ok: false, code: "EXPIRED" });
  });

  it("wakes up at the deadline while open", () => {
    let s = opened(3, T + 10_000);
    s = must(hold(s, "A", 2, false, T + 4000));
    expect(nextWakeUp(s)).toBe(T + 10_000);
    expect(nextWakeUp(expireIfDue(s, T + 10_000).state)).toBeNull();
  });

  it("a group needs at least two members", () => {
    expect(() => openGroup("G", 1, T)).toThrow(RangeError);
  });
});
