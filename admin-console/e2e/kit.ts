/**
 * What the console's browser suites share: the built console, API calls against the suite's stack, staff
 * logins, Element Plus fields by data-testid, a desktop page and screenshots.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { ROOT, SCREENSHOTS, type StoreStack } from "../../miniprogram-uni/e2e/helpers";

const ADMIN_INDEX = resolve(ROOT, "miniprogram-uni/dist/build/h5/admin/index.html");

export interface Staff {
  username: string;
  password: string;
}

/** The suites serve the built console: fail early, with the fix, when it is missing. */
export function assertConsoleBuilt() {
  if (!existsSync(ADMIN_INDEX))
    throw new Error("console build missing: run `npm run build:admin` after build:h5");
}

export interface ApiInit {
  token?: string;
  json?: unknown;
  method?: string;
  headers?: Record<string, string>;
}

/** JSON calls to the stack's API (POST when there is a body); a non-2xx answer throws with its body. */
export function stackApi(store: () => StoreStack) {
  return async function api<T>(path: string, init: ApiInit = {}): Promise<T> {
    const res = await store().stack.fetch(path, {
      method: init.method ?? (init.json ? "POST" : "GET"),
      ...init,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
}

/** A staff member's access token through the real staff login. */
export async function staffToken(store: StoreStack, who: Staff): Promise<string> {
  return (await stackApi(() => store)<{ token: string }>("/api/auth/staff-login", { json: who })).token;
}

export async function until<T>(
  what: string,
  pick: () => Promise<T | undefined | false>,
  ms = 15_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await pick();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export const tid = (p: Page, id: string) => p.locator(`[data-testid="${id}"]`);

/** Element Plus puts a field's attributes on the native input, or on a wrapper around it. */
export async function field(p: Page, id: string) {
  const el = tid(p, id).first();
  const tag = await el.evaluate((n) => n.tagName.toLowerCase());
  return tag === "input" || tag === "textarea" ? el : el.locator("input, textarea").first();
}
export const fill = async (p: Page, id: string, value: string) => (await field(p, id)).fill(value);

/** docs/screenshots/<name>.png once the page's requests have settled. */
export async function shot(p: Page, name: string) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await p.waitForLoadState("networkidle").catch(() => undefined);
  await p.waitForTimeout(400);
  await p.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
}

/** A 1440×900 zh-CN page in a fresh context, with its uncaught errors collected. */
export async function desktop(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  return { context, page, errors };
}

/** Signs in on the console's login page (or wherever `start` redirects to it) and waits for the menu. */
export async function signIn(p: Page, baseUrl: string, who: Staff, start = "/admin/") {
  await p.goto(`${baseUrl}${start}`);
  await fill(p, "login-username", who.username);
  await fill(p, "login-password", who.password);
  await tid(p, "login-submit").click();
  await tid(p, "side-menu").waitFor();
}
