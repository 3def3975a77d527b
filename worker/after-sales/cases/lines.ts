// Reading an order's lines with what after-sales decisions need: the category's no-reason flag, the
// warranty's end, and which units are already in cases.
import { eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { categories, products } from "../../catalog/schema";
import type { Db } from "../../db/client";
import { orderItems } from "../../orders/schema";
import type { OrderRow } from "../../orders/transition";
import { baselinePolicy, policyForCategory, warrantyStatus } from "../warranty";
import { deliveryDate, type LineFacts } from "./eligibility";
import { afterSaleUnitClaims } from "./schema";

export type OrderItemRow = typeof orderItems.$inferSelect;

export interface OrderLine {
  item: OrderItemRow;
  categoryNames: string[];
  noReasonReturn: boolean;
  warrantyMonths: number | null;
}

const parent = alias(categories, "parent_category");

export async function orderLines(db: Db, orderId: number): Promise<OrderLine[]> {
  const rows = await db
    .select({
      item: orderItems,
      warrantyMonths: products.warrantyMonths,
      leafName: categories.name,
      leafFlag: categories.noReasonReturn,
      parentName: parent.name,
      parentFlag: parent.noReasonReturn,
    })
    .from(orderItems)
    .leftJoin(products, eq(products.id, orderItems.productId))
    .leftJoin(categories, eq(categories.id, products.categoryId))
    .leftJoin(parent, eq(parent.id, categories.parentId))
    .where(eq(orderItems.orderId, orderId))
    .orderBy(orderItems.id);
  return rows.map((r) => ({
    item: r.item,
    categoryNames: [r.leafName, r.parentName].filter((n): n is string => !!n),
    // A sub-category inherits its parent's "no" (e.g. every 嵌入式 under a parent that disallows it).
    noReasonReturn: (r.leafFlag ?? true) && (r.parentFlag ?? true),
    warrantyMonths: r.warrantyMonths ?? null,
  }));
}

/** Units of each line already in a case (open or finished). */
export async function claimedUnits(db: Db, itemIds: number[]): Promise<Map<number, Set<number>>> {
  const rows = itemIds.length
    ? await db
        .select({ itemId: afterSaleUnitClaims.orderItemId, unitNo: afterSaleUnitClaims.unitNo })
        .from(afterSaleUnitClaims)
        .where(inArray(afterSaleUnitClaims.orderItemId, itemIds))
    : [];
  const out = new Map<number, Set<number>>(itemIds.map((id) => [id, new Set()]));
  for (const r of rows) out.get(r.itemId)?.add(r.unitNo);
  return out;
}

/** The end of the line's warranty (whole unit or main parts, whichever is later) once delivered. */
export function warrantyEnd(order: OrderRow, line: OrderLine, now: number): number | null {
  const at = deliveryDate(order);
  if (at === null) return null;
  const policy =
    policyForCategory([...line.categoryNames, line.item.name]) ??
    baselinePolicy(line.categoryNames[0] ?? "家电");
  const s = warrantyStatus(policy, at, now, line.warrantyMonths ?? undefined);
  return Math.max(s.wholeUnit.endsAt, s.mainParts?.endsAt ?? 0);
}

export function lineFacts(order: OrderRow, line: OrderLine, taken: Set<number>, now: number): LineFacts {
  return {
    available: line.item.quantity - taken.size,
    noReasonReturn: line.noReasonReturn,
    warrantyEndsAt: warrantyEnd(order, line, now),
  };
}
