import { type SQLWrapper, sql } from "drizzle-orm";
import { goodRatePercent } from "../reviews/rules";
import { productReviewStats as stats } from "../reviews/schema";
import { listingTags } from "./listing";
import { imageUrl } from "./model";
import { products } from "./schema";

type ProductRow = typeof products.$inferSelect;

/** A product's visible-review totals as a card needs them (0 and 0 when it has none). */
export interface CardReviewTotals {
  reviewCount: number;
  reviewGoodCount: number;
}

/**
 * The card's review totals as select columns: correlated primary-key lookups into product_review_stats,
 * so they ride in the statement that reads the products (no extra round trip). `productId` is the
 * product id column of that statement (`products.id`, or `sql\`p.id\`` for an aliased raw query).
 */
export function cardReviewColumns(productId: SQLWrapper = products.id) {
  return {
    reviewCount:
      sql<number>`coalesce((SELECT ${stats.count} FROM ${stats} WHERE ${stats.productId} = ${productId}), 0)`.mapWith(
        Number,
      ),
    reviewGoodCount:
      sql<number>`coalesce((SELECT ${stats.goodCount} FROM ${stats} WHERE ${stats.productId} = ${productId}), 0)`.mapWith(
        Number,
      ),
  };
}

/** 评价数 and 好评率 as cards show them: 1.2万条评价 · 好评98%, or 暂无评价 (rate null). */
export function cardReviews(t: CardReviewTotals) {
  return { reviewCount: t.reviewCount, goodRatePercent: goodRatePercent(t.reviewCount, t.reviewGoodCount) };
}

/** What every product card shows (ProductCardSchema): the product row and its review totals, one read. */
export function productCard(p: ProductRow, reviews: CardReviewTotals) {
  return {
    id: p.id,
    name: p.name,
    subtitle: p.subtitle,
    brand: p.brand,
    priceFen: p.minPriceFen,
    originalPriceFen: p.minOriginalPriceFen,
    cover: p.images[0] ? imageUrl(p.images[0]) : null,
    tags: listingTags(p.attributes),
    ...cardReviews(reviews),
  };
}
