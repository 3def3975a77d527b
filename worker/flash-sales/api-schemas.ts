import { z } from "@hono/zod-openapi";

const units = z.number().int().nonnegative();

export const FlashSaleInputSchema = z
  .object({
    skuId: z.number().int().positive(),
    units: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .openapi({ description: "秒杀数量（从该 SKU 的可售库存中划出）" }),
    shards: z
      .number()
      .int()
      .min(1)
      .max(32)
      .default(1)
      .openapi({ description: "分片数 N：库存平均分到 N 个库存对象，每个约承受 1,000 次/秒" }),
    startsAt: z.number().int().positive().openapi({ description: "开始时间（UTC 毫秒）" }),
    endsAt: z.number().int().positive().openapi({ description: "结束时间（UTC 毫秒）" }),
  })
  .openapi("FlashSaleInput");

export const FlashSaleSchema = z
  .object({
    id: z.string(),
    skuId: z.number().int(),
    units: units,
    shards: z.number().int(),
    startsAt: z.number().int(),
    endsAt: z.number().int(),
    status: z.enum(["setting_up", "active", "failed"]),
    failure: z.string().nullable(),
    rebalances: units.openapi({ description: "分片间调拨次数" }),
    unitsMoved: units,
    coordinatorCalls: units.openapi({ description: "协调对象本实例处理的调用数（负载指标，不持久）" }),
    shardStats: z.array(
      z.object({
        shard: z.number().int(),
        onHand: units,
        available: units,
        reserved: units,
        sold: units,
        calls: units.openapi({ description: "该分片本实例处理的调用数（负载指标，不持久）" }),
      }),
    ),
    totals: z.object({ onHand: units, available: units, reserved: units, sold: units }),
    createdAt: z.number().int(),
  })
  .openapi("FlashSale");
