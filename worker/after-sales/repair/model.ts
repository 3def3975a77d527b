// Request schemas of the repair work order and product registration APIs.
import { z } from "@hono/zod-openapi";
import { SERIAL_NO } from "../../installation/model";
import { PHOTO_KEY_PATTERN } from "../cases/model";
import { WARRANTY_POLICIES } from "../warranty-policies";
import { REPAIR_STATUSES } from "./state-machine";

/** A key from POST /api/after-sales/photos. */
export const photoKey = z.string().regex(PHOTO_KEY_PATTERN, { message: "图片无效，请重新上传" });
export const photoKeys = z.array(photoKey).max(9, { message: "照片最多 9 张" }).default([]);

const serialNo = z
  .string()
  .trim()
  .regex(SERIAL_NO, { message: "序列号应为 6–40 位字母、数字或短横线" })
  .transform((s) => s.toUpperCase());

const problem = z
  .string()
  .trim()
  .min(1, { message: "请描述故障情况" })
  .max(500, { message: "故障描述不能超过 500 字" });

export const contactInput = z
  .object({
    name: z.string().trim().min(1, { message: "请填写联系人" }).max(20),
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, { message: "请填写 11 位手机号" }),
    address: z.string().trim().min(5, { message: "请填写详细的上门地址" }).max(200),
  })
  .openapi("RepairContactInput");

/** Shopper: a repair for an approved registered product (bought elsewhere). */
export const shopperRepairInput = z
  .object({
    registrationId: z.number().int().positive(),
    problem,
    photos: photoKeys.openapi({ description: "POST /api/after-sales/photos 返回的 key" }),
    contact: contactInput,
  })
  .openapi("ShopperRepairInput");

/** Agent / merchant, from a chat: for an order line of the chat's shopper, or a registered product. */
export const agentRepairInput = z
  .object({
    conversationId: z
      .number()
      .int()
      .positive()
      .openapi({ description: "客服会话 id（工单开给该会话的顾客）" }),
    orderItemId: z.number().int().positive().optional().openapi({ description: "本店购买：订单商品 id" }),
    registrationId: z.number().int().positive().optional().openapi({ description: "外购登记的产品 id" }),
    serialNo: serialNo.optional().openapi({ description: "多台时指明哪一台（安装时登记的序列号）" }),
    problem,
    photos: photoKeys,
    contact: contactInput.optional().openapi({ description: "省略时使用订单收货信息（外购产品必填）" }),
  })
  .refine((v) => (v.orderItemId === undefined) !== (v.registrationId === undefined), {
    message: "请指定报修的订单商品或已登记的产品（二选一）",
    path: ["orderItemId"],
  })
  .openapi("AgentRepairInput");

export const workOrderNoParam = z.object({
  no: z
    .string()
    .regex(/^RW\d{24}$/, { message: "工单号格式不正确" })
    .openapi({ param: { name: "no", in: "path" }, description: "维修工单号（RW 开头）" }),
});

export const repairListQuery = z.object({
  status: z.enum(REPAIR_STATUSES).optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const assignInput = z.object({
  technicianId: z
    .number()
    .int()
    .positive()
    .openapi({ description: "安装/维修师傅的员工 id（角色 installer）" }),
});
export const cancelInput = z.object({
  reason: z.string().trim().min(1, { message: "请填写取消原因" }).max(200),
});

export const MAX_APPOINTMENT_DAYS = 30;
export const appointmentInput = z.object({
  appointmentAt: z
    .number()
    .int()
    .positive()
    .openapi({ description: `上门时间（UTC 毫秒），须在未来 ${MAX_APPOINTMENT_DAYS} 天内` }),
});

const fee = z.number().int().min(0).max(10_000_000);
export const finishInput = z
  .object({
    parts: z
      .array(
        z.object({
          name: z.string().trim().min(1, { message: "请填写配件名称" }).max(40),
          quantity: z.number().int().min(1).max(99),
          unitFen: fee.openapi({ description: "配件单价（分）；保修期内不向顾客收取" }),
        }),
      )
      .max(30)
      .default([]),
    laborFen: fee.default(0).openapi({ description: "人工费（分）；保修期内不向顾客收取" }),
    resolution: z.string().trim().min(1, { message: "请填写维修结果" }).max(500),
  })
  .openapi("RepairFinishInput");

const slugs = WARRANTY_POLICIES.map((p) => p.slug) as [string, ...string[]];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const registrationInput = z
  .object({
    serialNo,
    productName: z.string().trim().min(1, { message: "请填写产品名称" }).max(60),
    category: z
      .enum(slugs, { message: `品类只能是：${slugs.join("、")}` })
      .optional()
      .openapi({
        description: "保修政策品类（GET /api/after-sales/warranty-policies 的 slug）；省略按产品名称判断",
      }),
    purchaseDate: z
      .string()
      .regex(DATE, { message: "购买日期格式应为 YYYY-MM-DD" })
      .openapi({ description: "发票上的购买日期（北京时间）" }),
    invoicePhoto: photoKey.openapi({ description: "发票照片：POST /api/after-sales/photos 返回的 key" }),
  })
  .openapi("ProductRegistrationInput");

export const registrationListQuery = z.object({
  status: z.enum(["pending", "approved", "rejected"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const rejectInput = z.object({
  reason: z.string().trim().min(1, { message: "请填写驳回原因" }).max(200),
});
