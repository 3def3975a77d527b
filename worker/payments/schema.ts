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

export type RefundSource =
  /** The order was paid twice: the second payment goes back whole. */
  | "duplicate_payment"
  /** Money arrived for a cancelled order whose stock was gone. */
  | "late_payment"
  /** The shopper or merchant cancelled a paid, unshipped order. */
  | "order_cancel"
  | "after_sale"
  | "price_protection"
  | "trade_in";

/** Money we give back: many per payment (partial refunds), each with its own refund number. */
export const refunds = sqliteTable(
  "refunds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    /** The payment it returns money from (null only on rows from before partial refunds). */
    paymentId: integer("payment_id").references(() => payments.id),
    method: text("method").$type<"wechat" | "alipay">().notNull(),
    /** Why, and what exactly is refunded (a case number, an order item…): (source, ref) names the refund. */
    source: text("source").$type<RefundSource>().notNull().default("duplicate_payment"),
    sourceRef: text("source_ref").notNull().default(""),
    /** Derived from order, source and ref, so retries and duplicate requests reuse it and never pay twice. */
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
  (t) => [index("refunds_status").on(t.status, t.updatedAt), index("refunds_order").on(t.orderId)],
);

/**
 * Money the shopper owes after the order (an out-of-warranty repair, a trade-in valued down on site),
 * paid through the same gateways and notification endpoints; chargeNo is the gateways' out_trade_no.
 */
export const charges = sqliteTable(
  "charges",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** "SC" + 20 digits: never collides with an order number (digits only). */
    chargeNo: text("charge_no").notNull().unique(),
    shopperId: integer("shopper_id").notNull(),
    orderId: integer("order_id").references(() => orders.id),
    kind: text("kind").$type<ChargeKind>().notNull(),
    /** What it is for within its kind (a work order number…); (kind, ref) is unique. */
    sourceRef: text("source_ref").notNull(),
    amountFen: integer("amount_fen").notNull(),
    description: text("description").notNull(),
    status: text("status").$type<"unpaid" | "paid" | "cancelled">().notNull(),
    /** The method the shopper last started paying with. */
    method: text("method").$type<"wechat" | "alipay">(),
    transactionId: text("transaction_id"),
    paidAt: integer("paid_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("charges_kind_ref").on(t.kind, t.sourceRef),
    index("charges_shopper").on(t.shopperId, t.createdAt),
  ],
);

export type ChargeKind = "repair" | "trade_in";

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
