import { and, count, eq, gt, gte, inArray, lt, ne, sql } from "drizzle-orm";
import { afterSaleCases } from "../after-sales/cases/schema";
import { repairWorkOrders } from "../after-sales/repair/schema";
import { conversations } from "../chat/schema";
import type { Db } from "../db/client";
import { stockSnapshots } from "../inventory/schema";
import { orders } from "../orders/schema";
import { averageFen, dashboardPeriods } from "./periods";

/** Beijing day of a paid_at (epoch ms), computed in SQLite. */
const paidDay = sql<string>`date((${orders.paidAt} + 28800000) / 1000, 'unixepoch')`;
const sumIf = (from: number, to: number) =>
  sql<number>`coalesce(sum(case when ${orders.paidAt} >= ${from} and ${orders.paidAt} < ${to} then ${orders.payableFen} end), 0)`;
const countIf = (from: number, to: number) =>
  sql<number>`count(case when ${orders.paidAt} >= ${from} and ${orders.paidAt} < ${to} then 1 end)`;

/**
 * The merchant's dashboard in one database round trip (one batch of read statements).
 * Sales = what shoppers paid (payable) for orders paid in the period, counted by paid_at; an order
 * cancelled after payment (refunded in full) is left out; partial after-sales refunds are not subtracted.
 */
export async function dashboard(db: Db, nowMs = Date.now()) {
  const p = dashboardPeriods(nowMs);
  const end = p.todayStart + 86_400_000;
  const paidSince = and(gte(orders.paidAt, p.from), ne(orders.status, "cancelled"));
  const [[totals], days, [toShip], [afterSales], [lowStock], [chats], [repairs]] = await db.batch([
    db
      .select({
        todaySales: sumIf(p.todayStart, end),
        todayOrders: countIf(p.todayStart, end),
        yesterdaySales: sumIf(p.yesterdayStart, p.todayStart),
        yesterdayOrders: countIf(p.yesterdayStart, p.todayStart),
        monthSales: sumIf(p.monthStart, end),
        monthOrders: countIf(p.monthStart, end),
      })
      .from(orders)
      .where(paidSince),
    db
      .select({ day: paidDay, salesFen: sql<number>`sum(${orders.payableFen})`, orders: count() })
      .from(orders)
      .where(and(paidSince, gte(orders.paidAt, p.chartStart)))
      .groupBy(paidDay),
    db.select({ n: count() }).from(orders).where(eq(orders.status, "paid")),
    db.select({ n: count() }).from(afterSaleCases).where(eq(afterSaleCases.status, "applied")),
    db
      .select({ n: count() })
      .from(stockSnapshots)
      .where(
        and(
          gt(stockSnapshots.lowStockThreshold, 0),
          lt(stockSnapshots.available, sql`${stockSnapshots.lowStockThreshold}`),
        ),
      ),
    db.select({ n: count() }).from(conversations).where(eq(conversations.status, "queued")),
    db
      .select({ n: count() })
      .from(repairWorkOrders)
      .where(inArray(repairWorkOrders.status, ["received", "awaiting_appointment", "on_site"])),
  ]);
  const period = (salesFen: number, paidOrders: number) => ({
    salesFen: Number(salesFen),
    paidOrders: Number(paidOrders),
    averageOrderFen: averageFen(Number(salesFen), Number(paidOrders)),
  });
  const byDay = new Map(days.map((d) => [d.day, d]));
  return {
    generatedAt: nowMs,
    today: period(totals?.todaySales ?? 0, totals?.todayOrders ?? 0),
    yesterday: period(totals?.yesterdaySales ?? 0, totals?.yesterdayOrders ?? 0),
    month: period(totals?.monthSales ?? 0, totals?.monthOrders ?? 0),
    todo: {
      toShip: toShip?.n ?? 0,
      afterSalesToReview: afterSales?.n ?? 0,
      lowStockSkus: lowStock?.n ?? 0,
      chatsWaiting: chats?.n ?? 0,
      repairsOpen: repairs?.n ?? 0,
    },
    salesChart: p.chartDays.map((day) => ({
      day,
      salesFen: Number(byDay.get(day)?.salesFen ?? 0),
      paidOrders: Number(byDay.get(day)?.orders ?? 0),
    })),
  };
}
