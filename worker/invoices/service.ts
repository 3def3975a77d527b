// 电子发票 for shoppers and merchants. Every write checks and writes in one statement (the order must
// still be invoiceable, the request still open), so concurrent requests, issues and cancellations
// never leave an invoice on a cancelled order or two issues of one invoice.
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { Env } from "../env";
import { shopperNoticeStatement } from "../notifications/service";
import type { OrderDeps } from "../orders/deps";
import { orders } from "../orders/schema";
import { type Actor, isDuplicateNote, noteStatements, type OrderRow } from "../orders/transition";
import { refundableFenSql } from "../payments/refunds";
import { cursorInt, decodeCursor, encodeCursor } from "../shared/cursor";
import { AppError, badRequest, conflict, notFound } from "../shared/errors";
import { fenToYuan } from "../shared/money";
import {
  checkInvoiceTitle,
  editableByShopper,
  INVOICE_KIND_LABELS,
  INVOICE_STATUS_LABELS,
  type InvoiceStatus,
  type InvoiceTitleInput,
  invoiceableStatus,
  isValidInvoiceNo,
  looksLikePdf,
} from "./rules";
import { invoices } from "./schema";

export type InvoiceRow = typeof invoices.$inferSelect;

export const MAX_INVOICE_PDF_BYTES = 5 * 1024 * 1024;

/** What the shopper sees; the merchant also sees ids and the refundable amount now. */
export function invoiceView(i: InvoiceRow) {
  return {
    id: i.id,
    status: i.status,
    statusLabel: INVOICE_STATUS_LABELS[i.status],
    kind: i.kind,
    kindLabel: INVOICE_KIND_LABELS[i.kind],
    title: i.title,
    taxNo: i.taxNo,
    email: i.email,
    amountFen: i.amountFen,
    invoiceNo: i.invoiceNo,
    hasFile: i.fileKey !== null,
    rejectReason: i.rejectReason,
    requestedAt: i.requestedAt,
    issuedAt: i.issuedAt,
  };
}

/** The shopper's own order with its invoice (if any) and what an invoice would be for: one round trip. */
async function shopperOrderInvoice(db: Db, shopperId: number, orderId: number) {
  const row = await db
    .select({
      order: orders,
      invoice: invoices,
      refundableFen: refundableFenSql(orders.id),
    })
    .from(orders)
    .leftJoin(invoices, eq(invoices.orderId, orders.id))
    .where(and(eq(orders.id, orderId), eq(orders.shopperId, shopperId)))
    .get();
  if (!row) throw notFound("订单不存在");
  return row;
}

/** Why this order cannot have an invoice now, or null. */
function notInvoiceableReason(o: OrderRow, refundableFen: number | null): string | null {
  if (!invoiceableStatus(o.status)) return "订单未支付或已取消，不能开票";
  if (!refundableFen) return "订单已全额退款，无需开票";
  return null;
}

export async function shopperInvoice(db: Db, shopperId: number, orderId: number) {
  const { order, invoice, refundableFen } = await shopperOrderInvoice(db, shopperId, orderId);
  const blocked = notInvoiceableReason(order, refundableFen);
  return {
    orderNo: order.orderNo,
    /** What the invoice would be for if issued now (the amount is fixed when it is issued). */
    estimatedFen: refundableFen ?? 0,
    canRequest: !blocked && (!invoice || editableByShopper(invoice.status)),
    blockedReason: blocked,
    invoice: invoice ? invoiceView(invoice) : null,
  };
}

/** A 400 naming its field the way request validation does (details: [{ path, message }]). */
const fieldError = (field: string, message: string) => badRequest(message, [{ path: field, message }]);

/**
 * Asks for (or corrects, or asks again after a refusal) the order's invoice. The upsert itself checks
 * that the order is still invoiceable and the invoice not yet issued; the timeline note follows.
 */
