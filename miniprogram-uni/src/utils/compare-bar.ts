/**
 * 对比栏: the products a shopper put aside to compare, kept on the device (up to 4, one category; a
 * product of another category starts a new comparison, as JD's 对比 does).
 */
const KEY = "jd.compare";
export const COMPARE_MAX = 4;

export interface CompareEntry {
  id: number;
  categoryId: number;
  name: string;
}

export function compareEntries(): CompareEntry[] {
  try {
    const raw = uni.getStorageSync(KEY);
    return Array.isArray(raw) ? (raw as CompareEntry[]) : [];
  } catch {
    return [];
  }
}

const save = (list: CompareEntry[]) => uni.setStorageSync(KEY, list);

/** Adds a product; says what happened so the page can tell the shopper. */
export function addToCompare(e: CompareEntry): "added" | "present" | "full" | "restarted" {
  const list = compareEntries();
  if (list.some((x) => x.id === e.id)) return "present";
  if (list.length && list[0]!.categoryId !== e.categoryId) {
    save([e]);
    return "restarted";
  }
  if (list.length >= COMPARE_MAX) return "full";
  save([...list, e]);
  return "added";
}

export function removeFromCompare(id: number) {
  save(compareEntries().filter((x) => x.id !== id));
}
