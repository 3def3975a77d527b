// Repair work orders: opening one (from a repair case, an agent's chat, or a registered product), with
// the warranty decided here from the unit's serial and purchase date, and every later status change
// through changeRepair (one atomic batch: event row + compare-and-set on the version).
import { and, asc, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { products } from "../../catalog/schema";
import type { Db } from "../../db/client";
import { installedUnits } from "../../installation/schema";
import type { OrderDeps } from "../../orders/deps";
import { newOrderNo } from "../../orders/order-no";
import { orderItems, orders } from "../../orders/schema";
import { isUniqueViolation } from "../../orders/transition";
import { AppError, badRequest, conflict, notFound } from "../../shared/errors";
import { categoryPath } from "../service";
import { baselinePolicy, policyForCategory } from "../warranty";
import { WARRANTY_POLICIES } from "../warranty-policies";
import { productRegistrations, repairWorkOrderEvents, repairWorkOrders } from "./schema";
import { planRepairTransition, type RepairAction, type RepairActor } from "./state-machine";
import { decideWarranty, type WarrantyBasis } from "./warranty-decision";

export type RepairRow = typeof repairWorkOrders.$inferSelect;
export type RegistrationRow = typeof productRegistrations.$inferSelect;

export interface RepairContact {
  name: string;
  phone: string;
  address: string;
}

export interface OpenRepairInput {
  shopperId: number;
  source: "case" | "agent" | "registration";
  /** Bought here. */
  orderItemId?: number;
  /** Bought elsewhere, registered by serial + invoice photo (must be approved). */
  registrationId?: number;
  /** When opened by an after-sales case of type "repair": one work order per case. */
  caseNo?: string;
  problem: string;
  /** R2 keys from POST /api/after-sales/photos. */
  photos?: string[];
  /** Defaults to the order's delivery address; required for registered products. */
  contact?: RepairContact;
  /** Which unit of the order line (its serial registered at installation); default: the line's first unit. */
  serialNo?: string;
  /** The chat an agent opened it from, and who opened it. */
  conversationId?: number;
  openedBy?: number;
}

export const newWorkOrderNo = (now: number) => `RW${newOrderNo(now)}`;

/** The unit a work order is about: what it is, its serial, where to go, and its warranty basis. */
interface Subject {
  productName: string;
  image: string | null;
  serialNo: string | null;
  orderId: number | null;
  orderNo: string | null;
  contact: RepairContact | null;
  basis: WarrantyBasis;
}

async function policyOf(db: Db, categoryId: number | null, productName: string) {
  const names = categoryId ? await categoryPath(db, categoryId) : [];
  return policyForCategory([...names, productName]) ?? baselinePolicy(names[0] ?? "家电");
}

/** An order line of the shopper's (someone else's → 404): its installed unit, or its delivery date. */
async function orderItemSubject(
  db: Db,
  shopperId: number,
  orderItemId: number,
  serialNo?: string,
): Promise<Subject> {
  const row = await db
    .select({
      item: orderItems,
      order: orders,
      warrantyMonths: products.warrantyMonths,
      categoryId: products.categoryId,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .leftJoin(products, eq(products.id, orderItems.productId))
    .where(eq(orderItems.id, orderItemId))
    .get();
  if (!row || row.order.shopperId !== shopperId) throw notFound("订单商品不存在");
  const { item, order } = row;
  if (order.status === "pending_payment" || order.status === "cancelled" || order.paidAt === null)
    throw conflict("该订单未支付或已取消，不能报修", "ORDER_NOT_REPAIRABLE");
  const units = await db
    .select()
    .from(installedUnits)
    .where(eq(installedUnits.orderItemId, orderItemId))
    .orderBy(asc(installedUnits.installedAt), asc(installedUnits.serialNo));
  const wanted = serialNo?.toUpperCase();
  const unit = wanted ? units.find((u) => u.serialNo === wanted) : units[0];
  if (wanted && !unit)
    throw badRequest(`序列号 ${wanted} 不属于该订单商品，请核对`, undefined, "SERIAL_MISMATCH");
  const policy = await policyOf(db, row.categoryId, item.name);
  const delivered = order.deliveredAt ?? order.completedAt;
  const basis: WarrantyBasis = unit
    ? { policy, kind: "installation", startsAt: unit.installedAt }
    : delivered !== null
      ? { policy, kind: "delivery", startsAt: delivered }
      : { policy, kind: "payment", startsAt: order.paidAt };
  if (row.warrantyMonths) basis.wholeUnitMonths = row.warrantyMonths;
  const a = order.address;
  return {
    productName: item.name,
    image: item.image,
    serialNo: unit?.serialNo ?? null,
    orderId: order.id,
    orderNo: order.orderNo,
    contact: {
      name: a.receiverName,
      phone: a.phone,
      address: `${a.province}${a.city}${a.district}${a.detail}`,
    },
    basis,
  };
}

/** A registered product of the shopper's (someone else's → 404); only approved ones can be repaired. */
async function registrationSubject(db: Db, shopperId: number, registrationId: number): Promise<Subject> {
  const reg = await db
    .select()
    .from(productRegistrations)
    .where(and(eq(productRegistrations.id, registrationId), eq(productRegistrations.shopperId, shopperId)))
    .get();
  if (!reg) throw notFound("产品登记不存在");
  if (reg.status !== "approved")
    throw conflict(
      reg.status === "pending" ? "产品登记尚在审核中，审核通过后才能报修" : "产品登记未通过审核，不能报修",
      "REGISTRATION_NOT_APPROVED",
    );
  return {
    productName: reg.productName,
    image: null,
    serialNo: reg.serialNo,
    orderId: null,
    orderNo: null,
    contact: null,
    basis: { policy: registrationPolicy(reg), kind: "registration", startsAt: reg.purchasedAt },
  };
}

export const registrationPolicy = (reg: Pick<RegistrationRow, "policySlug" | "productName">) =>
  WARRANTY_POLICIES.find((p) => p.slug === reg.policySlug) ??
  policyForCategory([reg.productName]) ??
  baselinePolicy("家电");

const existingForCase = (db: Db, caseNo: string) =>
  db
    .select({ no: repairWorkOrders.workOrderNo })
    .from(repairWorkOrders)
    .where(eq(repairWorkOrders.caseNo, caseNo))
    .get();

/**
 * Opens a work order in `received`, with its first timeline event, in one batch. Idempotent per caseNo:
 * asking again (or concurrently) for the same case returns the same work order with created=false.
 * Throws 404 for someone else's order item or registration, 409 when it cannot be repaired, 400 on bad input.
 */
export async function openRepairWorkOrder(
  deps: Pick<OrderDeps, "db">,
  input: OpenRepairInput,
  now = Date.now(),
): Promise<{ workOrderNo: string; created: boolean }> {
  const { db } = deps;
  if (input.caseNo) {
    const found = await existingForCase(db, input.caseNo);
    if (found) return { workOrderNo: found.no, created: false };
  }
  if ((input.orderItemId === undefined) === (input.registrationId === undefined))
    throw badRequest("请指定报修的订单商品或已登记的产品（二选一）", undefined, "REPAIR_SUBJECT_REQUIRED");
  // A case's description is optional: its work order still says where it came from.
  const problem = input.problem.trim() || (input.caseNo ? `售后申请 ${input.caseNo} 报修` : "");
  if (!problem) throw badRequest("请描述故障情况", undefined, "PROBLEM_REQUIRED");
  const subject =
    input.orderItemId !== undefined
      ? await orderItemSubject(db, input.shopperId, input.orderItemId, input.serialNo)
      : await registrationSubject(db, input.shopperId, input.registrationId!);
  const contact = input.contact ?? subject.contact;
  if (!contact) throw badRequest("请填写联系人、电话和上门地址", undefined, "CONTACT_REQUIRED");
  const warranty = decideWarranty(subject.basis, now);
  const workOrderNo = newWorkOrderNo(now);
  const insert = db.insert(repairWorkOrders).values({
    workOrderNo,
    shopperId: input.shopperId,
    source: input.source,
    caseNo: input.caseNo ?? null,
    orderId: subject.orderId,
    orderNo: subject.orderNo,
    orderItemId: input.orderItemId ?? null,
    registrationId: input.registrationId ?? null,
    conversationId: input.conversationId ?? null,
    openedBy: input.openedBy ?? null,
    productName: subject.productName,
    image: subject.image,
    serialNo: subject.serialNo,
    problem,
    photos: input.photos ?? [],
    contactName: contact.name,
    phone: contact.phone,
    address: contact.address,
    status: "received",
    version: 1,
    inWarranty: warranty.inWarranty,
    warrantyStartsAt: warranty.startsAt,
    warrantyEndsAt: warranty.endsAt,
    warrantyNote: warranty.note,
    parts: [],
    createdAt: now,
    updatedAt: now,
  });
  const actorKind: RepairActor =
    input.source === "agent" ? "agent" : input.source === "case" ? "system" : "shopper";
  const event = db.run(sql`INSERT INTO ${repairWorkOrderEvents}
      (work_order_id, seq, action, from_status, to_status, actor_kind, actor_id, note, created_at)
    SELECT id, 1, 'open', NULL, 'received', ${actorKind}, ${input.openedBy ?? (actorKind === "shopper" ? input.shopperId : null)},
      ${input.caseNo ? `由售后申请 ${input.caseNo} 转为维修工单` : "已受理维修申请"}, ${now}
    FROM ${repairWorkOrders} WHERE work_order_no = ${workOrderNo}`);
  try {
    await db.batch([insert, event]);
  } catch (err) {
    // A concurrent call for the same case won: hand back its work order.
    if (input.caseNo && isUniqueViolation(err, "repair_work_orders.case_no")) {
      const found = await existingForCase(db, input.caseNo);
      if (found) return { workOrderNo: found.no, created: false };
    }
    throw err;
  }
  return { workOrderNo, created: true };
}

export interface RepairActorRef {
  kind: RepairActor;
  id: number | null;
}

type RepairPatch = Partial<
  Omit<typeof repairWorkOrders.$inferInsert, "id" | "status" | "version" | "workOrderNo" | "shopperId">
>;

export interface RepairChange {
  action: Exclude<RepairAction, "open">;
  actor: RepairActorRef;
  set?: RepairPatch;
  note?: string;
  /** Whether the repair's charge is paid (confirm). */
  chargePaid?: boolean;
  /** More statements for the same batch (the shopper's notice). */
  extra?: (wo: RepairRow) => BatchItem<"sqlite">[];
}

/**
 * Applies one change, all or nothing: the event row with seq = version + 1 (unique per work order, so of
 * two racing changes the second fails and rolls back: 409) and the compare-and-set on the version.
 */
export async function changeRepair(
  db: Db,
  wo: RepairRow,
  req: RepairChange,
  now = Date.now(),
): Promise<RepairRow> {
  const plan = planRepairTransition(
    {
      status: wo.status,
      hasAppointment: wo.appointmentAt !== null,
      owedFen: wo.chargeFen,
      chargePaid: req.chargePaid ?? false,
    },
    req.action,
    req.actor.kind,
  );
  if (!plan.ok) throw new AppError(409, plan.code, plan.message);
  const next: RepairRow = { ...wo, ...req.set, status: plan.to, version: wo.version + 1, updatedAt: now };
  const statements: BatchItem<"sqlite">[] = [
    db.insert(repairWorkOrderEvents).values({
      workOrderId: wo.id,
      seq: wo.version + 1,
      action: req.action,
      fromStatus: plan.from,
      toStatus: plan.to,
      actorKind: req.actor.kind,
      actorId: req.actor.id,
      note: req.note ?? plan.label,
      createdAt: now,
    }),
    db
      .update(repairWorkOrders)
      .set({ ...req.set, status: plan.to, version: sql`${repairWorkOrders.version} + 1`, updatedAt: now })
      .where(and(eq(repairWorkOrders.id, wo.id), eq(repairWorkOrders.version, wo.version))),
    ...(req.extra?.(next) ?? []),
  ];
  try {
    await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  } catch (err) {
    if (isUniqueViolation(err, "repair_work_order_events"))
      throw conflict("维修工单刚刚被更新，请刷新后重试", "CONCURRENT_UPDATE");
    throw err;
  }
  return next;
}

export async function repairByNo(db: Db, workOrderNo: string): Promise<RepairRow | undefined> {
  return db.select().from(repairWorkOrders).where(eq(repairWorkOrders.workOrderNo, workOrderNo)).get();
}
