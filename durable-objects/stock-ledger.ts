/**
 * The stock state machine of one SKU, as plain functions: no storage, no clock, no I/O.
 * StockCounter (the Durable Object) reads the current state and reservation, calls one of these,
 * and writes what it returns, all without an await in between, so every transition is a
 * check-and-write that no other request can interleave with.
 *
 * Quantities: `onHand` counts every unit the store has had to sell (received, minus write-offs,
 * plus returns); sold units stay in it until they are returned. So at all times
 *   onHand = available + reserved + sold,  and available, reserved, sold >= 0.
 */

export type ReservationStatus = "held" | "confirmed" | "released" | "expired";

export interface StockState {
  skuId: number;
  onHand: number;
  reserved: number;
  sold: number;
  /** Low-stock alert threshold on available units; null = no alerts. */
  threshold: number | null;
  /** True while the next drop below the threshold should raise an alert. */
  alertArmed: boolean;
  /** Counts alerts raised so far; the dedupe key of each notification. */
  alertSeq: number;
  /** Bumped on every change: snapshots in libSQL carry it so a stale publish never wins. */
  version: number;
  updatedAt: number;
}

export interface Reservation {
  orderNo: string;
  qty: number;
  status: ReservationStatus;
  expiresAt: number;
  /** Units of a confirmed reservation already returned to stock. */
  returnedQty: number;
  createdAt: number;
  updatedAt: number;
}

export type LedgerKind =
  | "reserve"
  | "confirm"
  | "re_reserve"
  | "re_reserve_confirm"
  | "release"
  | "expire"
  | "revert"
  | "return"
  | "restock"
  | "adjust"
  | "set";

export interface LedgerEntry {
  kind: LedgerKind;
  orderNo: string | null;
  dOnHand: number;
  dReserved: number;
  dSold: number;
  reason: string | null;
  actor: string | null;
}

export interface LowStockAlert {
  seq: number;
  available: number;
  threshold: number;
}

/** What a transition asks the object to write. A rejected or repeated command writes nothing. */
export interface Transition<R> {
  result: R;
  state: StockState;
  /** Reservation row to insert or replace. */
  reservation?: Reservation;
  /** Drop the reservation row (a compensation leaves no trace, so the order number can retry). */
  deleteReservation?: string;
  ledger?: LedgerEntry;
  /** Units sold (+) or un-sold (−) now, for the daily sales series. */
  salesDelta?: number;
  alert?: LowStockAlert;
}

export const availableOf = (s: Pick<StockState, "onHand" | "reserved" | "sold">) =>
  s.onHand - s.reserved - s.sold;

export function emptyState(skuId: number, now: number): StockState {
  return {
    skuId,
    onHand: 0,
    reserved: 0,
    sold: 0,
    threshold: null,
    alertArmed: true,
    alertSeq: 0,
    version: 0,
    updatedAt: now,
  };
}

/** Callers validate input; this keeps a caller's bug from corrupting the counts (a negative hold would). */
function assertUnits(n: number, what: string, allowZeroOrNegative = false) {
  if (!Number.isSafeInteger(n) || (!allowZeroOrNegative && n <= 0))
    throw new RangeError(`invalid ${what}: ${n}`);
}

const unchanged = <R>(state: StockState, result: R): Transition<R> => ({ result, state });

/** Merchant actions that put units back on the shelf re-arm the low-stock alert once above it. */
const REARMING: ReadonlySet<LedgerKind> = new Set(["restock", "adjust", "set", "return"]);

function changed<R>(
  before: StockState,
  d: { onHand?: number; reserved?: number; sold?: number },
  entry: Omit<LedgerEntry, "dOnHand" | "dReserved" | "dSold">,
  now: number,
  result: R,
  extra: Omit<Transition<R>, "result" | "state" | "ledger" | "alert"> = {},
): Transition<R> {
  const dOnHand = d.onHand ?? 0;
  const dReserved = d.reserved ?? 0;
  const dSold = d.sold ?? 0;
  let state: StockState = {
    ...before,
    onHand: before.onHand + dOnHand,
    reserved: before.reserved + dReserved,
    sold: before.sold + dSold,
    version: before.version + 1,
    updatedAt: now,
  };
  assertInvariant(state);
  const evaluated = evaluateAlert(state, REARMING.has(entry.kind));
  state = evaluated.state;
  const alert = evaluated.alert;
  return {
    result,
    state,
    ledger: { ...entry, dOnHand, dReserved, dSold },
    ...extra,
    ...(alert ? { alert } : {}),
  };
}

