import { request } from "./request";
import type { QueryParams, Schema } from "./schemas";

/** 预计送达 as the quote, the order and the product page show it. */
export type DeliveryPromise = NonNullable<Schema<"DeliveryPromise">>;
export type OrderParcels = Schema<"OrderParcels">;
export type Parcel = Schema<"Parcel">;
export type ParcelTrace = Schema<"ParcelTrace">;

/**
 * GET /api/delivery/estimate. The route declares no response schema yet, so openapi.d.ts types its
 * body as `unknown`: this interface mirrors worker/checkout/service.ts productDelivery() until the
 * worker adds one (then: `Schema<"DeliveryEstimate">`). Reported to the lead; do not grow it here.
 */
export interface DeliveryEstimate {
  /** The district priced to (the picked one, or the shopper's default address); null when neither. */
  region: { text: string; districtCode: string | null } | null;
  deliverable: boolean;
  /** null when not deliverable. */
  freightFen: number | null;
  /** 运费 / 包邮 / 满99.00元包邮, or 该地区暂不配送. */
  freightLabel: string | null;
  deliveryPromise: DeliveryPromise | null;
}

export const getDeliveryEstimate = (q: QueryParams<"/api/delivery/estimate", "get">) =>
  request<DeliveryEstimate>("/api/delivery/estimate", { query: q, silent: true });

/** The order's parcels, each with its trace newest first (404 for someone else's order). */
export const getOrderParcels = (orderId: number) =>
  request<OrderParcels>(`/api/logistics/orders/${orderId}/parcels`, { silent: true });
