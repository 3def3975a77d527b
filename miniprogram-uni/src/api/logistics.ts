import { request } from "./request";
import type { QueryParams, Schema } from "./schemas";

/** 预计送达 as the quote, the order and the product page show it. */
export type DeliveryPromise = NonNullable<Schema<"DeliveryPromise">>;
export type OrderParcels = Schema<"OrderParcels">;
export type Parcel = Schema<"Parcel">;
export type ParcelTrace = Schema<"ParcelTrace">;

/** GET /api/delivery/estimate: freight and 预计送达 of one unit to a district. */
export type DeliveryEstimate = Schema<"DeliveryEstimate">;

export const getDeliveryEstimate = (q: QueryParams<"/api/delivery/estimate", "get">) =>
  request<DeliveryEstimate>("/api/delivery/estimate", { query: q, silent: true });

/** The order's parcels, each with its trace newest first (404 for someone else's order). */
export const getOrderParcels = (orderId: number) =>
  request<OrderParcels>(`/api/logistics/orders/${orderId}/parcels`, { silent: true });
