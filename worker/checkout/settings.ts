import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { type BatchRead, batchRead, runRead } from "../db/batch-reads";
import type { Db } from "../db/client";
import type { Env } from "../env";
import { fen } from "../shared/validation";
import type { ShippingRule } from "./pricing";
import { shopSettings } from "./schema";

export interface ShopSettings {
  shipping: ShippingRule;
  /** Unpaid orders are cancelled after this many minutes. */
  autoCancelMinutes: number;
  /** Shipped orders complete automatically after this many days. */
  autoCompleteDays: number;
}

export const DEFAULT_SETTINGS: ShopSettings = {
  shipping: { flatFeeFen: 1000, freeOverFen: 9900 },
  autoCancelMinutes: 30,
  autoCompleteDays: 10,
};

export const settingsInput = z.object({
  shipping: z.object({ flatFeeFen: fen, freeOverFen: fen.nullable() }),
  autoCancelMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  autoCompleteDays: z.number().int().min(1).max(30),
});

const SETTINGS_ID = 1;

/** The shop's settings (defaults until the merchant saves them), as a read that can share a batch. */
export const shopSettingsRead = (db: Db): BatchRead<ShopSettings> =>
  batchRead([db.select().from(shopSettings).where(eq(shopSettings.id, SETTINGS_ID))], ([[row]]) =>
    row
      ? {
          shipping: { flatFeeFen: row.shippingFlatFeeFen, freeOverFen: row.shippingFreeOverFen },
          autoCancelMinutes: row.autoCancelMinutes,
          autoCompleteDays: row.autoCompleteDays,
        }
      : DEFAULT_SETTINGS,
  );

export const getShopSettings = (db: Db): Promise<ShopSettings> => runRead(db, shopSettingsRead(db));

export async function saveShopSettings(db: Db, s: ShopSettings): Promise<ShopSettings> {
  const values = {
    shippingFlatFeeFen: s.shipping.flatFeeFen,
    shippingFreeOverFen: s.shipping.freeOverFen,
    autoCancelMinutes: s.autoCancelMinutes,
    autoCompleteDays: s.autoCompleteDays,
    updatedAt: Date.now(),
  };
  await db
    .insert(shopSettings)
    .values({ id: SETTINGS_ID, ...values })
    .onConflictDoUpdate({ target: shopSettings.id, set: values });
  return s;
}

/**
 * How long an unpaid order lives. ORDER_PAY_TIMEOUT_SECONDS (env) overrides the merchant setting so
 * tests and staging can use seconds instead of minutes.
 */
export function payTimeoutMs(env: Pick<Env, "ORDER_PAY_TIMEOUT_SECONDS">, s: ShopSettings): number {
  const override = Number(env.ORDER_PAY_TIMEOUT_SECONDS);
  return Number.isFinite(override) && override > 0 ? override * 1000 : s.autoCancelMinutes * 60_000;
}

/** How long a shipped order waits for the shopper before it completes by itself. */
export function autoCompleteMs(env: Pick<Env, "ORDER_AUTO_COMPLETE_SECONDS">, s: ShopSettings): number {
  const override = Number(env.ORDER_AUTO_COMPLETE_SECONDS);
  return Number.isFinite(override) && override > 0 ? override * 1000 : s.autoCompleteDays * 86_400_000;
}
