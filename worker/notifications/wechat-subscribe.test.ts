import { describe, expect, it } from "vitest";
import { sendSubscribeMessage } from "./wechat-subscribe";

/** A scripted stand-in for api.weixin.qq.com that records the calls it gets. */
function fakeWechat(sendReplies: { errcode: number; errmsg?: string }[]) {
  const calls: string[] = [];
  let token = 0;
  const fetchFn = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    calls.push(`${url.pathname}?${url.searchParams.get("access_token") ?? url.searchParams.get("appid")}`);
    if (url.pathname === "/cgi-bin/token")
      return Response.json({ access_token: `T${++token}`, expires_in: 7200 });
    return Response.json(sendReplies.shift() ?? { errcode: 0 });
  }) as typeof fetch;
  return { calls, fetchFn };
}

const msg = { touser: "o1", template_id: "tpl", page: "pages/x", data: { thing2: { value: "冰箱" } } };

describe("subscribe message client", () => {
  it("caches the access token per app until shortly before it expires", async () => {
    const w = fakeWechat([]);
    const cfg = { appId: "wx-cache", appSecret: "s", apiBase: "https://api.example" };
    const now = 1_000_000;
    expect(await sendSubscribeMessage(cfg, msg, w.fetchFn, now)).toEqual({ ok: true });
    expect(await sendSubscribeMessage(cfg, msg, w.fetchFn, now + 60_000)).toEqual({ ok: true });
    expect(w.calls).toEqual([
      "/cgi-bin/token?wx-cache",
      "/cgi-bin/message/subscribe/send?T1",
      "/cgi-bin/message/subscribe/send?T1",
    ]);
    await sendSubscribeMessage(cfg, msg, w.fetchFn, now + 7000_000);
    expect(w.calls.slice(3)).toEqual(["/cgi-bin/token?wx-cache", "/cgi-bin/message/subscribe/send?T2"]);
  });

  it("refreshes a rejected token once, and reports a refusal (43101) without retrying", async () => {
    const w = fakeWechat([{ errcode: 40001, errmsg: "invalid credential" }, { errcode: 0 }]);
    const cfg = { appId: "wx-retry", appSecret: "s", apiBase: "https://api.example" };
    expect(await sendSubscribeMessage(cfg, msg, w.fetchFn, 0)).toEqual({ ok: true });
    expect(w.calls.filter((c) => c.startsWith("/cgi-bin/token"))).toHaveLength(2);
    const refused = fakeWechat([{ errcode: 43101, errmsg: "user refuse to accept the msg" }]);
    const r = await sendSubscribeMessage({ ...cfg, appId: "wx-refuse" }, msg, refused.fetchFn, 0);
    expect(r).toEqual({ ok: false, errcode: 43101, errmsg: "user refuse to accept the msg" });
    expect(refused.calls).toHaveLength(2);
  });
});
