import { z } from "@hono/zod-openapi";
import { WORK_ORDER_STATUSES } from "./state-machine";

/**
 * Response schemas of /api/installation/*, /api/installer/* and /api/admin/installation/*: what
 * work-orders.ts, areas.ts and category-services.ts build. Documentation and the mini program's
 * generated types; TypeScript checks the handlers' c.json(...) against them.
 */

const epochMs = z.number().int().openapi({ description: "UTC 毫秒" });
const fen = z.number().int().openapi({ description: "分" });

const slotBrief = {
  id: z.number().int(),
  areaId: z.number().int(),
  date: z.string().openapi({ description: "北京时间日期 YYYY-MM-DD" }),
  weekday: z.string().openapi({ example: "周三" }),
  label: z.string().openapi({ example: "09:00–12:00" }),
  startsAt: epochMs,
  endsAt: epochMs,
};

const workOrderAction = z.enum(["book", "reschedule", "cancel_booking", "depart", "complete", "cancel"]);

export const WorkOrderSchema = z
  .object({
    id: z.number().int(),
    orderId: z.number().int(),
    orderNo: z.string(),
    status: z.enum(WORK_ORDER_STATUSES),
    statusLabel: z.string().openapi({ example: "待预约" }),
    product: z.object({
      skuId: z.number().int(),
      productId: z.number().int(),
      name: z.string(),
      specs: z.record(z.string(), z.string()),
      image: z.string().nullable(),
      quantity: z.number().int(),
    }),
    includes: z.string().openapi({ description: "服务包含内容" }),
    extras: z.array(z.string()).openapi({ description: "已付费的附加项，如 支架 ×1" }),
    address: z.object({
      receiverName: z.string(),
      phone: z.string(),
      province: z.string(),
      city: z.string(),
      district: z.string(),
      detail: z.string(),
    }),
    slot: z
      .object({ ...slotBrief, areaName: z.string() })
      .nullable()
      .openapi({ description: "预约的时段（待预约、已取消时为 null）" }),
    installer: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    changeDeadline: epochMs.nullable().openapi({ description: "改约/取消截止时间（已预约时）" }),
    changeDeadlineLabel: z.string().nullable().openapi({ example: "服务前一天 18:00" }),
    actions: z.array(workOrderAction).openapi({ description: "当前查看者现在可以执行的操作" }),
    departedAt: epochMs.nullable(),
    doneAt: epochMs.nullable(),
    serialNos: z.array(z.string()).openapi({ description: "完工登记的设备序列号" }),
    photoUrl: z.string().nullable().openapi({ description: "完工照片（需登录）" }),
    cancelReason: z.string().nullable(),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .openapi("InstallationWorkOrder");

export const WorkOrderListSchema = z
  .object({ items: z.array(WorkOrderSchema) })
  .openapi("InstallationWorkOrderList");

export const InstallerDaySchema = z
  .object({ date: z.string(), items: z.array(WorkOrderSchema) })
  .openapi("InstallerDay");

export const WorkOrderSlotsSchema = z
  .object({
    area: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    message: z.string().nullable().openapi({ description: "地址不在服务区域时的说明" }),
    cutoffLabel: z.string().nullable(),
    items: z.array(
      z
        .object({
          ...slotBrief,
          remaining: z.number().int(),
          current: z.boolean().openapi({ description: "当前预约的时段" }),
          bookable: z.boolean(),
        })
        .openapi("BookableSlot"),
    ),
  })
  .openapi("InstallationSlots");

// ---------- merchant ----------

export const InstallationServiceSchema = z
  .object({
    categoryId: z.number().int(),
    requiresInstallation: z.boolean(),
    includes: z.string(),
    bracketFeeFen: fen.nullable(),
    highAltitudeFeeFen: fen.nullable(),
    carryFeePerFloorFen: fen.nullable(),
    carryFreeFloors: z.number().int(),
  })
  .openapi("InstallationService");

export const InstallationServiceListSchema = z
  .object({
    items: z.array(
      InstallationServiceSchema.extend({ categoryName: z.string(), parentId: z.number().int().nullable() }),
    ),
  })
  .openapi("InstallationServiceList");

const region = z.object({ code: z.string(), name: z.string() });
const window = z.object({ start: z.string(), end: z.string(), capacity: z.number().int() });

export const InstallationAreaSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    regions: z.array(region),
    windows: z.array(window),
    cutoff: z.object({ daysBefore: z.number().int(), time: z.string(), label: z.string() }),
    active: z.boolean(),
    installers: z.array(z.object({ id: z.number().int(), name: z.string() })),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .openapi("InstallationArea");

export const InstallationAreaListSchema = z
  .object({ items: z.array(InstallationAreaSchema) })
  .openapi("InstallationAreaList");

export const InstallationSlotSchema = z
  .object({
    ...slotBrief,
    capacity: z.number().int(),
    booked: z.number().int(),
    remaining: z.number().int(),
  })
  .openapi("InstallationSlot");

export const InstallationSlotListSchema = z
  .object({ items: z.array(InstallationSlotSchema) })
  .openapi("InstallationSlotList");

export const GeneratedSlotsSchema = z
  .object({ created: z.number().int(), skipped: z.number().int() })
  .openapi("GeneratedSlots");

export const InstallerSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    name: z.string(),
    disabled: z.boolean(),
    areaIds: z.array(z.number().int()),
  })
  .openapi("Installer");

export const InstallerListSchema = z.object({ items: z.array(InstallerSchema) }).openapi("InstallerList");

export const InstallerAreasSchema = z
  .object({ id: z.number().int(), areaIds: z.array(z.number().int()) })
  .openapi("InstallerAreas");

// ---------- checkout ----------

/** What the quote shows per line with an installation service (fees.ts: installationQuoteLines). */
export const InstallationLineInfoSchema = z
  .object({
    skuId: z.number().int(),
    requiresInstallation: z.boolean(),
    headline: z.string().openapi({ example: "需预约上门安装" }),
    includes: z.string(),
    options: z.array(
      z
        .object({
          key: z.enum(["bracket", "highAltitude", "carry"]),
          label: z.string(),
          unitFen: fen,
          priceLabel: z.string().openapi({ example: "¥80.00/台" }),
        })
        .openapi("InstallationOption"),
    ),
  })
  .openapi("InstallationLineInfo");
