import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { staff } from "../auth/schema";

/**
 * One row per customer-service conversation: for listing and reporting. The message history lives in
 * the conversation's ChatRoom Durable Object, which also owns `status`/`agent_id` (it writes them here).
 */
export const conversations = sqliteTable(
  "conversations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopperId: integer("shopper_id").notNull(),
    status: text("status", { enum: ["bot", "queued", "assigned", "closed"] })
      .notNull()
      .default("bot"),
    agentId: integer("agent_id"),
    /** Why the bot handed over (explicit, complaint, low_confidence, unresolved, llm_handoff, bot_error). */
    escalationReason: text("escalation_reason"),
    /** Satisfaction 1..5, given once after closing. */
    csat: integer("csat"),
    csatComment: text("csat_comment"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    queuedAt: integer("queued_at"),
    assignedAt: integer("assigned_at"),
    closedAt: integer("closed_at"),
    ratedAt: integer("rated_at"),
  },
  (t) => [
    // At most one open conversation per shopper: "open or resume" stays idempotent under races.
    uniqueIndex("conversations_one_open").on(t.shopperId).where(sql`status <> 'closed'`),
    index("conversations_status").on(t.status, t.updatedAt),
    index("conversations_agent").on(t.agentId, t.status),
    index("conversations_rated").on(t.ratedAt),
    check("conversations_csat_range", sql`csat IS NULL OR csat BETWEEN 1 AND 5`),
  ],
);

/** Canned replies: shared ones (staff_id NULL, managed by merchant admins) and an agent's own. */
export const cannedReplies = sqliteTable(
  "canned_replies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    staffId: integer("staff_id").references(() => staff.id),
    title: text("title").notNull(),
    text: text("text").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("canned_replies_staff").on(t.staffId, t.sortOrder)],
);

/** Per-agent chat settings; an agent without a row gets DEFAULT_AGENT_CAPACITY. */
export const chatAgents = sqliteTable("chat_agents", {
  staffId: integer("staff_id")
    .primaryKey()
    .references(() => staff.id),
  /** Conversations handled at once. */
  capacity: integer("capacity").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const DEFAULT_AGENT_CAPACITY = 3;

/**
 * WebSocket tickets already presented: a ticket is single-use, so its id is claimed here at the
 * handshake (the primary key makes a second claim fail). Rows outlive the ticket only until the next
 * claim after their expiry.
 */
export const usedChatTickets = sqliteTable(
  "used_chat_tickets",
  {
    jti: text("jti").primaryKey(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("used_chat_tickets_expiry").on(t.expiresAt)],
);
