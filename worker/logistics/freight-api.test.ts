/**
 * Freight templates and the delivery promise over HTTP against the real worker (workerd) and libSQL:
 * merchants set templates and rules, quotes differ by region, an undeliverable address is refused, the
 * order keeps its freight split per line and the promise it was sold with.
 */
import { describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();

const BIG: Record<string, unknown> = {
  name: "大家电（按件）",
  chargeBy: "piece",
  defaultRule: { firstUnits: 1, firstFeeFen: 5000, additionalUnits: 1, additionalFeeFen: 3000 },
  regionRules: [
    {
      regions: ["650000", "540000"],
      firstUnits: 1,
      firstFeeFen: 15000,
      additionalUnits: 1,
      additionalFeeFen: 10000,
    },
  ],
  freeRules: [{ regions: ["440000"], minUnits: null, minAmountFen: 300000, match: "all" }],
  undeliverable: ["810000", "820000", "710000"],
};

const admin = (path: string, init: { method?: string; json?: unknown } = {}) =>
  f.stack.fetch(`/api/admin/logistics${path}`, { token: f.merchant, ...init });

async function addAddress(token: string, provinceCode: string, cityCode: string, districtCode: string) {
  const res = await f.stack.fetch("/api/addresses", {
    method: "POST",
    token,
    json: {
      receiverName: "李四",
      phone: "13900139000",
      provinceCode,
      cityCode,
      districtCode,
      detail: "幸福路 8 号",
    },
  });
  expect(res.status).toBe(201);
  return Number((await json(res)).id);
}

async function productOf(skuId: number) {
  return Number(
    (await f.stack.sql.execute({ sql: "SELECT product_id FROM skus WHERE id = ?", args: [skuId] })).rows[0]!
      .product_id,
  );
}

describe("freight templates", () => {
  it("refuses bad templates with a clear 400 and writes nothing", async () => {
    const before = await f.count("SELECT count(*) AS n FROM freight_templates");
    const zeroStep = await admin("/freight-templates", {
      method: "POST",
      json: {
        ...BIG,
        defaultRule: { firstUnits: 1, firstFeeFen: 5000, additionalUnits: 0, additionalFeeFen: 0 },
      },
    });
    expect(zeroStep.status).toBe(400);
    expect((await json(zeroStep)).error?.message).toContain("续件");
    const badRegion = await admin("/freight-templates", {
      method: "POST",
      json: { ...BIG, undeliverable: ["999999"] },
    });
    expect(badRegion.status).toBe(400);
    expect((await json(badRegion)).error?.message).toContain("不存在的行政区划代码");
    expect(await f.count("SELECT count(*) AS n FROM freight_templates")).toBe(before);
    // Only merchants manage templates.
    const { token } = await f.newShopper("运费偷看者");
    expect((await f.stack.fetch("/api/admin/logistics/freight-templates", { token })).status).toBe(403);
  });

  it("quotes by region, flags and refuses an undeliverable address, keeps per-line freight and the promise", async () => {
    const created = await admin("/freight-templates", { method: "POST", json: BIG });
    expect(created.status).toBe(201);
    const templateId = Number((await json(created)).id);
    const tv = await f.createSku(259900, 20, "测试电视");
    const fridge = await f.createSku(199900, 20, "测试冰箱");
    for (const sku of [tv, fridge]) {
      const res = await admin(`/products/${await productOf(sku)}/shipping`, {
        method: "PUT",
        json: { mode: "template", templateId },
      });
      expect(res.status).toBe(200);
    }
    // Guangdong: free from ¥3000 of goods; Beijing: 50 + 30; Xinjiang: 150 + 100; Hong Kong: not delivered.
    const { token, addressId: shenzhen } = await f.newShopper("运费买家");
    const beijing = await addAddress(token, "110000", "110100", "110105");
    const urumqi = await addAddress(token, "650000", "650100", "650102");
    const hongKong = await addAddress(token, "810000", "810100", "810101");
    const items = [
      { skuId: tv, quantity: 1 },
      { skuId: fridge, quantity: 1 },
    ];
    const quote = async (addressId: number) => {
      const res = await f.stack.fetch("/api/checkout/quote", {
        method: "POST",
        token,
        json: { items, addressId },
      });
      expect(res.status).toBe(200);
      return (await res.json()) as {
        shippingFen: number;
        payableFen: number;
        orderable: boolean;
        problems: string[];
        items: { skuId: number; deliveryProblem: string | null }[];
        deliveryPromise: { date: string; text: string } | null;
        adjustments: {
          kind: string;
          amountFen: number;
          allocations: { skuId: number; amountFen: number }[];
        }[];
      };
    };
    expect((await quote(shenzhen)).shippingFen).toBe(0);
    const bj = await quote(beijing);
    expect(bj.shippingFen).toBe(8000);
    expect(bj.payableFen).toBe(259900 + 199900 + 8000);
    expect(bj.deliveryPromise?.text).toMatch(/^预计/);
    expect(bj.adjustments.find((a) => a.kind === "shipping")?.allocations).toEqual([
      { skuId: tv, amountFen: 4000 },
      { skuId: fridge, amountFen: 4000 },
    ]);
    expect((await quote(urumqi)).shippingFen).toBe(25000);
    const hk = await quote(hongKong);
    expect(hk.orderable).toBe(false);
    expect(hk.deliveryPromise).toBeNull();
    expect(hk.items.map((i) => i.deliveryProblem)).toEqual(["该地区暂不配送", "该地区暂不配送"]);
    expect(hk.problems[0]).toContain("该地区暂不配送");

    // Ordering to Hong Kong is refused, nothing written, no stock held.
    const ordersBefore = await f.count("SELECT count(*) AS n FROM orders");
    const refused = await f.stack.fetch("/api/orders", {
      method: "POST",
      token,
      json: { items, addressId: hongKong },
      headers: { "idempotency-key": `hk-${Date.now()}` },
    });
    expect(refused.status).toBe(409);
    expect((await json(refused)).error?.message).toContain("该地区暂不配送");
    expect(await f.count("SELECT count(*) AS n FROM orders")).toBe(ordersBefore);
    expect((await f.stockOf(tv)).reserved).toBe(0);

    // To Beijing: the order keeps the freight per line and the promise it was sold with.
    const placed = await f.stack.fetch("/api/orders", {
      method: "POST",
      token,
      json: { items, addressId: beijing },
      headers: { "idempotency-key": `bj-${Date.now()}` },
    });
    expect(placed.status).toBe(201);
    const order = await json(placed);
    expect(order.shippingFen).toBe(8000);
    expect((order.deliveryPromise as { date: string }).date).toBe(bj.deliveryPromise?.date);
    const lines = (
      await f.stack.sql.execute({
        sql: "SELECT sku_id, payable_fen, allocations FROM order_items WHERE order_id = ? ORDER BY id",
        args: [Number(order.id)],
      })
    ).rows;
    expect(lines.map((l) => Number(l.payable_fen))).toEqual([259900 + 4000, 199900 + 4000]);
    expect(JSON.parse(String(lines[0]!.allocations))).toEqual([
      { step: "shipping.rule", kind: "shipping", amountFen: 4000 },
    ]);

    // A template in use cannot be deleted.
    expect((await admin(`/freight-templates/${templateId}`, { method: "DELETE" })).status).toBe(409);
  });

  it("the product page's estimate: freight and 预计送达 to a chosen district, or 暂不配送", async () => {
    const delivery = await admin("/delivery-rules", {
      method: "PUT",
      json: {
        cutoffMinute: 23 * 60 + 59,
        defaultLeadDays: 3,
        zones: [{ regions: ["440300"], leadDays: 0 }],
        noDeliveryDates: [],
      },
    });
    expect(delivery.status).toBe(200);
    const templateId = Number(
      (await json(await admin("/freight-templates", { method: "POST", json: BIG }))).id,
    );
    const sku = await f.createSku(99900, 5, "测试空调");
    await admin(`/products/${await productOf(sku)}/shipping`, {
      method: "PUT",
      json: { mode: "template", templateId },
    });

    const estimate = async (districtCode: string) =>
      (await (
        await f.stack.fetch(`/api/delivery/estimate?skuId=${sku}&districtCode=${districtCode}`)
      ).json()) as {
        region: { text: string };
        deliverable: boolean;
        freightFen: number | null;
        deliveryPromise: { text: string; date: string } | null;
      };
    const sz = await estimate("440305");
    expect(sz.region.text).toBe("广东省 深圳市 南山区");
    expect(sz).toMatchObject({ deliverable: true, freightFen: 5000 });
    const bj = await estimate("110105");
    expect(bj.deliveryPromise!.date > sz.deliveryPromise!.date).toBe(true);
    expect(await estimate("810101")).toMatchObject({
      deliverable: false,
      freightFen: null,
      deliveryPromise: null,
    });
    const bad = await f.stack.fetch(`/api/delivery/estimate?skuId=${sku}&districtCode=440300`);
    expect(bad.status).toBe(400);
    expect((await json(bad)).error?.message).toContain("请选择区县");
  });
});
