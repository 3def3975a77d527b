import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { shoppers } from "../auth/schema";

export const addresses = sqliteTable(
  "addresses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopperId: integer("shopper_id")
      .notNull()
      .references(() => shoppers.id),
    receiverName: text("receiver_name").notNull(),
    phone: text("phone").notNull(),
    /** 省 / 市 / 区 */
    province: text("province").notNull(),
    city: text("city").notNull(),
    district: text("district").notNull(),
    detail: text("detail").notNull(),
    isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("addresses_shopper").on(t.shopperId)],
);
