/**
 * Finding things as a shopper (issue 18, defects 4, 6, 7, 8, 12, 14) in the H5 store in Chromium at 375 px:
 * search corrects typos and synonyms, shows 相关推荐, history and hot words and 仅剩 N 件; the filter panel
 * comes from the category's attributes; chat names the agent once and asks for an unrated score with a
 * comment; 附近 outlets work with location permission and the page is exactly as wide as the phone;
 * axe-core finds no serious or critical problems on the main pages and touch targets are 44 px;
 * /api/docs is a bundled Swagger UI with schemas and try-it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffToken } from "../../test/harness";
import {
  assertPrerequisites,
  fill,
  launchBrowser,
  type PhonePage,
  phone,
  screenshot,
  squeeze,
  startStoreStack,
  type StoreStack,
  storeHelpers,
  tid,
} from "./helpers";

let store: StoreStack;
let browser: Browser;
const { api, open: openRoute, sessionToken, loginShopper } = storeHelpers(() => store);
/** Opens a route as a fresh page load: uni-h5 keeps earlier pages of the stack (hidden) in the DOM. */
async function open(p: Page, hash: string) {
  await p.goto("about:blank");
  await openRoute(p, hash);
}
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Item = { id: number; name: string; categoryId: number; availability: { status: string; label: string } };
type SearchPage = {
  items: Item[];
  correction: { original: string; corrected: string } | null;
  related: Item[];
};
type Tree = { items: { id: number; name: string; children: { id: number; name: string }[] }[] };
const search = (q: string, extra = "") => api<SearchPage>(`/api/products?q=${encodeURIComponent(q)}${extra}`);
const names = async (p: Page, id = "product-card-name") =>
  (await p.locator(`[data-testid="${id}"]:visible`).allTextContents()).map((t) => t.trim());
/** The page is exactly as wide as the phone: nothing pans sideways. */
const scrollWidth = (p: Page) =>
  p.evaluate(
    () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
  );

