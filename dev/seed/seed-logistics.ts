/**
 * Demo freight templates and delivery rules, through the merchant API like the rest of the seed:
 * large appliances by piece, small appliances by weight, remote regions dearer, 港澳台 not delivered,
 * and every seeded product assigned the template its sub-category calls for. Only into a shop without
 * templates (re-running never duplicates them).
 */
import { areaList } from "@vant/area-data";
import { CATEGORIES } from "./catalog-data";
import { merchantClient, type SeedApi } from "./merchant-api";

export type LogisticsSeedApi = SeedApi;

/** 新疆, 西藏, 青海, 内蒙古, 甘肃, 宁夏: dearer and slower. */
export const REMOTE_PROVINCES = ["650000", "540000", "630000", "150000", "620000", "640000"];
/** 香港, 澳门, 台湾: not delivered to. */
export const NOT_DELIVERED = ["810000", "820000", "710000"];
const MAINLAND = Object.keys(areaList.province_list).filter(
  (c) => !REMOTE_PROVINCES.includes(c) && !NOT_DELIVERED.includes(c),
);

/** Sub-categories shipped as small parcels (by weight); everything else is a large appliance (by piece). */
const SMALL = new Set(["kitchen-cooker", "kitchen-micro", "kitchen-blender"]);
const isSmall = (key: string) => SMALL.has(key) || key.startsWith("living");

export const LARGE_APPLIANCES = {
  name: "大家电（按件计费）",
  chargeBy: "piece",
  defaultRule: { firstUnits: 1, firstFeeFen: 3000, additionalUnits: 1, additionalFeeFen: 2000 },
  regionRules: [
    {
      regions: REMOTE_PROVINCES,
      firstUnits: 1,
      firstFeeFen: 15000,
      additionalUnits: 1,
      additionalFeeFen: 10000,
    },
  ],
  freeRules: [{ regions: MAINLAND, minUnits: null, minAmountFen: 99900, match: "all" }],
  undeliverable: NOT_DELIVERED,
} as const;

export const SMALL_APPLIANCES = {
  name: "小家电（按重量计费）",
  chargeBy: "weight",
  defaultRule: { firstUnits: 1000, firstFeeFen: 800, additionalUnits: 1000, additionalFeeFen: 300 },
  regionRules: [
    {
      regions: REMOTE_PROVINCES,
      firstUnits: 1000,
      firstFeeFen: 2000,
      additionalUnits: 1000,
      additionalFeeFen: 1000,
    },
  ],
  freeRules: [{ regions: MAINLAND, minUnits: null, minAmountFen: 9900, match: "any" }],
  undeliverable: NOT_DELIVERED,
} as const;

export const DELIVERY_RULES = {
  cutoffMinute: 16 * 60,
  defaultLeadDays: 3,
  zones: [
    // Regional warehouses: 广州/深圳, 上海, 北京, 成都 deliver next day in their province.
    { regions: ["440000", "310000", "110000", "510000"], leadDays: 1 },
    { regions: ["320000", "330000", "120000", "130000", "500000"], leadDays: 2 },
    { regions: REMOTE_PROVINCES, leadDays: 6 },
  ],
  // 春节 2027: no deliveries on the first days of the new year.
  noDeliveryDates: ["2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09"],
};

export async function seedLogistics(api: LogisticsSeedApi): Promise<{ templates: number; products: number }> {
  const call = merchantClient(api);
  const existing = await call<{ items: unknown[] }>("GET", "/api/admin/logistics/freight-templates");
  if (existing.items.length) return { templates: 0, products: 0 };

  const large = await call<{ id: number }>(
    "POST",
    "/api/admin/logistics/freight-templates",
    LARGE_APPLIANCES,
  );
  const small = await call<{ id: number }>(
    "POST",
    "/api/admin/logistics/freight-templates",
    SMALL_APPLIANCES,
  );
  await call("PUT", "/api/admin/logistics/delivery-rules", DELIVERY_RULES);

  // Each sub-category's on-sale products get the template its kind of appliance ships with.
  const tree = await call<{ items: { name: string; children: { id: number; name: string }[] }[] }>(
    "GET",
    "/api/categories",
  );
  const keyByName = new Map(CATEGORIES.map((c) => [c.name, c.key]));
  let products = 0;
  for (const sub of tree.items.flatMap((c) => c.children)) {
    const key = keyByName.get(sub.name);
    if (!key) continue;
    const templateId = isSmall(key) ? small.id : large.id;
    let cursor: string | null = null;
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = await call(
        "GET",
        `/api/products?categoryId=${sub.id}&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      for (const p of page.items) {
        await call("PUT", `/api/admin/logistics/products/${p.id}/shipping`, { mode: "template", templateId });
        products++;
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return { templates: 2, products };
}
