// Work orders: every status change goes through changeWorkOrder (one atomic batch), and the shopper's
// and the merchant's actions on them.
import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { staff } from "../auth/schema";
import type { Db } from "../db/client";
import { AppError, badRequest, conflict, notFound } from "../shared/errors";
import { type AreaRow, areaForAddress, cutoffOf, type SlotRow, servesArea, slotBrief } from "./areas";
import {
  addDays,
  BOOKING_HORIZON_DAYS,
  beforeCutoff,
  beijingDate,
  changeDeadline,
  describeCutoff,
} from "./schedule";
import {
  installAreas,
  installedUnits,
  installSlots,
  installWorkOrderEvents,
  installWorkOrders,
} from "./schema";
import {
  availableWorkOrderActions,
  holdsSlot,
  planWorkOrderTransition,
  WORK_ORDER_STATUS_LABELS,
  type WorkOrderAction,
  type WorkOrderActor,
} from "./state-machine";

export type WorkOrderRow = typeof installWorkOrders.$inferSelect;
type WorkOrderPatch = Partial<
  Omit<typeof installWorkOrders.$inferInsert, "id" | "status" | "version" | "orderItemId" | "shopperId">
>;

export interface Actor {
  kind: WorkOrderActor;
  /** shopper or staff id; null for the system. */
  id: number | null;
}

export const slotFull = () => conflict("该时段已约满，请选择其他时段", "SLOT_FULL");

/** Whether an error (or one of its causes) is a failed SQLite constraint whose message names `needle`. */
export function constraintFailed(err: unknown, needle: string): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const msg = String((e as { message?: unknown }).message ?? "");
    if (/constraint failed/i.test(msg) && msg.includes(needle)) return true;
  }
  return false;
}

export interface ChangeRequest {
  action: WorkOrderAction;
  actor: Actor;
  set?: WorkOrderPatch;
  /** Take the work order's quantity from this slot (book, reschedule). */
  take?: number;
  /** Give the work order's quantity back to this slot (reschedule, cancel). */
  release?: number;
  note?: string;
  /** More statements for the same batch (the installed units of a completion). */
  extra?: BatchItem<"sqlite">[];
}

/**
 * Applies one status change, all or nothing, in one libSQL batch (a transaction):
 * - the event row with seq = version + 1, unique per work order: of two racing changes the second
 *   fails here and its whole batch rolls back (409, nothing half-done);
 * - `UPDATE install_slots SET booked = booked + q WHERE id = :slot`: the table's CHECK
 *   (booked <= capacity) makes this statement fail when the slot cannot take q more units, which aborts
 *   the batch. (A `WHERE booked + q <= capacity` would match no row instead, and the rest of the batch
 *   would still commit a booking without a unit; the CHECK is what makes "full" refuse the whole change.)
 *   SQLite runs write transactions one at a time, so concurrent bookings of the last unit cannot both pass;
 * - the release of the old slot (reschedule) in the same batch, so a reschedule to a full slot keeps
 *   the old booking untouched;
 * - the work order itself, compare-and-set on its version.
 */
export async function changeWorkOrder(db: Db, wo: WorkOrderRow, req: ChangeRequest, now = Date.now()) {
  const plan = planWorkOrderTransition(wo.status, req.action, req.actor.kind);
  if (!plan.ok) throw new AppError(409, plan.code, plan.message);
  const slotDelta = (slotId: number, delta: SQL) =>
    db
      .update(installSlots)
      .set({ booked: sql`${installSlots.booked} ${delta}`, updatedAt: now })
      .where(eq(installSlots.id, slotId));
  const statements: BatchItem<"sqlite">[] = [
    db.insert(installWorkOrderEvents).values({
      workOrderId: wo.id,
      seq: wo.version + 1,
      action: req.action,
      fromStatus: plan.from,
      toStatus: plan.to,
      actorKind: req.actor.kind,
      actorId: req.actor.id,
      slotId: req.take ?? null,
      note: req.note ?? plan.label,
      createdAt: now,
    }),
    ...(req.take !== undefined ? [slotDelta(req.take, sql`+ ${wo.quantity}`)] : []),
    ...(req.release !== undefined ? [slotDelta(req.release, sql`- ${wo.quantity}`)] : []),
    db
      .update(installWorkOrders)
      .set({ ...req.set, status: plan.to, version: sql`${installWorkOrders.version} + 1`, updatedAt: now })
      .where(and(eq(installWorkOrders.id, wo.id), eq(installWorkOrders.version, wo.version))),
    ...(req.extra ?? []),
  ];
  try {
    await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  } catch (err) {
    if (constraintFailed(err, "install_slots_capacity")) throw slotFull();
    if (constraintFailed(err, "install_work_order_events"))
      throw conflict("安装工单刚刚被更新，请刷新后重试", "CONCURRENT_UPDATE");
    throw err;
  }
  return { ...wo, ...req.set, status: plan.to, version: wo.version + 1, updatedAt: now } as WorkOrderRow;
}

