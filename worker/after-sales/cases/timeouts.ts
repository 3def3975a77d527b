// The sweep's after-sales step: the merchant's silence approves, the shopper's silence closes, and
// whatever a request started but did not finish (a refund request, a stock return, a repair work
// order) is run again — every effect is idempotent per case number. `now` is a parameter so tests
// (and a merchant's manual sweep) decide the time.
import { and, eq, inArray, isNotNull, isNull, lt, lte, sql } from "drizzle-orm";
import type { OrderDeps } from "../../orders/deps";
import { SYSTEM } from "../../orders/transition";
import { repairWorkOrders } from "../repair/schema";
import { afterApproval, returnCaseStock, startRefund } from "./effects";
import { afterSaleCases } from "./schema";
import { approveCase } from "./service";
import { applyCaseTransition, type CaseRow } from "./transition";

const BATCH = 20;
/** A request finishes its follow-ups within this; older unfinished ones are the sweep's. */
const SETTLE_MS = 60_000;

export async function runCaseTimeouts(deps: OrderDeps, now: number) {
  const { db, log } = deps;
  const result = { casesApproved: 0, casesClosed: 0, caseStepsRetried: 0 };
  const each = async (rows: CaseRow[], what: string, fn: (c: CaseRow) => Promise<boolean>) => {
    let n = 0;
    for (const c of rows) {
      try {
        if (await fn(c)) n++;
      } catch (err) {
        log.warn("after-sales sweep step failed", { what, caseNo: c.caseNo, err: String(err) });
      }
    }
    return n;
  };

  const dueApprovals = await db
    .select()
    .from(afterSaleCases)
    .where(and(eq(afterSaleCases.status, "applied"), lte(afterSaleCases.deadlineAt, now)))
    .limit(BATCH);
  result.casesApproved = await each(dueApprovals, "auto-approve", async (c) => {
    await approveCase(deps, c, SYSTEM, now);
    return true;
  });

  const dueCloses = await db
    .select()
    .from(afterSaleCases)
    .where(
      and(
        eq(afterSaleCases.status, "approved"),
        inArray(afterSaleCases.type, ["return_refund", "exchange"]),
        lte(afterSaleCases.deadlineAt, now),
      ),
    )
    .limit(BATCH);
  result.casesClosed = await each(dueCloses, "close", async (c) => {
    const out = await applyCaseTransition(
      db,
      c,
      { action: "close", actor: SYSTEM, set: { deadlineAt: null } },
      now,
    );
    return out.applied;
  });

  const stale = lt(afterSaleCases.updatedAt, now - SETTLE_MS);
  const unfinished = await db
    .select()
    .from(afterSaleCases)
    .where(
      and(
        stale,
        sql`(
          (${afterSaleCases.status} = 'approved' AND ${afterSaleCases.type} IN ('refund_only', 'repair'))
          OR (${afterSaleCases.status} = 'refunding' AND ${afterSaleCases.outRefundNo} IS NULL)
        )`,
      ),
    )
    .limit(BATCH);
  const stockDue = await db
    .select()
    .from(afterSaleCases)
    .where(
      and(
        stale,
        isNull(afterSaleCases.stockReturnedAt),
        sql`(${isNotNull(afterSaleCases.received)}
             OR (${afterSaleCases.type} = 'refund_only' AND ${afterSaleCases.orderShipped} = 0
                 AND ${afterSaleCases.status} IN ('refunding', 'refunded')))`,
      ),
    )
    .limit(BATCH);
  // A repair case follows its work order: done once the shopper confirmed the repair (or it was cancelled).
  const repairsOver = await db
    .select({ c: afterSaleCases, status: repairWorkOrders.status })
    .from(afterSaleCases)
    .innerJoin(repairWorkOrders, eq(repairWorkOrders.workOrderNo, afterSaleCases.workOrderNo))
    .where(
      and(
        eq(afterSaleCases.status, "repairing"),
        inArray(repairWorkOrders.status, ["confirmed", "cancelled"]),
      ),
    )
    .limit(BATCH);
  result.caseStepsRetried += await each(
    repairsOver.map((r) => r.c),
    "finish repair",
    async (c) => {
      const wo = repairsOver.find((r) => r.c.id === c.id)!;
      const out = await applyCaseTransition(
        db,
        c,
        {
          action: "finish_repair",
          actor: SYSTEM,
          reason: wo.status === "confirmed" ? "维修已完成，顾客已确认" : "维修工单已取消",
        },
        now,
      );
      return out.applied;
    },
  );
  result.caseStepsRetried +=
    (await each(unfinished, "follow-up", async (c) => {
      if (c.status === "approved") await afterApproval(deps, c);
      else await startRefund(deps, c, SYSTEM);
      return true;
    })) +
    (await each(stockDue, "stock return", async (c) => {
      await returnCaseStock(deps, c);
      return true;
    }));
  return result;
}
