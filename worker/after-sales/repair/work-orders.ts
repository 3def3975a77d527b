// What each party does with repair work orders: the shopper (own ones), agents and merchants (open from
// a chat, assign, cancel), and the assigned technician (appointment, arrival, finish with parts and fees).
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { staff } from "../../auth/schema";
import { conversations } from "../../chat/schema";
import type { Db } from "../../db/client";
import { shopperNoticeStatement } from "../../notifications/service";
import type { OrderDeps } from "../../orders/deps";
import type { StaffRole } from "../../shared/auth";
import { cursorInt, decodeCursor, encodeCursor } from "../../shared/cursor";
import { badRequest, forbidden, notFound } from "../../shared/errors";
import { fenToYuan } from "../../shared/money";
import { finishCaseOfRepair } from "./case-link";
import { ensureRepairCharge, repairCharge } from "./charge";
import { repairFees } from "./fees";
import { MAX_APPOINTMENT_DAYS } from "./model";
import { appointmentNotice, doneNotice } from "./notices";
import { assertShopperPhotos } from "./photos";
import type { RepairPart } from "./schema";
import { repairWorkOrders } from "./schema";
import {
  changeRepair,
  openRepairWorkOrder,
  type RepairActorRef,
  type RepairContact,
  type RepairRow,
  repairByNo,
} from "./service";
import type { RepairStatus } from "./state-machine";
import { type RepairViewer, repairDetail, repairViews } from "./views";

interface ListQuery {
  status?: RepairStatus;
  cursor?: string;
  limit: number;
}

