/** 评价: read a product's reviews, write one for a received line, see what waits for a review. */
import { request } from "./request";
import type { RequestBody, Schema } from "./schemas";

export type ProductReviews = Schema<"ProductReviews">;
export type Review = Schema<"Review">;
export type ReviewStats = Schema<"ReviewStats">;
export type PendingReview = Schema<"PendingReviews">["items"][number];
export type ReviewFilter = "all" | "photos" | "good" | "bad";

export const getProductReviews = (productId: number, filter: ReviewFilter = "all", cursor?: string) =>
  request<ProductReviews>(`/api/products/${productId}/reviews`, { query: { filter, cursor }, silent: true });

export const getPendingReviews = () => request<Schema<"PendingReviews">>("/api/reviews/pending", { silent: true });

/** Field errors come back on the ApiError (`fields`); other errors are toasted by the page. */
export const writeReview = (input: RequestBody<"/api/reviews", "post">) =>
  request<{ id: number }>("/api/reviews", { method: "POST", data: input, silent: true });
