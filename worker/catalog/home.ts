import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  displayOf,
  type PromotionDisplayRows,
  promotionDisplayFrom,
  promotionDisplayQueries,
} from "../marketing/promotion-service";
import { badRequest } from "../shared/errors";
import { cardReviewColumns, productCard } from "./card";
import { imageUrl } from "./model";
import { banners, homeRecommendations, images, products } from "./schema";

/** Banners and recommended products (with their promotion tags and limited-time prices): one round trip. */
export async function homeFeed(db: Db) {
  const now = Date.now();
  const [bannerRows, recs, ...promotionRows] = await db.batch([
    db
      .select()
      .from(banners)
      .where(eq(banners.active, true))
      .orderBy(asc(banners.sortOrder), asc(banners.id)),
    db
      .select({ p: products, ...cardReviewColumns() })
      .from(homeRecommendations)
      .innerJoin(products, eq(products.id, homeRecommendations.productId))
      .where(eq(products.status, "on_sale"))
      .orderBy(asc(homeRecommendations.sortOrder)),
    ...promotionDisplayQueries(
      db,
      db.select({ id: homeRecommendations.productId }).from(homeRecommendations),
      now,
    ),
  ]);
  const promotions = promotionDisplayFrom(promotionRows as PromotionDisplayRows, now);
  return {
    banners: bannerRows.map((b) => ({
      id: b.id,
      title: b.title,
      image: imageUrl(b.image),
      linkType: b.linkType,
      linkValue: b.linkValue,
    })),
    recommended: recs.map(({ p, ...reviews }) => {
      const { promotionTags, promoPriceFen } = displayOf(promotions, p.id);
      return { ...productCard(p, reviews), promotionTags, promoPriceFen };
    }),
  };
}

export interface BannerInput {
  title: string;
  image: string;
  linkType: "product" | "category" | "search" | "none";
  linkValue: string;
  sortOrder: number;
  active: boolean;
}

export async function saveBanner(db: Db, input: BannerInput, id?: number) {
  const img = await db.select().from(images).where(eq(images.key, input.image)).get();
  if (!img) throw badRequest("轮播图图片不存在，请先上传");
  if (id === undefined) {
    const [row] = await db
      .insert(banners)
      .values({ ...input, createdAt: Date.now() })
      .returning();
    return row!;
  }
  const [row] = await db.update(banners).set(input).where(eq(banners.id, id)).returning();
  return row;
}

/** Replaces the recommended list with these products, in this order. */
export async function setRecommendations(db: Db, productIds: number[]) {
  const unique = [...new Set(productIds)];
  if (unique.length) {
    const found = await db.select({ id: products.id }).from(products).where(inArray(products.id, unique));
    const missing = unique.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw badRequest(`商品不存在：${missing.join("，")}`);
  }
  await db.batch([
    db.delete(homeRecommendations),
    ...unique.map((productId, sortOrder) => db.insert(homeRecommendations).values({ productId, sortOrder })),
  ]);
}
