/**
 * Flash sales (秒杀): put N units of a SKU on sale across K StockCounter shards. The coordinator object
 * (durable-objects/flash-sale.ts) does the set-up and rebalancing; buyers reach the shards through the
 * ordinary inventory client (worker/inventory/flash-route.ts), so checkout needs no change.
 */
import { eq } from "drizzle-orm";
import type { FlashSaleView } from "../../durable-objects/flash-sale";
import { coordinatorName, invalidSale } from "../../durable-objects/flash-shards";
import { skus } from "../catalog/schema";
import type { Db } from "../db/client";
import type { Env } from "../env";
import { stockCounter } from "../inventory/client";
import { AppError, badRequest, notFound } from "../shared/errors";

type FlashEnv = Pick<Env, "STOCK_COUNTER" | "FLASH_SALE">;

export interface FlashSaleInput {
  skuId: number;
  units: number;
  shards: number;
  startsAt: number;
  endsAt: number;
}

const coordinator = (env: FlashEnv, saleId: string) =>
  env.FLASH_SALE.get(env.FLASH_SALE.idFromName(coordinatorName(saleId)));

/** A sale id from the merchant's Idempotency-Key (so a retried POST is the same sale), else random. */
async function saleIdOf(skuId: number, key: string | undefined): Promise<string> {
  if (!key) return crypto.randomUUID().replaceAll("-", "").slice(0, 16);
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${skuId}:${key}`));
  return [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function createFlashSale(
  db: Db,
  env: FlashEnv,
  input: FlashSaleInput,
  idempotencyKey?: string,
): Promise<FlashSaleView> {
  const problem = invalidSale(input, Date.now());
  if (problem) throw badRequest(problem);
  const sku = await db.select({ id: skus.id }).from(skus).where(eq(skus.id, input.skuId)).get();
  if (!sku) throw notFound("SKU 不存在");
  const id = await saleIdOf(input.skuId, idempotencyKey);
  const r = await coordinator(env, id).create({ id, ...input });
  if (!r.ok)
    throw new AppError(409, "INSUFFICIENT_AVAILABLE", `可售库存不足：当前可售 ${r.available} 件`, {
      available: r.available,
    });
  return r.sale;
}

export async function flashSalesOfSku(env: FlashEnv, skuId: number): Promise<FlashSaleView[]> {
  const refs = await stockCounter(env, skuId).flashSales(skuId);
  return Promise.all(refs.map((s) => coordinator(env, s.id).view()));
}

export async function flashSaleView(env: FlashEnv, saleId: string): Promise<FlashSaleView> {
  if (!/^[0-9a-f]{16}$/.test(saleId)) throw notFound("秒杀活动不存在");
  const c = coordinator(env, saleId);
  if (!(await c.exists())) throw notFound("秒杀活动不存在");
  return c.view();
}
