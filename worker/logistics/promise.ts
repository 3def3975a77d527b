// 预计送达: the delivery date a shopper is promised, from the order time, the destination and the
// merchant's rules. One pure function, used by the product page, the checkout and the order (which
// keeps the promise it was sold with). Dates are Beijing dates (UTC+8, no daylight saving).
import { regionMatches } from "./regions";

export interface DeliveryZone {
  /** Province, city or district codes; the first zone naming the destination wins. */
  regions: string[];
  leadDays: number;
}

export interface PromiseRules {
  /** Minutes after Beijing midnight: ordered before this, dispatched the same day. */
  cutoffMinute: number;
  defaultLeadDays: number;
  zones: DeliveryZone[];
  /** YYYY-MM-DD Beijing dates without deliveries. */
  noDeliveryDates: string[];
}

export interface DeliveryPromise {
  /** YYYY-MM-DD, Beijing. */
  date: string;
  /** 预计明天送达 / 预计12月9日（周三）送达 */
  text: string;
  /** Ordered before the cut-off: leaves the warehouse today. */
  dispatchToday: boolean;
}

const BEIJING_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const WEEKDAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

/** Beijing calendar day number (days since 1970-01-01 in Beijing). */
const beijingDay = (ms: number) => Math.floor((ms + BEIJING_MS) / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function deliveryPromise(
  nowMs: number,
  district: string | null,
  rules: PromiseRules,
): DeliveryPromise {
  const today = beijingDay(nowMs);
  const minuteOfDay = Math.floor(((nowMs + BEIJING_MS) % DAY_MS) / 60_000);
  const dispatchToday = minuteOfDay < rules.cutoffMinute;
  const zone =
    district === null
      ? undefined
      : rules.zones.find((z) => z.regions.some((r) => regionMatches(r, district)));
  const lead = zone?.leadDays ?? rules.defaultLeadDays;
  let day = today + (dispatchToday ? 0 : 1) + lead;
  const closed = new Set(rules.noDeliveryDates);
  // Bounded: a merchant's list of closed days is finite; never loop forever on a bad list.
  for (let i = 0; i < 366 && closed.has(isoOf(day)); i++) day++;
  const date = isoOf(day);
  const d = new Date(day * DAY_MS);
  const text =
    day === today
      ? "预计今天送达"
      : day === today + 1
        ? "预计明天送达"
        : day === today + 2
          ? "预计后天送达"
          : `预计${d.getUTCMonth() + 1}月${d.getUTCDate()}日（${WEEKDAYS[d.getUTCDay()]}）送达`;
  return { date, text, dispatchToday };
}