// ---------- views ----------

export type Viewer = "shopper" | "installer" | "merchant";

export const photoPath = (id: number) => `/api/installation/work-orders/${id}/photo`;

/** Work orders as the apps show them, with slot, installer, serials and what the viewer may do now. */
export async function workOrderViews(
  db: Db,
  rows: readonly WorkOrderRow[],
  viewer: Viewer,
  now = Date.now(),
) {
  const slotIds = [...new Set(rows.flatMap((r) => (r.slotId === null ? [] : [r.slotId])))];
  const installerIds = [...new Set(rows.flatMap((r) => (r.installerId === null ? [] : [r.installerId])))];
  const doneIds = rows.filter((r) => r.status === "done").map((r) => r.id);
  const [slots, installers, units] = await Promise.all([
    slotIds.length
      ? db
          .select({ slot: installSlots, area: installAreas })
          .from(installSlots)
          .innerJoin(installAreas, eq(installAreas.id, installSlots.areaId))
          .where(inArray(installSlots.id, slotIds))
      : [],
    installerIds.length
      ? db
          .select({ id: staff.id, name: staff.displayName })
          .from(staff)
          .where(inArray(staff.id, installerIds))
      : [],
    doneIds.length
      ? db.select().from(installedUnits).where(inArray(installedUnits.workOrderId, doneIds))
      : [],
  ]);
  const slotById = new Map(slots.map((s) => [s.slot.id, s]));
  const actor: WorkOrderActor = viewer;
  return rows.map((wo) => {
    const s = wo.slotId === null ? undefined : slotById.get(wo.slotId);
    const held = s && holdsSlot(wo.status);
    const deadline =
      held && (wo.status === "booked" || wo.status === "rescheduled")
        ? changeDeadline(s.slot.date, cutoffOf(s.area))
        : null;
    let actions = availableWorkOrderActions(wo.status, actor);
    if (viewer === "shopper" && deadline !== null && now >= deadline)
      actions = actions.filter((a) => a !== "reschedule" && a !== "cancel_booking");
    return {
      id: wo.id,
      orderId: wo.orderId,
      orderNo: wo.orderNo,
      status: wo.status,
      statusLabel: WORK_ORDER_STATUS_LABELS[wo.status],
      product: {
        skuId: wo.skuId,
        productId: wo.productId,
        name: wo.productName,
        specs: wo.specs,
        image: wo.image,
        quantity: wo.quantity,
      },
      includes: wo.includes,
      extras: wo.extras,
      address: {
        receiverName: wo.receiverName,
        phone: wo.phone,
        province: wo.province,
        city: wo.city,
        district: wo.district,
        detail: wo.detail,
      },
      slot: held ? { ...slotBrief(s.slot), areaName: s.area.name } : null,
      installer: wo.installerId === null ? null : (installers.find((i) => i.id === wo.installerId) ?? null),
      changeDeadline: deadline,
      changeDeadlineLabel: deadline === null || !s ? null : describeCutoff(cutoffOf(s.area)),
      actions,
      departedAt: wo.departedAt,
      doneAt: wo.doneAt,
      serialNos: units.filter((u) => u.workOrderId === wo.id).map((u) => u.serialNo),
      photoUrl: wo.photoKey ? photoPath(wo.id) : null,
      cancelReason: wo.cancelReason,
      createdAt: wo.createdAt,
      updatedAt: wo.updatedAt,
    };
  });
}

export async function workOrderView(db: Db, wo: WorkOrderRow, viewer: Viewer, now = Date.now()) {
  return (await workOrderViews(db, [wo], viewer, now))[0]!;
}

// ---------- loading ----------

export async function loadWorkOrder(db: Db, id: number): Promise<WorkOrderRow | undefined> {
  return db.select().from(installWorkOrders).where(eq(installWorkOrders.id, id)).get();
}

/** The shopper's own work order; someone else's is as missing as a nonexistent one. */
export async function getShopperWorkOrder(db: Db, shopperId: number, id: number): Promise<WorkOrderRow> {
  const wo = await loadWorkOrder(db, id);
  if (!wo || wo.shopperId !== shopperId) throw notFound("安装工单不存在");
  return wo;
}

export async function getWorkOrder(db: Db, id: number): Promise<WorkOrderRow> {
  const wo = await loadWorkOrder(db, id);
  if (!wo) throw notFound("安装工单不存在");
  return wo;
}

