// 猜你喜欢, free of I/O: what the shopper looked at, saved and bought says which categories and
// brands interest them (recent signals count more); candidates are scored by that interest plus a
// little popularity, what was already bought or is being looked at is left out, and no category takes
// more than a few of the places, so one fridge visit does not fill the row with fridges.

export type SignalKind = "view" | "favorite" | "purchase";

export interface Signal {
  kind: SignalKind;
  productId: number;
  categoryId: number;
  brand: string;
  at: number;
}

export interface Candidate {
  id: number;
  categoryId: number;
  brand: string;
  salesCount: number;
}

export interface Ranked {
  id: number;
  /** Why it is shown: 看过同类 / 收藏过同类 / 买过同品牌 / 热销. */
  reason: string;
}

const WEIGHT: Record<SignalKind, number> = { view: 1, favorite: 3, purchase: 2 };
/** A signal counts half as much after this long. */
export const HALF_LIFE_MS = 7 * 24 * 3600 * 1000;
/** A bought category is worth this fraction: a second fridge is rarely next, its accessories may be. */
const BOUGHT_CATEGORY_DAMPING = 0.3;
const BRAND_SHARE = 0.35;
export const MAX_PER_CATEGORY = 3;

const decay = (age: number) => 0.5 ** (Math.max(age, 0) / HALF_LIFE_MS);

function interest(signals: readonly Signal[], now: number) {
  const category = new Map<number, { score: number; kind: SignalKind }>();
  const brand = new Map<string, number>();
  const bought = new Set<number>();
  const boughtCategories = new Set<number>();
  for (const s of signals) {
    const w = WEIGHT[s.kind] * decay(now - s.at);
    const c = category.get(s.categoryId);
    // The reason names the strongest kind of signal for the category.
    category.set(s.categoryId, {
      score: (c?.score ?? 0) + w,
      kind: !c || WEIGHT[s.kind] > WEIGHT[c.kind] ? s.kind : c.kind,
    });
    brand.set(s.brand, (brand.get(s.brand) ?? 0) + w);
    if (s.kind === "purchase") {
      bought.add(s.productId);
      boughtCategories.add(s.categoryId);
    }
  }
  return { category, brand, bought, boughtCategories };
}

const REASONS: Record<SignalKind, string> = {
  view: "看过同类",
  favorite: "收藏过同类",
  purchase: "买过同类",
};

/** The top `limit` candidates for these signals; with no signals, the best sellers. */
export function rankRecommendations(
  signals: readonly Signal[],
  candidates: readonly Candidate[],
  opts: { now: number; limit: number; exclude?: readonly number[] },
): Ranked[] {
  const { category, brand, bought, boughtCategories } = interest(signals, opts.now);
  const excluded = new Set([...(opts.exclude ?? []), ...bought]);
  const maxSales = Math.max(1, ...candidates.map((c) => c.salesCount));
  const scored = candidates
    .filter((c) => !excluded.has(c.id))
    .map((c) => {
      const cat = category.get(c.categoryId);
      const catScore = (cat?.score ?? 0) * (boughtCategories.has(c.categoryId) ? BOUGHT_CATEGORY_DAMPING : 1);
      const brandScore = (brand.get(c.brand) ?? 0) * BRAND_SHARE;
      // Popularity breaks ties and fills the row for a new shopper (log-scaled, below one signal).
      const popularity = Math.log1p(c.salesCount) / Math.log1p(maxSales) / 2;
      const reason = catScore > 0 ? REASONS[cat!.kind] : brandScore > 0 ? "同品牌推荐" : "热销";
      return { c, score: catScore + brandScore + popularity, reason };
    })
    .sort((a, b) => b.score - a.score || b.c.salesCount - a.c.salesCount || a.c.id - b.c.id);

  // At most MAX_PER_CATEGORY per category while others remain; then fill from what is left.
  const perCategory = new Map<number, number>();
  const picked: Ranked[] = [];
  const later: Ranked[] = [];
  for (const s of scored) {
    const n = perCategory.get(s.c.categoryId) ?? 0;
    const entry = { id: s.c.id, reason: s.reason };
    if (n < MAX_PER_CATEGORY) {
      perCategory.set(s.c.categoryId, n + 1);
      picked.push(entry);
    } else later.push(entry);
  }
  return [...picked, ...later].slice(0, opts.limit);
}
