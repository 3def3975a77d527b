import { z } from "@hono/zod-openapi";
import { REPAIR_ACTIONS, REPAIR_STATUSES } from "./state-machine";

/**
 * Response schemas of the repair work order and product registration routes (shopper, technician,
 * merchant/agent): what views.ts and registrations.ts build.
 */

const epochMs = z.number().int().openapi({ description: "UTC 毫秒" });
const fen = z.number().int().openapi({ description: "分" });
const photo = z.object({ key: z.string(), url: z.string() });
const status = z.enum(REPAIR_STATUSES);

export const RepairChargeSchema = z
  .object({
    chargeNo: z
      .string()
      .openapi({ description: "费用单号（SC 开头），POST /api/charges/{chargeNo}/pay 支付" }),
    amountFen: fen,
    status: z.enum(["unpaid", "paid", "cancelled"]),
    paidAt: epochMs.nullable(),
  })
  .openapi("RepairCharge");

export const RepairWorkOrderSchema = z
  .object({
    workOrderNo: z.string().openapi({ example: "RW20261206152300123451234" }),
    status,
    statusLabel: z.string().openapi({ example: "待预约" }),
    source: z
      .enum(["case", "agent", "registration"])
      .openapi({ description: "售后申请 / 客服开单 / 外购登记报修" }),
    caseNo: z.string().nullable(),
    orderNo: z.string().nullable(),
    orderItemId: z.number().int().nullable(),
    registrationId: z.number().int().nullable(),
    product: z.object({ name: z.string(), imageUrl: z.string().nullable(), serialNo: z.string().nullable() }),
    problem: z.string(),
    photos: z.array(photo),
    contact: z.object({ name: z.string(), phone: z.string(), address: z.string() }),
    warranty: z
      .object({
        inWarranty: z.boolean().openapi({ description: "保修期内：配件与人工免费" }),
        startsAt: epochMs.nullable(),
        endsAt: epochMs.nullable().openapi({ description: "整机保修截止（不含）" }),
        note: z.string(),
      })
      .openapi({ description: "开单时由服务端根据序列号与购买日期判定" }),
    technician: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    appointmentAt: epochMs.nullable(),
    arrivedAt: epochMs.nullable(),
    doneAt: epochMs.nullable(),
    confirmedAt: epochMs.nullable(),
    parts: z.array(z.object({ name: z.string(), quantity: z.number().int(), unitFen: fen })),
    partsFen: fen,
    laborFen: fen,
    chargeFen: fen.openapi({ description: "顾客应付（保修期内为 0）" }),
    charge: RepairChargeSchema.nullable(),
    paymentDue: z.boolean().openapi({ description: "已完工、有费用且未支付：先支付再确认完工" }),
    resolution: z.string().nullable(),
    cancelReason: z.string().nullable(),
    actions: z.array(z.enum(REPAIR_ACTIONS)).openapi({ description: "当前查看者现在可以执行的操作" }),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .openapi("RepairWorkOrder");

export const RepairWorkOrderDetailSchema = RepairWorkOrderSchema.extend({
  timeline: z.array(
    z.object({
      action: z.string(),
      fromStatus: status.nullable(),
      toStatus: status,
      statusLabel: z.string(),
      actorKind: z.enum(["shopper", "agent", "merchant", "technician", "system"]),
      note: z.string(),
      createdAt: epochMs,
    }),
  ),
}).openapi("RepairWorkOrderDetail");

export const RepairWorkOrderPageSchema = z
  .object({ items: z.array(RepairWorkOrderSchema), nextCursor: z.string().nullable() })
  .openapi("RepairWorkOrderPage");

export const OpenedRepairSchema = z
  .object({ workOrderNo: z.string(), created: z.boolean(), workOrder: RepairWorkOrderDetailSchema })
  .openapi("OpenedRepair");

export const ProductRegistrationSchema = z
  .object({
    id: z.number().int(),
    serialNo: z.string(),
    productName: z.string(),
    category: z.string().openapi({ description: "保修政策品类名称" }),
    purchasedAt: epochMs.openapi({ description: "购买日（北京时间）零点" }),
    purchaseDate: z.string().openapi({ example: "2025-03-10" }),
    invoicePhoto: photo,
    status: z.enum(["pending", "approved", "rejected"]),
    statusLabel: z.string().openapi({ example: "待审核" }),
    rejectReason: z.string().nullable(),
    reviewedAt: epochMs.nullable(),
    warranty: z
      .object({ inWarranty: z.boolean(), endsAt: epochMs, note: z.string() })
      .nullable()
      .openapi({ description: "审核通过后按购买日期计算的保修" }),
    createdAt: epochMs,
  })
  .openapi("ProductRegistration");

export const AdminProductRegistrationSchema = ProductRegistrationSchema.extend({
  shopperId: z.number().int(),
}).openapi("AdminProductRegistration");

export const ProductRegistrationListSchema = z
  .object({ items: z.array(ProductRegistrationSchema) })
  .openapi("ProductRegistrationList");
export const AdminProductRegistrationListSchema = z
  .object({ items: z.array(AdminProductRegistrationSchema) })
  .openapi("AdminProductRegistrationList");

export const TechnicianListSchema = z
  .object({ items: z.array(z.object({ id: z.number().int(), name: z.string(), username: z.string() })) })
  .openapi("RepairTechnicianList");
