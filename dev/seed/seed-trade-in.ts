/**
 * Demo 以旧换新 valuation table, through the merchant API like the rest of the seed: five kinds of old
 * appliance, each accepted against the new appliances of the same top-level category, with values in
 * the range the big retailers' published trade-in programmes give for whole units (an old 空调 ¥50–¥600
 * by age and condition), the deduction capped at 30% of one new unit. Seeded once: a table that has
 * any row is the merchant's and is left alone.
 */
import { merchantClient, type SeedApi } from "./merchant-api";

const band = (maxAgeYears: number, goodYuan: number, fairYuan: number, brokenYuan: number) => ({
  maxAgeYears,
  goodFen: goodYuan * 100,
  fairFen: fairYuan * 100,
  brokenFen: brokenYuan * 100,
});

/** By slug: the old kind's name, the top-level catalog category whose new products accept it, the bands. */
export const TRADE_IN_VALUATIONS = [
  {
    slug: "air_conditioner",
    name: "空调",
    category: "空调",
    bands: [band(3, 600, 400, 150), band(6, 400, 250, 100), band(10, 200, 120, 50), band(99, 100, 60, 30)],
  },
  {
    slug: "refrigerator",
    name: "冰箱",
    category: "冰箱",
    bands: [band(3, 500, 300, 100), band(6, 300, 200, 80), band(10, 150, 100, 50), band(99, 80, 50, 20)],
  },
  {
    slug: "washing_machine",
    name: "洗衣机",
    category: "洗衣机",
    bands: [band(3, 300, 200, 80), band(6, 200, 120, 50), band(10, 100, 60, 30), band(99, 50, 30, 10)],
  },
  {
    slug: "tv",
    name: "电视",
    category: "电视",
    bands: [band(3, 400, 250, 50), band(6, 200, 120, 30), band(10, 80, 50, 20), band(99, 30, 20, 10)],
  },
  {
    slug: "water_heater",
    name: "热水器",
    category: "热水器",
    bands: [band(3, 200, 120, 50), band(6, 120, 80, 30), band(99, 50, 30, 10)],
  },
] as const;

export async function seedTradeIn(api: SeedApi): Promise<{ valuations: number }> {
  const call = merchantClient(api);
  const existing = await call<{ items: unknown[] }>("GET", "/api/admin/trade-in/valuations");
  if (existing.items.length > 0) return { valuations: 0 };
  const tree = await call<{ items: { id: number; name: string }[] }>("GET", "/api/categories");
  const categoryId = new Map(tree.items.map((c) => [c.name, c.id]));
  let valuations = 0;
  for (const v of TRADE_IN_VALUATIONS) {
    const id = categoryId.get(v.category);
    if (id === undefined) continue;
    await call("PUT", `/api/admin/trade-in/valuations/${v.slug}`, {
      name: v.name,
      categoryIds: [id],
      capPercent: 30,
      bands: v.bands,
      active: true,
    });
    valuations++;
  }
  return { valuations };
}
