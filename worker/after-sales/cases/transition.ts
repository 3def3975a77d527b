// Applying a case status change exactly once: the event row (seq = version + 1, UNIQUE per case), the
// compare-and-set on `after_sale_cases.version`, the released unit claims and the shopper's notice, in
// one batch. Two racing requests: the second batch fails on the unique seq and rolls back entirely.
import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../../db/client";
import type { Actor } from "../../orders/transition";
import { isUniqueViolation } from "../../orders/transition";
import { AppError } from "../../shared/errors";
import { caseNoticeStatements } from "./notices";
import { afterSaleCaseEvents, afterSaleCases, afterSaleUnitClaims } from "./schema";
import { type CaseAction, type CaseNoteKind, planCaseTransition, RELEASING_STATUSES } from "./state-machine";

export type CaseRow = typeof afterSaleCases.$inferSelect;
type CasePatch = Partial<
  Omit<typeof afterSaleCases.$inferInsert, "id" | "caseNo" | "status" | "version" | "orderId" | "shopperId">
>;

export interface CaseTransitionRequest {
  action: CaseAction;
  actor: Actor;
  reason?: string;
  set?: CasePatch;
  data?: Record<string, unknown>;
  /** More statements for the same batch, built from the case as it will be. */
  extra?: (db: Db, next: CaseRow) => BatchItem<"sqlite">[];
}

export type CaseOutcome = { applied: true; case: CaseRow } | { applied: false; case: CaseRow };

export const loadCase = (db: Db, caseNo: string) =>
  db.select().from(afterSaleCases).where(eq(afterSaleCases.caseNo, caseNo)).get();

export async function applyCaseTransition(
  db: Db,
  c: CaseRow,
  req: CaseTransitionRequest,
  now = Date.now(),
): Promise<CaseOutcome> {
  const plan = planCaseTransition(c.status, c.type, req.action, req.actor.kind);
  if (!plan.ok) throw new AppError(409, plan.code, plan.message);
  const next: CaseRow = { ...c, ...req.set, status: plan.to, version: c.version + 1, updatedAt: now };
  const releases = RELEASING_STATUSES.includes(plan.to) || (c.type === "repair" && plan.to === "done");
  try {
    await db.batch([
      db.insert(afterSaleCaseEvents).values({
        caseId: c.id,
        seq: c.version + 1,
        kind: req.action,
        fromStatus: plan.from,
        toStatus: plan.to,
        actorKind: req.actor.kind,
        actorId: req.actor.id,
        reason: req.reason || plan.label,
        data: req.data ?? null,
        createdAt: now,
      }),
      db
        .update(afterSaleCases)
        .set({ ...req.set, status: plan.to, version: sql`${afterSaleCases.version} + 1`, updatedAt: now })
        .where(sql`${afterSaleCases.id} = ${c.id} AND ${afterSaleCases.version} = ${c.version}`),
      ...(releases ? [db.delete(afterSaleUnitClaims).where(eq(afterSaleUnitClaims.caseId, c.id))] : []),
      ...caseNoticeStatements(db, next, now),
      ...(req.extra?.(db, next) ?? []),
    ]);
  } catch (err) {
    if (!isUniqueViolation(err, "after_sale_case_events")) throw err;
    return { applied: false, case: (await loadCase(db, c.caseNo))! };
  }
  return { applied: true, case: next };
}

/**
 * Runs `decide` against the freshest row until a transition applies or `decide` says stop (e.g. the
 * change is already made: a duplicate is not an error).
 */
export async function caseTransitionWithRetry(
  db: Db,
  c: CaseRow,
  decide: (c: CaseRow) => CaseTransitionRequest | { done: CaseRow },
): Promise<{ applied: boolean; case: CaseRow }> {
  let current = c;
  for (let attempt = 0; attempt < 5; attempt++) {
    const d = decide(current);
    if ("done" in d) return { applied: false, case: d.done };
    const out = await applyCaseTransition(db, current, d);
    if (out.applied) return out;
    current = out.case;
  }
  throw new AppError(409, "CONCURRENT_UPDATE", "售后单正在被处理，请稍后再试");
}

/** A timeline entry that does not change the status. */
export function caseNoteStatement(
  db: Db,
  caseId: number | ReturnType<typeof sql>,
  kind: CaseNoteKind,
  actor: Actor,
  reason: string,
  data?: Record<string, unknown>,
  now = Date.now(),
) {
  return db.insert(afterSaleCaseEvents).values({
    caseId: caseId as number,
    seq: null,
    kind,
    fromStatus: null,
    toStatus: null,
    actorKind: actor.kind,
    actorId: actor.id,
    reason,
    data: data ?? null,
    createdAt: now,
  });
}
