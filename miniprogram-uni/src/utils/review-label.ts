/**
 * 评价数 as cards show it: exact below 10,000, then in 万 with one decimal rounded down (12,345 → 1.2万,
 * 10,000 → 1万), so a figure never reads higher than it is.
 */
export function reviewCountText(count: number): string {
  const n = Math.max(0, Math.floor(count));
  if (n < 10_000) return String(n);
  const tenths = Math.floor(n / 1000) / 10;
  return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1)}万`;
}

/** The card's review line: 1.2万条评价 · 好评98%, or 暂无评价 before the first review. */
export function cardReviewsLabel(count: number | null | undefined, goodRatePercent: number | null | undefined): string {
  if (!count || count <= 0) return "暂无评价";
  const rate = goodRatePercent === null || goodRatePercent === undefined ? "" : ` · 好评${goodRatePercent}%`;
  return `${reviewCountText(count)}条评价${rate}`;
}
