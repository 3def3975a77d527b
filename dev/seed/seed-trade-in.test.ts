import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, staffToken, startStack } from "../../test/harness";
import { CATEGORIES } from "./catalog-data";
import { seedTradeIn, TRADE_IN_VALUATIONS } from "./seed-trade-in";

let stack: Stack;
let first: { valuations: number };
let second: { valuations: number };
const ids = new Map<string, number>();

beforeAll(async () => {
  stack = await startStack();
  const merchantToken = await staffToken(stack, "merchant_admin");
  // The demo's top-level categories (the catalog seed creates them with its products).
  for (const c of CATEGORIES.filter((c) => !c.parent)) {
    const res = await stack.fetch("/api/admin/categories", {
      method: "POST",
      token: merchantToken,
      json: { name: c.name },
    });
    ids.set(c.name, Number(((await res.json()) as { id: number }).id));
  }
  const api = { baseUrl: stack.baseUrl, merchantToken };
  first = await seedTradeIn(api);
  second = await seedTradeIn(api);
}, 120_000);
afterAll(() => stack.close());

describe("trade-in demo seed", () => {
  it("writes the valuation table once, each kind accepted by its own top-level category", async () => {
    expect(first).toEqual({ valuations: TRADE_IN_VALUATIONS.length });
    expect(second).toEqual({ valuations: 0 });
    const rows = (
      await stack.sql.execute("SELECT slug, category_ids, cap_percent FROM trade_in_valuations ORDER BY slug")
    ).rows;
    expect(rows.map((r) => [r.slug, JSON.parse(String(r.category_ids)), r.cap_percent])).toEqual([
      ["air_conditioner", [ids.get("空调")], 30],
      ["refrigerator", [ids.get("冰箱")], 30],
      ["tv", [ids.get("电视")], 30],
      ["washing_machine", [ids.get("洗衣机")], 30],
      ["water_heater", [ids.get("热水器")], 30],
    ]);
  });
});
