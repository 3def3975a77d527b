import { type Ref, ref } from "vue";
import { errorMessage } from "../api/client";

/** A page's data with its loading and error states; `reload` keeps the old data while it runs. */
export function useLoad<T>(fetcher: () => Promise<T>) {
  const data = ref<T | null>(null) as Ref<T | null>;
  const loading = ref(false);
  const error = ref<string | null>(null);
  async function reload() {
    loading.value = true;
    error.value = null;
    try {
      data.value = await fetcher();
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      loading.value = false;
    }
  }
  return { data, loading, error, reload };
}
