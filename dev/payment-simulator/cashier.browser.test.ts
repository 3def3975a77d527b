// A real browser (Debian chromium via playwright-core) pays through the simulator's cashier pages:
// Alipay H5 (redirect URL from our client → cashier → 确认支付 → signed return) and WeChat.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchChromium } from "../../test/browser";
import { type SimFixture, startSimFixture } from "./fixture";

let fx: SimFixture;
let browser: Browser;
let shop: Server;
let shopUrl = "";

beforeAll(async () => {
  fx = await startSimFixture();
  // Stands in for the H5 store's "payment result" page that return_url points at.
  shop = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end('<!doctype html><meta charset="utf-8"><h1 id="result">支付结果确认中</h1>');
  });
  await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => shop?.close(resolve));
  await fx?.close();
});

it("Alipay H5: the shopper pays in the cashier and comes back to return_url", async () => {
  const outTradeNo = `BR${Date.now()}`;
  fx.orders.set(`alipay:${outTradeNo}`, 329_900);
  const params = await fx.providers.alipay!.startPayment({
    outTradeNo,
    amountFen: 329_900,
    description: "小天鹅 洗烘套装",
    expiresAtMs: Date.now() + 15 * 60_000,
    channel: "h5",
    returnUrl: `${shopUrl}/pay/result`,
    quitUrl: `${shopUrl}/orders`,
  });
  if (params.method !== "alipay" || params.channel !== "h5") throw new Error("expected an H5 redirect");
  const page = await browser.newPage();
  await page.goto(params.redirectUrl);
  expect(await page.textContent("#amount")).toBe("¥3299.00");
  expect(await page.textContent("body")).toContain("小天鹅 洗烘套装");
  await Promise.all([page.waitForURL(`${shopUrl}/pay/result?**`), page.click("#confirm-pay")]);
  expect(await page.textContent("#result")).toBe("支付结果确认中");
  const back = Object.fromEntries(new URL(page.url()).searchParams);
  expect(back.out_trade_no).toBe(outTradeNo);
  expect(await fx.providers.alipay!.verifyParams(back)).toBe(true);
  // The notification (not the redirect) is what proves payment; it arrived before the redirect.
  expect(fx.receiver.received).toEqual([
    expect.objectContaining({
      ok: true,
      event: expect.objectContaining({ kind: "paid", outTradeNo, amountFen: 329_900 }),
    }),
  ]);
  await page.close();
}, 60_000);

it("WeChat: the cashier page for a prepay_id pays and shows 支付成功", async () => {
  fx.receiver.received.length = 0;
  const outTradeNo = `BRW${Date.now()}`;
  const params = await fx.providers.wechat!.startPayment({
    outTradeNo,
    amountFen: 199_900,
    description: "格力 空调 1.5匹",
    expiresAtMs: Date.now() + 15 * 60_000,
    payerOpenId: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
    channel: "miniprogram",
  });
  if (params.method !== "wechat" || params.channel === "h5") throw new Error("expected WeChat JSAPI params");
  const page = await browser.newPage();
  await page.goto(`${fx.sim.url}/pay?method=wechat&prepay_id=${params.prepayId}`);
  expect(await page.textContent("#amount")).toBe("¥1999.00");
  await Promise.all([page.waitForURL(`${fx.sim.url}/pay/confirm`), page.click("#confirm-pay")]);
  expect(await page.textContent("#status")).toBe("支付成功");
  expect(fx.receiver.received).toEqual([expect.objectContaining({ ok: true })]);
  await page.goBack();
  await page.reload();
  expect(await page.textContent("#status")).toBe("该订单已支付");
  await page.close();
}, 60_000);
