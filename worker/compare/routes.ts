import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, inArray } from "drizzle-orm";
import { ProductCardSchema } from "../catalog/api-schemas";
import type { AttributeValues } from "../catalog/attributes";
import { cardReviewColumns, productCard } from "../catalog/card";
import { categories, products } from "../catalog/schema";
import { badRequest } from "../shared/errors";
import { createRouter, jsonOk } from "../shared/router";
import { checkComparable, compareRows } from "./table";

/** 商品对比: public, one round trip. */
export const compareRoutes = createRouter();

const CompareSchema = z
  .object({
    category: z.object({ id: z.number().int(), name: z.string() }),
    products: z.array(ProductCardSchema.extend({ salesCount: z.number().int() })),
    rows: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        values: z.array(z.string()).openapi({ description: "与 products 同序；缺少该参数为 —" }),
        differs: z.boolean().openapi({ description: "各商品取值不同（用于 只看不同）" }),
      }),
    ),
  })
  .openapi("ProductCompare");

compareRoutes.openapi(
  createRoute({
    method: "get",
    path: "/compare",
    tags: ["catalog"],
    summary: "商品对比：同一品类 2–4 件在售商品的价格与规格参数并排，标出不同项",
    request: {
      query: z.object({
        ids: z
          .string({ error: "请选择要对比的商品" })
          .max(100)
          .regex(/^\d+(,\d+)*$/, "ids 应为逗号分隔的商品 id"),
      }),
    },
    responses: jsonOk("对比表", CompareSchema),
  }),
  async (c) => {
    const ids = c.req.valid("query").ids.split(",").map(Number);
    const db = c.get("db");
    const rows = await db
      .select({ p: products, categoryName: categories.name, ...cardReviewColumns() })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(and(inArray(products.id, ids), eq(products.status, "on_sale")));
    // In the order asked for (the compare bar's order).
    const found = ids.flatMap((id) => rows.filter((r) => r.p.id === id));
    const check = checkComparable(
      ids,
      found.map((r) => ({
        id: r.p.id,
        categoryId: r.p.categoryId,
        attributes: r.p.attributes as AttributeValues,
      })),
    );
    if (!check.ok) throw badRequest(check.message, undefined, "NOT_COMPARABLE");
    return c.json({
      category: { id: found[0]!.p.categoryId, name: found[0]!.categoryName },
      products: found.map((r) => ({ ...productCard(r.p, r), salesCount: r.p.salesCount })),
      rows: compareRows(
        found.map((r) => ({
          id: r.p.id,
          categoryId: r.p.categoryId,
          attributes: r.p.attributes as AttributeValues,
        })),
      ),
    });
  },
);
