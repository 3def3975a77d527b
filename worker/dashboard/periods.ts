// The dashboard's reporting periods, in Beijing time (UTC+8, no DST), as UTC epoch-ms bounds. Pure.
const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;

/** yyyy-MM-dd of the Beijing day containing `ms`. */
export function beijingDay(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

export interface DashboardPeriods {
  todayStart: number;
  yesterdayStart: number;
  monthStart: number;
  /** First day of the sales chart (CHART_DAYS days ending today). */
  chartStart: number;
  /** The chart's days, oldest first, yyyy-MM-dd (Beijing). */
  chartDays: string[];
  /** The earliest bound any figure needs (one scan of paid orders from here). */
  from: number;
}

export const CHART_DAYS = 14;

export function dashboardPeriods(nowMs: number): DashboardPeriods {
  const todayStart = Math.floor((nowMs + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
  const yesterdayStart = todayStart - DAY_MS;
  const [y, m] = beijingDay(nowMs).split("-").map(Number) as [number, number];
  const monthStart = Date.UTC(y, m - 1, 1) - OFFSET_MS;
  const chartStart = todayStart - (CHART_DAYS - 1) * DAY_MS;
  const chartDays = Array.from({ length: CHART_DAYS }, (_, i) => beijingDay(chartStart + i * DAY_MS));
  return {
    todayStart,
    yesterdayStart,
    monthStart,
    chartStart,
    chartDays,
    from: Math.min(yesterdayStart, monthStart, chartStart),
  };
}

/** Average order value in fen (rounded), 0 when there were no orders. */
export const averageFen = (salesFen: number, orders: number) => (orders ? Math.round(salesFen / orders) : 0);
