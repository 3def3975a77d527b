/**
 * The filter panel of a category: which attributes a shopper can filter on (the category's attribute
 * definitions, e.g. 空调 → 匹数 and 空调类型) and the values its on-sale products actually have, with
 * counts. The listing applies them as `attr.<key>=v1,v2` (catalog/attributes.ts parseAttributeFilter).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  ATTRIBUTES,
  type AttributeDef,
  type AttributeKey,
  formatAttribute,
  isAttributeKey,
} from "./attributes";

/** Attributes worth a filter: sizes in mm, power and noise are specs, not choices. */
export const FILTERABLE: readonly AttributeKey[] = [
  "screen_inch",
  "resolution",
  "refresh_rate_hz",
  "horsepower",
  "ac_type",
  "capacity_kg",
  "washer_type",
  "door_type",
  "capacity_l",
  "inverter",
  "energy_grade",
];
/** Without a category (a plain search) only attributes every appliance has. */
const STORE_WIDE: readonly AttributeKey[] = ["energy_grade", "inverter"];
/** A number attribute with more distinct values than this makes chips no one can scan: left out. */
const MAX_OPTIONS = 8;

export interface Facet {
  key: AttributeKey;
  label: string;
  options: { value: string; label: string; count: number }[];
}

type ValueRow = { key: string; num_value: number | null; text_value: string | null; n: number };

/** Which keys a category defines (itself, then its parent and its children), in its display order. */
function definedKeys(rows: { attribute_keys: string }[]): AttributeKey[] {
  const keys: AttributeKey[] = [];
  for (const r of rows)
    for (const k of JSON.parse(r.attribute_keys || "[]") as string[])
      if (isAttributeKey(k) && !keys.includes(k)) keys.push(k);
  return keys;
}

export async function categoryFacets(db: Db, categoryId?: number): Promise<Facet[]> {
  const inCategory = categoryId
    ? sql`(p.category_id = ${categoryId} OR p.category_id IN (SELECT id FROM categories WHERE parent_id = ${categoryId}))`
    : sql`1`;
  const [values, defs] = await Promise.all([
    db.all<ValueRow>(
      sql`SELECT a.key, a.num_value, a.text_value, count(*) AS n FROM product_attributes a JOIN products p ON p.id = a.product_id WHERE p.status = 'on_sale' AND ${inCategory} GROUP BY a.key, a.num_value, a.text_value`,
    ),
    categoryId
      ? db.all<{ attribute_keys: string }>(
          sql`SELECT attribute_keys FROM categories WHERE id = ${categoryId} OR id = (SELECT parent_id FROM categories WHERE id = ${categoryId}) OR parent_id = ${categoryId} ORDER BY (id = ${categoryId}) DESC, parent_id IS NULL DESC, sort_order`,
        )
      : Promise.resolve([]),
  ]);
  // The category's own definitions decide; a category without any falls back to what its products carry.
  const defined = definedKeys(defs);
  const order = categoryId ? (defined.length ? defined : FILTERABLE) : STORE_WIDE;
  return facetsFrom(
    values,
    order.filter((k) => FILTERABLE.includes(k)),
  );
}

/** Pure: value rows → facets in `order`, options sorted (numbers ascending, enums as defined). */
export function facetsFrom(values: ValueRow[], order: readonly AttributeKey[]): Facet[] {
  const facets: Facet[] = [];
  for (const key of order) {
    const def: AttributeDef = ATTRIBUTES[key];
    const rows = values.filter((v) => v.key === key);
    if (!rows.length) continue;
    const options = rows
      .map((r) => {
        const value = r.num_value ?? r.text_value ?? "";
        return {
          value: String(value),
          label: formatAttribute(key, value),
          count: Number(r.n),
          sortKey: value,
        };
      })
      .sort((a, b) =>
        def.kind === "enum"
          ? def.values.indexOf(a.value) - def.values.indexOf(b.value)
          : Number(a.sortKey) - Number(b.sortKey),
      )
      .map(({ sortKey: _s, ...o }) => o);
    if (def.kind !== "enum" && options.length > MAX_OPTIONS) continue;
    facets.push({ key, label: def.label, options });
  }
  return facets;
}
