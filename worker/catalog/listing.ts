import { z } from "@hono/zod-openapi";
import { cursorInt, cursorNumber } from "../shared/cursor";
import { type AttributeKey, type AttributeValues, formatAttribute } from "./attributes";
import type { ListSort } from "./model";

/** Keyset pagination: which column a sort orders by, and in which direction (id breaks ties). */
export const SORT_COLUMNS: Record<Exclude<ListSort, "relevance">, { column: string; dir: "asc" | "desc" }> = {
  newest: { column: "created_at", dir: "desc" },
  price_asc: { column: "min_price_fen", dir: "asc" },
  price_desc: { column: "min_price_fen", dir: "desc" },
  sales: { column: "sales_count", dir: "desc" },
};

/** A listing cursor is only valid for the sort it was made for. */
export const listCursor = (sort: ListSort) =>
  z.object({ sort: z.literal(sort), value: cursorNumber, id: cursorInt });
export type Cursor = z.infer<ReturnType<typeof listCursor>>;

const TAG_KEYS: AttributeKey[] = [
  "energy_grade",
  "screen_inch",
  "resolution",
  "capacity_l",
  "door_type",
  "capacity_kg",
  "washer_type",
  "horsepower",
  "ac_type",
  "inverter",
];

/** Up to three short tags for a listing card, e.g. [一级能效, 65英寸, 4K]. */
export function listingTags(values: AttributeValues): string[] {
  return TAG_KEYS.filter((k) => values[k] !== undefined)
    .slice(0, 3)
    .map((k) => formatAttribute(k, values[k] as string | number));
}
