import { ref, shallowRef } from "vue";
import { errorMessage } from "@/api/request";

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Cursor-paged list state for infinite scrolling: `reload()` on show / pull-to-refresh,
 * `loadMore()` on reach-bottom. Stale responses (from a reload that was superseded) are dropped.
 */
export function usePagedList<T>(fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>) {
  const items = shallowRef<T[]>([]);
  const cursor = ref<string | null>(null);
  const loading = ref(false);
  const loadingMore = ref(false);
  const error = ref("");
  const loaded = ref(false);
  let generation = 0;

  async function reload() {
    const gen = ++generation;
    loading.value = !loaded.value;
    error.value = "";
    try {
      const page = await fetchPage(undefined);
      if (gen !== generation) return;
      items.value = page.items;
      cursor.value = page.nextCursor;
      loaded.value = true;
    } catch (e) {
      if (gen === generation) error.value = errorMessage(e);
    } finally {
      if (gen === generation) loading.value = false;
    }
  }

  async function loadMore() {
    if (!cursor.value || loadingMore.value || loading.value) return;
    const gen = generation;
    loadingMore.value = true;
    try {
      const page = await fetchPage(cursor.value);
      if (gen !== generation) return;
      items.value = [...items.value, ...page.items];
      cursor.value = page.nextCursor;
    } catch {
      // The wrapper already toasted; the shopper can scroll again to retry.
    } finally {
      loadingMore.value = false;
    }
  }

  /** uview's load-more status string. */
  const status = () => (loadingMore.value ? "loading" : cursor.value ? "loadmore" : "nomore");

  return { items, cursor, loading, loadingMore, error, loaded, reload, loadMore, status };
}