export async function requestInvoice(
  deps: OrderDeps,
  shopperId: number,
  orderId: number,
  input: InvoiceTitleInput,
) {
  const { db } = deps;
  const checked = checkInvoiceTitle(input);
  if (!checked.ok) throw fieldError(checked.field, checked.message);
  const { order, invoice, refundableFen } = await shopperOrderInvoice(db, shopperId, orderId);
  const blocked = notInvoiceableReason(order, refundableFen);
  if (blocked) throw conflict(blocked, "ORDER_NOT_INVOICEABLE");
  if (invoice && !editableByShopper(invoice.status))
    throw conflict("发票已开具，不能修改；如需换开请联系客服", "INVOICE_ISSUED");

  const t = checked.value;
  const now = Date.now();
  const saved = await db.all<{ id: number }>(sql`
    INSERT INTO invoices (order_id, shopper_id, status, kind, title, tax_no, email, requested_at, updated_at)
    SELECT id, shopper_id, 'requested', ${t.kind}, ${t.title}, ${t.taxNo}, ${t.email}, ${now}, ${now}
    FROM orders WHERE id = ${orderId} AND shopper_id = ${shopperId}
      AND status IN ('paid', 'shipped', 'completed')
    ON CONFLICT (order_id) DO UPDATE SET
      status = 'requested', kind = excluded.kind, title = excluded.title, tax_no = excluded.tax_no,
      email = excluded.email, reject_reason = NULL, requested_at = excluded.requested_at,
      updated_at = excluded.updated_at
    WHERE invoices.status IN ('requested', 'rejected')
    RETURNING id`);
  if (!saved.length) {
    // Issued or the order cancelled between the read and the write.
    const again = await shopperInvoice(db, shopperId, orderId);
    throw conflict(again.blockedReason ?? "发票已开具，不能修改", "INVOICE_NOT_EDITABLE");
  }
  const what = `${INVOICE_KIND_LABELS[t.kind]}抬头「${t.title}」`;
  const [note, ...reactions] = noteStatements(
    deps,
    order,
    "invoice_requested",
    { kind: "shopper", id: shopperId },
    `申请电子发票：${what}`,
  );
  await db.batch([note!, ...reactions]);
  return shopperInvoice(db, shopperId, orderId);
}

/** The stored PDF of the shopper's own issued invoice. */
export async function shopperInvoiceFile(env: Env, db: Db, shopperId: number, orderId: number) {
  const { order, invoice } = await shopperOrderInvoice(db, shopperId, orderId);
  return invoiceFile(env, order.orderNo, invoice);
}

async function invoiceFile(env: Env, orderNo: string, invoice: InvoiceRow | null) {
  if (!invoice || invoice.status !== "issued" || !invoice.fileKey) throw notFound("发票尚未开具");
  const obj = await env.IMAGES.get(invoice.fileKey);
  if (!obj) throw notFound("发票文件不存在，请联系客服");
  return { body: obj.body, filename: `invoice-${orderNo}.pdf` };
}

// ---- merchant ----

export async function listInvoicesForMerchant(
  db: Db,
  q: { status?: InvoiceStatus | undefined; cursor?: string | undefined; limit: number },
) {
  const before = q.cursor ? decodeCursor(q.cursor, cursorInt) : undefined;
  const rows = await db
    .select({
      invoice: invoices,
      orderNo: orders.orderNo,
      orderStatus: orders.status,
      payableFen: orders.payableFen,
      refundableFen: refundableFenSql(orders.id),
    })
    .from(invoices)
    .innerJoin(orders, eq(orders.id, invoices.orderId))
    .where(
      and(
        q.status ? eq(invoices.status, q.status) : undefined,
        before !== undefined ? lt(invoices.id, before) : undefined,
      ),
    )
    .orderBy(desc(invoices.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      ...invoiceView(r.invoice),
      orderId: r.invoice.orderId,
      orderNo: r.orderNo,
      orderStatus: r.orderStatus,
      payableFen: r.payableFen,
      /** What an invoice issued now would be for (paid minus refunded). */
      refundableFen: r.refundableFen ?? 0,
    })),
    nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1]!.invoice.id) : null,
  };
}

async function merchantInvoice(db: Db, id: number) {
  const row = await db
    .select({ invoice: invoices, order: orders, refundableFen: refundableFenSql(orders.id) })
    .from(invoices)
    .innerJoin(orders, eq(orders.id, invoices.orderId))
    .where(eq(invoices.id, id))
    .get();
  if (!row) throw notFound("发票申请不存在");
  return row;
}

export async function merchantInvoiceFile(env: Env, db: Db, id: number) {
  const { invoice, order } = await merchantInvoice(db, id);
  return invoiceFile(env, order.orderNo, invoice);
}

