/** The shopper's recent searches, on this device only (newest first, at most 10, no duplicates). */
const KEY = "jd.search-history";
const MAX = 10;

export function readHistory(): string[] {
  try {
    const raw = uni.getStorageSync(KEY);
    const list: unknown = raw ? JSON.parse(String(raw)) : [];
    return Array.isArray(list) ? list.filter((t): t is string => typeof t === "string").slice(0, MAX) : [];
  } catch {
    return [];
  }
}

export function rememberSearch(term: string): string[] {
  const t = term.trim();
  if (!t) return readHistory();
  const list = [t, ...readHistory().filter((x) => x !== t)].slice(0, MAX);
  uni.setStorageSync(KEY, JSON.stringify(list));
  return list;
}

export function clearHistory(): string[] {
  uni.removeStorageSync(KEY);
  return [];
}
