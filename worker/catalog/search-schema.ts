import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** How often shoppers searched each (normalised) term that found products: the 热门搜索 words. */
export const searchTerms = sqliteTable(
  "search_terms",
  {
    term: text("term").primaryKey(),
    count: integer("count").notNull().default(0),
    lastSearchedAt: integer("last_searched_at").notNull(),
  },
  (t) => [index("search_terms_count").on(t.count)],
);
