/**
 * Runs the compiled mp-weixin output in Node: jsdom + miniprogram-simulate (WeChat's WXML compiler and
 * the j-component renderer) with small stand-ins for App/getApp/getCurrentPages and the `wx` APIs.
 * `wx.request` goes over real HTTP to the worker; every other API call is recorded for assertions.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";

export const MP_DIR = resolve(import.meta.dirname, "../dist/build/mp-weixin");
// Native CommonJS require: the compiled mini program and miniprogram-simulate are CommonJS.
const requireMp = createRequire(resolve(import.meta.dirname, "../package.json"));

export interface WxCall {
  api: string;
  arg: Record<string, unknown>;
}

/** The bits of a jsdom element the tests read. */
export interface DomNode {
  textContent: string | null;
  outerHTML: string;
}
interface JsdomModule {
  JSDOM: new (
    html: string,
    opts: { pretendToBeVisual: boolean },
  ) => { window: Record<string, unknown> & { document: { createElement(tag: string): unknown } } };
}

export interface JNode {
  dom: DomNode;
  dispatchEvent(name: string, opts?: { detail?: unknown }): void;
  querySelector(sel: string): JNode | undefined;
  querySelectorAll(sel: string): JNode[];
}
export interface JPage extends JNode {
  instance: Record<string, (...a: unknown[]) => unknown> & { data: Record<string, unknown> };
  attach(parent: unknown): void;
  detach(): void;
}

interface Simulate {
  load(path: string, opts: { rootPath: string }): string;
  render(id: string): JPage;
}

const RECORDED = [
  "navigateTo",
  "redirectTo",
  "switchTab",
  "reLaunch",
  "navigateBack",
  "showToast",
  "hideToast",
  "showModal",
  "showLoading",
  "hideLoading",
  "stopPullDownRefresh",
  "setNavigationBarTitle",
  "requestPayment",
  "loadFontFace",
  "pageScrollTo",
  "setClipboardData",
  "previewImage",
  "makePhoneCall",
  "getLocation",
  "openLocation",
];

export interface MiniProgram {
  calls: WxCall[];
  requests: { method: string; url: string; data: unknown; status: number }[];
  /** Renders a page and runs its onLoad with the query, like a navigation to it. */
  openPage(route: string, query?: Record<string, string>): JPage;
  storage: Map<string, unknown>;
}

const clean = (o: unknown) => JSON.parse(JSON.stringify(o ?? {}, (_k, v) => (typeof v === "function" ? undefined : v)));

export function bootMiniProgram(apiBase: string): MiniProgram {
  if (!existsSync(resolve(MP_DIR, "app.json")))
    throw new Error("mp-weixin build missing: run `npm run build:mp-weixin` first");
  const { JSDOM } = requireMp("jsdom") as JsdomModule;
  const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  g.window = dom.window;
  g.document = dom.window.document;
  // j-component builds events with the global constructors: they must be jsdom's, not Node's.
  for (const k of ["Event", "CustomEvent", "Node", "Element", "HTMLElement", "MouseEvent", "TouchEvent"] as const) {
    const ctor = dom.window[k];
    if (ctor) Object.defineProperty(g, k, { value: ctor, configurable: true, writable: true });
  }

  const calls: WxCall[] = [];
  const requests: MiniProgram["requests"] = [];
  const storage = new Map<string, unknown>();
  const info = {
    platform: "devtools",
    windowWidth: 375,
    windowHeight: 812,
    screenWidth: 375,
    screenHeight: 812,
    pixelRatio: 2,
    statusBarHeight: 20,
    language: "zh_CN",
    version: "8.0.50",
    SDKVersion: "3.5.0",
    system: "iOS 17",
    model: "iPhone",
    brand: "apple",
    theme: "light",
    safeArea: { top: 20, bottom: 812, left: 0, right: 375, width: 375, height: 792 },
  };
  const launch = { path: "pages/index/index", query: {}, scene: 1001 };
  const wx: Record<string, unknown> = {
    getSystemInfoSync: () => info,
    getWindowInfo: () => info,
    getDeviceInfo: () => info,
    getAppBaseInfo: () => info,
    getLaunchOptionsSync: () => launch,
    getEnterOptionsSync: () => launch,
    getAccountInfoSync: () => ({ miniProgram: { appId: "touristappid", envVersion: "develop" } }),
    getStorageSync: (k: string) => storage.get(k) ?? "",
    setStorageSync: (k: string, v: unknown) => storage.set(k, v),
    removeStorageSync: (k: string) => storage.delete(k),
    canIUse: () => true,
    onAppShow() {},
    onAppHide() {},
    preloadAssets() {},
    login(o: { success?: (r: unknown) => void }) {
      calls.push({ api: "login", arg: {} });
      setTimeout(() => o.success?.({ code: "simulated-wx-login-code", errMsg: "login:ok" }), 0);
    },
    request(o: {
      url: string;
      method?: string;
      data?: unknown;
      header?: Record<string, string>;
      success?: (r: unknown) => void;
      fail?: (e: unknown) => void;
    }) {
      const method = o.method ?? "GET";
      // The build has no API origin (VITE_API_BASE empty): paths are relative, as on H5.
      const url = o.url.startsWith("http") ? o.url : apiBase + o.url;
      fetch(url, {
        method,
        headers: o.header,
        body: o.data === undefined || method === "GET" ? undefined : JSON.stringify(o.data),
      })
        .then(async (res) => {
          const text = await res.text();
          let data: unknown = text;
          try {
            data = JSON.parse(text);
          } catch {}
          requests.push({ method, url: o.url, data: o.data, status: res.status });
          const header: Record<string, string> = {};
          res.headers.forEach((v, k) => {
            header[k] = v;
          });
          o.success?.({ statusCode: res.status, data, header });
        })
        .catch((e) => o.fail?.({ errMsg: `request:fail ${e}` }));
      return { abort() {} };
    },
  };
  for (const api of RECORDED)
    wx[api] = (o: { success?: (r: unknown) => void } = {}) => {
      calls.push({ api, arg: clean(o) });
      setTimeout(() => o.success?.({ errMsg: `${api}:ok`, confirm: true }), 0);
    };
  g.wx = wx;

  let app: Record<string, unknown> | undefined;
  let current: unknown;
  g.App = (o: Record<string, unknown>) => {
    app = o;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => (current ? [current] : []);
  const simulate = requireMp("miniprogram-simulate") as Simulate;
  g.Page = (o: unknown) => (g.Component as (o: unknown) => void)(o);
  requireMp(resolve(MP_DIR, "app.js"));
  (app?.onLaunch as ((o: unknown) => void) | undefined)?.call(app, launch);

  return {
    calls,
    requests,
    storage,
    openPage(route, query = {}) {
      const page = simulate.render(simulate.load(resolve(MP_DIR, route), { rootPath: MP_DIR }));
      current = page.instance;
      page.attach(dom.window.document.createElement("page-wrapper"));
      page.instance.onLoad?.(query);
      page.instance.onShow?.();
      return page;
    },
  };
}

/** Polls until the check passes (the page renders after its HTTP requests complete). */
export async function until<T>(check: () => T | undefined | false, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