/**
 * Issues the invoice: the PDF from the tax platform goes to R2, then one batch fixes the amount (paid
 * minus refunded, computed in the statement), writes the timeline note (once per invoice: a second
 * issue fails on its dedupe key and changes nothing) and tells the shopper.
 */
export async function issueInvoice(
  deps: OrderDeps,
  actor: Actor,
  id: number,
  input: { invoiceNo: string; pdf: Uint8Array },
) {
  const { db, env } = deps;
  const invoiceNo = input.invoiceNo.trim();
  if (!isValidInvoiceNo(invoiceNo))
    throw fieldError("invoiceNo", "发票号码应为 20 位（数电发票）或 8 位数字");
  if (input.pdf.length > MAX_INVOICE_PDF_BYTES)
    throw new AppError(413, "FILE_TOO_LARGE", "发票文件不能超过 5MB");
  if (!looksLikePdf(input.pdf)) throw fieldError("file", "请上传税务平台下载的 PDF 版发票");
  const { invoice, order, refundableFen } = await merchantInvoice(db, id);
  if (invoice.status !== "requested")
    throw conflict(`该申请${INVOICE_STATUS_LABELS[invoice.status]}，不能开票`, "INVOICE_NOT_REQUESTED");
  if (!refundableFen) throw conflict("订单已全额退款，无需开票", "ORDER_NOT_INVOICEABLE");

  const month = new Date().toISOString().slice(0, 7).replace("-", "");
  const fileKey = `invoices/${month}/${crypto.randomUUID()}.pdf`;
  await env.IMAGES.put(fileKey, input.pdf, {
    httpMetadata: { contentType: "application/pdf" },
    customMetadata: { orderNo: order.orderNo },
  });
  const now = Date.now();
  try {
    const [updated] = await db.batch([
      db
        .update(invoices)
        .set({
          status: "issued",
          invoiceNo,
          fileKey,
          amountFen: refundableFenSql(order.id),
          issuedAt: now,
          updatedAt: now,
        })
        .where(and(eq(invoices.id, id), eq(invoices.status, "requested")))
        .returning(),
      ...noteStatements(
        deps,
        order,
        "invoice_issued",
        actor,
        `电子发票已开具，发票号码 ${invoiceNo}`,
        { invoiceId: id },
        `invoice_issued:${id}`,
      ),
      shopperNoticeStatement(db, {
        kind: "invoice_issued",
        shopperId: order.shopperId,
        title: "电子发票已开具",
        body: `订单 ${order.orderNo} 的电子发票（¥${fenToYuan(refundableFen)}）已开具，可在订单详情中下载`,
        refType: "order",
        refId: String(order.id),
        dedupeKey: `invoice_issued:${id}`,
      }),
    ]);
    if (!updated.length) throw conflict("该申请已处理", "INVOICE_NOT_REQUESTED");
    return invoiceView(updated[0]!);
  } catch (err) {
    // A concurrent issue of the same invoice won: its note's dedupe key refused this batch whole.
    if (isDuplicateNote(err)) {
      await env.IMAGES.delete(fileKey);
      throw conflict("该发票已开具", "INVOICE_NOT_REQUESTED");
    }
    throw err;
  }
}

/** Refuses a request with a reason the shopper sees; the shopper may correct it and ask again. */
export async function rejectInvoice(deps: OrderDeps, actor: Actor, id: number, reason: string) {
  const { db } = deps;
  const text = reason.trim();
  if (text.length < 2 || text.length > 200) throw fieldError("reason", "请填写 2–200 字的驳回原因");
  const { order } = await merchantInvoice(db, id);
  const now = Date.now();
  const updated = await db
    .update(invoices)
    .set({ status: "rejected", rejectReason: text, updatedAt: now })
    .where(and(eq(invoices.id, id), eq(invoices.status, "requested")))
    .returning();
  if (!updated.length) throw conflict("该申请已处理", "INVOICE_NOT_REQUESTED");
  await db.batch([
    shopperNoticeStatement(db, {
      kind: "invoice_rejected",
      shopperId: order.shopperId,
      title: "发票申请未通过",
      body: `订单 ${order.orderNo} 的发票申请未通过：${text}。请修改抬头后重新提交`,
      refType: "order",
      refId: String(order.id),
      dedupeKey: `invoice_rejected:${id}:${now}`,
    }),
    ...noteStatements(deps, order, "invoice_rejected", actor, `发票申请未通过：${text}`),
  ]);
  return invoiceView(updated[0]!);
}
