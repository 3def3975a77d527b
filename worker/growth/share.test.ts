/**
 * Sharing over HTTP in workerd with the local WeChat API simulator speaking the real protocol: the share
 * card carries the sharer's referral code; the poster's mini program code comes from getwxacodeunlimit
 * (access_token from /cgi-bin/token), is a real PNG, and is fetched once per scene (then served from R2);
 * WeChat's JSON errors become a clear 502 and nothing is cached; a stale token is renewed once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWechatApiSimulator, type WechatApiSimulator } from "../../dev/wechat-api-simulator/index";
import { json, type OrderFixture, startOrderFixture } from "../../test/order-fixture";
import { decodeScene } from "./share-scene";

let wx: WechatApiSimulator;
let f: OrderFixture;
beforeAll(async () => {
  wx = await startWechatApiSimulator();
  f = await startOrderFixture({
    WECHAT_APP_ID: wx.appId,
    WECHAT_APP_SECRET: wx.appSecret,
    WECHAT_API_BASE: wx.url,
    WECHAT_MINIPROGRAM_STATE: "formal",
  });
}, 60_000);
afterAll(async () => {
  await f.close();
  await wx.close();
});

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe("share cards and poster codes", () => {
  it("the card and the code carry the sharer's referral code; one WeChat call per scene", async () => {
    const skuId = await f.createSku(299_900, 5, "分享冰箱");
    const productId = Number(
      (await f.stack.sql.execute({ sql: "SELECT product_id FROM skus WHERE id = ?", args: [skuId] })).rows[0]!
        .product_id,
    );
    const { token } = await f.newShopper("分享者");
    const code = String((await json(await f.stack.fetch("/api/referrals/me", { token }))).code);

    const info = await json(await f.stack.fetch(`/api/share/info?productId=${productId}`, { token }));
    expect(info).toMatchObject({
      priceFen: 299_900,
      path: `pages/product/detail?id=${productId}&ref=${code}`,
      referralCode: code,
      codeUrl: `/api/share/wxacode?productId=${productId}`,
    });
    expect(String(info.title)).toContain("分享冰箱");
    expect(decodeScene(String(info.scene))).toEqual({
      referrer: code,
      target: { kind: "product", id: productId },
    });

    const first = await f.stack.fetch(`/api/share/wxacode?productId=${productId}`, { token });
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("image/png");
    expect(first.headers.get("x-cache")).toBe("miss");
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual(PNG);
    expect(wx.wxaCodeRequests.at(-1)).toEqual({ scene: info.scene, page: "pages/product/detail" });

    const calls = wx.wxaCodeRequests.length;
    const again = await f.stack.fetch(`/api/share/wxacode?productId=${productId}`, { token });
    expect(again.headers.get("x-cache")).toBe("hit");
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(bytes);
    expect(wx.wxaCodeRequests.length).toBe(calls);

    // Anonymous visitors get a code without a referrer (a different scene).
    const anon = await f.stack.fetch(`/api/share/wxacode?productId=${productId}`);
    expect(anon.status).toBe(200);
    expect(wx.wxaCodeRequests.at(-1)!.scene).toBe(`p=${productId.toString(36)}`);
  });

  it("WeChat's JSON errors become a clear 502 and are not cached; a stale token is renewed once", async () => {
    const skuId = await f.createSku(99_900, 5, "错误冰箱");
    const productId = Number(
      (await f.stack.sql.execute({ sql: "SELECT product_id FROM skus WHERE id = ?", args: [skuId] })).rows[0]!
        .product_id,
    );
    const { token } = await f.newShopper("遇错者");
    wx.failNextWxaCode(45009, "reach max api daily quota limit");
    const failed = await f.stack.fetch(`/api/share/wxacode?productId=${productId}`, { token });
    expect(failed.status).toBe(502);
    expect((await json(failed)).error).toMatchObject({
      code: "WXACODE_FAILED",
      message: "小程序码生成失败（45009：reach max api daily quota limit）",
    });
    // Not cached: the next request asks WeChat again and succeeds, after renewing a token WeChat dropped.
    wx.expireTokens();
    const ok = await f.stack.fetch(`/api/share/wxacode?productId=${productId}`, { token });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-cache")).toBe("miss");
  });

  it("refuses bad queries and unknown targets", async () => {
    const both = await f.stack.fetch("/api/share/info?productId=1&groupNo=G261206ABCDEF");
    expect(both.status).toBe(400);
    expect(JSON.stringify(await json(both))).toContain("请指定 productId 或 groupNo 之一");
    const missing = await f.stack.fetch("/api/share/wxacode?productId=999999");
    expect(missing.status).toBe(404);
    expect((await json(missing)).error).toMatchObject({ message: "商品不存在或已下架" });
    const group = await f.stack.fetch("/api/share/info?groupNo=G261206ABCDEF");
    expect(group.status).toBe(404);
  });
});