/** A bug guard: the transitions below check before they write, so this never fires on client input. */
export function assertInvariant(s: StockState) {
  if (s.reserved < 0 || s.sold < 0 || availableOf(s) < 0)
    throw new Error(`stock invariant broken: ${JSON.stringify(s)}`);
}

/**
 * Re-arms (when `rearm` and available is back at or above the threshold) and raises at most one
 * alert per arming when available drops below the threshold.
 */
export function evaluateAlert(s: StockState, rearm: boolean): { state: StockState; alert?: LowStockAlert } {
  if (s.threshold === null || s.threshold <= 0) return { state: s };
  const available = availableOf(s);
  if (available >= s.threshold) return { state: rearm && !s.alertArmed ? { ...s, alertArmed: true } : s };
  if (!s.alertArmed) return { state: s };
  const seq = s.alertSeq + 1;
  return {
    state: { ...s, alertArmed: false, alertSeq: seq },
    alert: { seq, available, threshold: s.threshold },
  };
}

// ---------- order-driven transitions ----------

export type ReserveResult =
  | { ok: true; status: "held" | "confirmed"; expiresAt: number; duplicate: boolean }
  | { ok: false; code: "OUT_OF_STOCK"; available: number }
  | { ok: false; code: "ORDER_QTY_MISMATCH"; qty: number }
  | { ok: false; code: "RESERVATION_CLOSED"; status: "released" | "expired" };

/** All or nothing, idempotent by order number: a repeated reserve returns the first one's outcome. */
export function reserve(
  s: StockState,
  existing: Reservation | undefined,
  cmd: { orderNo: string; qty: number; ttlMs: number },
  now: number,
): Transition<ReserveResult> {
  assertUnits(cmd.qty, "quantity");
  assertUnits(cmd.ttlMs, "ttl");
  if (existing) {
    if (existing.status === "released" || existing.status === "expired")
      return unchanged(s, { ok: false, code: "RESERVATION_CLOSED", status: existing.status });
    if (existing.qty !== cmd.qty)
      return unchanged(s, { ok: false, code: "ORDER_QTY_MISMATCH", qty: existing.qty });
    return unchanged(s, {
      ok: true,
      status: existing.status,
      expiresAt: existing.expiresAt,
      duplicate: true,
    });
  }
  const available = availableOf(s);
  if (available < cmd.qty) return unchanged(s, { ok: false, code: "OUT_OF_STOCK", available });
  const expiresAt = now + cmd.ttlMs;
  return changed(
    s,
    { reserved: cmd.qty },
    { kind: "reserve", orderNo: cmd.orderNo, reason: null, actor: null },
    now,
    { ok: true, status: "held", expiresAt, duplicate: false },
    {
      reservation: {
        orderNo: cmd.orderNo,
        qty: cmd.qty,
        status: "held",
        expiresAt,
        returnedQty: 0,
        createdAt: now,
        updatedAt: now,
      },
    },
  );
}

export type ConfirmResult =
  | { ok: true; changed: boolean; qty: number }
  | { ok: false; code: "RESERVATION_NOT_FOUND" }
  | { ok: false; code: "RESERVATION_EXPIRED" | "RESERVATION_RELEASED"; qty: number }
  | { ok: false; code: "OUT_OF_STOCK"; available: number };

/**
 * The order is paid: held units become sold. A reservation that already expired or was released
 * is refused unless `reReserve` says to take the units again, explicitly, from what is available now.
 * Call after `expireDue`, so a reservation past its time is expired even if the alarm is late.
 */
