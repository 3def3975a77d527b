import { integer, sqliteTable } from "drizzle-orm/sqlite-core";

/**
 * Merchant-editable shop settings: a single row (id = 1). Missing row = defaults in settings.ts.
 * Freight templates will replace the flat rule later; the pricing pipeline already treats it as one step.
 */
export const shopSettings = sqliteTable("shop_settings", {
  id: integer("id").primaryKey(),
  shippingFlatFeeFen: integer("shipping_flat_fee_fen").notNull(),
  /** null = never free. */
  shippingFreeOverFen: integer("shipping_free_over_fen"),
  autoCancelMinutes: integer("auto_cancel_minutes").notNull(),
  autoCompleteDays: integer("auto_complete_days").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
