import { integer, sqliteTable } from "drizzle-orm/sqlite-core";

/**
 * The catalog revision (one row, id 1): bumped by triggers (migration 0031_catalog_revision_triggers)
 * in the same statement as every write to what the store's public reads show, so the edge cache's
 * keys (worker/shared/edge-cache.ts) change the moment a merchant's edit commits.
 */
export const catalogRevision = sqliteTable("catalog_revision", {
  id: integer("id").primaryKey(),
  rev: integer("rev").notNull().default(0),
});
