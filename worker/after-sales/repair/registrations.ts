// Products bought elsewhere: the shopper registers serial + purchase date + invoice photo, the merchant
// approves or rejects, and an approved product's warranty runs from its purchase date.

import type { z } from "@hono/zod-openapi";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Env } from "../../env";
import { installedUnits } from "../../installation/schema";
import { isUniqueViolation } from "../../orders/transition";
import { formatShanghaiDateTime } from "../../payments/gateways/china-time";
import { badRequest, conflict, notFound } from "../../shared/errors";
import type { registrationInput } from "./model";
import { assertShopperPhotos, photoUrl } from "./photos";
import { productRegistrations } from "./schema";
import { type RegistrationRow, registrationPolicy } from "./service";
import { decideWarranty } from "./warranty-decision";

const STATUS_LABELS = { pending: "待审核", approved: "已通过", rejected: "已驳回" } as const;
const CHINA_OFFSET_MS = 8 * 3600_000;
/** Purchases older than this cannot be in any warranty: most likely a typo. */
const OLDEST_PURCHASE_YEARS = 15;

/** "2025-03-10" → that day's Beijing midnight in UTC ms; undefined unless a real calendar date. */
export function beijingDayStart(date: string): number | undefined {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const utc = Date.UTC(y, m - 1, d);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d)
    return undefined;
  return utc - CHINA_OFFSET_MS;
}

export function registrationView(reg: RegistrationRow, now = Date.now()) {
  const policy = registrationPolicy(reg);
  const warranty =
    reg.status === "approved"
      ? decideWarranty({ policy, kind: "registration", startsAt: reg.purchasedAt }, now)
      : null;
  return {
    id: reg.id,
    serialNo: reg.serialNo,
    productName: reg.productName,
    category: policy.category,
    purchasedAt: reg.purchasedAt,
    purchaseDate: formatShanghaiDateTime(reg.purchasedAt).slice(0, 10),
    invoicePhoto: { key: reg.invoicePhotoKey, url: photoUrl(reg.invoicePhotoKey) },
    status: reg.status,
    statusLabel: STATUS_LABELS[reg.status],
    rejectReason: reg.rejectReason,
    reviewedAt: reg.reviewedAt,
    warranty: warranty && { inWarranty: warranty.inWarranty, endsAt: warranty.endsAt, note: warranty.note },
    createdAt: reg.createdAt,
  };
}

export const adminRegistrationView = (reg: RegistrationRow, now = Date.now()) => ({
  ...registrationView(reg, now),
  shopperId: reg.shopperId,
});

/** Everything is checked before the one insert: a bad date, a serial sold here, a missing photo → 4xx. */
export async function registerProduct(
  db: Db,
  env: Env,
  shopperId: number,
  input: z.infer<typeof registrationInput>,
  now = Date.now(),
) {
  const purchasedAt = beijingDayStart(input.purchaseDate);
  if (purchasedAt === undefined) throw badRequest("购买日期不是有效的日期", undefined, "INVALID_DATE");
  if (purchasedAt > now) throw badRequest("购买日期不能晚于今天", undefined, "INVALID_DATE");
  if (purchasedAt < now - OLDEST_PURCHASE_YEARS * 366 * 86_400_000)
    throw badRequest(`购买日期不能早于 ${OLDEST_PURCHASE_YEARS} 年前`, undefined, "INVALID_DATE");
  const soldHere = await db
    .select({ serialNo: installedUnits.serialNo })
    .from(installedUnits)
    .where(eq(installedUnits.serialNo, input.serialNo))
    .get();
  if (soldHere)
    throw conflict("该序列号为本店售出并已在安装时登记保修，无需再登记，可直接申请售后", "SERIAL_REGISTERED");
  await assertShopperPhotos(env, shopperId, [input.invoicePhoto], "发票照片无效或已失效，请重新上传");
  try {
    const [row] = await db
      .insert(productRegistrations)
      .values({
        shopperId,
        serialNo: input.serialNo,
        productName: input.productName,
        policySlug: input.category ?? null,
        purchasedAt,
        invoicePhotoKey: input.invoicePhoto,
        status: "pending",
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return registrationView(row!, now);
  } catch (err) {
    if (isUniqueViolation(err, "product_registrations.serial_no"))
      throw conflict(`序列号 ${input.serialNo} 已登记过，请核对`, "SERIAL_REGISTERED");
    throw err;
  }
}

export async function myRegistrations(db: Db, shopperId: number) {
  const rows = await db
    .select()
    .from(productRegistrations)
    .where(eq(productRegistrations.shopperId, shopperId))
    .orderBy(desc(productRegistrations.id))
    .limit(100);
  return { items: rows.map((r) => registrationView(r)) };
}

async function ownRegistration(db: Db, shopperId: number, id: number) {
  const reg = await db
    .select()
    .from(productRegistrations)
    .where(and(eq(productRegistrations.id, id), eq(productRegistrations.shopperId, shopperId)))
    .get();
  if (!reg) throw notFound("产品登记不存在");
  return reg;
}

export async function myRegistration(db: Db, shopperId: number, id: number) {
  return registrationView(await ownRegistration(db, shopperId, id));
}

/** Withdraws a pending or rejected registration; an approved one stays (work orders refer to it). */
export async function deleteRegistration(db: Db, shopperId: number, id: number) {
  await ownRegistration(db, shopperId, id);
  const gone = await db
    .delete(productRegistrations)
    .where(
      and(eq(productRegistrations.id, id), inArray(productRegistrations.status, ["pending", "rejected"])),
    )
    .returning({ id: productRegistrations.id });
  if (!gone.length) throw conflict("已审核通过的产品登记不能删除", "REGISTRATION_APPROVED");
  return { ok: true };
}

export async function listRegistrations(db: Db, q: { status?: RegistrationRow["status"]; limit: number }) {
  const rows = await db
    .select()
    .from(productRegistrations)
    .where(q.status ? eq(productRegistrations.status, q.status) : undefined)
    .orderBy(desc(productRegistrations.id))
    .limit(q.limit);
  return { items: rows.map((r) => adminRegistrationView(r)) };
}

/** Approve or reject a pending registration (compare-and-set on the status: reviewed once). */
export async function reviewRegistration(
  db: Db,
  staffId: number,
  id: number,
  decision: { approve: true } | { approve: false; reason: string },
  now = Date.now(),
) {
  const [row] = await db
    .update(productRegistrations)
    .set({
      status: decision.approve ? "approved" : "rejected",
      rejectReason: decision.approve ? null : decision.reason,
      reviewedBy: staffId,
      reviewedAt: now,
      updatedAt: now,
    })
    .where(and(eq(productRegistrations.id, id), eq(productRegistrations.status, "pending")))
    .returning();
  if (row) return adminRegistrationView(row, now);
  const exists = await db.select().from(productRegistrations).where(eq(productRegistrations.id, id)).get();
  if (!exists) throw notFound("产品登记不存在");
  throw conflict(`该产品登记已审核（${STATUS_LABELS[exists.status]}）`, "ALREADY_REVIEWED");
}
