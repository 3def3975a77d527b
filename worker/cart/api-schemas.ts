import { z } from "@hono/zod-openapi";

/**
 * Response schemas of /api/cart (every call answers with the cart as getCart re-checks it), and the
 * checked line the checkout quote shares: what lineView (line-check.ts) and getCart (service.ts) build.
 */

const fen = z.number().int().openapi({ description: "金额（分）" });

/** A line of goods priced now (cart line, quote line): current price, stock snapshot, availability. */
export const CheckedLineSchema = z
  .object({
    skuId: z.number().int(),
    productId: z.number().int().openapi({ description: "0 when the SKU no longer exists" }),
    name: z.string(),
    specs: z.record(z.string(), z.string()),
    imageUrl: z.string().nullable(),
    unitPriceFen: fen,
    quantity: z.number().int(),
    lineTotalFen: fen,
    stock: z.number().int().nullable().openapi({ description: "可售库存快照（SKU 不存在时为 null）" }),
    available: z.boolean(),
    unavailableReason: z
      .enum(["not_found", "off_shelf", "sku_disabled", "out_of_stock", "insufficient_stock"])
      .nullable(),
    unavailableLabel: z.string().nullable().openapi({ description: "如 暂时缺货、库存不足、商品已下架" }),
  })
  .openapi("CheckedLine");

export const CartLineSchema = CheckedLineSchema.extend({ selected: z.boolean() }).openapi("CartLine");

export const CartSchema = z
  .object({
    items: z.array(CartLineSchema),
    summary: z
      .object({
        lineCount: z.number().int(),
        selectedCount: z.number().int().openapi({ description: "勾选且可买的件数" }),
        selectedTotalFen: z
          .number()
          .int()
          .openapi({ description: "勾选且可买的商品金额（分，不含运费优惠）" }),
        unavailableCount: z.number().int(),
      })
      .openapi("CartSummary"),
  })
  .openapi("Cart");
