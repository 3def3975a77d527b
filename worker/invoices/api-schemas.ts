import { z } from "@hono/zod-openapi";

const fen = z.number().int().openapi({ description: "金额（分）" });
const STATUSES = ["requested", "issued", "rejected", "cancelled"] as const;

export const InvoiceSchema = z
  .object({
    id: z.number().int(),
    status: z.enum(STATUSES),
    statusLabel: z.string().openapi({ description: "开票中 / 已开票 / 未通过 / 已取消" }),
    kind: z.enum(["personal", "company"]),
    kindLabel: z.string(),
    title: z.string().openapi({ description: "发票抬头" }),
    taxNo: z.string().nullable().openapi({ description: "纳税人识别号（企业）" }),
    email: z.string().nullable().openapi({ description: "接收邮箱（可选）" }),
    amountFen: fen.nullable().openapi({ description: "开票金额：开具时的实付减已退款；未开具为 null" }),
    invoiceNo: z.string().nullable().openapi({ description: "发票号码" }),
    hasFile: z.boolean().openapi({ description: "可以下载 PDF" }),
    rejectReason: z.string().nullable(),
    requestedAt: z.number().int(),
    issuedAt: z.number().int().nullable(),
  })
  .openapi("Invoice");

export const OrderInvoiceSchema = z
  .object({
    orderNo: z.string(),
    estimatedFen: fen.openapi({ description: "现在开具的金额（实付减已退款）" }),
    canRequest: z.boolean().openapi({ description: "现在可以申请或修改" }),
    blockedReason: z.string().nullable().openapi({ description: "不能开票的原因" }),
    invoice: InvoiceSchema.nullable(),
  })
  .openapi("OrderInvoice");

export const AdminInvoiceSchema = InvoiceSchema.extend({
  orderId: z.number().int(),
  orderNo: z.string(),
  orderStatus: z.enum(["pending_payment", "paid", "shipped", "completed", "cancelled"]),
  payableFen: fen,
  refundableFen: fen.openapi({ description: "现在开具的金额（实付减已退款）" }),
}).openapi("AdminInvoice");

export const AdminInvoicePageSchema = z
  .object({ items: z.array(AdminInvoiceSchema), nextCursor: z.string().nullable() })
  .openapi("AdminInvoicePage");

export const invoiceRequestBody = z.object({
  kind: z.enum(["personal", "company"], { error: "请选择个人或企业抬头" }),
  title: z.string({ error: "请填写发票抬头" }).max(200),
  taxNo: z.string().max(40).nullish(),
  email: z.string().max(200).nullish(),
});

export const invoiceStatusQuery = z.object({
  status: z.enum(STATUSES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
