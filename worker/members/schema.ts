import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { shoppers } from "../auth/schema";
import type { LedgerKind, LedgerSource, PointsRules } from "./points-rules";
import type { TierRule } from "./tiers-rules";

/**
 * The points ledger: every change of a shopper's points is one row, never updated or deleted. The
 * available balance is sum(delta), the frozen one sum(frozen_delta) (points-rules.ts explains lots).
 * `dedupe_key` makes each reaction (earn per order, unfreeze, clawback per refund, expiry per lot,
 * an adjustment per request key) happen once however often it is retried.
 */
export const pointsLedger = sqliteTable(
  "points_ledger",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopperId: integer("shopper_id")
      .notNull()
      .references(() => shoppers.id),
    kind: text("kind").$type<LedgerKind>().notNull(),
    source: text("source").$type<LedgerSource>().notNull(),
    /** The order number, refund number, lot id or request key the row comes from. */
    sourceRef: text("source_ref").notNull().default(""),
    orderId: integer("order_id"),
    /** Shown to the shopper (Chinese). */
    reason: text("reason").notNull(),
    delta: integer("delta").notNull().default(0),
    frozenDelta: integer("frozen_delta").notNull().default(0),
    /** earn: the goods amount the points were earned on; clawback / spend_return: the refund amount (fen). */
    baseFen: integer("base_fen").notNull().default(0),
    /** Lots (delta > 0) and earn rows: when the points stop counting. */
    expiresAt: integer("expires_at"),
    /** earn rows: when the frozen points become available (end of the return window). */
    availableAt: integer("available_at"),
    dedupeKey: text("dedupe_key"),
    /** Staff id of a merchant adjustment. */
    createdBy: integer("created_by"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("points_ledger_shopper").on(t.shopperId, t.id),
    index("points_ledger_order").on(t.orderId, t.kind),
    uniqueIndex("points_ledger_dedupe").on(t.dedupeKey),
    index("points_ledger_unfreeze_due").on(t.availableAt).where(sql`${t.kind} = 'earn'`),
    index("points_ledger_lot_expiry").on(t.expiresAt).where(sql`${t.delta} > 0`),
  ],
);

/** Per shopper: the birthday (set once, "MM-DD") and the last year its coupon was granted. */
export const memberProfiles = sqliteTable("member_profiles", {
  shopperId: integer("shopper_id")
    .primaryKey()
    .references(() => shoppers.id),
  birthday: text("birthday"),
  birthdaySetAt: integer("birthday_set_at"),
  birthdayGrantedYear: integer("birthday_granted_year"),
});

export interface MemberSettings {
  points: PointsRules;
  tiers: TierRule[];
}

/** The merchant's points rules and tier table: one row (id = 1); defaults when absent (settings.ts). */
export const memberSettings = sqliteTable("member_settings", {
  id: integer("id").primaryKey(),
  settings: text("settings", { mode: "json" }).$type<MemberSettings>().notNull(),
  updatedAt: integer("updated_at").notNull(),
  updatedBy: integer("updated_by"),
});
