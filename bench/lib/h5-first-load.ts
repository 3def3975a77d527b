/**
 * First load of the H5 store's home page, as a browser sees it: the real worker in workerd serves the
 * H5 build (Workers static assets, with the build's `_headers`), Debian's chromium opens `/` and waits
 * for the network to go idle. Counted: every same-origin request that is not an API call (HTML, JS, CSS,
 * fonts, images), its bytes as served (uncompressed) and gzipped (what a compressing edge would send).
 * Used by `npm run bench -- h5` and by the CI budget test (bench/h5-budget.test.ts).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium } from "../../test/browser";
import { type Stack, startStack } from "../../test/harness";

export const H5_BUILD = resolve(import.meta.dirname, "../../miniprogram-uni/dist/build/h5");

/**
 * What the home page's first load may cost. Measured 2026-12-06 after loading only the uview-plus
 * components the store uses (docs/benchmarks.md); the budget leaves ~15 % headroom. Raise it only
 * with a reason in the commit message.
 */
export const H5_BUDGET = { rawBytes: 900_000, gzipBytes: 280_000, requests: 40 };

export interface LoadedFile {
  path: string;
  type: string;
  rawBytes: number;
  gzipBytes: number;
  cacheControl: string | null;
}

export interface FirstLoad {
  files: LoadedFile[];
  apiCalls: number;
  rawBytes: number;
  gzipBytes: number;
  requests: number;
  /**
   * uview-plus tags left in the page as plain elements (<u-icon>…): Vue could not resolve them, i.e.
   * the build left a used component out. (Production Vue does not warn about this.)
   */
  unresolved: string[];
}

export const h5Built = () => existsSync(resolve(H5_BUILD, "index.html"));

export async function measureFirstLoad(stack?: Stack): Promise<FirstLoad> {
  if (!h5Built()) throw new Error("no H5 build: run `npm run build:h5` first");
  const own = !stack;
  const s = stack ?? (await startStack());
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const pending: Promise<LoadedFile | "api" | null>[] = [];
    page.on("response", (res) => {
      const url = new URL(res.url());
      if (url.origin !== new URL(s.baseUrl).origin) return;
      if (url.pathname.startsWith("/api/")) {
        pending.push(Promise.resolve("api"));
        return;
      }
      pending.push(
        res
          .body()
          .then((body) => ({
            path: url.pathname,
            type: res.headers()["content-type"] ?? "",
            rawBytes: body.length,
            gzipBytes: gzipSync(body).length,
            cacheControl: res.headers()["cache-control"] ?? null,
          }))
          .catch(() => null),
      );
    });
    await page.goto(`${s.baseUrl}/`, { waitUntil: "networkidle" });
    const seen = await Promise.all(pending);
    // A string: this project's tsconfig has no DOM types.
    const unresolved = await page.evaluate<string[]>(
      `[...new Set([...document.querySelectorAll("*")].map((e) => e.localName).filter((n) => /^(u|up)-/.test(n)))]`,
    );
    const files = seen.filter((f): f is LoadedFile => f !== null && f !== "api");
    return {
      files,
      apiCalls: seen.filter((f) => f === "api").length,
      rawBytes: files.reduce((a, f) => a + f.rawBytes, 0),
      gzipBytes: files.reduce((a, f) => a + f.gzipBytes, 0),
      requests: files.length,
      unresolved,
    };
  } finally {
    await browser.close();
    if (own) await s.close();
  }
}