export function confirm(
  s: StockState,
  r: Reservation | undefined,
  cmd: { reReserve: boolean },
  now: number,
): Transition<ConfirmResult> {
  if (!r) return unchanged(s, { ok: false, code: "RESERVATION_NOT_FOUND" });
  if (r.status === "confirmed") return unchanged(s, { ok: true, changed: false, qty: r.qty });
  const entry = { orderNo: r.orderNo, reason: null, actor: null };
  const sold: Reservation = { ...r, status: "confirmed", updatedAt: now };
  if (r.status === "held")
    return changed(
      s,
      { reserved: -r.qty, sold: r.qty },
      { ...entry, kind: "confirm" },
      now,
      { ok: true, changed: true, qty: r.qty },
      { reservation: sold, salesDelta: r.qty },
    );
  if (!cmd.reReserve)
    return unchanged(s, {
      ok: false,
      code: r.status === "expired" ? "RESERVATION_EXPIRED" : "RESERVATION_RELEASED",
      qty: r.qty,
    });
  const available = availableOf(s);
  if (available < r.qty) return unchanged(s, { ok: false, code: "OUT_OF_STOCK", available });
  return changed(
    s,
    { sold: r.qty },
    { ...entry, kind: "re_reserve_confirm" },
    now,
    { ok: true, changed: true, qty: r.qty },
    { reservation: sold, salesDelta: r.qty },
  );
}

export type ReReserveResult =
  | { ok: true; status: "held" | "confirmed"; expiresAt: number; changed: boolean }
  | { ok: false; code: "RESERVATION_NOT_FOUND" }
  | { ok: false; code: "OUT_OF_STOCK"; available: number };

/** Explicitly holds the units of an expired or released reservation again, if they are available. */
export function reReserve(
  s: StockState,
  r: Reservation | undefined,
  cmd: { ttlMs: number },
  now: number,
): Transition<ReReserveResult> {
  assertUnits(cmd.ttlMs, "ttl");
  if (!r) return unchanged(s, { ok: false, code: "RESERVATION_NOT_FOUND" });
  if (r.status === "held" || r.status === "confirmed")
    return unchanged(s, { ok: true, status: r.status, expiresAt: r.expiresAt, changed: false });
  const available = availableOf(s);
  if (available < r.qty) return unchanged(s, { ok: false, code: "OUT_OF_STOCK", available });
  const expiresAt = now + cmd.ttlMs;
  return changed(
    s,
    { reserved: r.qty },
    { kind: "re_reserve", orderNo: r.orderNo, reason: null, actor: null },
    now,
    { ok: true, status: "held", expiresAt, changed: true },
    { reservation: { ...r, status: "held", expiresAt, updatedAt: now } },
  );
}

export type ReleaseResult = { ok: true; changed: boolean } | { ok: false; code: "ALREADY_SOLD" };

/**
 * Cancels a hold (idempotent: releasing twice, or something never reserved, is a no-op).
 * `compensation` — undoing a failed multi-SKU reserve — deletes the row, so a later checkout
 * retry with the same order number can reserve afresh; a cancellation keeps it as `released`.
 */
export function release(
  s: StockState,
  r: Reservation | undefined,
  cmd: { compensation: boolean; reason: string | null },
  now: number,
): Transition<ReleaseResult> {
  if (!r || r.status === "released" || r.status === "expired")
    return unchanged(s, { ok: true, changed: false });
  if (r.status === "confirmed") return unchanged(s, { ok: false, code: "ALREADY_SOLD" });
  return changed(
    s,
    { reserved: -r.qty },
    {
      kind: "release",
      orderNo: r.orderNo,
      reason: cmd.compensation ? "compensation" : cmd.reason,
      actor: null,
    },
    now,
    { ok: true, changed: true },
    cmd.compensation
      ? { deleteReservation: r.orderNo }
      : { reservation: { ...r, status: "released", updatedAt: now } },
  );
}

/** A hold past its time returns its units. Idempotent: alarms are at-least-once. */
export function expire(s: StockState, r: Reservation, now: number): Transition<{ expired: boolean }> {
  if (r.status !== "held" || r.expiresAt > now) return unchanged(s, { expired: false });
  return changed(
    s,
    { reserved: -r.qty },
    { kind: "expire", orderNo: r.orderNo, reason: null, actor: null },
    now,
    { expired: true },
    { reservation: { ...r, status: "expired", updatedAt: now } },
  );
}