async function slotWithArea(db: Db, slotId: number) {
  return db
    .select({ slot: installSlots, area: installAreas })
    .from(installSlots)
    .innerJoin(installAreas, eq(installAreas.id, installSlots.areaId))
    .where(eq(installSlots.id, slotId))
    .get();
}

// ---------- shopper ----------

export async function listShopperWorkOrders(db: Db, shopperId: number, now = Date.now()) {
  const rows = await db
    .select()
    .from(installWorkOrders)
    .where(eq(installWorkOrders.shopperId, shopperId))
    .orderBy(desc(installWorkOrders.createdAt), desc(installWorkOrders.id))
    .limit(100);
  return { items: await workOrderViews(db, rows, "shopper", now) };
}

const NO_AREA = "您的地址暂未开通预约安装服务，请联系客服安排";

/** Bookable slots for a work order: its area by the address, the next 14 days, before each slot's cut-off. */
export async function slotsForWorkOrder(db: Db, shopperId: number, id: number, now = Date.now()) {
  const wo = await getShopperWorkOrder(db, shopperId, id);
  const area = await areaForAddress(db, wo);
  if (!area) return { area: null, message: NO_AREA, cutoffLabel: null, items: [] };
  const today = beijingDate(now);
  const rows = await db
    .select()
    .from(installSlots)
    .where(
      and(
        eq(installSlots.areaId, area.id),
        sql`${installSlots.date} BETWEEN ${today} AND ${addDays(today, BOOKING_HORIZON_DAYS)}`,
      ),
    )
    .orderBy(installSlots.startsAt);
  const cutoff = cutoffOf(area);
  // Only a work order waiting for or holding a booking can take a slot.
  const open = wo.status === "awaiting_booking" || wo.status === "booked" || wo.status === "rescheduled";
  const items = rows
    .filter((s) => beforeCutoff(now, s.date, cutoff))
    .map((s) => {
      const remaining = s.capacity - s.booked;
      const current = s.id === wo.slotId && holdsSlot(wo.status);
      return { ...slotBrief(s), remaining, current, bookable: open && !current && remaining >= wo.quantity };
    });
  return {
    area: { id: area.id, name: area.name },
    message: null,
    cutoffLabel: describeCutoff(cutoff),
    items,
  };
}

/** The slot a work order may take now: in its area, within the horizon, before the cut-off, not full. */
async function bookableSlot(db: Db, wo: WorkOrderRow, slotId: number, now: number, enforceCutoff: boolean) {
  const area = await areaForAddress(db, wo);
  if (!area) throw conflict(NO_AREA, "NO_SERVICE_AREA");
  const found = await slotWithArea(db, slotId);
  if (!found || found.slot.areaId !== area.id) throw notFound("时段不存在或不在您的服务区域内");
  const { slot } = found;
  const today = beijingDate(now);
  if (slot.date > addDays(today, BOOKING_HORIZON_DAYS))
    throw conflict(`只能预约 ${BOOKING_HORIZON_DAYS} 天内的安装时段`, "SLOT_NOT_OPEN");
  if (enforceCutoff && !beforeCutoff(now, slot.date, cutoffOf(area)))
    throw conflict(`该时段已截止预约（截止时间：${describeCutoff(cutoffOf(area))}）`, "SLOT_CLOSED");
  if (slot.startsAt <= now) throw conflict("该时段已开始，不能预约", "SLOT_CLOSED");
  // Read for a friendly early answer; the CHECK in the booking batch is what guarantees it.
  if (slot.capacity - slot.booked < wo.quantity) throw slotFull();
  return slot;
}

/** Refuses (409) a change of a booking after its slot's cut-off, unless the merchant makes it. */
async function checkChangeAllowed(db: Db, wo: WorkOrderRow, actor: Actor, now: number): Promise<SlotRow> {
  const current = wo.slotId === null ? undefined : await slotWithArea(db, wo.slotId);
  if (!current) throw new AppError(409, "ILLEGAL_TRANSITION", "安装工单没有预约时段");
  if (actor.kind === "shopper" && !beforeCutoff(now, current.slot.date, cutoffOf(current.area)))
    throw conflict(
      `已过改约截止时间（${describeCutoff(cutoffOf(current.area))}），如需改约或取消请联系客服`,
      "CHANGE_CLOSED",
    );
  return current.slot;
}

function planOrThrow(wo: WorkOrderRow, action: WorkOrderAction, actor: Actor) {
  const plan = planWorkOrderTransition(wo.status, action, actor.kind);
  if (!plan.ok) throw new AppError(409, plan.code, plan.message);
}

