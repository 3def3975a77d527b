// 猜你喜欢: the shopper's signals and the candidates in one round trip, ranked by rank.ts.
import { z } from "@hono/zod-openapi";
import { and, desc, eq, inArray } from "drizzle-orm";
import { cardReviewColumns, productCard } from "../catalog/card";
import { products } from "../catalog/schema";
import type { Db } from "../db/client";
import { favorites, productViews } from "../favorites/schema";
import { orderItems, orders } from "../orders/schema";
import { rankRecommendations, type Signal } from "./rank";

/** The best sellers on sale considered for the row (enough for a shop of this size). */
const CANDIDATES = 200;
const SIGNALS_PER_KIND = 50;

export const recommendationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(20).default(10),
  /** Products the page already shows (the product being viewed, the cart's lines), comma-separated. */
  exclude: z
    .string()
    .max(400)
    .regex(/^\d+(,\d+)*$/, "exclude 应为逗号分隔的商品 id")
    .optional(),
});

const signalCols = { productId: products.id, categoryId: products.categoryId, brand: products.brand };

export async function recommendations(
  db: Db,
  shopperId: number | undefined,
  q: z.infer<typeof recommendationQuery>,
) {
  const candidatesQuery = db
    .select({ p: products, ...cardReviewColumns() })
    .from(products)
    .where(eq(products.status, "on_sale"))
    .orderBy(desc(products.salesCount), desc(products.id))
    .limit(CANDIDATES);
  let candidates: Awaited<typeof candidatesQuery>;
  const signals: Signal[] = [];
  if (shopperId === undefined) {
    candidates = await candidatesQuery;
  } else {
    const [cands, viewed, saved, bought] = await db.batch([
      candidatesQuery,
      db
        .select({ ...signalCols, at: productViews.viewedAt })
        .from(productViews)
        .innerJoin(products, eq(products.id, productViews.productId))
        .where(eq(productViews.shopperId, shopperId))
        .orderBy(desc(productViews.viewedAt))
        .limit(SIGNALS_PER_KIND),
      db
        .select({ ...signalCols, at: favorites.createdAt })
        .from(favorites)
        .innerJoin(products, eq(products.id, favorites.productId))
        .where(eq(favorites.shopperId, shopperId))
        .orderBy(desc(favorites.createdAt))
        .limit(SIGNALS_PER_KIND),
      db
        .select({ ...signalCols, at: orders.paidAt })
        .from(orderItems)
        .innerJoin(orders, eq(orders.id, orderItems.orderId))
        .innerJoin(products, eq(products.id, orderItems.productId))
        .where(and(eq(orders.shopperId, shopperId), inArray(orders.status, ["paid", "shipped", "completed"])))
        .orderBy(desc(orders.id))
        .limit(SIGNALS_PER_KIND),
    ]);
    candidates = cands;
    signals.push(
      ...viewed.map((v) => ({ ...v, kind: "view" as const })),
      ...saved.map((v) => ({ ...v, kind: "favorite" as const })),
      ...bought.map((v) => ({ ...v, at: v.at ?? 0, kind: "purchase" as const })),
    );
  }
  const byId = new Map(candidates.map((c) => [c.p.id, c]));
  const ranked = rankRecommendations(
    signals,
    candidates.map((c) => c.p),
    {
      now: Date.now(),
      limit: q.limit,
      exclude: q.exclude?.split(",").map(Number) ?? [],
    },
  );
  return {
    items: ranked.map((r) => {
      const { p, ...reviews } = byId.get(r.id)!;
      return { ...productCard(p, reviews), salesCount: p.salesCount, reason: r.reason };
    }),
  };
}
