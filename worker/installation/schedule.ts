// Installation calendar arithmetic. Pure. Stored times are UTC epoch ms; a slot's date and its
// windows ("09:00–12:00") are Beijing time (UTC+8, no DST), which is what shoppers and installers read.

export const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** How far ahead shoppers may book. */
export const BOOKING_HORIZON_DAYS = 14;
/** At most this many days of slots per generate request. */
export const MAX_GENERATE_DAYS = 62;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether `s` is a real calendar date written YYYY-MM-DD. */
export function isDate(s: string): boolean {
  const m = s.match(DATE_RE);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** The Beijing calendar date of an instant. */
export const beijingDate = (at: number): string =>
  new Date(at + BEIJING_OFFSET_MS).toISOString().slice(0, 10);

/** 00:00 Beijing time of a YYYY-MM-DD date, as UTC epoch ms. */
export function beijingMidnight(date: string): number {
  if (!isDate(date)) throw new Error(`not a date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`) - BEIJING_OFFSET_MS;
}

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Days from `from` to `to`, both included; empty when `to` is before `from`. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** "09:00" → 540. */
export function parseHm(hm: string): number {
  const m = hm.match(HM_RE);
  if (!m) throw new Error(`not a time: ${hm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}
export const isHm = (s: string) => HM_RE.test(s);
export const formatHm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** A daily slot window of an area, Beijing time. */
export interface SlotWindow {
  start: string;
  end: string;
  capacity: number;
}

/** Windows must be well-formed, start before they end, and not overlap. Returns a Chinese problem or null. */
export function windowsProblem(windows: readonly SlotWindow[]): string | null {
  const spans = windows.map((w) => ({ w, s: parseHm(w.start), e: parseHm(w.end) }));
  for (const { w, s, e } of spans) if (s >= e) return `时段 ${w.start}–${w.end} 的开始时间必须早于结束时间`;
  const sorted = [...spans].sort((a, b) => a.s - b.s);
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.s < sorted[i - 1]!.e)
      return `时段 ${sorted[i - 1]!.w.start}–${sorted[i - 1]!.w.end} 与 ${sorted[i]!.w.start}–${sorted[i]!.w.end} 重叠`;
  return null;
}

export interface PlannedSlot {
  date: string;
  startsAt: number;
  endsAt: number;
  capacity: number;
}

/** The slots of `windows` on every date from `from` to `to` (Beijing dates). */
export function planSlots(from: string, to: string, windows: readonly SlotWindow[]): PlannedSlot[] {
  return datesBetween(from, to).flatMap((date) => {
    const midnight = beijingMidnight(date);
    return windows.map((w) => ({
      date,
      startsAt: midnight + parseHm(w.start) * MINUTE_MS,
      endsAt: midnight + parseHm(w.end) * MINUTE_MS,
      capacity: w.capacity,
    }));
  });
}

/** "09:00–12:00" for a slot, in Beijing time. */
export const slotLabel = (startsAt: number, endsAt: number) =>
  `${new Date(startsAt + BEIJING_OFFSET_MS).toISOString().slice(11, 16)}–${new Date(endsAt + BEIJING_OFFSET_MS).toISOString().slice(11, 16)}`;

/**
 * Until when a booking may be changed (rescheduled or cancelled by the shopper) or a slot booked:
 * `minute` minutes after midnight, `daysBefore` days before the slot's date, Beijing time.
 * Installers plan their routes from the bookings at that moment.
 */
export interface ChangeCutoff {
  daysBefore: number;
  minute: number;
}

/** 18:00 Beijing time the day before the slot. */
export const DEFAULT_CUTOFF: ChangeCutoff = { daysBefore: 1, minute: 18 * 60 };

export const changeDeadline = (slotDate: string, cutoff: ChangeCutoff): number =>
  beijingMidnight(addDays(slotDate, -cutoff.daysBefore)) + cutoff.minute * MINUTE_MS;

/** True while the booking for a slot on `slotDate` may still be made or changed. */
export const beforeCutoff = (now: number, slotDate: string, cutoff: ChangeCutoff): boolean =>
  now < changeDeadline(slotDate, cutoff);

/** "服务前一天 18:00" / "服务当天 08:00" / "服务前 2 天 18:00". */
export function describeCutoff(cutoff: ChangeCutoff): string {
  const day =
    cutoff.daysBefore === 0
      ? "服务当天"
      : cutoff.daysBefore === 1
        ? "服务前一天"
        : `服务前 ${cutoff.daysBefore} 天`;
  return `${day} ${formatHm(cutoff.minute)}`;
}
