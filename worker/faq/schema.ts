import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Merchant-managed FAQ entries; the bot and the FAQ page read the enabled ones. */
export const faqEntries = sqliteTable(
  "faq_entries",
  {
    /** Stable slug (e.g. "return-7day"): chat transcripts and analytics cite it as a source. */
    id: text("id").primaryKey(),
    question: text("question").notNull(),
    answer: text("answer").notNull(),
    keywords: text("keywords", { mode: "json" }).$type<string[]>().notNull(),
    category: text("category").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    /** Display order on the FAQ page, within and across categories. */
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("faq_entries_category").on(t.category, t.sortOrder)],
);

/**
 * One row (id = 1) whose counter every FAQ write bumps in the same batch. Isolates compare it with the
 * revision of their cached retrieval index instead of reloading every entry per question.
 */
export const faqRevision = sqliteTable("faq_revision", {
  id: integer("id").primaryKey(),
  revision: integer("revision").notNull(),
});
