/**
 * The H5 store as served by the real worker (Workers static assets in workerd, the build's `_headers`):
 * hashed assets are cached for a year and immutable, index.html is revalidated, and the home page's
 * first load stays within H5_BUDGET. Needs the H5 build, which CI makes before the tests (.ci/run);
 * locally without a build the suite is skipped (run `npm run build:h5`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../test/harness";
import { H5_BUDGET, H5_BUILD, h5Built, measureFirstLoad } from "./lib/h5-first-load";

const IMMUTABLE = "public, max-age=31536000, immutable";

describe.skipIf(!h5Built() && !process.env.CI)("H5 store caching and first-load budget", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it("serves the hashed entry bundle as immutable for a year, and index.html for revalidation", async () => {
    const entry = /src="(\/assets\/index-[\w-]+\.js)"/.exec(
      readFileSync(resolve(H5_BUILD, "index.html"), "utf8"),
    )?.[1];
    expect(entry).toBeTruthy();
    const asset = await fetch(`${stack.baseUrl}${entry}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe(IMMUTABLE);
    await asset.arrayBuffer();
    for (const path of ["/", "/index.html", "/pages/cart/cart"]) {
      const res = await fetch(`${stack.baseUrl}${path}`, { redirect: "follow" });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="app">');
      const cc = res.headers.get("cache-control") ?? "";
      expect(cc).not.toContain("immutable");
      expect(cc).toMatch(/max-age=0|no-cache/);
    }
    // Unhashed files (fonts, tab-bar icons) are not immutable either.
    const font = readdirSync(resolve(H5_BUILD, "static/fonts"))[0]!;
    const res = await fetch(`${stack.baseUrl}/static/fonts/${font}`);
    expect(res.headers.get("cache-control") ?? "").not.toContain("immutable");
    await res.arrayBuffer();
  });

  it("every file under /assets/ carries a content hash (so immutable is safe)", () => {
    for (const f of readdirSync(resolve(H5_BUILD, "assets"))) expect(f).toMatch(/[.-][\w-]{8}\.\w+$/);
  });

  it("the home page's first load stays within the budget, with every component resolved", async () => {
    const r = await measureFirstLoad(stack);
    expect(r.unresolved).toEqual([]);
    expect(r.requests).toBeGreaterThan(0);
    expect(r.requests).toBeLessThanOrEqual(H5_BUDGET.requests);
    expect(r.rawBytes).toBeLessThanOrEqual(H5_BUDGET.rawBytes);
    expect(r.gzipBytes).toBeLessThanOrEqual(H5_BUDGET.gzipBytes);
  }, 60_000);
});
