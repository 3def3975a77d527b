// Work orders as the shopper, the technician and staff see them: warranty, technician, fees, the
// charge's state, the timeline, and what the viewer may do now.
import { asc, eq, inArray } from "drizzle-orm";
import { staff } from "../../auth/schema";
import { imageUrl } from "../../catalog/model";
import type { Db } from "../../db/client";
import { type ChargeState, chargesOf } from "./charge";
import { photoUrl } from "./photos";
import { repairWorkOrderEvents } from "./schema";
import type { RepairRow } from "./service";
import { availableRepairActions, REPAIR_STATUS_LABELS, type RepairActor } from "./state-machine";

export type RepairViewer = Exclude<RepairActor, "system">;

const photo = (key: string) => ({ key, url: photoUrl(key) });

export async function repairViews(db: Db, rows: readonly RepairRow[], viewer: RepairViewer) {
  const technicianIds = [...new Set(rows.flatMap((r) => (r.technicianId === null ? [] : [r.technicianId])))];
  const [technicians, charges] = await Promise.all([
    technicianIds.length
      ? db
          .select({ id: staff.id, name: staff.displayName })
          .from(staff)
          .where(inArray(staff.id, technicianIds))
      : [],
    chargesOf(
      db,
      rows.filter((r) => r.chargeFen > 0).map((r) => r.workOrderNo),
    ),
  ]);
  return rows.map((wo) => {
    const charge: ChargeState | null = charges.get(wo.workOrderNo) ?? null;
    const facts = {
      status: wo.status,
      hasAppointment: wo.appointmentAt !== null,
      owedFen: wo.chargeFen,
      chargePaid: charge?.status === "paid",
    };
    return {
      workOrderNo: wo.workOrderNo,
      status: wo.status,
      statusLabel: REPAIR_STATUS_LABELS[wo.status],
      source: wo.source,
      caseNo: wo.caseNo,
      orderNo: wo.orderNo,
      orderItemId: wo.orderItemId,
      registrationId: wo.registrationId,
      product: {
        name: wo.productName,
        imageUrl: wo.image ? imageUrl(wo.image) : null,
        serialNo: wo.serialNo,
      },
      problem: wo.problem,
      photos: wo.photos.map(photo),
      contact: { name: wo.contactName, phone: wo.phone, address: wo.address },
      warranty: {
        inWarranty: wo.inWarranty,
        startsAt: wo.warrantyStartsAt,
        endsAt: wo.warrantyEndsAt,
        note: wo.warrantyNote,
      },
      technician:
        wo.technicianId === null ? null : (technicians.find((t) => t.id === wo.technicianId) ?? null),
      appointmentAt: wo.appointmentAt,
      arrivedAt: wo.arrivedAt,
      doneAt: wo.doneAt,
      confirmedAt: wo.confirmedAt,
      parts: wo.parts,
      partsFen: wo.partsFen,
      laborFen: wo.laborFen,
      chargeFen: wo.chargeFen,
      charge,
      /** The shopper still has to pay the charge (before confirming). */
      paymentDue: wo.status === "done" && wo.chargeFen > 0 && charge?.status !== "paid",
      resolution: wo.resolution,
      cancelReason: wo.cancelReason,
      actions: availableRepairActions(facts, viewer),
      createdAt: wo.createdAt,
      updatedAt: wo.updatedAt,
    };
  });
}

/** One work order with its timeline. */
export async function repairDetail(db: Db, wo: RepairRow, viewer: RepairViewer) {
  const [[view], events] = await Promise.all([
    repairViews(db, [wo], viewer),
    db
      .select()
      .from(repairWorkOrderEvents)
      .where(eq(repairWorkOrderEvents.workOrderId, wo.id))
      .orderBy(asc(repairWorkOrderEvents.seq)),
  ]);
  return {
    ...view!,
    timeline: events.map((e) => ({
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      statusLabel: REPAIR_STATUS_LABELS[e.toStatus],
      actorKind: e.actorKind,
      note: e.note,
      createdAt: e.createdAt,
    })),
  };
}
