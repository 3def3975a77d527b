import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { shoppers } from "../auth/schema";
import { orders } from "../orders/schema";
import type { InvoiceKind, InvoiceStatus } from "./rules";

/**
 * 电子发票: one per order (the unique index settles concurrent requests). The shopper fills in the
 * 抬头; the merchant issues it on the tax platform and uploads the PDF (stored in R2), which fixes the
 * amount at what was paid minus what had been refunded by then.
 */
export const invoices = sqliteTable(
  "invoices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    shopperId: integer("shopper_id")
      .notNull()
      .references(() => shoppers.id),
    status: text("status").$type<InvoiceStatus>().notNull(),
    kind: text("kind").$type<InvoiceKind>().notNull(),
    title: text("title").notNull(),
    taxNo: text("tax_no"),
    email: text("email"),
    /** Set when issued. */
    amountFen: integer("amount_fen"),
    invoiceNo: text("invoice_no"),
    fileKey: text("file_key"),
    rejectReason: text("reject_reason"),
    requestedAt: integer("requested_at").notNull(),
    issuedAt: integer("issued_at"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("invoices_order").on(t.orderId),
    index("invoices_status_requested").on(t.status, t.requestedAt),
    index("invoices_shopper").on(t.shopperId),
  ],
);
