// Everything a checkout quote reads, as ONE batch (one round trip to Turso): the lines (the shopper's
// selected cart lines or the "立即购买" items), the address, and every pricing input. The inputs that
// depend on the lines (freight templates, installation services, limited-time prices) take the SKU ids
// as a list or, for the cart, as a subquery over the selected cart lines, so nothing waits for the
// lines to come back first. Placing an order folds this same read into its idempotency claim.
import { inArray } from "drizzle-orm";
import { shippingAddressQuery } from "../addresses/service";
import { lineCheckQueries } from "../cart/line-check";
import { selectedLines, selectedSkuIds } from "../cart/service";
import { skus } from "../catalog/schema";
import { batchRead, combineReads, constRead, type Ids, inIds, type ReadValue } from "../db/batch-reads";
import type { Db } from "../db/client";
import { installationServicesRead } from "../installation/category-services";
import { deliveryRulesRead, freightTemplatesRead, templateIdsOfProducts } from "../logistics/freight-service";
import { usableCouponsRead } from "../marketing/coupon-redemption";
import type { CouponSnapshot } from "../marketing/coupon-rules";
import { activePromotionsRead } from "../marketing/promotion-service";
import { memberPricingRead } from "../members/pricing";
import { valuationTableRead } from "../trade-in/service";
import { shopSettingsRead } from "./settings";

/** The products of these SKUs, as a subquery. */
const productIdsOf = (db: Db, skuIds: Ids) =>
  db
    .select({ id: skus.productId })
    .from(skus)
    .where(inArray(skus.id, inIds(skuIds)));

/**
 * The shop's rules and the shopper's benefits that price lines of `skuIds`: without a shopper (the
 * product page's freight) no coupons and no member pricing; the trade-in table only when asked for.
 */
export function pricingInputsRead(
  db: Db,
  skuIds: Ids,
  now: number,
  opts: { shopperId?: number; tradeIns?: boolean } = {},
) {
  const productIds = productIdsOf(db, skuIds);
  const { shopperId } = opts;
  return combineReads({
    settings: shopSettingsRead(db),
    rules: deliveryRulesRead(db),
    templates: freightTemplatesRead(db, templateIdsOfProducts(db, productIds)),
    services: installationServicesRead(db, productIds),
    promos: activePromotionsRead(db, now, skuIds),
    coupons:
      shopperId === undefined ? constRead<CouponSnapshot[]>([]) : usableCouponsRead(db, shopperId, now),
    valuations: opts.tradeIns ? valuationTableRead(db) : constRead(undefined),
    member: shopperId === undefined ? constRead(undefined) : memberPricingRead(db, shopperId, now),
  });
}
export type PricingInputs = ReadValue<ReturnType<typeof pricingInputsRead>>;

/** The checked SKUs' catalog facts and stock (`checkedLinesFrom` turns them into lines). */
export const lineRowsRead = (db: Db, skuIds: Ids) => batchRead(lineCheckQueries(db, skuIds), (rows) => rows);

/** A quote's reads: `items` are the "立即购买" lines (absent: the cart's selected lines). */
export function quoteRead(
  db: Db,
  shopperId: number,
  input: { items?: { skuId: number }[] | undefined; addressId?: number | undefined },
  now: number,
) {
  const skuIds = input.items ? [...new Set(input.items.map((l) => l.skuId))] : selectedSkuIds(db, shopperId);
  return combineReads({
    cart: input.items ? constRead(undefined) : batchRead([selectedLines(db, shopperId)], ([rows]) => rows),
    address: batchRead([shippingAddressQuery(db, shopperId, input.addressId)], ([[address]]) => address),
    lineRows: lineRowsRead(db, skuIds),
    pricing: pricingInputsRead(db, skuIds, now, { shopperId, tradeIns: true }),
  });
}
export type QuoteReads = ReadValue<ReturnType<typeof quoteRead>>;
