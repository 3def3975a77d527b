import { createRoute, z } from "@hono/zod-openapi";
import { orderDeps } from "../orders/deps";
import { staffOf } from "../shared/auth";
import { badRequest } from "../shared/errors";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import { AdminInvoicePageSchema, InvoiceSchema, invoiceStatusQuery } from "./api-schemas";
import { pdfResponse } from "./pdf-response";
import {
  issueInvoice,
  listInvoicesForMerchant,
  MAX_INVOICE_PDF_BYTES,
  merchantInvoiceFile,
  rejectInvoice,
} from "./service";

/** 发票管理 for merchants and operations (guarded in shared/admin-guard.ts). */
export const invoiceAdminRoutes = createRouter();
const tags = ["invoices"];
const params = { params: z.object({ id: z.coerce.number().int().positive() }) };
const merchant = (c: Parameters<typeof staffOf>[0]) => ({ kind: "merchant" as const, id: staffOf(c).id });

invoiceAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/invoices",
    tags,
    security: bearer,
    summary: "发票申请列表（按状态筛选，新的在前）",
    request: { query: invoiceStatusQuery },
    responses: jsonOk("一页发票申请", AdminInvoicePageSchema),
  }),
  async (c) => c.json(await listInvoicesForMerchant(c.get("db"), c.req.valid("query"))),
);

// No request schema on purpose: the body is multipart (fields invoiceNo and file) and the file's type
// is decided from its bytes, never from the declared Content-Type.
invoiceAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/invoices/{id}/issue",
    tags,
    security: bearer,
    summary: "开具：上传税务平台开出的 PDF 与发票号码（multipart：invoiceNo、file），金额按实付减已退款确定",
    request: params,
    responses: jsonOk("已开具的发票", InvoiceSchema),
  }),
  async (c) => {
    const form = await c.req.formData().catch(() => undefined);
    const file: unknown = form?.get("file");
    const invoiceNo = form?.get("invoiceNo");
    if (!(file instanceof Blob))
      throw badRequest("请上传发票 PDF（表单字段 file）", [{ path: "file", message: "请上传发票 PDF" }]);
    if (file.size > MAX_INVOICE_PDF_BYTES) throw badRequest("发票文件不能超过 5MB");
    return c.json(
      await issueInvoice(orderDeps(c), merchant(c), c.req.valid("param").id, {
        invoiceNo: typeof invoiceNo === "string" ? invoiceNo : "",
        pdf: new Uint8Array(await file.arrayBuffer()),
      }),
    );
  },
);

invoiceAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/invoices/{id}/reject",
    tags,
    security: bearer,
    summary: "驳回发票申请（买家看到原因，可修改后重新提交）",
    request: { ...params, ...jsonBody(z.object({ reason: z.string({ error: "请填写驳回原因" }).max(500) })) },
    responses: jsonOk("已驳回的申请", InvoiceSchema),
  }),
  async (c) =>
    c.json(
      await rejectInvoice(orderDeps(c), merchant(c), c.req.valid("param").id, c.req.valid("json").reason),
    ),
);

invoiceAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/invoices/{id}/file",
    tags,
    security: bearer,
    summary: "下载已开具的发票 PDF",
    request: params,
    responses: { 200: { description: "PDF", content: { "application/pdf": { schema: z.any() } } } },
  }),
  async (c) => pdfResponse(await merchantInvoiceFile(c.env, c.get("db"), c.req.valid("param").id)),
);
