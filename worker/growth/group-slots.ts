// A group's slots, pure: the Durable Object (durable-objects/group-buy.ts) keeps one GroupState and
// applies these functions to it with no await between reading and writing, so concurrent joins are
// decided one after another and a group is never overfilled. Every function returns a new state.

export type GroupPhase = "open" | "filled" | "expired";

export interface Slot {
  orderNo: string;
  shopperId: number;
  leader: boolean;
  /** held: the order is placed, not paid (the slot is kept until `holdUntil`); paid: confirmed. */
  state: "held" | "paid";
  holdUntil: number;
}

export interface GroupState {
  groupNo: string;
  size: number;
  expiresAt: number;
  phase: GroupPhase;
  slots: Slot[];
}

export type SlotRefusal = "FULL" | "EXPIRED" | "FILLED" | "ALREADY_MEMBER" | "NOT_OPEN" | "UNKNOWN_ORDER";

export type SlotResult<T = object> =
  | ({ ok: true; state: GroupState } & T)
  | { ok: false; code: SlotRefusal; state: GroupState };

const live = (s: GroupState, now: number) => s.slots.filter((x) => x.state === "paid" || x.holdUntil > now);
export const paidCount = (s: GroupState) => s.slots.filter((x) => x.state === "paid").length;
export const slotsLeft = (s: GroupState, now: number) => Math.max(0, s.size - live(s, now).length);

export function openGroup(groupNo: string, size: number, expiresAt: number): GroupState {
  if (!Number.isInteger(size) || size < 2) throw new RangeError("group size must be an integer ≥ 2");
  return { groupNo, size, expiresAt, phase: "open", slots: [] };
}

/**
 * A shopper places an order into the group: a slot is held until `holdUntil` (the order's pay deadline).
 * The leader's slot is the first; others may join only once the leader has paid. Holding the same order
 * again is harmless (a retried request).
 */
export function holdSlot(
  s: GroupState,
  req: { orderNo: string; shopperId: number; leader: boolean; holdUntil: number },
  now: number,
): SlotResult<{ slotsLeft: number }> {
  // A lapsed hold stays listed (its late payment may still take a free slot) but no longer counts.
  const same = s.slots.find((x) => x.orderNo === req.orderNo);
  if (same) return { ok: true, state: s, slotsLeft: slotsLeft(s, now) };
  if (s.phase === "filled") return { ok: false, code: "FILLED", state: s };
  if (s.phase === "expired" || s.expiresAt <= now) return { ok: false, code: "EXPIRED", state: s };
  if (live(s, now).some((x) => x.shopperId === req.shopperId))
    return { ok: false, code: "ALREADY_MEMBER", state: s };
  const leaderPaid = s.slots.some((x) => x.leader && x.state === "paid");
  if (req.leader ? s.slots.length > 0 : !leaderPaid) return { ok: false, code: "NOT_OPEN", state: s };
  if (live(s, now).length >= s.size) return { ok: false, code: "FULL", state: s };
  const next = { ...s, slots: [...s.slots, { ...req, state: "held" as const }] };
  return { ok: true, state: next, slotsLeft: slotsLeft(next, now) };
}

/**
 * The order was paid: its slot is confirmed. A hold that lapsed is taken again if there is still room
 * (a payment that arrived just after the deadline). Filling the last slot fills the group.
 */
export function confirmSlot(s: GroupState, orderNo: string, now: number): SlotResult<{ filled: boolean }> {
  const slot = s.slots.find((x) => x.orderNo === orderNo);
  if (slot?.state === "paid") return { ok: true, state: s, filled: s.phase === "filled" };
  if (s.phase === "expired" || (s.phase === "open" && s.expiresAt <= now))
    return { ok: false, code: "EXPIRED", state: s };
  if (s.phase === "filled") return { ok: false, code: "FILLED", state: s };
  if (!slot) return { ok: false, code: "UNKNOWN_ORDER", state: s };
  // The hold lapsed: the payment takes a slot again if one is free.
  if (slot.holdUntil <= now && live(s, now).length >= s.size) return { ok: false, code: "FULL", state: s };
  const slots = s.slots.map((x) => (x.orderNo === orderNo ? { ...x, state: "paid" as const } : x));
  const filled = slots.filter((x) => x.state === "paid").length >= s.size;
  // Lapsed holds are dropped once the group fills: their payments can no longer get in.
  const kept = filled ? slots.filter((x) => x.state === "paid") : slots;
  return { ok: true, state: { ...s, slots: kept, phase: filled ? "filled" : "open" }, filled };
}

/** The order was cancelled: its slot is freed (a filled group keeps its slots: it has shipped or will). */
export function releaseSlot(s: GroupState, orderNo: string): GroupState {
  if (s.phase === "filled" || !s.slots.some((x) => x.orderNo === orderNo)) return s;
  return { ...s, slots: s.slots.filter((x) => x.orderNo !== orderNo) };
}

/** At the deadline an unfilled group expires; the orders to cancel and refund are every member's. */
export function expireIfDue(s: GroupState, now: number): { state: GroupState; expiredNow: boolean } {
  if (s.phase !== "open" || s.expiresAt > now) return { state: s, expiredNow: false };
  return { state: { ...s, phase: "expired" }, expiredNow: true };
}

/** When the object should wake next: the group's deadline (lapsed holds need no wake-up: counting skips them). */
export function nextWakeUp(s: GroupState): number | null {
  return s.phase === "open" ? s.expiresAt : null;
}
