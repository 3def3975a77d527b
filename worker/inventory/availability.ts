/** What shoppers see of stock: a label, never the authority (StockCounter decides every sale). */

export type AvailabilityStatus = "in_stock" | "low" | "sold_out";

export interface Availability {
  status: AvailabilityStatus;
  /** 有货 / 仅剩 N 件 / 暂时缺货 */
  label: string;
}

/** At or below this many units a shopper sees the count (仅剩 N 件); above it just 有货. */
export const LOW_STOCK_DISPLAY_MAX = 5;

export function availabilityLabel(available: number): Availability {
  // A stock-out is temporary (restocks and cancellations bring units back; 到货通知 waits for them).
  if (available <= 0) return { status: "sold_out", label: "暂时缺货" };
  if (available <= LOW_STOCK_DISPLAY_MAX) return { status: "low", label: `仅剩 ${available} 件` };
  return { status: "in_stock", label: "有货" };
}