beforeAll(async () => {
  assertPrerequisites();
  [store, browser] = await Promise.all([startStoreStack({ catalog: true, services: true }), launchBrowser()]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await store?.close();
});

describe("finding things in the store", { timeout: 120_000 }, () => {
  let device: PhonePage;
  let tree: Tree;
  beforeAll(async () => {
    device = await phone(browser);
    tree = await api<Tree>("/api/categories");
  });
  const top = (name: string) => tree.items.find((c) => c.name === name)!;

  it("search: 空凋 is corrected to 空调 (您是不是要找), 冰柜 finds the 冷柜, nothing found shows 相关推荐", async () => {
    const { page } = device;
    const ac = top("空调");
    const acIds = [ac.id, ...ac.children.map((c) => c.id)];
    const typo = await search("空凋");
    expect(typo.correction).toEqual({ original: "空凋", corrected: "空调" });
    expect(typo.items.length).toBeGreaterThan(0);
    for (const i of typo.items) expect(acIds).toContain(i.categoryId);

    await open(page, `/pages/search/index?q=${encodeURIComponent("空凋")}`);
    await expect.poll(() => tid(page, "search-correction").textContent()).toContain("您是不是要找“空调”");
    await expect.poll(() => names(page)).toEqual(typo.items.map((i) => i.name));
    await screenshot(page, "90-search-correction");

    const freezerCat = top("冰箱").children.find((c) => c.name === "冷柜")!;
    const freezer = await search("冰柜");
    expect(freezer.items.length).toBeGreaterThan(0);
    expect(freezer.items.every((i) => i.categoryId === freezerCat.id)).toBe(true);
    await open(page, `/pages/search/index?q=${encodeURIComponent("冰柜")}`);
    await expect.poll(() => names(page)).toEqual(freezer.items.map((i) => i.name));

    const none = await search("量子波动速读机");
    expect(none.items).toEqual([]);
    expect(none.related.length).toBeGreaterThan(0);
    await open(page, `/pages/search/index?q=${encodeURIComponent("量子波动速读机")}`);
    await expect.poll(() => page.locator('[data-state="empty"]').count()).toBe(1);
    await expect
      .poll(async () => (await tid(page, "search-related").locator('[data-testid="product-card-name"]').allTextContents()).map((t) => t.trim()))
      .toEqual(none.related.map((i) => i.name));
    expect(await tid(page, "search-related").textContent()).toContain("相关推荐");
    await screenshot(page, "91-search-related");
    expect(device.external).toEqual([]);
  });

  it("hot words count real searches that found something (server side); history is kept on the device", async () => {
    const hot = () => api<{ items: { term: string; count: number }[] }>("/api/search/hot");
    const countOf = async (term: string) => (await hot()).items.find((h) => h.term === term)?.count ?? 0;
    const before = await countOf("洗衣机");
    // Three searches at once (different page sizes, so an edge cache in front cannot answer two of them).
    await Promise.all([search("洗衣机", "&limit=20"), search("洗衣机", "&limit=19"), search("洗衣机", "&limit=18")]);
    await expect.poll(() => countOf("洗衣机")).toBe(before + 3);
    // The corrected word is what counts; a search with no results counts for nothing.
    await expect.poll(() => countOf("空调")).toBeGreaterThan(0);
    expect((await hot()).items.map((h) => h.term)).not.toContain("量子波动速读机");

    const { page } = await phone(browser);
    await open(page, "/pages/search/index?focus=1");
    const terms = (await hot()).items.map((h) => h.term);
    await expect.poll(() => names(page, "hot-term")).toEqual(terms);
    expect(await tid(page, "history-term").count()).toBe(0);

    await fill(page, "search-input", "海尔");
    await tid(page, "search-submit").click();
    await tid(page, "product-card").first().waitFor();
    await open(page, "/pages/search/index?focus=1");
    await expect.poll(() => names(page, "history-term")).toEqual(["海尔"]);
    await screenshot(page, "92-search-history-hot");
    await tid(page, "history-term").first().click();
    await tid(page, "product-card").first().waitFor();
    await open(page, "/pages/search/index?focus=1");
    await tid(page, "history-clear").click();
    await expect.poll(() => tid(page, "history-term").count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem("jd.search-history"))).toBeNull();
  });

  it("list cards show 仅剩 N 件 for low stock", async () => {
    const { page } = device;
    const all: Item[] = [];
    let cursor: string | null = null;
    do {
      const q = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const pg: { items: Item[]; nextCursor: string | null } = await api(`/api/products?sort=newest&limit=50${q}`);
      all.push(...pg.items);
      cursor = pg.nextCursor;
    } while (cursor);
    const low = all.find((i) => i.availability.status === "low")!;
    expect(low.availability.label).toMatch(/^仅剩 \d 件$/);
    const listed = await api<SearchPage>(`/api/products?categoryId=${low.categoryId}`);
    await open(page, `/pages/search/index?categoryId=${low.categoryId}`);
    await expect.poll(() => names(page)).toEqual(listed.items.map((i) => i.name));
    const card = tid(page, "product-card").nth(listed.items.findIndex((i) => i.id === low.id));
    expect((await card.locator('[data-testid="product-card-low"]').textContent())?.trim()).toBe(low.availability.label);
    // Only low-stock cards carry it.
    expect(await tid(page, "product-card-low").count()).toBe(listed.items.filter((i) => i.availability.status === "low").length);
  });

  it("filters come from the category's attributes: 空调 匹数/挂机柜机, 洗衣机 洗涤容量/滚筒波轮, 电视 屏幕尺寸", async () => {
    type Facets = { items: { key: string; label: string; options: { value: string; label: string; count: number }[] }[] };
    const facets = (id: number) => api<Facets>(`/api/product-filters?categoryId=${id}`);
    const labels = (f: Facets) => f.items.map((i) => i.label);
    const acF = await facets(top("空调").id);
    expect(labels(acF)).toEqual(expect.arrayContaining(["匹数", "空调类型"]));
    expect(acF.items.find((i) => i.key === "ac_type")!.options.map((o) => o.label)).toEqual(
      expect.arrayContaining(["挂机", "柜机"]),
    );
    const washer = await facets(top("洗衣机").id);
    expect(labels(washer)).toEqual(expect.arrayContaining(["洗涤容量", "洗衣机类型"]));
    expect(washer.items.find((i) => i.key === "washer_type")!.options.map((o) => o.label)).toEqual(
      expect.arrayContaining(["滚筒", "波轮"]),
    );
    const tv = await facets(top("电视").id);
    expect(labels(tv)).toContain("屏幕尺寸");
    expect(labels(tv)).not.toContain("匹数");
    // A malformed attribute filter is a 400, not a 500.
    const bad = await store.stack.fetch("/api/products?attr.horsepower=abc");
    expect(bad.status).toBe(400);

    const { page } = device;
    const ac = top("空调");
    await open(page, `/pages/search/index?categoryId=${ac.id}`);
    await tid(page, "product-card").first().waitFor();
    await tid(page, "open-filter").click();
    await tid(page, "filter-panel").waitFor();
    await expect.poll(() => names(page, "facet-title")).toEqual(labels(acF));
    await screenshot(page, "93-category-filters");
    const floor = await api<SearchPage>(`/api/products?categoryId=${ac.id}&attr.ac_type=${encodeURIComponent("柜机")}&attr.horsepower=3`);
    expect(floor.items.length).toBeGreaterThan(0);
    await tid(page, "facet").and(page.locator('[data-key="ac_type"]')).getByText("柜机", { exact: true }).click();
    await tid(page, "facet").and(page.locator('[data-key="horsepower"]')).getByText("3匹", { exact: true }).click();
    await tid(page, "apply-filter").click();
    await expect.poll(() => names(page)).toEqual(floor.items.map((i) => i.name));
    expect(await tid(page, "open-filter").textContent()).toContain("筛选(2)");
  });

  it("outlets: 附近 works with location permission, and the city chips keep the page phone-wide", async () => {
    const d = await phone(browser);
    // 望京 (GPS coordinates; the page converts to GCJ-02 like the outlets).
    await d.context.grantPermissions(["geolocation"]);
    await d.context.setGeolocation({ latitude: 39.9952, longitude: 116.4645 });
    const { page } = d;
    await open(page, "/pages/service/outlets");
    await tid(page, "outlet-city").first().waitFor();
    expect(await scrollWidth(page)).toBe(375);
    await tid(page, "outlet-near").click();
    await expect.poll(() => tid(page, "outlet-near").getAttribute("class")).toContain("on");
    await expect.poll(async () => squeeze(await tid(page, "outlet").first().textContent())).toContain("望京店");
    const distances = await tid(page, "outlet").locator(".muted").first().textContent();
    expect(distances).toMatch(/\d+(m|\.\dkm)/);
    expect(await scrollWidth(page)).toBe(375);
    await screenshot(page, "94-outlets-near");
    expect(d.errors).toEqual([]);
  });

  it("chat: the agent is named once; the rating starts empty and its comment reaches the server", async () => {
    const admin = await staffToken(store.stack, "merchant_admin", "e2e-find-admin");
    const agentUser = { username: "e2e-find-agent", name: "客服 小美", password: "agent-password-2" };
    const created = await store.stack.fetch("/api/admin/chat/agents", {
      method: "POST",
      token: admin,
      json: { ...agentUser, capacity: 3 },
    });
    expect(created.status).toBe(201);
    const login = await store.stack.fetch("/api/auth/staff-login", {
      method: "POST",
      json: { username: agentUser.username, password: agentUser.password },
    });
    const agentToken = ((await login.json()) as { token: string }).token;

    const { page } = await phone(browser);
    await loginShopper(page, "找东西顾客");
    await open(page, "/pages/chat/index");
    await tid(page, "chat-handoff").click();
    const token = await sessionToken(page);
    const mine = await api<{ items: { id: number; status: string }[] }>("/api/chat/conversations", { token });
    const conversation = mine.items[0]!;
    await expect
      .poll(async () => (await store.stack.fetch(`/api/agent/conversations/${conversation.id}/claim`, { method: "POST", token: agentToken })).status)
      .toBe(200);
    await expect.poll(() => tid(page, "chat-status").textContent()).toContain("客服 小美 为您服务");
    expect(await tid(page, "chat-status").textContent()).not.toContain("客服 客服");

    expect((await store.stack.fetch(`/api/agent/conversations/${conversation.id}/close`, { method: "POST", token: agentToken })).status).toBe(200);
    await tid(page, "csat").waitFor();
    expect(await tid(page, "csat-rate").getAttribute("data-score")).toBe("0");
    await expect.poll(() => tid(page, "csat-submit").getAttribute("disabled")).not.toBeNull();
    await page.locator(".u-rate__content__item").nth(3).locator(".u-rate__content__item__icon-wrap").first().click();
    await expect.poll(() => tid(page, "csat-rate").getAttribute("data-score")).toBe("4");
    await tid(page, "csat-comment").locator("textarea").fill("小美很耐心，问题解决了");
    await screenshot(page, "95-chat-csat");
    await tid(page, "csat-submit").click();
    await expect
      .poll(async () => {
        const res = await store.stack.sql.execute({
          sql: "SELECT csat, csat_comment FROM conversations WHERE id = ?",
          args: [conversation.id],
        });
        const row = res.rows[0]!;
        return [Number(row.csat), row.csat_comment];
      })
      .toEqual([4, "小美很耐心，问题解决了"]);
  });

  it("accessibility: axe-core finds no serious or critical problems on the main pages; touch targets are 44 px", async () => {
    const d = await phone(browser);
    const { page } = d;
    const token = await loginShopper(page, "无障碍顾客");
    const product = (await api<{ recommended: { id: number }[] }>("/api/home")).recommended[0]!;
    const detail = await api<{ skus: { id: number; availability: { status: string } }[] }>(`/api/products/${product.id}`);
    const sku = detail.skus.find((s) => s.availability.status !== "sold_out")!;
    await api("/api/cart/items", { method: "POST", token, json: { skuId: sku.id, quantity: 1 } });

    const pages: [string, string, string][] = [
      ["home", "/", "product-card"],
      ["category", "/pages/category/index", "category-side"],
      ["search", `/pages/search/index?q=${encodeURIComponent("冰箱")}`, "product-card"],
      ["product", `/pages/product/detail?id=${product.id}`, "product-name"],
      ["cart", "/pages/cart/index", "cart-line"],
      ["checkout", "/pages/checkout/index", "checkout-address"],
      ["orders", "/pages/orders/list", ""],
      ["me", "/pages/me/index", ""],
    ];
    const problems: string[] = [];
    for (const [name, hash, ready] of pages) {
      await open(page, hash);
      if (ready) await tid(page, ready).first().waitFor();
      await page.waitForLoadState("networkidle").catch(() => undefined);
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => {
        const w = globalThis as unknown as {
          document: unknown;
          axe: {
            run: (ctx: unknown, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
          };
        };
        const r = await w.axe.run(w.document, { resultTypes: ["violations"] });
        return r.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
      });
      for (const v of violations) problems.push(`${name} ${v}`);
    }
    // Hard-coded colours (not the tokens) in pages being reworked in parallel for issue 18's other defects
    // (product page, checkout, 我的): listed here so nothing else can slip in; they go when those pages use
    // $jd-success / $jd-warning.
    expect(problems).toEqual([]);

    // Touch targets: the sort tabs, 筛选 and 搜索 on search; the cart's steppers.
    await open(page, `/pages/search/index?q=${encodeURIComponent("冰箱")}`);
    await tid(page, "product-card").first().waitFor();
    for (const id of ["sort-sales", "sort-price", "open-filter", "search-submit"]) {
      const box = (await tid(page, id).boundingBox())!;
      expect([id, box.width >= 44 && box.height >= 44]).toEqual([id, true]);
    }
    await open(page, "/pages/cart/index");
    await tid(page, "cart-line").first().waitFor();
    const stepper = await page.locator(".u-number-box__plus").first().evaluate((el) => {
      const g = globalThis as unknown as { getComputedStyle: (e: unknown, pseudo: string) => { width: string; height: string } };
      const s = g.getComputedStyle(el, "::after");
      return [s.width, s.height];
    });
    expect(stepper).toEqual(["44px", "44px"]);
  });

  it("/api/docs: a bundled Swagger UI with types, schemas, examples and try-it; the store's first load never fetches it", async () => {
    const d = await phone(browser);
    const { page } = d;
    const requested: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await open(page, "/");
    await tid(page, "product-card").first().waitFor();
    await page.waitForLoadState("networkidle").catch(() => undefined);
    expect(requested.filter((p) => p.startsWith("/docs-assets/"))).toEqual([]);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${store.stack.baseUrl}/api/docs`);
    // Tags start collapsed: open 商品 (catalog), then GET /api/products.
    await page.locator("#operations-tag-catalog").click({ timeout: 60_000 });
    const op = page.locator(".opblock-get").filter({ has: page.locator('[data-path="/api/products"]') });
    await op.waitFor();
    expect(requested).toContain("/docs-assets/swagger-ui-bundle.js");
    await op.locator(".opblock-summary").click();
    // Parameters with their types, the response schema and an example value.
    const params = op.locator(".parameters");
    await expect.poll(() => params.textContent()).toContain("categoryId");
    expect(await params.textContent()).toContain("integer");
    await expect.poll(() => op.locator(".responses-wrapper").textContent()).toContain("nextCursor");
    // Try it out: Swagger UI calls this API and shows the answer.
    await op.locator("button.try-out__btn").click();
    await op.locator('tr[data-param-name="q"] input').fill("空调");
    await op.locator("button.execute").click();
    await expect
      .poll(() => op.locator(".live-responses-table tbody .response-col_status").first().textContent(), { timeout: 20_000 })
      .toContain("200");
    expect(await op.locator(".live-responses-table").textContent()).toContain("correction");
    await screenshot(page, "96-api-docs");
    expect(d.external).toEqual([]);
    expect(d.errors).toEqual([]);
  });
});
