import { createRoute, z } from "@hono/zod-openapi";
import { orderDeps } from "../orders/deps";
import { requireShopper, shopperOf } from "../shared/auth";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import { invoiceRequestBody, OrderInvoiceSchema } from "./api-schemas";
import { pdfResponse } from "./pdf-response";
import { requestInvoice, shopperInvoice, shopperInvoiceFile } from "./service";

/** 电子发票 for shoppers, on their own orders (anyone else's order is 404). */
export const invoiceRoutes = createRouter();
invoiceRoutes.use("/orders/:id/invoice", requireShopper);
invoiceRoutes.use("/orders/:id/invoice/*", requireShopper);
const tags = ["invoices"];
const params = { params: z.object({ id: z.coerce.number().int().positive("订单无效") }) };

invoiceRoutes.openapi(
  createRoute({
    method: "get",
    path: "/orders/{id}/invoice",
    tags,
    security: bearer,
    summary: "订单的电子发票：能否申请、预计金额、申请状态",
    request: params,
    responses: jsonOk("订单发票", OrderInvoiceSchema),
  }),
  async (c) => c.json(await shopperInvoice(c.get("db"), shopperOf(c).id, c.req.valid("param").id)),
);

invoiceRoutes.openapi(
  createRoute({
    method: "put",
    path: "/orders/{id}/invoice",
    tags,
    security: bearer,
    summary: "申请（或在开具前修改、被驳回后重新提交）电子发票：个人或企业抬头（企业须填纳税人识别号）",
    request: { ...params, ...jsonBody(invoiceRequestBody) },
    responses: jsonOk("订单发票", OrderInvoiceSchema),
  }),
  async (c) =>
    c.json(await requestInvoice(orderDeps(c), shopperOf(c).id, c.req.valid("param").id, c.req.valid("json"))),
);

invoiceRoutes.openapi(
  createRoute({
    method: "get",
    path: "/orders/{id}/invoice/file",
    tags,
    security: bearer,
    summary: "下载已开具的电子发票（PDF）",
    request: params,
    responses: { 200: { description: "PDF", content: { "application/pdf": { schema: z.any() } } } },
  }),
  async (c) =>
    pdfResponse(await shopperInvoiceFile(c.env, c.get("db"), shopperOf(c).id, c.req.valid("param").id)),
);
