import uviewPlus from "uview-plus";
import { createSSRApp } from "vue";
import App from "./App.vue";
import { iconFontUrl } from "./utils/config";

export function createApp() {
  const app = createSSRApp(App);
  // The icon font is self-hosted (static/fonts), never loaded from uview's CDN.
  app.use(uviewPlus, () => ({ options: { config: { iconUrl: iconFontUrl(), loadFontOnce: true } } }));
  return { app };
}
