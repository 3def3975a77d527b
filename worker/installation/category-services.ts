// The merchant's installation services per category, and which one applies to a product: its own
// category's, else its parent category's.
import { asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { categories, products } from "../catalog/schema";
import { type BatchRead, batchRead, constRead, type Ids, inIds, noIds, runRead } from "../db/batch-reads";
import type { Db } from "../db/client";
import { notFound } from "../shared/errors";
import type { InstallationService, ServicesByProduct } from "./fees";
import type { ServiceInput } from "./model";
import { installServices } from "./schema";

type ServiceRow = typeof installServices.$inferSelect;

const toService = (r: ServiceRow): InstallationService => ({
  categoryId: r.categoryId,
  requiresInstallation: r.requiresInstallation,
  includes: r.includes,
  bracketFeeFen: r.bracketFeeFen,
  highAltitudeFeeFen: r.highAltitudeFeeFen,
  carryFeePerFloorFen: r.carryFeePerFloorFen,
  carryFreeFloors: r.carryFreeFloors,
});

/**
 * The id of the service for a product of category `categoryId` whose parent is `parentId` (SQL
 * expressions): the category's own service first. Shared by the resolver below and the work-order
 * subscriber, so checkout and work orders always agree.
 */
export const serviceIdFor = (categoryId: SQL, parentId: SQL) =>
  sql`COALESCE((SELECT id FROM install_services WHERE category_id = ${categoryId}),
               (SELECT id FROM install_services WHERE category_id = ${parentId}))`;

/**
 * The service applying to each of these products (products without one are absent), as a read that can
 * share a batch: `productIds` is a list or a subquery selecting product ids.
 */
export function installationServicesRead(db: Db, productIds: Ids): BatchRead<ServicesByProduct> {
  if (noIds(productIds)) return constRead(new Map());
  return batchRead(
    [
      db
        .select({ productId: products.id, service: installServices })
        .from(products)
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .innerJoin(
          installServices,
          eq(installServices.id, serviceIdFor(sql`${categories.id}`, sql`${categories.parentId}`)),
        )
        .where(inArray(products.id, inIds(productIds))),
    ],
    ([rows]) => new Map(rows.map((r) => [r.productId, toService(r.service)])),
  );
}

export const installationServicesFor = (db: Db, productIds: readonly number[]): Promise<ServicesByProduct> =>
  runRead(db, installationServicesRead(db, productIds));

export async function listServices(db: Db) {
  const rows = await db
    .select({ service: installServices, categoryName: categories.name, parentId: categories.parentId })
    .from(installServices)
    .innerJoin(categories, eq(categories.id, installServices.categoryId))
    .orderBy(asc(categories.sortOrder), asc(categories.id));
  return rows.map((r) => ({ ...toService(r.service), categoryName: r.categoryName, parentId: r.parentId }));
}

/** Creates or replaces a category's service. */
export async function putService(db: Db, categoryId: number, input: ServiceInput, now = Date.now()) {
  const category = await db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.id, categoryId))
    .get();
  if (!category) throw notFound("分类不存在");
  const row = await db
    .insert(installServices)
    .values({ categoryId, ...input, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: installServices.categoryId, set: { ...input, updatedAt: now } })
    .returning()
    .get();
  return toService(row);
}

export async function deleteService(db: Db, categoryId: number) {
  const gone = await db
    .delete(installServices)
    .where(eq(installServices.categoryId, categoryId))
    .returning({ id: installServices.id });
  if (gone.length === 0) throw notFound("该分类没有配置安装服务");
}
