import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import uni from "@dcloudio/vite-plugin-uni";
import { defineConfig, loadEnv, type Plugin } from "vite";
import { h5Headers } from "./h5-headers";

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

/** The H5 build's `_headers` (Workers static assets): CSP, nosniff, Referrer-Policy, no framing. */
function securityHeaders(mode: string): Plugin {
  return {
    name: "jiadian:security-headers",
    generateBundle() {
      if (process.env.UNI_PLATFORM !== "h5") return;
      const apiBase = loadEnv(mode, process.cwd(), "VITE_").VITE_API_BASE ?? "";
      this.emitFile({ type: "asset", fileName: "_headers", source: h5Headers(apiBase) });
    },
  };
}

/**
 * uview-plus's install() registers every one of its components on H5 through an eager
 * `import.meta.glob` — about 1 MB of the main bundle. easycom (pages.json) already imports each
 * component in the page that uses it, so the H5 build keeps install() (config, $u, theme, mixin) and
 * drops the glob: only the components the store uses are bundled, split per page.
 */
function uviewOnDemand(): Plugin {
  const GLOB = "import.meta.glob('./components/u-*/u-*.vue', { eager: true })";
  return {
    name: "jiadian:uview-on-demand",
    enforce: "pre",
    transform(code, id) {
      // Only H5 has the glob (mini program builds strip it with its #ifdef H5 block).
      if (process.env.UNI_PLATFORM !== "h5" || !/[\\/]uview-plus[\\/]index\.js$/.test(id.split("?")[0]!)) return;
      if (!code.includes(GLOB)) this.error("uview-plus/index.js changed: its component glob was not found");
      return { code: code.replace(GLOB, "{}"), map: null };
    },
  };
}

/**
 * The API docs viewer (swagger-ui-dist, worker/shared/docs-page.ts) ships with the H5 build as static
 * files under /docs-assets/, so /api/docs works offline with no CDN. Nothing in the store imports it:
 * it never enters the store's own bundles or first load.
 */
function apiDocsViewer(): Plugin {
  const dist = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  return {
    name: "jiadian:api-docs-viewer",
    generateBundle() {
      if (process.env.UNI_PLATFORM !== "h5") return;
      for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"])
        this.emitFile({ type: "asset", fileName: `docs-assets/${file}`, source: readFileSync(join(dist, file)) });
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [uviewOnDemand(), uni(), noCdnAssets(), securityHeaders(mode), apiDocsViewer()],
}));
