/**
 * Initial stock for the seeded SKUs through the merchant inventory API. Each restock carries an
 * Idempotency-Key per SKU, so restarting `npm start` never adds the units twice.
 */
import type { SeededSku } from "./seed-catalog";

export async function seedStock(
  api: { baseUrl: string; merchantToken: string },
  skus: SeededSku[],
): Promise<{ restocked: number; units: number }> {
  let restocked = 0;
  let units = 0;
  for (const sku of skus) {
    if (sku.stock <= 0) continue;
    const res = await fetch(`${api.baseUrl}/api/admin/inventory/skus/${sku.skuId}/adjustments`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${api.merchantToken}`,
        "content-type": "application/json",
        "idempotency-key": `seed-stock-${sku.skuCode}`,
      },
      body: JSON.stringify({ mode: "restock", quantity: sku.stock, reason: "初始入库（演示数据）" }),
    });
    if (!res.ok) throw new Error(`restock ${sku.skuCode} failed: ${res.status} ${await res.text()}`);
    const { duplicate } = (await res.json()) as { duplicate?: boolean };
    if (!duplicate) {
      restocked++;
      units += sku.stock;
    }
  }
  return { restocked, units };
}
