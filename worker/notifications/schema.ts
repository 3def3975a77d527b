import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Notices for merchants (low stock, new orders…) and shoppers (order updates). Any domain may
 * insert; `dedupe_key` is UNIQUE so an event retried any number of times yields exactly one notice
 * (insert with ON CONFLICT(dedupe_key) DO NOTHING).
 */
export const merchantNotifications = sqliteTable(
  "merchant_notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    audience: text("audience", { enum: ["merchant", "shopper", "staff"] }).notNull(),
    /** Set when audience = 'shopper'. */
    shopperId: integer("shopper_id"),
    /** Set when audience = 'staff': a notice for one staff member (an agent, an installer). */
    staffId: integer("staff_id"),
    /** e.g. low_stock, order_paid, order_shipped. */
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** What the notice is about, e.g. ('sku', '42') or ('order', 'O…'). */
    refType: text("ref_type"),
    refId: text("ref_id"),
    createdAt: integer("created_at").notNull(),
    readAt: integer("read_at"),
    dedupeKey: text("dedupe_key").notNull().unique(),
  },
  (t) => [
    index("merchant_notifications_audience_created").on(t.audience, t.createdAt),
    index("merchant_notifications_shopper").on(t.shopperId, t.createdAt),
    index("merchant_notifications_staff").on(t.staffId, t.createdAt),
  ],
);
