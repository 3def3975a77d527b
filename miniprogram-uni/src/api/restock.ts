import { request } from "./request";
import type { Schema } from "./schemas";

/** 到货通知: told once (message centre, subscribe message) when this sold-out SKU is back. */
export const subscribeRestock = (skuId: number) =>
  request<Schema<"RestockSubscription">>("/api/restock-subscriptions", { method: "POST", data: { skuId } });

/** The SKUs of this product the shopper is waiting for. */
export const pendingRestock = (productId: number) =>
  request<Schema<"RestockPending">>("/api/restock-subscriptions", { query: { productId }, silent: true }).then(
    (r) => r.skuIds,
  );
