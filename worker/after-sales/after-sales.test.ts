/**
 * After-sales API through the real worker in workerd over HTTP, against a real libSQL file: warranty
 * policies, outlets by city / category / distance, validation, and the warranty of a purchased item.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUTLET_SEED } from "../../dev/seed/outlets";
import { seedOutlets } from "../../dev/seed/seed-outlets";
import { type Stack, shopperToken, staffToken, startStack } from "../../test/harness";
import { categories, products } from "../catalog/schema";
import { createDb, type Db } from "../db/client";
import { orderItems, orders } from "../orders/schema";
import { haversineMeters } from "./geo";
import { addChinaMonths } from "./warranty";
import { WARRANTY_POLICIES } from "./warranty-policies";

let stack: Stack;
let db: Db;

type Outlet = {
  name: string;
  city: string;
  categories: string[];
  lat: number;
  lng: number;
  distanceM?: number;
};
type Json = Record<string, unknown> & { error?: { code: string; message: string }; items?: Outlet[] };
const json = async (res: Response) => (await res.json()) as Json;
const outlets = async (query: string) => {
  const res = await stack.fetch(`/api/after-sales/outlets?${query}`);
  expect(res.status).toBe(200);
  return (await json(res)).items!;
};

beforeAll(async () => {
  stack = await startStack();
  db = createDb(stack.vars.LIBSQL_URL!);
}, 60_000);
afterAll(() => stack.close());

describe("outlets", () => {
  it("seeds once", async () => {
    expect(await seedOutlets(db)).toBe(OUTLET_SEED.length);
    expect(await seedOutlets(db)).toBe(0);
    expect(OUTLET_SEED.length).toBeGreaterThanOrEqual(20);
  });

  it("filters by city, with or without 市", async () => {
    const hz = await outlets(`city=${encodeURIComponent("杭州")}`);
    expect(hz.length).toBe(OUTLET_SEED.filter((o) => o.city === "杭州").length);
    expect(hz.every((o) => o.city === "杭州")).toBe(true);
    expect((await outlets(`city=${encodeURIComponent("杭州市")}`)).map((o) => o.name)).toEqual(
      hz.map((o) => o.name),
    );
    expect(await outlets(`city=${encodeURIComponent("拉萨")}`)).toEqual([]);
  });

  it("filters by category served", async () => {
    const tv = await outlets("category=tv");
    expect(tv.length).toBe(OUTLET_SEED.filter((o) => o.categories.includes("tv")).length);
    expect(tv.every((o) => o.categories.includes("tv"))).toBe(true);
  });

  it("orders by distance from the shopper, nearest first", async () => {
    // 杭州 West Lake: the nearest outlets are the 杭州 ones, the first the one on 文三路.
    const here = { lat: 30.259, lng: 120.13 };
    const near = await outlets(`lat=${here.lat}&lng=${here.lng}&limit=5`);
    expect(near).toHaveLength(5);
    expect(near[0]!.name).toContain("文三路");
    expect(near.slice(0, 3).every((o) => o.city === "杭州")).toBe(true);
    const distances = near.map((o) => o.distanceM!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances[0]).toBe(Math.round(haversineMeters(here, near[0]!)));

    const inCity = await outlets(
      `lat=${here.lat}&lng=${here.lng}&city=${encodeURIComponent("上海")}&category=ac`,
    );
    expect(inCity.every((o) => o.city === "上海" && o.categories.includes("ac"))).toBe(true);
    expect(inCity.map((o) => o.distanceM!)).toEqual(inCity.map((o) => o.distanceM!).sort((a, b) => a - b));
  });

  it.each([
    ["latitude without longitude", "lat=30.2"],
    ["latitude out of range", "lat=200&lng=120"],
    ["non-numeric longitude", "lat=30&lng=east"],
    ["unknown category", "category=phone"],
    ["limit too large", "limit=1000"],
  ])("rejects %s with a Chinese 400", async (_, query) => {
    const res = await stack.fetch(`/api/after-sales/outlets?${query}`);
    expect(res.status).toBe(400);
    const err = (await json(res)).error!;
    expect(err.code).toBe("VALIDATION_FAILED");
    expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("lists cities with outlet counts", async () => {
    const cities = (await json(await stack.fetch("/api/after-sales/outlets/cities"))).items as unknown as {
      city: string;
      count: number;
    }[];
    expect(cities.reduce((n, c) => n + c.count, 0)).toBe(OUTLET_SEED.length);
    expect(cities.length).toBe(new Set(OUTLET_SEED.map((o) => o.city)).size);
  });
});

describe("API description", () => {
  it("documents the FAQ and after-sales routes", async () => {
    const res = await stack.fetch("/api/openapi.json");
    expect(res.status).toBe(200);
    const paths = Object.keys(((await res.json()) as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/faq",
        "/api/faq/search",
        "/api/admin/faq/{id}",
        "/api/after-sales/outlets",
        "/api/after-sales/warranty/order-items/{id}",
      ]),
    );
  });
});

describe("warranty policies", () => {
  it("lists every category's policy with its description", async () => {
    const items = (await json(await stack.fetch("/api/after-sales/warranty-policies"))).items as unknown as {
      slug: string;
      description: string;
    }[];
    expect(items.map((p) => p.slug)).toEqual(WARRANTY_POLICIES.map((p) => p.slug));
    expect(items.find((p) => p.slug === "ac")!.description).toContain("空调整机保修1年");
  });
});

describe("warranty of a purchased item", () => {
  let shopper: string;
  let other: string;
  let deliveredItem: number;
  let shippedItem: number;
  let deliveredAt: number;

  beforeAll(async () => {
    [shopper, other] = await Promise.all([shopperToken(stack, "保修顾客"), shopperToken(stack, "别人")]);
    const shopperId = Number(
      (await stack.sql.execute({ sql: "SELECT id FROM shoppers WHERE openid = ?", args: ["dev:保修顾客"] }))
        .rows[0]!.id,
    );
    const now = Date.now();
    const [tv] = await db
      .insert(categories)
      .values({ name: "电视", createdAt: now, updatedAt: now })
      .returning();
    const [miniLed] = await db
      .insert(categories)
      .values({ name: "Mini LED电视", parentId: tv!.id, createdAt: now, updatedAt: now })
      .returning();
    const [product] = await db
      .insert(products)
      .values({
        categoryId: miniLed!.id,
        name: "海信 65E7K",
        brand: "海信",
        warrantyMonths: 36,
        attributes: {},
        images: [],
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    deliveredAt = now - 100 * 86400_000;
    const order = (no: string, status: "completed" | "shipped", completedAt: number | null) => ({
      orderNo: no,
      shopperId,
      status,
      version: 3,
      itemsTotalFen: 499900,
      shippingFen: 0,
      discountFen: 0,
      payableFen: 499900,
      adjustments: [],
      address: {
        receiverName: "张三",
        phone: "13800000000",
        province: "浙江省",
        city: "杭州市",
        district: "西湖区",
        detail: "文三路1号",
      },
      receiverName: "张三",
      receiverPhone: "13800000000",
      idempotencyKey: no,
      stockState: "confirmed" as const,
      payDeadline: now,
      completedAt,
      createdAt: now - 110 * 86400_000,
      updatedAt: now,
    });
    const [done, shipped] = await db
      .insert(orders)
      .values([
        order("2026000000000000000001", "completed", deliveredAt),
        order("2026000000000000000002", "shipped", null),
      ])
      .returning();
    const item = (orderId: number) => ({
      orderId,
      skuId: 1,
      productId: product!.id,
      name: product!.name,
      specs: {},
      unitPriceFen: 499900,
      quantity: 1,
      lineTotalFen: 499900,
    });
    const items = await db
      .insert(orderItems)
      .values([item(done!.id), item(shipped!.id)])
      .returning();
    deliveredItem = items[0]!.id;
    shippedItem = items[1]!.id;
  });

  it("requires the shopper's login", async () => {
    expect((await stack.fetch(`/api/after-sales/warranty/order-items/${deliveredItem}`)).status).toBe(401);
    const agent = await staffToken(stack, "agent");
    expect(
      (await stack.fetch(`/api/after-sales/warranty/order-items/${deliveredItem}`, { token: agent })).status,
    ).toBe(403);
  });

  it("computes coverage from the delivery date with the category policy and the product's own term", async () => {
    const res = await stack.fetch(`/api/after-sales/warranty/order-items/${deliveredItem}`, {
      token: shopper,
    });
    expect(res.status).toBe(200);
    const body = (await json(res)) as unknown as {
      delivered: boolean;
      deliveredAt: number;
      policy: { slug: string };
      status: {
        active: boolean;
        wholeUnit: { endsAt: number; active: boolean; months: number };
        mainParts: { endsAt: number };
      };
    };
    expect(body.policy.slug).toBe("tv");
    expect(body.delivered).toBe(true);
    expect(body.deliveredAt).toBe(deliveredAt);
    expect(body.status.wholeUnit).toMatchObject({
      months: 36,
      active: true,
      endsAt: addChinaMonths(deliveredAt, 36),
    });
    expect(body.status.active).toBe(true);
  });

  it("says coverage has not started before delivery", async () => {
    const body = await json(
      await stack.fetch(`/api/after-sales/warranty/order-items/${shippedItem}`, { token: shopper }),
    );
    expect(body).toMatchObject({ delivered: false, policy: { slug: "tv" } });
    expect(body.status).toBeUndefined();
  });

  it("hides other shoppers' items and unknown ids", async () => {
    expect(
      (await stack.fetch(`/api/after-sales/warranty/order-items/${deliveredItem}`, { token: other })).status,
    ).toBe(404);
    expect(
      (await stack.fetch("/api/after-sales/warranty/order-items/999999", { token: shopper })).status,
    ).toBe(404);
    expect((await stack.fetch("/api/after-sales/warranty/order-items/abc", { token: shopper })).status).toBe(
      400,
    );
  });
});
