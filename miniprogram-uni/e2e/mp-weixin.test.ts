/**
 * Smoke test of the compiled mp-weixin build (dist/build/mp-weixin) in Node with miniprogram-simulate:
 * key pages render the worker's data, and taps issue the expected requests and navigations.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootMiniProgram, type DomNode, type MiniProgram, until } from "./mp-shim";
import { type StoreStack, startStoreStack } from "./helpers";

let store: StoreStack;
let mp: MiniProgram;

beforeAll(async () => {
  store = await startStoreStack({ catalog: true });
  mp = bootMiniProgram(store.stack.baseUrl);
}, 300_000);
afterAll(() => store?.close());

async function api<T>(path: string): Promise<T> {
  return (await (await store.stack.fetch(path)).json()) as T;
}

const text = (p: { dom: DomNode }) => p.dom.textContent ?? "";

// Browser steps on a busy 2-core CI box: generous per-step time, never a timed assertion.
describe("compiled mp-weixin pages", { timeout: 90_000 }, () => {
  it("home renders the recommendations from /api/home; tapping the search bar opens search", async () => {
    const home = await api<{ recommended: { name: string }[] }>("/api/home");
    const page = mp.openPage("pages/index/index");
    await until(() => text(page).includes(home.recommended[0]!.name), "recommended products");
    for (const p of home.recommended) expect(text(page)).toContain(p.name);
    expect(mp.requests.map((r) => r.url)).toEqual(expect.arrayContaining(["/api/home", "/api/categories"]));

    page.querySelector(".home__search")!.dispatchEvent("tap");
    await until(() => mp.calls.find((c) => c.api === "navigateTo"), "navigateTo");
    expect(mp.calls.filter((c) => c.api === "navigateTo").map((c) => c.arg.url)).toEqual([
      "/pages/search/index?focus=1",
    ]);
  });

  it("search requests the keyword; tapping 价格 re-requests sorted by price and shows that order", async () => {
    type List = { items: { name: string }[] };
    const asc = await api<List>(`/api/products?q=${encodeURIComponent("冰箱")}&sort=price_asc`);
    const before = mp.requests.length;
    const page = mp.openPage("pages/search/index", { q: encodeURIComponent("冰箱") });
    await until(() => text(page).includes(asc.items[0]!.name), "search results");
    expect(mp.requests.slice(before).map((r) => r.url)).toContain(
      `/api/products?q=${encodeURIComponent("冰箱")}&sort=relevance`,
    );

    page.querySelector(".sort-price")!.dispatchEvent("tap");
    const sorted = await until(
      () => mp.requests.slice(before).find((r) => r.url.includes("sort=price_asc")),
      "price-sorted request",
    );
    expect(sorted.status).toBe(200);
    await until(() => {
      const t = text(page);
      const positions = asc.items.map((i) => t.indexOf(i.name));
      return positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!));
    }, "results in price order");
  });

  it("product detail renders the API's product; 客服 opens the chat about it; the cart asks to log in", async () => {
    const home = await api<{ recommended: { id: number; name: string }[] }>("/api/home");
    const first = home.recommended[0]!;
    const detail = await api<{ specTable: { value: string }[] }>(`/api/products/${first.id}`);
    const page = mp.openPage("pages/product/detail", { id: String(first.id) });
    await until(() => text(page).includes(first.name), "product name");
    for (const row of detail.specTable) expect(text(page)).toContain(row.value);

    const navigations = () => mp.calls.filter((c) => c.api === "navigateTo").map((c) => c.arg.url);
    page.querySelector(".pd__bar-icon")!.dispatchEvent("tap");
    await until(() => navigations().includes(`/pages/chat/index?productId=${first.id}`), "chat navigation");

    const cart = mp.openPage("pages/cart/index");
    await until(() => text(cart).includes("登录后查看购物车"), "login prompt");
    expect(mp.requests.some((r) => r.url === "/api/cart")).toBe(false);
  });

  it("微信一键登录 sends wx.login's code to /api/auth/wechat-login and shows the API's Chinese error", async () => {
    const page = mp.openPage("pages/login/index");
    page.querySelector(".login__btn")!.dispatchEvent("tap");
    const req = await until(() => mp.requests.find((r) => r.url === "/api/auth/wechat-login"), "login request");
    expect(req.data).toEqual({ code: "simulated-wx-login-code" });
    // This stack has no WeChat app id/secret: the worker refuses with a 503 and a Chinese message.
    expect(req.status).toBe(503);
    const toast = await until(
      () => mp.calls.find((c) => c.api === "showToast" && String(c.arg.title).includes("微信登录")),
      "toast",
    );
    expect(toast.arg.title).toBe("微信登录未配置，本地开发请使用开发登录");
    expect(mp.storage.get("jd.shopper")).toBeUndefined();
  });
});