export async function bookSlot(db: Db, wo: WorkOrderRow, slotId: number, actor: Actor, now = Date.now()) {
  planOrThrow(wo, "book", actor);
  const slot = await bookableSlot(db, wo, slotId, now, actor.kind === "shopper");
  return changeWorkOrder(
    db,
    wo,
    { action: "book", actor, take: slot.id, set: { slotId: slot.id, bookedAt: now } },
    now,
  );
}

/** Moves one booking to another slot: the new slot's unit and the old slot's release in one batch. */
export async function rescheduleSlot(
  db: Db,
  wo: WorkOrderRow,
  slotId: number,
  actor: Actor,
  now = Date.now(),
) {
  planOrThrow(wo, "reschedule", actor);
  const old = await checkChangeAllowed(db, wo, actor, now);
  if (old.id === slotId) throw badRequest("新时段与当前预约的时段相同", undefined, "SAME_SLOT");
  const slot = await bookableSlot(db, wo, slotId, now, actor.kind === "shopper");
  return changeWorkOrder(
    db,
    wo,
    { action: "reschedule", actor, take: slot.id, release: old.id, set: { slotId: slot.id, bookedAt: now } },
    now,
  );
}

export async function cancelBooking(db: Db, wo: WorkOrderRow, actor: Actor, now = Date.now()) {
  planOrThrow(wo, "cancel_booking", actor);
  const old = await checkChangeAllowed(db, wo, actor, now);
  return changeWorkOrder(
    db,
    wo,
    {
      action: "cancel_booking",
      actor,
      release: old.id,
      set: { slotId: null, bookedAt: null, installerId: null },
    },
    now,
  );
}

// ---------- merchant ----------

export async function listWorkOrders(
  db: Db,
  q: { status?: WorkOrderRow["status"]; date?: string; areaId?: number; limit: number },
  now = Date.now(),
) {
  const where: SQL[] = [];
  if (q.status) where.push(eq(installWorkOrders.status, q.status));
  if (q.date || q.areaId) {
    const slotWhere: SQL[] = [];
    if (q.date) slotWhere.push(eq(installSlots.date, q.date));
    if (q.areaId) slotWhere.push(eq(installSlots.areaId, q.areaId));
    where.push(
      inArray(
        installWorkOrders.slotId,
        db
          .select({ id: installSlots.id })
          .from(installSlots)
          .where(and(...slotWhere)),
      ),
    );
  }
  const rows = await db
    .select()
    .from(installWorkOrders)
    .where(and(...where))
    .orderBy(desc(installWorkOrders.createdAt), desc(installWorkOrders.id))
    .limit(q.limit);
  return { items: await workOrderViews(db, rows, "merchant", now) };
}

/** Assigns a booked work order to an installer who serves its slot's area. */
export async function assignInstaller(db: Db, id: number, installerId: number, now = Date.now()) {
  const wo = await getWorkOrder(db, id);
  if (wo.status !== "booked" && wo.status !== "rescheduled" && wo.status !== "awaiting_booking")
    throw conflict(
      `安装工单当前状态为「${WORK_ORDER_STATUS_LABELS[wo.status]}」，不能指派师傅`,
      "ILLEGAL_TRANSITION",
    );
  const installer = await db
    .select({ id: staff.id, role: staff.role, disabled: staff.disabled })
    .from(staff)
    .where(eq(staff.id, installerId))
    .get();
  if (installer?.role !== "installer" || installer.disabled) throw notFound("安装师傅不存在");
  const slot = wo.slotId === null ? undefined : await slotWithArea(db, wo.slotId);
  const area: AreaRow | undefined = slot?.area ?? (await areaForAddress(db, wo));
  if (!area || !(await servesArea(db, installerId, area.id)))
    throw conflict("该师傅不负责此工单所在的服务区域", "INSTALLER_NOT_IN_AREA");
  const row = await db
    .update(installWorkOrders)
    .set({ installerId, updatedAt: now })
    .where(and(eq(installWorkOrders.id, id), eq(installWorkOrders.version, wo.version)))
    .returning()
    .get();
  if (!row) throw conflict("安装工单刚刚被更新，请刷新后重试", "CONCURRENT_UPDATE");
  return row;
}

/** The merchant cancels a work order (e.g. the shopper returns the goods); a held slot unit goes back. */
export async function cancelWorkOrder(db: Db, id: number, actor: Actor, reason: string, now = Date.now()) {
  const wo = await getWorkOrder(db, id);
  const releases = wo.slotId !== null && holdsSlot(wo.status);
  return changeWorkOrder(
    db,
    wo,
    {
      action: "cancel",
      actor,
      note: reason,
      ...(releases ? { release: wo.slotId! } : {}),
      set: { cancelReason: reason },
    },
    now,
  );
}