async function page(db: Db, where: SQL | undefined, q: ListQuery, viewer: RepairViewer) {
  const conds = [where];
  if (q.status) conds.push(eq(repairWorkOrders.status, q.status));
  if (q.cursor) conds.push(lt(repairWorkOrders.id, decodeCursor(q.cursor, cursorInt)));
  const rows = await db
    .select()
    .from(repairWorkOrders)
    .where(and(...conds))
    .orderBy(desc(repairWorkOrders.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  return {
    items: await repairViews(db, items, viewer),
    nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.id) : null,
  };
}

/** The work order if `visible` says the caller may see it; otherwise 404 (numbers are not disclosed). */
async function visibleRepair(db: Db, no: string, visible: (wo: RepairRow) => boolean): Promise<RepairRow> {
  const wo = await repairByNo(db, no);
  if (!wo || !visible(wo)) throw notFound("维修工单不存在");
  return wo;
}

// ---------- shopper ----------

const ownedBy = (shopperId: number) => (wo: RepairRow) => wo.shopperId === shopperId;

export const myRepairs = (db: Db, shopperId: number, q: ListQuery) =>
  page(db, eq(repairWorkOrders.shopperId, shopperId), q, "shopper");

export async function myRepair(db: Db, shopperId: number, no: string) {
  const wo = await visibleRepair(db, no, ownedBy(shopperId));
  await chargeOwed(db, wo);
  return repairDetail(db, wo, "shopper");
}

/**
 * The charge of a finished, out-of-warranty repair. Normally created right after the finish commits;
 * if that step failed, the shopper's next look creates it (idempotent by work order number).
 */
async function chargeOwed(db: Db, wo: RepairRow) {
  if (wo.chargeFen <= 0 || (wo.status !== "done" && wo.status !== "confirmed")) return undefined;
  const charge = (await repairCharge(db, wo.workOrderNo)) ?? (await ensureRepairCharge(db, wo));
  if (wo.chargeNo !== charge.chargeNo) {
    await db
      .update(repairWorkOrders)
      .set({ chargeNo: charge.chargeNo })
      .where(eq(repairWorkOrders.id, wo.id));
    wo.chargeNo = charge.chargeNo;
  }
  return charge;
}

/** A repair for one of the shopper's approved registered products. */
export async function openForRegistration(
  deps: Pick<OrderDeps, "db" | "env">,
  shopperId: number,
  input: { registrationId: number; problem: string; photos: string[]; contact: RepairContact },
) {
  await assertShopperPhotos(deps.env, shopperId, input.photos);
  const opened = await openRepairWorkOrder(deps, { shopperId, source: "registration", ...input });
  const wo = (await repairByNo(deps.db, opened.workOrderNo))!;
  return { ...opened, workOrder: await repairDetail(deps.db, wo, "shopper") };
}

/** The shopper confirms the finished repair: only once the charge (if any) is paid; a case follows it. */
export async function confirmRepair(
  deps: Pick<OrderDeps, "db" | "log">,
  shopperId: number,
  no: string,
  now = Date.now(),
) {
  const { db } = deps;
  const wo = await visibleRepair(db, no, ownedBy(shopperId));
  const charge = await chargeOwed(db, wo);
  const next = await changeRepair(
    db,
    wo,
    {
      action: "confirm",
      actor: { kind: "shopper", id: shopperId },
      set: { confirmedAt: now },
      chargePaid: charge?.status === "paid",
    },
    now,
  );
  if (next.caseNo) await finishCaseOfRepair(db, deps.log, next.caseNo, next.workOrderNo);
  return repairDetail(db, next, "shopper");
}

export async function shopperCancelRepair(db: Db, shopperId: number, no: string, reason: string) {
  const wo = await visibleRepair(db, no, ownedBy(shopperId));
  const next = await changeRepair(db, wo, {
    action: "cancel",
    actor: { kind: "shopper", id: shopperId },
    set: { cancelReason: reason },
    note: `顾客取消：${reason}`,
  });
  return repairDetail(db, next, "shopper");
}

// ---------- agent / merchant ----------

export interface StaffRef {
  id: number;
  role: StaffRole;
}

const staffActor = (s: StaffRef): RepairActorRef => ({
  kind: s.role === "merchant_admin" ? "merchant" : "agent",
  id: s.id,
});
const staffViewer = (s: StaffRef): RepairViewer => (s.role === "merchant_admin" ? "merchant" : "agent");

/**
 * From a chat: the work order is for the conversation's shopper. An agent may only do this in a
 * conversation assigned to them; a merchant in any.
 */
export async function openFromChat(
  deps: Pick<OrderDeps, "db" | "env">,
  by: StaffRef,
  input: {
    conversationId: number;
    orderItemId?: number;
    registrationId?: number;
    serialNo?: string;
    problem: string;
    photos: string[];
    contact?: RepairContact;
  },
) {
  const { conversationId, ...subject } = input;
  const conv = await deps.db.select().from(conversations).where(eq(conversations.id, conversationId)).get();
  if (!conv) throw notFound("客服会话不存在");
  if (by.role === "agent" && conv.agentId !== by.id)
    throw forbidden("只能为您正在接待的会话中的顾客开维修工单");
  await assertShopperPhotos(deps.env, conv.shopperId, input.photos);
  const opened = await openRepairWorkOrder(deps, {
    ...subject,
    shopperId: conv.shopperId,
    source: "agent",
    conversationId,
    openedBy: by.id,
  });
  const wo = (await repairByNo(deps.db, opened.workOrderNo))!;
  return { ...opened, workOrder: await repairDetail(deps.db, wo, staffViewer(by)) };
}

export const staffRepairs = (db: Db, by: StaffRef, q: ListQuery) => page(db, undefined, q, staffViewer(by));

export async function staffRepair(db: Db, by: StaffRef, no: string) {
  return repairDetail(db, await visibleRepair(db, no, () => true), staffViewer(by));
}

/** Staff accounts that can be sent on repairs (the installer role), active ones only. */
export async function technicians(db: Db) {
  const rows = await db
    .select({ id: staff.id, name: staff.displayName, username: staff.username, disabled: staff.disabled })
    .from(staff)
    .where(eq(staff.role, "installer"))
    .orderBy(staff.id);
  return { items: rows.filter((r) => !r.disabled).map(({ disabled: _d, ...t }) => t) };
}

export async function assignTechnician(db: Db, by: StaffRef, no: string, technicianId: number) {
  const wo = await visibleRepair(db, no, () => true);
  const tech = await db.select().from(staff).where(eq(staff.id, technicianId)).get();
  if (tech?.role !== "installer" || tech.disabled)
    throw badRequest("指派的账号不是在职的安装/维修师傅", undefined, "NOT_A_TECHNICIAN");
  const next = await changeRepair(db, wo, {
    action: "assign",
    actor: staffActor(by),
    // A new technician makes their own appointment.
    set: { technicianId, ...(wo.technicianId !== technicianId ? { appointmentAt: null } : {}) },
    note: `已指派维修师傅：${tech.displayName}`,
  });
  return repairDetail(db, next, staffViewer(by));
}

export async function staffCancelRepair(db: Db, by: StaffRef, no: string, reason: string) {
  const wo = await visibleRepair(db, no, () => true);
  const next = await changeRepair(db, wo, {
    action: "cancel",
    actor: staffActor(by),
    set: { cancelReason: reason },
    note: `工单取消：${reason}`,
  });
  return repairDetail(db, next, staffViewer(by));
}

// ---------- technician (staff role installer, assigned to the work order) ----------

const assignedTo = (technicianId: number) => (wo: RepairRow) => wo.technicianId === technicianId;
const technicianActor = (id: number): RepairActorRef => ({ kind: "technician", id });

export const technicianRepairs = (db: Db, technicianId: number, q: ListQuery) =>
  page(db, eq(repairWorkOrders.technicianId, technicianId), q, "technician");

export async function technicianRepair(db: Db, technicianId: number, no: string) {
  return repairDetail(db, await visibleRepair(db, no, assignedTo(technicianId)), "technician");
}

/** Sets (or moves) the visit; the shopper is told each time. */
export async function setAppointment(
  db: Db,
  technician: { id: number; name: string },
  no: string,
  appointmentAt: number,
  now = Date.now(),
) {
  const wo = await visibleRepair(db, no, assignedTo(technician.id));
  if (appointmentAt <= now) throw badRequest("上门时间需晚于当前时间", undefined, "INVALID_APPOINTMENT");
  if (appointmentAt > now + MAX_APPOINTMENT_DAYS * 86_400_000)
    throw badRequest(`上门时间需在 ${MAX_APPOINTMENT_DAYS} 天之内`, undefined, "INVALID_APPOINTMENT");
  const next = await changeRepair(
    db,
    wo,
    {
      action: "schedule",
      actor: technicianActor(technician.id),
      set: { appointmentAt },
      extra: (n) => [shopperNoticeStatement(db, appointmentNotice(n, technician.name))],
    },
    now,
  );
  return repairDetail(db, next, "technician");
}

export async function markArrived(db: Db, technicianId: number, no: string, now = Date.now()) {
  const wo = await visibleRepair(db, no, assignedTo(technicianId));
  const next = await changeRepair(
    db,
    wo,
    { action: "arrive", actor: technicianActor(technicianId), set: { arrivedAt: now } },
    now,
  );
  return repairDetail(db, next, "technician");
}

/**
 * Finished: parts, labour and the result are recorded with the status change; out of warranty the
 * total then becomes a charge (kind "repair", idempotent by work order number, so a retry after a
 * failure creates it once) the shopper pays before confirming.
 */
export async function finishRepair(
  db: Db,
  technicianId: number,
  no: string,
  input: { parts: RepairPart[]; laborFen: number; resolution: string },
  now = Date.now(),
) {
  const wo = await visibleRepair(db, no, assignedTo(technicianId));
  const fees = repairFees(input.parts, input.laborFen, wo.inWarranty);
  const next = await changeRepair(
    db,
    wo,
    {
      action: "finish",
      actor: technicianActor(technicianId),
      set: { doneAt: now, parts: input.parts, ...fees, resolution: input.resolution },
      note:
        fees.chargeFen > 0 ? `维修完工，应付维修费用 ¥${fenToYuan(fees.chargeFen)}` : "维修完工（无需付费）",
      extra: (n) => [shopperNoticeStatement(db, doneNotice(n))],
    },
    now,
  );
  await chargeOwed(db, next);
  return repairDetail(db, next, "technician");
}
