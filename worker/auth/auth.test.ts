/** Logins through workerd over HTTP: WeChat code2Session (against a local WeChat API), dev login, staff. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWechatApiSimulator, type WechatApiSimulator } from "../../dev/wechat-api-simulator/index";
import { type Stack, staffToken, startStack } from "../../test/harness";

let stack: Stack;
let wechat: WechatApiSimulator;

const wechatLogin = (code: string, nickname?: string) =>
  stack.fetch("/api/auth/wechat-login", { method: "POST", json: { code, nickname } });
const shopperCount = async () =>
  Number((await stack.sql.execute("SELECT count(*) AS n FROM shoppers")).rows[0]!.n);

beforeAll(async () => {
  wechat = await startWechatApiSimulator();
  stack = await startStack({
    vars: { WECHAT_APP_ID: wechat.appId, WECHAT_APP_SECRET: wechat.appSecret, WECHAT_API_BASE: wechat.url },
  });
}, 90_000);
afterAll(async () => {
  await stack?.close();
  await wechat?.close();
});

describe("WeChat login", () => {
  it("exchanges a wx.login code for a session; the same openid is the same shopper", async () => {
    const first = await wechatLogin(wechat.issueCode("o-openid-1"), "阿强");
    expect(first.status).toBe(200);
    const { token, shopper } = (await first.json()) as {
      token: string;
      shopper: { id: number; nickname: string };
    };
    expect(shopper.nickname).toBe("阿强");
    const me = await stack.fetch("/api/me", { token });
    expect(await me.json()).toEqual({ kind: "shopper", id: shopper.id, nickname: "阿强" });

    const again = (await (await wechatLogin(wechat.issueCode("o-openid-1"))).json()) as {
      shopper: { id: number };
    };
    expect(again.shopper.id).toBe(shopper.id);
  });

  it("refuses a reused or invalid code and creates no shopper", async () => {
    const code = wechat.issueCode("o-openid-2");
    expect((await wechatLogin(code)).status).toBe(200);
    const before = await shopperCount();
    const reused = await wechatLogin(code);
    expect(reused.status).toBe(401);
    expect(((await reused.json()) as { error: { message: string } }).error.message).toMatch(/微信登录失败/);
    expect((await wechatLogin("not-a-code")).status).toBe(401);
    expect((await wechatLogin("")).status).toBe(400);
    expect(await shopperCount()).toBe(before);
  });
});

describe("staff login", () => {
  it("accepts the right password only, and the token carries the role", async () => {
    const token = await staffToken(stack, "agent", "kefu01");
    expect(await (await stack.fetch("/api/me", { token })).json()).toMatchObject({
      kind: "staff",
      role: "agent",
    });
    for (const body of [
      { username: "kefu01", password: "wrong-password" },
      { username: "nobody", password: "test-password-123" },
    ]) {
      const res = await stack.fetch("/api/auth/staff-login", { method: "POST", json: body });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe("用户名或密码错误");
    }
  });

  it("stops honouring a disabled account's password", async () => {
    await staffToken(stack, "merchant_admin", "leaver");
    await stack.sql.execute("UPDATE staff SET disabled = 1 WHERE username = 'leaver'");
    const res = await stack.fetch("/api/auth/staff-login", {
      method: "POST",
      json: { username: "leaver", password: "test-password-123" },
    });
    expect(res.status).toBe(401);
  });
});

describe("without configuration", () => {
  it("has no dev login unless DEV_LOGIN=1, and says WeChat login is not configured", async () => {
    const prod = await startStack({ vars: { DEV_LOGIN: "0" } });
    try {
      const dev = await prod.fetch("/api/auth/dev-login", { method: "POST", json: { nickname: "x" } });
      expect(dev.status).toBe(404);
      const wx = await prod.fetch("/api/auth/wechat-login", { method: "POST", json: { code: "abc" } });
      expect(wx.status).toBe(503);
      expect(((await wx.json()) as { error: { code: string } }).error.code).toBe("WECHAT_NOT_CONFIGURED");
    } finally {
      await prod.close();
    }
  });
});
