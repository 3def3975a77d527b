/**
 * Security headers: the H5 store's static assets (Workers static assets `_headers`, written into the
 * H5 build by miniprogram-uni/vite.config.ts) and the worker's own HTML pages, over HTTP; the store
 * still renders in Chromium under its CSP.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { h5Headers } from "../../miniprogram-uni/h5-headers";
import { launchChromium } from "../../test/browser";
import { type Stack, startStack } from "../../test/harness";

const H5_DIR = resolve(import.meta.dirname, "../../miniprogram-uni/dist/build/h5");
const built = existsSync(resolve(H5_DIR, "index.html"));

describe("h5Headers", () => {
  it("sets a CSP without inline script or eval, nosniff, a referrer policy and no framing", () => {
    const text = h5Headers();
    expect(text).toMatch(/^\/\*\n/);
    expect(text).toContain("script-src 'self';");
    expect(text).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(text).toContain("frame-ancestors 'none'");
    expect(text).toContain("X-Content-Type-Options: nosniff");
    expect(text).toContain("Referrer-Policy: strict-origin-when-cross-origin");
  });
  it("lets the store reach an API on another origin, WebSocket included", () => {
    expect(h5Headers("https://api.example.com/")).toContain(
      "connect-src 'self' https://api.example.com wss://api.example.com;",
    );
  });
});

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

describe("worker HTML pages", () => {
  it.each(["/api/docs"])("%s: nonce CSP matching its script, nosniff, referrer policy", async (path) => {
    const res = await stack.fetch(path);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    const html = await res.text();
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).not.toMatch(/<script(?![^>]*nonce=)/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
  it("JSON answers are left alone", async () => {
    const res = await stack.fetch("/api/health");
    expect(res.headers.get("content-security-policy")).toBeNull();
  });
});

describe.skipIf(!built)("H5 store static assets (needs `npm run build:h5`, as CI runs first)", () => {
  it("the build carries the _headers file", () => {
    expect(readFileSync(resolve(H5_DIR, "_headers"), "utf8")).toBe(h5Headers(""));
  });

  it("serves the page and its bundles with the headers", async () => {
    const page = await stack.fetch("/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const script = (await page.text()).match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeTruthy();
    const js = await stack.fetch(script!);
    expect(js.headers.get("x-content-type-options")).toBe("nosniff");
    // A client-side route (SPA fallback) gets them too.
    const deep = await stack.fetch("/pages/cart/cart");
    expect(deep.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("the store renders in Chromium with no CSP violation", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(`${stack.baseUrl}/`, { waitUntil: "networkidle" });
      await page.waitForSelector("uni-page-body", { timeout: 15_000 });
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
