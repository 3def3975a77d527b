import { newIdempotencyKey } from "./orders";
import { request } from "./request";
import type { QueryParams, Schema } from "./schemas";

/** A coupon the shopper can claim (coupon centre, product page), with 立即领取 / 已领 / 已抢光 state. */
export type ClaimableCoupon = Schema<"ClaimableCoupon">;
/** One of the shopper's coupons. */
export type MyCoupon = Schema<"MyCoupon">;
export type MyCouponList = Schema<"MyCouponList">;
export type MyCouponTab = NonNullable<QueryParams<"/api/coupons/mine", "get">["tab"]>;
export type ClaimFrom = NonNullable<QueryParams<"/api/coupons/{templateId}/claim", "post">["from"]>;
/** The quote's coupons: the selected one and every coupon with its saving or why it cannot be used. */
export type QuoteCoupons = Schema<"QuoteCoupons">;
export type QuoteCouponOption = Schema<"QuoteCouponOption">;
export type PromotionHint = Schema<"PromotionHint">;

export const getCouponCentre = () =>
  request<Schema<"ClaimableCouponList">>("/api/coupons/centre", { silent: true }).then((r) => r.items);

export const getProductCoupons = (productId: number) =>
  request<Schema<"ClaimableCouponList">>(`/api/coupons/for-product/${productId}`, { silent: true }).then(
    (r) => r.items,
  );

/** Claims one coupon. A fresh key per tap: a retried request returns the same coupon, not a second. */
export const claimCoupon = (templateId: number, from: ClaimFrom) =>
  request<Schema<"CouponClaimResult">>(`/api/coupons/${templateId}/claim`, {
    method: "POST",
    query: { from },
    headers: { "idempotency-key": newIdempotencyKey() },
  });

export const getMyCoupons = (tab: MyCouponTab) =>
  request<MyCouponList>("/api/coupons/mine", { query: { tab }, silent: true });

export const getActivePromotions = () =>
  request<Schema<"ActivePromotionList">>("/api/promotions/active", { silent: true }).then((r) => r.items);
