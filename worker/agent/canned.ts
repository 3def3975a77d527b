/**
 * Canned replies. Shared ones (staff_id NULL) are managed by merchant admins; each agent also keeps
 * their own. Agents see both.
 */
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import { cannedReplies } from "../chat/schema";
import type { Db } from "../db/client";
import type { StaffRole } from "../shared/auth";
import { notFound } from "../shared/errors";

export interface StaffRef {
  id: number;
  role: StaffRole;
}

/** Admins own the shared list; agents own their personal one. */
const ownerId = (who: StaffRef) => (who.role === "merchant_admin" ? null : who.id);
const ownedBy = (who: StaffRef) => {
  const owner = ownerId(who);
  return owner === null ? isNull(cannedReplies.staffId) : eq(cannedReplies.staffId, owner);
};

const view = (r: typeof cannedReplies.$inferSelect) => ({
  id: r.id,
  title: r.title,
  text: r.text,
  sortOrder: r.sortOrder,
  shared: r.staffId === null,
});

export async function listCanned(db: Db, who: StaffRef) {
  const rows = await db
    .select()
    .from(cannedReplies)
    .where(
      who.role === "merchant_admin"
        ? isNull(cannedReplies.staffId)
        : or(isNull(cannedReplies.staffId), eq(cannedReplies.staffId, who.id)),
    )
    // Shared replies first, then personal ones.
    .orderBy(sql`${cannedReplies.staffId} IS NOT NULL`, asc(cannedReplies.sortOrder), asc(cannedReplies.id));
  return rows.map(view);
}

export async function createCanned(
  db: Db,
  who: StaffRef,
  input: { title: string; text: string; sortOrder?: number | undefined },
) {
  const now = Date.now();
  const [row] = await db
    .insert(cannedReplies)
    .values({
      staffId: ownerId(who),
      title: input.title,
      text: input.text,
      sortOrder: input.sortOrder ?? 0,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return view(row!);
}

export async function updateCanned(
  db: Db,
  who: StaffRef,
  id: number,
  patch: { title?: string | undefined; text?: string | undefined; sortOrder?: number | undefined },
) {
  const [row] = await db
    .update(cannedReplies)
    .set({ ...patch, updatedAt: Date.now() })
    .where(and(eq(cannedReplies.id, id), ownedBy(who)))
    .returning();
  if (!row) throw notFound("快捷回复不存在或无权修改");
  return view(row);
}

export async function deleteCanned(db: Db, who: StaffRef, id: number) {
  const deleted = await db
    .delete(cannedReplies)
    .where(and(eq(cannedReplies.id, id), ownedBy(who)))
    .returning({ id: cannedReplies.id });
  if (deleted.length === 0) throw notFound("快捷回复不存在或无权删除");
}
