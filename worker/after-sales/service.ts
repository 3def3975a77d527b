import { and, asc, count, eq, type SQL, sql } from "drizzle-orm";
import { categories, products } from "../catalog/schema";
import type { Db } from "../db/client";
import { installedUnits, installWorkOrders } from "../installation/schema";
import { orderItems, orders } from "../orders/schema";
import { notFound } from "../shared/errors";
import { byDistance } from "./geo";
import { normalizeCity, type OutletQuery } from "./model";
import { repairOutlets } from "./schema";
import { baselinePolicy, policyForCategory, warrantyStatus } from "./warranty";
import { describeWarranty, WARRANTY_POLICIES } from "./warranty-policies";

// ---------- warranty policies ----------

export const warrantyPolicies = () =>
  WARRANTY_POLICIES.map((p) => ({ ...p, description: describeWarranty(p) }));

// ---------- outlets ----------

type OutletRow = typeof repairOutlets.$inferSelect;
const toOutlet = ({ createdAt: _createdAt, ...o }: OutletRow) => o;

/**
 * Outlets in a city and/or serving a category; nearest first when the shopper's position is given.
 * Distances are computed here, not in SQL: outlets number in the hundreds per city at most.
 */
export async function findOutlets(db: Db, q: OutletQuery) {
  const where: SQL[] = [];
  if (q.city) where.push(eq(repairOutlets.city, normalizeCity(q.city)));
  if (q.category)
    where.push(
      sql`EXISTS (SELECT 1 FROM json_each(${repairOutlets.categories}) WHERE value = ${q.category})`,
    );
  const rows = (
    await db
      .select()
      .from(repairOutlets)
      .where(and(...where))
      .orderBy(asc(repairOutlets.city), asc(repairOutlets.district), asc(repairOutlets.id))
  ).map(toOutlet);
  if (q.lat === undefined || q.lng === undefined) return rows.slice(0, q.limit);
  return byDistance(rows, { lat: q.lat, lng: q.lng }).slice(0, q.limit);
}

export async function outletCities(db: Db) {
  return db
    .select({ city: repairOutlets.city, count: count() })
    .from(repairOutlets)
    .groupBy(repairOutlets.city)
    .orderBy(asc(repairOutlets.city));
}

// ---------- warranty of a purchased item ----------

/**
 * The warranty of one of the shopper's order items. Coverage starts at delivery; the order records the
 * shopper's receipt confirmation (completedAt, also set by auto-completion), which is used as the
 * delivery date. Someone else's item is reported as not found, not forbidden: ids are not disclosed.
 */
export async function warrantyForOrderItem(db: Db, shopperId: number, orderItemId: number, now: number) {
  const row = await db
    .select({
      itemId: orderItems.id,
      name: orderItems.name,
      orderNo: orders.orderNo,
      shopperId: orders.shopperId,
      orderStatus: orders.status,
      completedAt: orders.completedAt,
      warrantyMonths: products.warrantyMonths,
      categoryId: products.categoryId,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .leftJoin(products, eq(products.id, orderItems.productId))
    .where(eq(orderItems.id, orderItemId))
    .get();
  if (!row || row.shopperId !== shopperId) throw notFound("订单商品不存在");

  const categoryNames = row.categoryId ? await categoryPath(db, row.categoryId) : [];
  const policy =
    policyForCategory([...categoryNames, row.name]) ?? baselinePolicy(categoryNames[0] ?? "家电");
  const base = {
    orderItemId: row.itemId,
    orderNo: row.orderNo,
    productName: row.name,
    policy: { slug: policy.slug, category: policy.category, description: describeWarranty(policy) },
  };
  if (row.completedAt === null) {
    return { ...base, delivered: false as const, message: "商品尚未确认收货，保修期自签收之日起计算" };
  }
  return {
    ...base,
    delivered: true as const,
    deliveredAt: row.completedAt,
    status: warrantyStatus(policy, row.completedAt, now, row.warrantyMonths ?? undefined),
  };
}

/**
 * The warranty of an installed appliance by its serial number, registered when the installer finished
 * (installation/installer.ts): coverage starts on the installation day. Only product, policy and dates
 * are returned (no order or address), as a brand's serial-number lookup would.
 */
export async function warrantyBySerial(db: Db, serialNo: string, now: number) {
  const row = await db
    .select({
      serialNo: installedUnits.serialNo,
      installedAt: installedUnits.installedAt,
      productName: installWorkOrders.productName,
      specs: installWorkOrders.specs,
      warrantyMonths: products.warrantyMonths,
      categoryId: products.categoryId,
    })
    .from(installedUnits)
    .innerJoin(installWorkOrders, eq(installWorkOrders.id, installedUnits.workOrderId))
    .leftJoin(products, eq(products.id, installedUnits.productId))
    .where(eq(installedUnits.serialNo, serialNo.toUpperCase()))
    .get();
  if (!row) throw notFound("未找到该序列号的保修登记");
  const categoryNames = row.categoryId ? await categoryPath(db, row.categoryId) : [];
  const policy =
    policyForCategory([...categoryNames, row.productName]) ?? baselinePolicy(categoryNames[0] ?? "家电");
  return {
    serialNo: row.serialNo,
    productName: row.productName,
    specs: row.specs,
    installedAt: row.installedAt,
    policy: { slug: policy.slug, category: policy.category, description: describeWarranty(policy) },
    status: warrantyStatus(policy, row.installedAt, now, row.warrantyMonths ?? undefined),
  };
}

/** The category's name, then its parent's (the catalog has two levels). */
export async function categoryPath(db: Db, categoryId: number): Promise<string[]> {
  const leaf = await db.select().from(categories).where(eq(categories.id, categoryId)).get();
  if (!leaf) return [];
  if (leaf.parentId === null) return [leaf.name];
  const parent = await db.select().from(categories).where(eq(categories.id, leaf.parentId)).get();
  return parent ? [leaf.name, parent.name] : [leaf.name];
}
