import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Authorised repair outlets (维修网点) shoppers can find by city or by distance. */
export const repairOutlets = sqliteTable(
  "repair_outlets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** City without the 市 suffix, e.g. "杭州". */
    city: text("city").notNull(),
    district: text("district").notNull(),
    address: text("address").notNull(),
    phone: text("phone").notNull(),
    /** Opening hours as shown, e.g. "周一至周日 9:00-18:00". */
    hours: text("hours").notNull(),
    /** GCJ-02 coordinates (what Chinese maps and wx.getLocation({ type: "gcj02" }) use). */
    lat: real("lat").notNull(),
    lng: real("lng").notNull(),
    /** Warranty policy slugs served (warranty-policies.ts), e.g. ["tv","ac"]. */
    categories: text("categories", { mode: "json" }).$type<string[]>().notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("repair_outlets_city").on(t.city, t.district)],
);
