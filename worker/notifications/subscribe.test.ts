/**
 * WeChat subscribe messages through WeChat's real API shape (access_token + subscribeMessage.send),
 * against a local server speaking that API; and the message center's read state.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, type OrderFixture, startOrderFixture } from "../../test/order-fixture";

interface Sent {
  accessToken: string | null;
  body: { touser: string; template_id: string; page: string; data: Record<string, { value: string }> };
}

const sent: Sent[] = [];
let tokenCalls = 0;
let wechat: ReturnType<typeof createServer>;
let f: OrderFixture;

const read = async (req: IncomingMessage) => {
  let s = "";
  for await (const c of req) s += c;
  return s;
};

beforeAll(async () => {
  wechat = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    res.setHeader("content-type", "application/json");
    if (url.pathname === "/cgi-bin/token") {
      tokenCalls++;
      const ok =
        url.searchParams.get("appid") === "wx-test-app" && url.searchParams.get("secret") === "wx-secret";
      res.end(
        JSON.stringify(
          ok ? { access_token: "TOKEN-1", expires_in: 7200 } : { errcode: 40013, errmsg: "invalid appid" },
        ),
      );
      return;
    }
    if (url.pathname === "/cgi-bin/message/subscribe/send") {
      sent.push({ accessToken: url.searchParams.get("access_token"), body: JSON.parse(await read(req)) });
      res.end(JSON.stringify({ errcode: 0, errmsg: "ok" }));
      return;
    }
    res.statusCode = 404;
    res.end("{}");
  });
  await new Promise<void>((r) => wechat.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(wechat.address() as AddressInfo).port}`;
  f = await startOrderFixture({
    WECHAT_APP_ID: "wx-test-app",
    WECHAT_APP_SECRET: "wx-secret",
    WECHAT_API_BASE: base,
    WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify({
      order_created: "TPL-CREATED",
      order_cancelled: "TPL-CANCELLED",
    }),
  });
}, 60_000);
afterAll(async () => {
  await f.close();
  await new Promise((r) => wechat.close(r));
});

describe("subscribe messages", () => {
  it("are sent through the WeChat API when configured, once per event, with one cached access_token", async () => {
    const skuId = await f.createSku(4_999, 3, "破壁机");
    const { token } = await f.newShopper("订阅的买家");
    const order = await json(await f.placeOrder(token, [{ skuId, quantity: 1 }]));
    const openid = String(
      (await f.stack.sql.execute("SELECT openid FROM shoppers WHERE nickname = '订阅的买家'")).rows[0]!
        .openid,
    );
    for (let i = 0; i < 400 && sent.length < 1; i++) await new Promise((r) => setTimeout(r, 50));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      accessToken: "TOKEN-1",
      body: {
        touser: openid,
        template_id: "TPL-CREATED",
        page: `pages/orders/detail?no=${order.orderNo}`,
        data: {
          character_string1: { value: order.orderNo },
          amount3: { value: `${(Number(order.payableFen) / 100).toFixed(2)}元` },
        },
      },
    });
    const status = async () =>
      (
        await f.stack.sql.execute({
          sql: "SELECT status FROM wechat_subscribe_messages WHERE dedupe_key = ?",
          args: [`order:${order.orderNo}:order_created`],
        })
      ).rows[0]!.status;
    for (let i = 0; i < 200 && (await status()) !== "sent"; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await status()).toBe("sent");

    // Cancel: a second template, same cached token. A repeated cancel sends nothing more.
    await f.stack.fetch(`/api/orders/${order.id}/cancel`, { method: "POST", token, json: {} });
    await f.stack.fetch(`/api/orders/${order.id}/cancel`, { method: "POST", token, json: {} });
    for (let i = 0; i < 400 && sent.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200));
    expect(sent.map((s) => s.body.template_id)).toEqual(["TPL-CREATED", "TPL-CANCELLED"]);
    expect(tokenCalls).toBe(1);
  });

  it("the message center marks notices read for their own audience only", async () => {
    const skuId = await f.createSku(1_000, 3);
    const a = await f.newShopper("消息A");
    const b = await f.newShopper("消息B");
    await f.placeOrder(a.token, [{ skuId, quantity: 1 }]);
    const mine = await json(await f.stack.fetch("/api/notifications", { token: a.token }));
    expect(mine.unread).toBe(1);
    const id = (mine.items as { id: number }[])[0]!.id;
    // B cannot mark A's notice read.
    expect(
      await json(
        await f.stack.fetch("/api/notifications/read", {
          method: "POST",
          token: b.token,
          json: { ids: [id] },
        }),
      ),
    ).toMatchObject({ updated: 0 });
    expect((await json(await f.stack.fetch("/api/notifications", { token: a.token }))).unread).toBe(1);
    expect(
      await json(
        await f.stack.fetch("/api/notifications/read", {
          method: "POST",
          token: a.token,
          json: { all: true },
        }),
      ),
    ).toMatchObject({ updated: 1 });
    expect((await json(await f.stack.fetch("/api/notifications", { token: a.token }))).unread).toBe(0);
    expect((await f.stack.fetch("/api/notifications")).status).toBe(401);
  });
});
