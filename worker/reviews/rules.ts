// 评价 rules, free of I/O: who may review, what a review may contain, how names and totals are shown.

export const REVIEW_MAX_CHARS = 500;
export const REVIEW_MAX_PHOTOS = 6;
/** A review can be written this long after the order completes (JD: 90 days). */
export const REVIEW_WINDOW_MS = 90 * 24 * 3600 * 1000;

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

export interface ReviewInput {
  rating: number;
  content: string;
  photos: string[];
}

export function checkReview(input: ReviewInput): Checked<ReviewInput> {
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5)
    return { ok: false, field: "rating", message: "请为商品打 1–5 星" };
  const content = input.content.trim();
  if (content.length > REVIEW_MAX_CHARS)
    return { ok: false, field: "content", message: `评价内容不能超过 ${REVIEW_MAX_CHARS} 字` };
  // A low rating without a word helps no other shopper: ask why.
  if (input.rating <= 2 && content.length < 5)
    return { ok: false, field: "content", message: "差评请至少写 5 个字，说说哪里不满意" };
  if (input.photos.length > REVIEW_MAX_PHOTOS)
    return { ok: false, field: "photos", message: `最多上传 ${REVIEW_MAX_PHOTOS} 张图片` };
  if (new Set(input.photos).size !== input.photos.length)
    return { ok: false, field: "photos", message: "图片重复" };
  return { ok: true, value: { rating: input.rating, content, photos: input.photos } };
}

/** Goods that arrived may be reviewed: the order completed (within the window), or its parcels were signed for. */
export function reviewableOrder(
  o: { status: string; completedAt: number | null },
  delivered: boolean,
  now: number,
): { ok: true } | { ok: false; message: string } {
  if (o.status === "completed") {
    if (o.completedAt !== null && now - o.completedAt > REVIEW_WINDOW_MS)
      return { ok: false, message: "已超过评价期限（确认收货后 90 天内）" };
    return { ok: true };
  }
  if (o.status === "shipped" && delivered) return { ok: true };
  return { ok: false, message: "收到商品后才能评价" };
}

/** 张三丰 → 张**丰, 小美 → 小*, anonymous → 匿名用户. */
export function maskedName(nickname: string, anonymous: boolean): string {
  const chars = [...nickname.trim()];
  if (anonymous || !chars.length) return "匿名用户";
  if (chars.length === 1) return `${chars[0]}*`;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}**${chars[chars.length - 1]}`;
}

export interface ReviewStats {
  count: number;
  ratingSum: number;
  goodCount: number;
  withPhotos: number;
}

/** 好评率: the share of 4–5 star reviews as a rounded whole percent (0–100); null without reviews. */
export function goodRatePercent(count: number, goodCount: number): number | null {
  if (count <= 0) return null;
  return Math.min(100, Math.max(0, Math.round((goodCount / count) * 100)));
}

/** 4.8 分 · 好评率 96% · 有图 12: what a product page shows; null averages for no reviews. */
export function statsView(s: ReviewStats | null | undefined) {
  const count = s?.count ?? 0;
  return {
    count,
    averageRating: count ? Math.round((s!.ratingSum / count) * 10) / 10 : null,
    goodRatePercent: goodRatePercent(count, s?.goodCount ?? 0),
    withPhotos: s?.withPhotos ?? 0,
  };
}
