import { onLoad, onPullDownRefresh } from "@dcloudio/uni-app";
import { ref } from "vue";
import { errorMessage } from "@/api/request";

/**
 * A page that loads its data on open and on pull-to-refresh, for StateView: `loading` until the first
 * attempt ends, `error` holds the Chinese message of the last failed attempt, `load()` retries.
 * Call it during setup (it registers the page's onLoad and onPullDownRefresh).
 */
export function usePageLoad(fetch: () => Promise<void>) {
  const loading = ref(true);
  const error = ref("");

  async function load() {
    error.value = "";
    try {
      await fetch();
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      loading.value = false;
    }
  }

  onLoad(() => load());
  onPullDownRefresh(async () => {
    await load();
    uni.stopPullDownRefresh();
  });
  return { loading, error, load };
}
