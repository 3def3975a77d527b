import vue from "@vitejs/plugin-vue";
import AutoImport from "unplugin-auto-import/vite";
import { ElementPlusResolver } from "unplugin-vue-components/resolvers";
import Components from "unplugin-vue-components/vite";
import { defineConfig } from "vite";

/**
 * The console is served by the worker's static assets at /admin: it builds into the H5 store's
 * output folder (the [assets] directory in wrangler.toml), so one assets directory holds both.
 * Run it after `npm run build:h5`, whose build empties that folder.
 */
export default defineConfig({
  base: "/admin/",
  plugins: [
    vue(),
    // Element Plus on demand: only the components (and their CSS) a page uses end up in its chunk.
    AutoImport({ resolvers: [ElementPlusResolver()], dts: "src/auto-imports.d.ts" }),
    Components({ resolvers: [ElementPlusResolver()], dts: "src/components.d.ts" }),
  ],
  build: {
    outDir: "../miniprogram-uni/dist/build/h5/admin",
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5174,
    // `npm start` runs the API at 8787; the dev server forwards /api there (WebSockets included).
    proxy: { "/api": { target: "http://127.0.0.1:8787", ws: true } },
  },
});
