import { type Ref, ref } from "vue";
import { errorMessage } from "../api/client";

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A cursor-paged table's state for PageState: `load()` reloads from the first page, `load(true)` appends
 * the next one; `loaded` turns true after the first success (so an empty table shows its empty state).
 */
export function useCursorList<T>(fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>) {
  const rows = ref<T[]>([]) as Ref<T[]>;
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const loaded = ref(false);
  const error = ref<string | null>(null);
  async function load(more = false) {
    loading.value = true;
    error.value = null;
    try {
      const page = await fetchPage(more && nextCursor.value ? nextCursor.value : undefined);
      rows.value = more ? [...rows.value, ...page.items] : page.items;
      nextCursor.value = page.nextCursor;
      loaded.value = true;
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      loading.value = false;
    }
  }
  return { rows, nextCursor, loading, loaded, error, load };
}
