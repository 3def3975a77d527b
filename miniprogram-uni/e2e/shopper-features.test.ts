/**
 * What shoppers compare stores on, in a real browser (375 px): 收藏 from the product page shows in
 * 收藏与足迹 (and the visit in 足迹); two TVs put in 对比 give a side-by-side table whose 只看不同 hides
 * equal rows; 猜你喜欢 follows what was viewed; a received order's line is reviewed from the order page
 * (stars start unrated) and the review shows on the product page with its score.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertPrerequisites,
  expectToast,
  fill,
  launchBrowser,
  phone,
  type PhonePage,
  screenshot,
  startStoreStack,
  storeHelpers,
  type StoreStack,
  tid,
} from "./helpers";
import { staffToken } from "../../test/harness";

let store: StoreStack;
let browser: Browser;
let device: PhonePage;
let token: string;
const { api, open, payWithAlipay, addAddress, loginShopper } = storeHelpers(() => store);
type Card = { id: number; categoryId: number; name: string };

beforeAll(async () => {
  assertPrerequisites();
  [store, browser] = await Promise.all([startStoreStack({ catalog: true }), launchBrowser()]);
  device = await phone(browser);
  const { page } = device;
  token = await loginShopper(page, "逛店的人");
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await store?.close();
});

/** Opens a route as a fresh page load: a hash change to the same route would keep uni-app's page instance. */
async function openFresh(hash: string) {
  await open(device.page, hash);
  await device.page.reload();
}

async function tvs(): Promise<Card[]> {
  const found = await api<{ items: Card[] }>(`/api/products?q=${encodeURIComponent("电视")}&sort=price_asc`);
  return found.items;
}

describe("收藏、足迹、对比、猜你喜欢、评价 in the H5 store", { timeout: 120_000 }, () => {
  it("收藏 on the product page shows in 收藏与足迹, the visit in 足迹", async () => {
    const { page } = device;
    const [tv] = await tvs();
    await open(page, `/pages/product/detail?id=${tv!.id}`);
    await expect.poll(() => tid(page, "pd-favorite").textContent()).toContain("收藏");
    await tid(page, "pd-favorite").click();
    await expect.poll(() => tid(page, "pd-favorite").textContent()).toContain("已收藏");
    expect(await api<{ favorited: boolean }>(`/api/me/favorites/${tv!.id}`, { token })).toEqual({ favorited: true });

    await open(page, "/pages/favorites/index");
    await expect.poll(() => tid(page, "fav-item").count()).toBe(1);
    expect(await tid(page, "fav-item").textContent()).toContain(tv!.name);
    await tid(page, "fav-tab-footprints").click();
    await expect.poll(() => tid(page, "footprint-item").first().textContent()).toContain(tv!.name);
    expect(await tid(page, "footprint-day").first().textContent()).toBe("今天");
    await screenshot(page, "73-footprints");
  });

  it("对比: two TVs side by side; 只看不同 hides the rows that are equal", async () => {
    const { page } = device;
    // Two TVs of one category (the seed files them under 电视's subcategories).
    const all = await tvs();
    const a = all.find((t) => all.filter((u) => u.categoryId === t.categoryId).length > 1)!;
    const b = all.find((t) => t.categoryId === a.categoryId && t.id !== a.id)!;
    await open(page, `/pages/product/detail?id=${a!.id}`);
    await tid(page, "pd-compare").click();
    await expectToast(page, "已加入对比，再选 1 件同类商品");
    await openFresh(`/pages/product/detail?id=${b!.id}`);
    // The compare bar on this page already counts the first TV.
    await expect.poll(() => tid(page, "pd-compare").textContent()).toContain("对比(1)");
    await tid(page, "pd-compare").click();
    await expect.poll(() => page.url()).toContain("pages/compare");
    await expect.poll(() => tid(page, "compare-product").count()).toBe(2);
    const table = await api<{ rows: { key: string; differs: boolean }[] }>(`/api/compare?ids=${a!.id},${b!.id}`);
    expect(await tid(page, "compare-row").count()).toBe(table.rows.length);
    await tid(page, "compare-only-diff").click();
    await expect.poll(() => tid(page, "compare-row").count()).toBe(table.rows.filter((r) => r.differs).length);
    // The table scrolls inside itself: the page is exactly the phone's width.
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBe(375);
    await screenshot(page, "74-compare");
  });

  it("猜你喜欢 follows what was viewed and leaves out what the page shows", async () => {
    const { page } = device;
    const viewed = new Set((await tvs()).map((t) => t.categoryId));
    await open(page, "/pages/cart/index");
    await tid(page, "guess-you-like").waitFor();
    const first = await tid(page, "guess-item").first().getAttribute("data-reason");
    expect(["看过同类", "收藏过同类"]).toContain(first);
    const mine = await api<{ items: { id: number; reason: string }[] }>("/api/recommendations?limit=6", { token });
    expect(mine.items[0]!.reason).not.toBe("热销");
    expect(viewed.size).toBeGreaterThan(0);
  });

  it("评价: a received line is reviewed from the order page and shows on the product page", async () => {
    const { page, errors } = device;
    const [tv] = await tvs();
    const detail = await api<{ skus: { id: number }[] }>(`/api/products/${tv!.id}`);
    await addAddress(token);
    const placed = await store.stack.fetch("/api/orders", {
      method: "POST",
      token,
      json: { items: [{ skuId: detail.skus[0]!.id, quantity: 1 }] },
      headers: { "idempotency-key": "e2e-review-order" },
    });
    expect(placed.status).toBe(201);
    const order = (await placed.json()) as { id: number; orderNo: string };
    await payWithAlipay(token, order);
    const merchant = await staffToken(store.stack, "merchant_admin", "e2e-merchant");
    await expect
      .poll(async () => (await api<{ status: string }>(`/api/orders/${order.id}`, { token })).status)
      .toBe("paid");
    await api(`/api/admin/orders/${order.id}/ship`, {
      method: "POST",
      token: merchant,
      json: { carrier: "顺丰速运", trackingNo: "SF1234567890" },
    });
    await api(`/api/orders/${order.id}/confirm-receipt`, { method: "POST", token });

    await open(page, `/pages/orders/detail?id=${order.id}`);
    await tid(page, "line-review").click();
    await tid(page, "review-submit").waitFor();
    // Unrated until chosen: sending now asks for stars and writes nothing.
    await tid(page, "review-submit").click();
    await expect.poll(() => tid(page, "review-error-rating").textContent()).toBe("请为商品打 1–5 星");
    await tid(page, "review-star-5").click();
    await tid(page, "review-content").locator("textarea").fill("画面清晰，安装师傅很专业");
    await screenshot(page, "75-review-write");
    await tid(page, "review-submit").click();
    await expectToast(page, "评价成功，感谢分享");
    // The review page shows it where other shoppers will see it.
    await expect.poll(() => page.url()).toContain("pages/reviews/list");
    await expect.poll(() => tid(page, "review-item").count()).toBe(1);

    const reviews = await api<{ stats: { count: number } }>(`/api/products/${tv!.id}/reviews`);
    expect(reviews.stats.count).toBe(1);
    await openFresh(`/pages/product/detail?id=${tv!.id}`);
    await expect.poll(() => tid(page, "pd-good-rate").textContent()).toContain("好评率 100%");
    expect(await tid(page, "pd-reviews").textContent()).toContain("画面清晰，安装师傅很专业");
    await tid(page, "pd-reviews").scrollIntoViewIfNeeded();
    await screenshot(page, "76-product-reviews");
    expect(errors).toEqual([]);
  });
});
