import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { orders } from "../orders/schema";

/** One row per order and payment method that the shopper started paying with. out_trade_no = order_no. */
export const payments = sqliteTable(
  "payments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    method: text("method").$type<"wechat" | "alipay">().notNull(),
    channel: text("channel").notNull(),
    outTradeNo: text("out_trade_no").notNull(),
    amountFen: integer("amount_fen").notNull(),
    /** started → paid | closed */
    status: text("status").$type<"started" | "paid" | "closed">().notNull(),
    transactionId: text("transaction_id"),
    /** Last time reconciliation asked the gateway about it. */
    checkedAt: integer("checked_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("payments_order_method").on(t.orderId, t.method),
    index("payments_status_checked").on(t.status, t.checkedAt),
  ],
);

/** Refunds we owe (e.g. money that arrived for an order that had been cancelled and could not be revived). */
export const refunds = sqliteTable(
  "refunds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    method: text("method").$type<"wechat" | "alipay">().notNull(),
    /** Derived from the trade, so retries and duplicate notifications reuse it. */
    outRefundNo: text("out_refund_no").notNull().unique(),
    transactionId: text("transaction_id"),
    amountFen: integer("amount_fen").notNull(),
    reason: text("reason").notNull(),
    /** pending (not yet accepted by the gateway) → submitting → processing → succeeded | failed */
    status: text("status")
      .$type<"pending" | "submitting" | "processing" | "succeeded" | "failed">()
      .notNull(),
    refundId: text("refund_id"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("refunds_status").on(t.status, t.updatedAt)],
);

/** Every inbound payment notification and what we did with it (rejections are audit records). */
export const paymentNotifications = sqliteTable(
  "payment_notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    method: text("method").notNull(),
    /** applied | duplicate | late_paid | late_refunded | ignored | rejected | error */
    outcome: text("outcome").notNull(),
    reason: text("reason"),
    outTradeNo: text("out_trade_no"),
    detail: text("detail"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("payment_notifications_trade").on(t.outTradeNo)],
);
