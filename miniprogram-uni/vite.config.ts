import uni from "@dcloudio/vite-plugin-uni";
import { defineConfig, type Plugin } from "vite";

/**
 * uni-h5's framework CSS preloads navigation-bar shadow images from a public CDN. The store uses no
 * navigation-bar shadows and must not call out to third-party hosts, so drop those URLs.
 */
function noCdnAssets(): Plugin {
  const CDN_IMAGE = /url\(\s*['"]?https:\/\/cdn\.dcloud\.net\.cn\/img\/[\w-]+\.png['"]?\s*\)/g;
  return {
    name: "jiadian:no-cdn-assets",
    enforce: "post",
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle))
        if (file.type === "asset" && file.fileName.endsWith(".css") && typeof file.source === "string")
          file.source = file.source.replace(CDN_IMAGE, "none");
    },
  };
}

export default defineConfig({
  plugins: [uni(), noCdnAssets()],
});
