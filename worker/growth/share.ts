// Share cards and posters: what a share of a product or a group shows and where it leads, with the
// sharer's referral code in the path and in the poster code's scene.
import { z } from "@hono/zod-openapi";
import { and, eq, min } from "drizzle-orm";
import { imageUrl } from "../catalog/model";
import { products, skus } from "../catalog/schema";
import type { Db } from "../db/client";
import { badRequest, notFound } from "../shared/errors";
import { referralCodeOf } from "./referral-service";
import { groupBuyOfferSkus, groupBuys } from "./schema";
import { encodeScene, type ShareTarget, scenePage, sharePath } from "./share-scene";

export const shareQuery = z
  .object({
    productId: z.coerce.number().int().positive().optional(),
    groupNo: z
      .string()
      .regex(/^G[0-9A-Z]{10,20}$/, "拼团编号格式不正确")
      .optional(),
  })
  .refine(
    (q) => (q.productId === undefined) !== (q.groupNo === undefined),
    "请指定 productId 或 groupNo 之一",
  );

export function shareTarget(q: z.infer<typeof shareQuery>): ShareTarget {
  if (q.productId !== undefined) return { kind: "product", id: q.productId };
  if (q.groupNo !== undefined) return { kind: "group", groupNo: q.groupNo };
  throw badRequest("请指定 productId 或 groupNo 之一");
}

const toUrl = (img: string | null | undefined) =>
  !img ? null : /^(https?:)?\//.test(img) ? img : imageUrl(img);

/** Title, image and price of what is shared; 404 when it does not exist. */
async function describe(db: Db, t: ShareTarget) {
  if (t.kind === "product") {
    const p = await db
      .select({
        name: products.name,
        images: products.images,
        status: products.status,
        price: min(skus.priceFen),
      })
      .from(products)
      .innerJoin(skus, and(eq(skus.productId, products.id), eq(skus.active, true)))
      .where(eq(products.id, t.id))
      .groupBy(products.id)
      .get();
    if (p?.status !== "on_sale") throw notFound("商品不存在或已下架");
    return { title: p.name, imageUrl: toUrl(p.images[0]), priceFen: Number(p.price ?? 0) };
  }
  const g = await db.select().from(groupBuys).where(eq(groupBuys.groupNo, t.groupNo)).get();
  if (!g) throw notFound("拼团不存在");
  const row = await db
    .select({ name: products.name, images: products.images, price: min(groupBuyOfferSkus.groupPriceFen) })
    .from(groupBuyOfferSkus)
    .innerJoin(skus, eq(skus.id, groupBuyOfferSkus.skuId))
    .innerJoin(products, eq(products.id, skus.productId))
    .where(eq(groupBuyOfferSkus.offerId, g.offerId))
    .groupBy(products.id)
    .get();
  const left = Math.max(0, g.size - g.paidCount);
  return {
    title: `【还差${left}人】${row?.name ?? "拼团"}，${g.size}人团`,
    imageUrl: toUrl(row?.images[0]),
    priceFen: Number(row?.price ?? 0),
  };
}

export async function shareInfo(db: Db, target: ShareTarget, shopperId: number | undefined) {
  const [about, code] = await Promise.all([
    describe(db, target),
    shopperId === undefined ? null : referralCodeOf(db, shopperId),
  ]);
  const ref = code ? { referrer: code, target } : { target };
  const q = target.kind === "product" ? `productId=${target.id}` : `groupNo=${target.groupNo}`;
  return {
    ...about,
    path: sharePath(ref),
    scene: encodeScene(ref),
    codeUrl: `/api/share/wxacode?${q}`,
    referralCode: code,
  };
}

/** The scene and page of the poster code for this caller (their own referral code, if logged in). */
export async function posterScene(db: Db, target: ShareTarget, shopperId: number | undefined) {
  await describe(db, target); // 404 for what does not exist: no codes are made for it
  const code = shopperId === undefined ? null : await referralCodeOf(db, shopperId);
  return { scene: encodeScene(code ? { referrer: code, target } : { target }), page: scenePage(target) };
}
