import { createRoute, z } from "@hono/zod-openapi";
import { staffOf } from "../shared/auth";
import { badRequest } from "../shared/errors";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import { confirmItems, releaseItems, reserveItems, returnItems } from "./client";
import {
  actorLabel,
  adjustStock,
  listStock,
  lowStockAlerts,
  manualOrderId,
  restockSuggestions,
  setLowStockThreshold,
  stockConflict,
  stockDetail,
  stockLedger,
} from "./service";

/** Merchant inventory: stock per SKU, adjustments, thresholds, ledger, alerts, suggestions, manual holds. */
export const inventoryAdminRoutes = createRouter();

const tags = ["admin: inventory"];
const MAX_UNITS = 1_000_000;
const skuParams = { params: z.object({ skuId: z.coerce.number().int().positive() }) };
const reason = z.string().trim().min(1, "请填写调整原因").max(200);
const pageLimit = z.coerce.number().int().min(1).max(100).default(20);
const cursorId = z.coerce.number().int().positive().optional();

const adjustInput = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("restock"),
    quantity: z.number().int().min(1).max(MAX_UNITS),
    reason: reason.default("入库"),
  }),
  z.object({
    mode: z.literal("delta"),
    delta: z
      .number()
      .int()
      .min(-MAX_UNITS)
      .max(MAX_UNITS)
      .refine((d) => d !== 0, "调整数量不能为 0"),
    reason,
  }),
  z.object({ mode: z.literal("set"), available: z.number().int().min(0).max(MAX_UNITS), reason }),
]);

const idempotencyKey = (header: string | undefined) => {
  if (header === undefined) return undefined;
  if (!/^[\w.:-]{8,100}$/.test(header)) throw badRequest("Idempotency-Key 格式不正确（8-100 位字母数字）");
  return header;
};

inventoryAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/inventory/skus",
    tags,
    security: bearer,
    summary: "各 SKU 库存（来自库存快照，可能略有延迟）",
    request: {
      query: z.object({
        lowOnly: z.enum(["0", "1"]).default("0").openapi({ description: "1 = 只看低于预警值的 SKU" }),
        productId: z.coerce.number().int().positive().optional(),
        after: cursorId,
        limit: pageLimit,
      }),
    },
    responses: jsonOk("{ items, nextAfter }"),
  }),
  async (c) => {
    const q = c.req.valid("query");
    return c.json(
      await listStock(c.get("db"), {
        lowOnly: q.lowOnly === "1",
        productId: q.productId,
        afterId: q.after,
        limit: q.limit,
      }),
    );
  },
);

inventoryAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/inventory/skus/{skuId}",
    tags,
    security: bearer,
    summary: "单个 SKU 的实时库存（在库、预留、可售、已售）",
    request: skuParams,
    responses: jsonOk("{ skuId, skuCode, productName, stock }"),
  }),
  async (c) => c.json(await stockDetail(c.get("db"), c.env, c.req.valid("param").skuId)),
);

inventoryAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/inventory/skus/{skuId}/adjustments",
    tags,
    security: bearer,
    summary: "调整库存：restock 入库 +N；delta 盘点 ±N；set 设定可售数量。可带 Idempotency-Key 防重复提交",
    request: { ...skuParams, ...jsonBody(adjustInput) },
    responses: jsonOk("{ duplicate, stock }"),
  }),
  async (c) => {
    const { skuId } = c.req.valid("param");
    const { reason: why, ...cmd } = c.req.valid("json");
    const staff = staffOf(c);
    return c.json(
      await adjustStock(
        c.get("db"),
        c.env,
        skuId,
        cmd,
        why,
        { id: staff.id, name: staff.name },
        idempotencyKey(c.req.header("idempotency-key")),
      ),
    );
  },
);

inventoryAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/inventory/skus/{skuId}/threshold",
    tags,
    security: bearer,
    summary: "设置低库存预警值（可售低于该值时通知一次；null 关闭）",
    request: {
      ...skuParams,
      ...jsonBody(z.object({ threshold: z.number().int().min(1).max(MAX_UNITS).nullable() })),
    },
    responses: jsonOk("stock"),
  }),
  async (c) =>
    c.json(
      await setLowStockThreshold(
        c.get("db"),
        c.env,
        c.req.valid("param").skuId,
        c.req.valid("json").threshold,
      ),
    ),
);

inventoryAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/inventory/skus/{skuId}/ledger",
    tags,
    security: bearer,
    summary: "库存流水（新到旧）",
    request: { ...skuParams, query: z.object({ before: cursorId, limit: pageLimit }) },
    responses: jsonOk("{ items, nextBefore }"),
  }),
  async (c) => {
    const q = c.req.valid("query");
    return c.json(await stockLedger(c.get("db"), c.env, c.req.valid("param").skuId, q.before, q.limit));
  },
);

inventoryAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/inventory/alerts",
    tags,
    security: bearer,
    summary: "低库存预警通知",
    request: { query: z.object({ before: cursorId, limit: pageLimit }) },
    responses: jsonOk("{ items, nextBefore }"),
  }),
  async (c) => {
    const q = c.req.valid("query");
    return c.json(await lowStockAlerts(c.get("db"), { beforeId: q.before, limit: q.limit }));
  },
);

inventoryAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/inventory/suggestions",
    tags,
    security: bearer,
    summary: "补货建议：近 N 天销量速度、可售天数、建议补货量",
    request: {
      query: z.object({
        days: z.coerce.number().int().min(1).max(90).default(14),
        targetDays: z.coerce.number().int().min(1).max(180).default(30),
        all: z.enum(["0", "1"]).default("0").openapi({ description: "1 = 包括无需补货的 SKU" }),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
    },
    responses: jsonOk("{ windowDays, targetDays, since, items }"),
  }),
  async (c) => {
    const q = c.req.valid("query");
    return c.json(await restockSuggestions(c.get("db"), { ...q, all: q.all === "1" }));
  },
);

// Manual holds: stock set aside for a phone or in-store order, through the same client checkout uses.
const ref = z
  .string()
  .trim()
  .regex(/^[\w-]{1,64}$/, "单号只能包含字母、数字、下划线和短横线");
const refParams = { params: z.object({ ref }) };
const skuIdList = z.array(z.number().int().positive()).min(1).max(50);

inventoryAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/inventory/reservations",
    tags,
    security: bearer,
    summary: "人工预留库存（电话/门店订单），多 SKU 全部成功或全部不占用；同一单号重复提交只预留一次",
    request: jsonBody(
      z.object({
        ref,
        items: z
          .array(z.object({ skuId: z.number().int().positive(), qty: z.number().int().min(1).max(10_000) }))
          .min(1)
          .max(50),
        ttlSeconds: z
          .number()
          .int()
          .min(1)
          .max(7 * 86_400)
          .default(1800),
      }),
    ),
    responses: jsonOk("{ ok, orderId }"),
  }),
  async (c) => {
    const body = c.req.valid("json");
    const orderId = manualOrderId(body.ref);
    const r = await reserveItems(c.env, orderId, body.items, body.ttlSeconds * 1000);
    if (!r.ok) throw stockConflict(r.code, r.skuId, "available" in r ? r.available : undefined);
    return c.json({ ok: true, orderId });
  },
);

inventoryAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/inventory/reservations/{ref}/confirm",
    tags,
    security: bearer,
    summary: "确认人工预留（售出）；已过期的预留需 reReserve=true 显式重新占用",
    request: {
      ...refParams,
      ...jsonBody(z.object({ skuIds: skuIdList, reReserve: z.boolean().default(false) })),
    },
    responses: jsonOk("{ ok }"),
  }),
  async (c) => {
    const body = c.req.valid("json");
    const r = await confirmItems(c.env, manualOrderId(c.req.valid("param").ref), body.skuIds, {
      reReserve: body.reReserve,
    });
    if (!r.ok) throw stockConflict(r.code, r.skuId);
    return c.json({ ok: true });
  },
);

inventoryAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/inventory/reservations/{ref}/release",
    tags,
    security: bearer,
    summary: "取消人工预留（可重复调用）",
    request: { ...refParams, ...jsonBody(z.object({ skuIds: skuIdList })) },
    responses: jsonOk("{ ok }"),
  }),
  async (c) => {
    const r = await releaseItems(c.env, manualOrderId(c.req.valid("param").ref), c.req.valid("json").skuIds);
    if (!r.ok) throw stockConflict(r.code, r.skuIds[0]!);
    return c.json({ ok: true });
  },
);

inventoryAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/inventory/returns",
    tags,
    security: bearer,
    summary: "退货入库：已售出的商品退回后重新可售（同一 returnId 只入库一次，不超过订单购买数量）",
    request: jsonBody(
      z.object({
        orderId: z
          .string()
          .trim()
          .regex(/^[\w:-]{1,80}$/, "订单号格式不正确")
          .openapi({ description: "订单号；人工预留为 manual:<单号>" }),
        returnId: z
          .string()
          .trim()
          .regex(/^[\w:-]{1,80}$/, "退货单号格式不正确"),
        items: z
          .array(z.object({ skuId: z.number().int().positive(), qty: z.number().int().min(1).max(10_000) }))
          .min(1)
          .max(50),
        reason: reason.default("退货入库"),
      }),
    ),
    responses: jsonOk("{ ok }"),
  }),
  async (c) => {
    const body = c.req.valid("json");
    const staff = staffOf(c);
    const r = await returnItems(c.env, body.orderId, body.items, {
      returnId: body.returnId,
      reason: body.reason,
      actor: actorLabel(staff),
    });
    if (!r.ok) throw stockConflict(r.code, r.skuId);
    return c.json({ ok: true });
  },
);
