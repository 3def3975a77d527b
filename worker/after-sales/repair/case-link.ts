// A work order opened by an after-sales case: when the shopper confirms the repair, the case follows it
// to 已完成 at once (the cases' own finish_repair transition, applied once by its compare-and-set; the
// cases' sweep is the backstop).
import type { Db } from "../../db/client";
import { SYSTEM } from "../../orders/transition";
import type { Logger } from "../../shared/log";
import { caseTransitionWithRetry, loadCase } from "../cases/transition";

export async function finishCaseOfRepair(db: Db, log: Logger, caseNo: string, workOrderNo: string) {
  try {
    const c = await loadCase(db, caseNo);
    if (!c) return;
    await caseTransitionWithRetry(db, c, (fresh) =>
      fresh.status !== "repairing"
        ? { done: fresh }
        : { action: "finish_repair", actor: SYSTEM, data: { workOrderNo } },
    );
  } catch (err) {
    // The repair is confirmed either way; the cases' sweep ends the case later (cases/timeouts.ts).
    log.warn("case did not follow its confirmed repair", { caseNo, workOrderNo, err: String(err) });
  }
}
