import { createRoute, z } from "@hono/zod-openapi";
import { badRequest } from "../shared/errors";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk } from "../shared/router";
import { FlashSaleInputSchema, FlashSaleSchema } from "./api-schemas";
import { createFlashSale, flashSalesOfSku, flashSaleView } from "./service";

/** Merchant flash sales (秒杀): create one over N stock shards, see its shards, rebalances and sales. */
export const flashSaleAdminRoutes = createRouter();

const tags = ["admin: flash sales"];

flashSaleAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/flash-sales",
    tags,
    security: bearer,
    summary: "创建秒杀：从 SKU 可售库存划出 units 件，分到 shards 个库存分片；可带 Idempotency-Key",
    request: jsonBody(FlashSaleInputSchema),
    responses: jsonCreated("the flash sale", FlashSaleSchema),
  }),
  async (c) => {
    const key = c.req.header("idempotency-key");
    if (key !== undefined && !/^[\w.:-]{8,100}$/.test(key))
      throw badRequest("Idempotency-Key 格式不正确（8-100 位字母数字）");
    return c.json(await createFlashSale(c.get("db"), c.env, c.req.valid("json"), key), 201);
  },
);

flashSaleAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/flash-sales",
    tags,
    security: bearer,
    summary: "某 SKU 的秒杀活动（新的在前）",
    request: { query: z.object({ skuId: z.coerce.number().int().positive() }) },
    responses: jsonOk("{ items }", z.object({ items: z.array(FlashSaleSchema) })),
  }),
  async (c) => c.json({ items: await flashSalesOfSku(c.env, c.req.valid("query").skuId) }),
);

flashSaleAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/flash-sales/{id}",
    tags,
    security: bearer,
    summary: "秒杀活动详情：各分片的在库、预留、已售、调用数，调拨次数",
    request: { params: z.object({ id: z.string() }) },
    responses: jsonOk("the flash sale", FlashSaleSchema),
  }),
  async (c) => c.json(await flashSaleView(c.env, c.req.valid("param").id)),
);
