/** Satisfaction (CSAT) report arithmetic. Pure. */

export const CSAT_SCORES = [1, 2, 3, 4, 5] as const;

export interface CsatReport {
  count: number;
  /** Mean score rounded to two decimals; null when nobody rated. */
  average: number | null;
  /** Ratings per score, every score present. */
  distribution: Record<"1" | "2" | "3" | "4" | "5", number>;
}

export function csatReport(groups: readonly { score: number; count: number }[]): CsatReport {
  const distribution = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 };
  let count = 0;
  let sum = 0;
  for (const g of groups) {
    const key = String(g.score) as keyof typeof distribution;
    if (!(key in distribution)) continue;
    distribution[key] += g.count;
    count += g.count;
    sum += g.score * g.count;
  }
  return { count, average: count === 0 ? null : Math.round((sum / count) * 100) / 100, distribution };
}
