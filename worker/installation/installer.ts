// The installer's side: the day's work orders in their areas, on the way, done with photo and serials.
import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { sniffImage } from "../catalog/images";
import type { Db } from "../db/client";
import { AppError, badRequest, conflict, notFound } from "../shared/errors";
import { SERIAL_NO } from "./model";
import { beijingDate } from "./schedule";
import { installAreaInstallers, installedUnits, installSlots, installWorkOrders } from "./schema";
import {
  type Actor,
  changeWorkOrder,
  constraintFailed,
  type WorkOrderRow,
  workOrderView,
  workOrderViews,
} from "./work-orders";

/** Work orders with a slot in one of the installer's areas that are unassigned or theirs. */
const visibleTo = (installerId: number) =>
  and(
    inArray(
      installWorkOrders.slotId,
      sql`(SELECT s.id FROM ${installSlots} s JOIN ${installAreaInstallers} ai ON ai.area_id = s.area_id
           WHERE ai.staff_id = ${installerId})`,
    ),
    or(isNull(installWorkOrders.installerId), eq(installWorkOrders.installerId, installerId)),
    inArray(installWorkOrders.status, ["booked", "rescheduled", "on_the_way", "done"]),
  );

export async function installerDay(db: Db, installerId: number, date: string | undefined, now = Date.now()) {
  const day = date ?? beijingDate(now);
  const rows = await db
    .select({ wo: installWorkOrders })
    .from(installWorkOrders)
    .innerJoin(installSlots, eq(installSlots.id, installWorkOrders.slotId))
    .where(and(eq(installSlots.date, day), visibleTo(installerId)))
    .orderBy(asc(installSlots.startsAt), asc(installWorkOrders.id));
  return {
    date: day,
    items: await workOrderViews(
      db,
      rows.map((r) => r.wo),
      "installer",
      now,
    ),
  };
}

/** Whether the installer may see this work order (its day list, its photo). */
export async function installationVisibleTo(db: Db, installerId: number, id: number): Promise<boolean> {
  const row = await db
    .select({ id: installWorkOrders.id })
    .from(installWorkOrders)
    .where(and(eq(installWorkOrders.id, id), visibleTo(installerId)))
    .get();
  return Boolean(row);
}

async function installerWorkOrder(db: Db, installerId: number, id: number): Promise<WorkOrderRow> {
  const wo = await db
    .select()
    .from(installWorkOrders)
    .where(and(eq(installWorkOrders.id, id), visibleTo(installerId)))
    .get();
  if (!wo) throw notFound("安装工单不存在");
  return wo;
}

/** On the way: the installer takes the work order (unless the merchant assigned it to them already). */
export async function markOnTheWay(db: Db, installerId: number, id: number, now = Date.now()) {
  const wo = await installerWorkOrder(db, installerId, id);
  const actor: Actor = { kind: "installer", id: installerId };
  const next = await changeWorkOrder(
    db,
    wo,
    { action: "depart", actor, set: { installerId, departedAt: now } },
    now,
  );
  return workOrderView(db, next, "installer", now);
}

/** "SN1, SN2" or one per line → upper-case serials; 400 unless exactly `quantity` valid, distinct ones. */
export function parseSerials(raw: string, quantity: number): string[] {
  const serials = raw
    .split(/[\s,，;；]+/)
    .filter(Boolean)
    .map((s) => s.toUpperCase());
  if (serials.length !== quantity)
    throw badRequest(
      quantity === 1 ? "请填写设备的序列号" : `请填写 ${quantity} 台设备的序列号（用逗号或换行分隔）`,
      undefined,
      "SERIAL_REQUIRED",
    );
  const bad = serials.find((s) => !SERIAL_NO.test(s));
  if (bad)
    throw badRequest(
      `序列号「${bad}」格式不正确：应为 6–40 位字母、数字或短横线`,
      undefined,
      "INVALID_SERIAL",
    );
  if (new Set(serials).size !== serials.length)
    throw badRequest("序列号不能重复", undefined, "INVALID_SERIAL");
  return serials;
}

const serialTaken = (serial: string) => conflict(`序列号 ${serial} 已登记过，请核对`, "SERIAL_REGISTERED");

export interface DoneInput {
  serialNos: string;
  photo: Uint8Array;
}

/** Photos of finished installations: private to the work order (served through its own route). */
const photoKey = (workOrderId: number, ext: string) =>
  `installations/${workOrderId}/${crypto.randomUUID()}.${ext}`;

/**
 * Done: the photo goes to R2, then one batch marks the work order done and registers each unit's
 * serial (the warranty registration after-sales looks up by serial). Everything is checked before
 * anything is written; if the batch fails after the upload, the photo is deleted again.
 */
export async function markDone(
  db: Db,
  bucket: R2Bucket,
  installerId: number,
  id: number,
  input: DoneInput,
  now = Date.now(),
) {
  const wo = await installerWorkOrder(db, installerId, id);
  const actor: Actor = { kind: "installer", id: installerId };
  if (wo.status !== "on_the_way")
    throw new AppError(409, "ILLEGAL_TRANSITION", "请先点击「出发」，到达并完成安装后再提交完工");
  const serials = parseSerials(input.serialNos, wo.quantity);
  const taken = await db
    .select({ serialNo: installedUnits.serialNo })
    .from(installedUnits)
    .where(inArray(installedUnits.serialNo, serials))
    .get();
  if (taken) throw serialTaken(taken.serialNo);
  const { type, ext, bytes } = sniffImage(input.photo);
  const key = photoKey(wo.id, ext);
  await bucket.put(key, bytes, { httpMetadata: { contentType: type } });
  try {
    const next = await changeWorkOrder(
      db,
      wo,
      {
        action: "complete",
        actor,
        set: { doneAt: now, photoKey: key },
        extra: [
          db.insert(installedUnits).values(
            serials.map((serialNo) => ({
              serialNo,
              workOrderId: wo.id,
              orderItemId: wo.orderItemId,
              productId: wo.productId,
              installedAt: now,
            })),
          ),
        ],
      },
      now,
    );
    return workOrderView(db, next, "installer", now);
  } catch (err) {
    await bucket.delete(key);
    // A concurrent completion registered one of these serials first.
    if (constraintFailed(err, "installed_units"))
      throw conflict("序列号已被其他工单登记，请核对", "SERIAL_REGISTERED");
    throw err;
  }
}