export type RevertResult = { ok: true; changed: boolean } | { ok: false; code: "NOT_SOLD" };

/** Undoes a confirm whose multi-SKU payment could not be completed: the units go back on sale. */
export function revert(s: StockState, r: Reservation | undefined, now: number): Transition<RevertResult> {
  if (!r || r.status === "released" || r.status === "expired")
    return unchanged(s, { ok: true, changed: false });
  if (r.status !== "confirmed") return unchanged(s, { ok: false, code: "NOT_SOLD" });
  const qty = r.qty - r.returnedQty;
  return changed(
    s,
    { sold: -qty },
    { kind: "revert", orderNo: r.orderNo, reason: null, actor: null },
    now,
    { ok: true, changed: true },
    { reservation: { ...r, status: "released", updatedAt: now }, salesDelta: -qty },
  );
}

export type ReturnResult =
  | { ok: true }
  | { ok: false; code: "NOT_SOLD" }
  | { ok: false; code: "RETURN_EXCEEDS_SOLD"; returnable: number };

/** Returned goods go back to available stock; never more than the order bought. */
export function returnToStock(
  s: StockState,
  r: Reservation | undefined,
  cmd: { qty: number; reason: string; actor: string },
  now: number,
): Transition<ReturnResult> {
  assertUnits(cmd.qty, "quantity");
  if (r?.status !== "confirmed") return unchanged(s, { ok: false, code: "NOT_SOLD" });
  const returnable = r.qty - r.returnedQty;
  if (cmd.qty > returnable) return unchanged(s, { ok: false, code: "RETURN_EXCEEDS_SOLD", returnable });
  return changed(
    s,
    { sold: -cmd.qty },
    { kind: "return", orderNo: r.orderNo, reason: cmd.reason, actor: cmd.actor },
    now,
    { ok: true },
    { reservation: { ...r, returnedQty: r.returnedQty + cmd.qty, updatedAt: now }, salesDelta: -cmd.qty },
  );
}

// ---------- merchant transitions ----------

export type AdjustCommand =
  | { mode: "restock"; quantity: number }
  | { mode: "delta"; delta: number }
  | { mode: "set"; available: number };

export type AdjustResult =
  | { ok: true; changed: boolean }
  | { ok: false; code: "INSUFFICIENT_AVAILABLE"; available: number };

/**
 * Restock (+N received), adjust (±N, e.g. damaged or a count correction) or set available to N.
 * Only available units can be taken away: held and sold units belong to orders.
 */
export function adjust(
  s: StockState,
  cmd: AdjustCommand,
  who: { reason: string; actor: string },
  now: number,
): Transition<AdjustResult> {
  if (cmd.mode === "restock") assertUnits(cmd.quantity, "quantity");
  else if (cmd.mode === "delta") assertUnits(cmd.delta, "delta", true);
  else assertUnits(cmd.available, "available", true);
  const available = availableOf(s);
  const delta =
    cmd.mode === "restock" ? cmd.quantity : cmd.mode === "delta" ? cmd.delta : cmd.available - available;
  if (available + delta < 0) return unchanged(s, { ok: false, code: "INSUFFICIENT_AVAILABLE", available });
  if (delta === 0) return unchanged(s, { ok: true, changed: false });
  const kind: LedgerKind = cmd.mode === "delta" ? "adjust" : cmd.mode;
  return changed(s, { onHand: delta }, { kind, orderNo: null, reason: who.reason, actor: who.actor }, now, {
    ok: true,
    changed: true,
  });
}

/** A new threshold re-arms the alert, and alerts at once if stock is already below it. */
export function setThreshold(s: StockState, threshold: number | null, now: number): Transition<{ ok: true }> {
  if (threshold !== null) assertUnits(threshold, "threshold");
  if (s.threshold === threshold) return unchanged(s, { ok: true });
  const next: StockState = { ...s, threshold, alertArmed: true, version: s.version + 1, updatedAt: now };
  const { state, alert } = evaluateAlert(next, true);
  return { result: { ok: true }, state, ...(alert ? { alert } : {}) };
}

/** The sales day of a moment: the store trades on Beijing time (UTC+8, no DST). */
export const shanghaiDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
