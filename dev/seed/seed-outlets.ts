/**
 * Demo repair outlets into libSQL. There is no merchant API for outlets yet, so this writes the table
 * directly through the worker's schema; it only fills an empty table, so a store's own outlets are kept.
 */
import { count } from "drizzle-orm";
import { repairOutlets } from "../../worker/after-sales/schema";
import type { Db } from "../../worker/db/client";
import { OUTLET_SEED } from "./outlets";

/** Inserts the demo outlets when the table is empty. Returns rows inserted. */
export async function seedOutlets(db: Db): Promise<number> {
  const existing = await db.select({ n: count() }).from(repairOutlets).get();
  if ((existing?.n ?? 0) > 0) return 0;
  const now = Date.now();
  const inserted = await db
    .insert(repairOutlets)
    .values(OUTLET_SEED.map((o) => ({ ...o, createdAt: now })))
    .returning({ id: repairOutlets.id });
  return inserted.length;
}
