import { z } from "@hono/zod-openapi";
import { type Address, addressView, defaultAddress, getOwnAddress } from "../addresses/service";
import { type CheckedLine, checkLines, lineView, type RequestedLine } from "../cart/line-check";
import { MAX_CART_LINES, MAX_LINE_QUANTITY, selectedLines } from "../cart/service";
import type { Db } from "../db/client";
import { badRequest } from "../shared/errors";
import { sumBySku } from "../shared/lines";
import { type Quote, runPricing } from "./pricing";
import { getShopSettings, type ShopSettings } from "./settings";

export const lineInput = z.object({
  skuId: z.number().int().positive(),
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
});

/** Only SKUs and quantities: any price a client sends is not part of the schema and is ignored. */
export const quoteInput = z.object({
  /** "立即购买" lines; omitted = the cart's selected lines. */
  items: z.array(lineInput).min(1).max(MAX_CART_LINES).optional(),
  addressId: z.number().int().positive().optional(),
});
export type QuoteInput = z.infer<typeof quoteInput>;

export interface CheckoutQuote {
  fromCart: boolean;
  lines: CheckedLine[];
  quote: Quote;
  address: Address | undefined;
  settings: ShopSettings;
  /** Reasons the order cannot be placed as is (Chinese, for the shopper). */
  problems: string[];
  /**
   * The subset that placing the order must refuse up front. Stock shortages are left out: the stock
   * figure here is a snapshot that may lag, and the reservation at order time is what decides.
   */
  blocking: string[];
}

/** Recomputes everything from the catalog and settings: the same function quotes and places orders. */
export async function buildQuote(db: Db, shopperId: number, input: QuoteInput): Promise<CheckoutQuote> {
  const fromCart = !input.items;
  const requested: RequestedLine[] = sumBySku(
    input.items ?? (await selectedLines(db, shopperId)),
    "quantity",
  );
  if (requested.length === 0) throw badRequest("请先选择要购买的商品", undefined, "EMPTY_ORDER");
  for (const l of requested)
    if (l.quantity > MAX_LINE_QUANTITY) throw badRequest(`单件商品最多购买 ${MAX_LINE_QUANTITY} 件`);
  const [lines, settings, address] = await Promise.all([
    checkLines(db, requested),
    getShopSettings(db),
    input.addressId ? getOwnAddress(db, shopperId, input.addressId) : defaultAddress(db, shopperId),
  ]);
  const problems: string[] = [];
  const blocking: string[] = [];
  for (const l of lines) {
    if (!l.unavailable) continue;
    const text = `${l.name}${Object.values(l.specs).join(" ")}：${lineView(l).unavailableLabel}`;
    problems.push(text);
    if (l.unavailable !== "out_of_stock" && l.unavailable !== "insufficient_stock") blocking.push(text);
  }
  if (!address) {
    problems.push("请先添加收货地址");
    blocking.push("请先添加收货地址");
  }
  const quote = runPricing({
    items: lines,
    shipping: settings.shipping,
    destination: address
      ? { province: address.province, city: address.city, district: address.district }
      : null,
    shopperId,
  });
  if (quote.payableFen <= 0) {
    problems.push("订单金额必须大于 0");
    blocking.push("订单金额必须大于 0");
  }
  return { fromCart, lines, quote, address, settings, problems, blocking };
}

export function quoteView(q: CheckoutQuote) {
  return {
    fromCart: q.fromCart,
    items: q.lines.map(lineView),
    adjustments: q.quote.adjustments,
    itemsTotalFen: q.quote.itemsTotalFen,
    shippingFen: q.quote.shippingFen,
    discountFen: q.quote.discountFen,
    payableFen: q.quote.payableFen,
    address: q.address ? addressView(q.address) : null,
    orderable: q.problems.length === 0,
    problems: q.problems,
  };
}
