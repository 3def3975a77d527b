/**
 * A local stand-in for WeChat's server API (api.weixin.qq.com), speaking its real protocol for what the
 * store calls: `GET /sns/jscode2session` (wx.login code → openid). Codes come from `issueCode(openid)`,
 * as wx.login would hand them to the mini program; each works once, like WeChat's (40163 on reuse).
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface WechatApiSimulator {
  url: string;
  appId: string;
  appSecret: string;
  /** A fresh wx.login code for this openid. */
  issueCode(openid: string, unionid?: string): string;
  close(): Promise<void>;
}

export async function startWechatApiSimulator(
  opts: { port?: number; appId?: string; appSecret?: string } = {},
): Promise<WechatApiSimulator> {
  const appId = opts.appId ?? "wx0000000000000000";
  const appSecret = opts.appSecret ?? randomBytes(16).toString("hex");
  const codes = new Map<string, { openid: string; unionid?: string; used: boolean }>();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const reply = (body: object) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "GET" || url.pathname !== "/sns/jscode2session") {
      res.writeHead(404).end();
      return;
    }
    const q = url.searchParams;
    if (q.get("appid") !== appId) return reply({ errcode: 40013, errmsg: "invalid appid" });
    if (q.get("secret") !== appSecret) return reply({ errcode: 40125, errmsg: "invalid appsecret" });
    if (q.get("grant_type") !== "authorization_code")
      return reply({ errcode: 40002, errmsg: "invalid grant_type" });
    const entry = codes.get(q.get("js_code") ?? "");
    if (!entry) return reply({ errcode: 40029, errmsg: "invalid code" });
    if (entry.used) return reply({ errcode: 40163, errmsg: "code been used" });
    entry.used = true;
    reply({
      openid: entry.openid,
      session_key: randomBytes(16).toString("base64"),
      ...(entry.unionid ? { unionid: entry.unionid } : {}),
    });
  });
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    issueCode(openid, unionid) {
      const code = randomBytes(16).toString("hex");
      codes.set(code, { openid, ...(unionid ? { unionid } : {}), used: false });
      return code;
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}
