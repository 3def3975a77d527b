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
    /** 省 / 市 / 区: names as shown, derived by the server from the codes. */
    province: text("province").notNull(),
    city: text("city").notNull(),
    district: text("district").notNull(),
    /**
     * GB/T 2260 codes (worker/logistics/regions.ts) kept beside the names, since codes get renumbered
     * over the years. Null on addresses saved before regions were validated.
     */
    provinceCode: text("province_code"),
    cityCode: text("city_code"),
    districtCode: text("district_code"),
    detail: text("detail").notNull(),
    isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("addresses_shopper").on(t.shopperId)],
);
