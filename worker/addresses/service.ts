import { z } from "@hono/zod-openapi";
import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { type RegionLevel, resolveRegion } from "../logistics/regions";
import { AppError, notFound } from "../shared/errors";
import { countBelow, rowIf } from "../shared/limits";
import { addresses } from "./schema";

export const MAX_ADDRESSES = 20;

const regionCode = (what: string, example: string) =>
  z
    .string()
    .trim()
    .max(12)
    .openapi({ description: `${what}编码（GB/T 2260）`, example });

/** Region names are not accepted from the client: the server derives them from the codes. */
export const addressInput = z.object({
  receiverName: z.string().trim().min(1, "请填写收货人").max(32),
  /** Mainland mobile numbers only: couriers text and call the receiver. */
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, "请填写正确的手机号码"),
  provinceCode: regionCode("省份", "440000"),
  cityCode: regionCode("城市", "440300"),
  districtCode: regionCode("区县", "440305"),
  detail: z.string().trim().min(2, "请填写详细地址").max(120),
  isDefault: z.boolean().default(false),
});
export type AddressInput = z.infer<typeof addressInput>;

/** The input fields that carry the region, by level: a missing one is INVALID_REGION too (see routes). */
export const REGION_FIELDS = {
  provinceCode: "province",
  cityCode: "city",
  districtCode: "district",
} as const;

export const invalidRegion = (message: string, field: RegionLevel) =>
  new AppError(400, "INVALID_REGION", message, { field });

/** The row fields an input stands for: names resolved from the codes (stored with them), or INVALID_REGION. */
function addressFields(input: AddressInput) {
  const { provinceCode, cityCode, districtCode, ...rest } = input;
  const region = resolveRegion({ provinceCode, cityCode, districtCode });
  if (!region.ok) throw invalidRegion(region.message, region.field);
  const { province, city, district } = region;
  return { ...rest, province, city, district, provinceCode, cityCode, districtCode };
}

export type Address = typeof addresses.$inferSelect;

export function addressView(a: Address) {
  const { shopperId: _s, ...rest } = a;
  return rest;
}

export async function listAddresses(db: Db, shopperId: number) {
  const rows = await db
    .select()
    .from(addresses)
    .where(eq(addresses.shopperId, shopperId))
    .orderBy(desc(addresses.isDefault), asc(addresses.id));
  return rows.map(addressView);
}

/** Another shopper's address is reported as missing: existence must not leak. */
export async function getOwnAddress(db: Db, shopperId: number, id: number): Promise<Address> {
  const row = await db
    .select()
    .from(addresses)
    .where(and(eq(addresses.id, id), eq(addresses.shopperId, shopperId)))
    .get();
  if (!row) throw notFound("收货地址不存在");
  return row;
}

/**
 * The address an order ships to, as one query for a caller's batch: the named one (only if it is the
 * shopper's: no row otherwise), else the default, else the first.
 */
export function shippingAddressQuery(db: Db, shopperId: number, addressId?: number) {
  return db
    .select()
    .from(addresses)
    .where(
      addressId === undefined
        ? eq(addresses.shopperId, shopperId)
        : and(eq(addresses.id, addressId), eq(addresses.shopperId, shopperId)),
    )
    .orderBy(desc(addresses.isDefault), asc(addresses.id))
    .limit(1);
}

/** The address an order ships to when the shopper names none: the default, else the first. */
export async function defaultAddress(db: Db, shopperId: number): Promise<Address | undefined> {
  return db
    .select()
    .from(addresses)
    .where(eq(addresses.shopperId, shopperId))
    .orderBy(desc(addresses.isDefault), asc(addresses.id))
    .get();
}

/**
 * Creates the address unless the shopper already has MAX_ADDRESSES: the count and the insert are one
 * statement (shared/limits.ts), so parallel creations cannot overshoot. The first address is the
 * default; making one the default clears the others in the same batch (under the same limit).
 */
export async function createAddress(db: Db, shopperId: number, input: AddressInput) {
  const fields = addressFields(input);
  const now = Date.now();
  const own = eq(addresses.shopperId, shopperId);
  const room = countBelow(addresses, own, MAX_ADDRESSES);
  const isDefault = input.isDefault ? true : sql`NOT EXISTS (SELECT 1 FROM ${addresses} WHERE ${own})`;
  const insert = db
    .insert(addresses)
    .select(rowIf(addresses, { ...fields, isDefault, shopperId, createdAt: now, updatedAt: now }, room))
    .returning();
  const inserted = input.isDefault
    ? (await db.batch([clearDefault(db, shopperId, now, room), insert]))[1]
    : await insert;
  if (!inserted[0]) throw new AppError(409, "ADDRESS_LIMIT", `最多保存 ${MAX_ADDRESSES} 个收货地址`);
  return addressView(inserted[0]);
}

export async function updateAddress(db: Db, shopperId: number, id: number, input: AddressInput) {
  const fields = addressFields(input);
  const current = await getOwnAddress(db, shopperId, id);
  const now = Date.now();
  // Un-ticking the default leaves it the default: a shopper with addresses always has one.
  const isDefault = input.isDefault || current.isDefault;
  const update = db
    .update(addresses)
    .set({ ...fields, isDefault, updatedAt: now })
    .where(and(eq(addresses.id, id), eq(addresses.shopperId, shopperId)))
    .returning();
  if (!isDefault || current.isDefault) return addressView((await update)[0]!);
  const [, updated] = await db.batch([clearDefault(db, shopperId, now), update]);
  return addressView(updated[0]!);
}

export async function deleteAddress(db: Db, shopperId: number, id: number) {
  const current = await getOwnAddress(db, shopperId, id);
  await db.delete(addresses).where(and(eq(addresses.id, id), eq(addresses.shopperId, shopperId)));
  if (current.isDefault) {
    // Promote the oldest remaining address so there is still a default.
    await db.run(
      sql`UPDATE addresses SET is_default = 1, updated_at = ${Date.now()} WHERE id = (SELECT id FROM addresses WHERE shopper_id = ${shopperId} ORDER BY id LIMIT 1)`,
    );
  }
}

function clearDefault(db: Db, shopperId: number, now: number, onlyIf?: SQL) {
  return db
    .update(addresses)
    .set({ isDefault: false, updatedAt: now })
    .where(and(eq(addresses.shopperId, shopperId), eq(addresses.isDefault, true), onlyIf));
}
