// Service areas, their slots and their installers (merchant side).
import { and, asc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { staff } from "../auth/schema";
import type { Db } from "../db/client";
import { regionName } from "../logistics/regions";
import { badRequest, conflict, notFound } from "../shared/errors";
import { hashPassword } from "../shared/password";
import { type AddressRegion, type AreaForMatch, type AreaRegion, matchArea } from "./coverage";
import { type AreaInput, type AreaPatch, cutoffMinute } from "./model";
import {
  addDays,
  beijingDate,
  type ChangeCutoff,
  describeCutoff,
  formatHm,
  planSlots,
  type SlotWindow,
  slotLabel,
} from "./schedule";
import { installAreaInstallers, installAreas, installSlots } from "./schema";

export type AreaRow = typeof installAreas.$inferSelect;
export type SlotRow = typeof installSlots.$inferSelect;

export const cutoffOf = (a: Pick<AreaRow, "cutoffDaysBefore" | "cutoffMinute">): ChangeCutoff => ({
  daysBefore: a.cutoffDaysBefore,
  minute: a.cutoffMinute,
});

export function areaView(a: AreaRow, installers: { id: number; name: string }[] = []) {
  const cutoff = cutoffOf(a);
  return {
    id: a.id,
    name: a.name,
    regions: a.regions,
    windows: a.windows,
    cutoff: { daysBefore: cutoff.daysBefore, time: formatHm(cutoff.minute), label: describeCutoff(cutoff) },
    active: a.active,
    installers,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

const WEEKDAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
export const weekdayOf = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;

/** When a slot is: its Beijing date, weekday and window. */
export const slotBrief = (s: SlotRow) => ({
  id: s.id,
  areaId: s.areaId,
  date: s.date,
  weekday: weekdayOf(s.date),
  label: slotLabel(s.startsAt, s.endsAt),
  startsAt: s.startsAt,
  endsAt: s.endsAt,
});

export const slotView = (s: SlotRow) => ({
  ...slotBrief(s),
  capacity: s.capacity,
  booked: s.booked,
  remaining: s.capacity - s.booked,
});

/** Every code must name a region (GB/T 2260); a region without a name gets the standard one. */
function checkedRegions(regions: { code: string; name?: string | undefined }[]): AreaRegion[] {
  return regions.map((r) => {
    const standard = regionName(r.code);
    if (standard === undefined) throw badRequest(`地区编码 ${r.code} 不存在`, undefined, "UNKNOWN_REGION");
    return { code: r.code, name: r.name ?? standard };
  });
}

const cutoffColumns = (c: AreaInput["cutoff"]) =>
  c ? { cutoffDaysBefore: c.daysBefore, cutoffMinute: cutoffMinute(c.time) } : {};

// ---------- areas ----------

export async function listAreas(db: Db) {
  const [areas, links] = await Promise.all([
    db.select().from(installAreas).orderBy(asc(installAreas.id)),
    db
      .select({ areaId: installAreaInstallers.areaId, id: staff.id, name: staff.displayName })
      .from(installAreaInstallers)
      .innerJoin(staff, eq(staff.id, installAreaInstallers.staffId))
      .orderBy(asc(staff.id)),
  ]);
  return areas.map((a) =>
    areaView(
      a,
      links.filter((l) => l.areaId === a.id).map(({ id, name }) => ({ id, name })),
    ),
  );
}

export async function getArea(db: Db, id: number): Promise<AreaRow> {
  const a = await db.select().from(installAreas).where(eq(installAreas.id, id)).get();
  if (!a) throw notFound("服务区域不存在");
  return a;
}

export async function createArea(db: Db, input: AreaInput, now = Date.now()) {
  const row = await db
    .insert(installAreas)
    .values({
      name: input.name,
      regions: checkedRegions(input.regions),
      windows: input.windows,
      ...cutoffColumns(input.cutoff),
      active: input.active ?? true,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  return areaView(row);
}

export async function updateArea(db: Db, id: number, patch: AreaPatch, now = Date.now()) {
  await getArea(db, id);
  const { cutoff, regions, ...rest } = patch;
  const row = await db
    .update(installAreas)
    .set({
      ...rest,
      ...(regions ? { regions: checkedRegions(regions) } : {}),
      ...cutoffColumns(cutoff),
      updatedAt: now,
    })
    .where(eq(installAreas.id, id))
    .returning()
    .get();
  return areaView(row);
}

/** The active area covering an address, if any. */
export async function areaForAddress(db: Db, address: AddressRegion): Promise<AreaRow | undefined> {
  const areas = await db.select().from(installAreas).where(eq(installAreas.active, true));
  return matchArea<AreaRow & AreaForMatch>(areas, address);
}

// ---------- slots ----------

/** Creates the windows' slots on each date; slots that exist already (same area and start) are kept as they are. */
export async function generateSlots(
  db: Db,
  areaId: number,
  input: { from: string; to: string; windows?: SlotWindow[] },
  now = Date.now(),
) {
  const area = await getArea(db, areaId);
  if (input.from < beijingDate(now)) throw badRequest("不能为已过去的日期生成时段");
  const planned = planSlots(input.from, input.to, input.windows ?? area.windows);
  let created = 0;
  // SQLite caps bound parameters per statement: insert in chunks.
  for (let i = 0; i < planned.length; i += 50) {
    const rows = await db
      .insert(installSlots)
      .values(
        planned.slice(i, i + 50).map((p) => ({ areaId, ...p, booked: 0, createdAt: now, updatedAt: now })),
      )
      .onConflictDoNothing({ target: [installSlots.areaId, installSlots.startsAt] })
      .returning({ id: installSlots.id });
    created += rows.length;
  }
  return { created, skipped: planned.length - created };
}

export async function listSlots(
  db: Db,
  areaId: number,
  range: { from?: string; to?: string },
  now = Date.now(),
) {
  await getArea(db, areaId);
  const from = range.from ?? beijingDate(now);
  const to = range.to ?? addDays(from, 13);
  const rows = await db
    .select()
    .from(installSlots)
    .where(and(eq(installSlots.areaId, areaId), gte(installSlots.date, from), lte(installSlots.date, to)))
    .orderBy(asc(installSlots.startsAt));
  return rows.map(slotView);
}

/** Changes a slot's capacity; never below what is booked (one conditional statement: no race with bookings). */
export async function setSlotCapacity(db: Db, slotId: number, capacity: number, now = Date.now()) {
  const row = await db
    .update(installSlots)
    .set({ capacity, updatedAt: now })
    .where(and(eq(installSlots.id, slotId), lte(installSlots.booked, capacity)))
    .returning()
    .get();
  if (row) return slotView(row);
  const slot = await db.select().from(installSlots).where(eq(installSlots.id, slotId)).get();
  if (!slot) throw notFound("时段不存在");
  throw conflict(`该时段已预约 ${slot.booked} 台，容量不能小于已预约数量`, "CAPACITY_BELOW_BOOKED");
}

// ---------- installers ----------

async function checkAreas(db: Db, areaIds: readonly number[]) {
  const ids = [...new Set(areaIds)];
  if (ids.length === 0) return ids;
  const found = await db
    .select({ id: installAreas.id })
    .from(installAreas)
    .where(inArray(installAreas.id, ids));
  if (found.length !== ids.length)
    throw badRequest("服务区域不存在", { missing: ids.filter((i) => !found.some((f) => f.id === i)) });
  return ids;
}

export async function listInstallers(db: Db) {
  const [people, links] = await Promise.all([
    db
      .select({ id: staff.id, username: staff.username, name: staff.displayName, disabled: staff.disabled })
      .from(staff)
      .where(eq(staff.role, "installer"))
      .orderBy(asc(staff.id)),
    db.select().from(installAreaInstallers),
  ]);
  return people.map((p) => ({
    ...p,
    areaIds: links.filter((l) => l.staffId === p.id).map((l) => l.areaId),
  }));
}

async function getInstaller(db: Db, id: number) {
  const row = await db
    .select({ id: staff.id, role: staff.role, disabled: staff.disabled })
    .from(staff)
    .where(eq(staff.id, id))
    .get();
  if (row?.role !== "installer") throw notFound("安装师傅不存在");
  return row;
}

export async function createInstaller(
  db: Db,
  input: { username: string; password: string; displayName: string; areaIds: number[] },
  now = Date.now(),
) {
  const areaIds = await checkAreas(db, input.areaIds);
  const taken = await db.select({ id: staff.id }).from(staff).where(eq(staff.username, input.username)).get();
  if (taken) throw conflict("用户名已被使用", "USERNAME_TAKEN");
  const passwordHash = await hashPassword(input.password);
  const row = await db
    .insert(staff)
    .values({
      username: input.username,
      displayName: input.displayName,
      role: "installer",
      passwordHash,
      createdAt: now,
    })
    .returning({ id: staff.id, username: staff.username, name: staff.displayName })
    .get();
  if (areaIds.length > 0)
    await db.insert(installAreaInstallers).values(areaIds.map((areaId) => ({ areaId, staffId: row.id })));
  return { ...row, disabled: false, areaIds };
}

/** Replaces the areas an installer serves. */
export async function setInstallerAreas(db: Db, installerId: number, areaIds: number[]) {
  await getInstaller(db, installerId);
  const ids = await checkAreas(db, areaIds);
  await db.batch([
    db.delete(installAreaInstallers).where(eq(installAreaInstallers.staffId, installerId)),
    ...ids.map((areaId) => db.insert(installAreaInstallers).values({ areaId, staffId: installerId })),
  ]);
  return { id: installerId, areaIds: ids };
}

/** Whether the installer serves the area. */
export async function servesArea(db: Db, installerId: number, areaId: number): Promise<boolean> {
  const row = await db
    .select({ n: sql<number>`1` })
    .from(installAreaInstallers)
    .where(and(eq(installAreaInstallers.staffId, installerId), eq(installAreaInstallers.areaId, areaId)))
    .get();
  return Boolean(row);
}
