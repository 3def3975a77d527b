/**
 * A local stand-in for WeChat's server API (api.weixin.qq.com), speaking its real protocol for what the
 * store calls: `GET /sns/jscode2session` (wx.login code → openid). Codes come from `issueCode(openid)`,
 * as wx.login would hand them to the mini program; each works once, like WeChat's (40163 on reuse).
 * Also `GET /cgi-bin/token` (client_credential → access_token, 7200 s) and
 * `POST /wxa/getwxacodeunlimit?access_token=…` (the share poster's 小程序码): a real PNG for a valid
 * request, else JSON {errcode, errmsg} with status 200 as WeChat does (40001 bad token, 40169 scene
 * longer than 32, 41030 page not released when check_path is on).
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { deflateSync } from "node:zlib";

export interface WechatApiSimulator {
  url: string;
  appId: string;
  appSecret: string;
  /** A fresh wx.login code for this openid. */
  issueCode(openid: string, unionid?: string): string;
  /** getwxacodeunlimit requests received (scene, page), in order. */
  wxaCodeRequests: { scene: string; page: string }[];
  /** Answer the next getwxacodeunlimit with this error (e.g. 45009 daily limit). */
  failNextWxaCode(errcode: number, errmsg: string): void;
  /** Invalidate issued access tokens (the next use answers 40001). */
  expireTokens(): void;
  close(): Promise<void>;
}

export async function startWechatApiSimulator(
  opts: { port?: number; appId?: string; appSecret?: string } = {},
): Promise<WechatApiSimulator> {
  const appId = opts.appId ?? "wx0000000000000000";
  const appSecret = opts.appSecret ?? randomBytes(16).toString("hex");
  const codes = new Map<string, { openid: string; unionid?: string; used: boolean }>();
  const tokens = new Set<string>();
  const wxaCodeRequests: { scene: string; page: string }[] = [];
  let nextWxaError: { errcode: number; errmsg: string } | null = null;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const reply = (body: object) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method === "GET" && url.pathname === "/cgi-bin/token") {
      const q = url.searchParams;
      if (q.get("grant_type") !== "client_credential")
        return reply({ errcode: 40002, errmsg: "invalid grant_type" });
      if (q.get("appid") !== appId) return reply({ errcode: 40013, errmsg: "invalid appid" });
      if (q.get("secret") !== appSecret) return reply({ errcode: 40125, errmsg: "invalid appsecret" });
      const token = randomBytes(24).toString("hex");
      tokens.add(token);
      return reply({ access_token: token, expires_in: 7200 });
    }
    if (req.method === "POST" && url.pathname === "/wxa/getwxacodeunlimit") {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (!tokens.has(url.searchParams.get("access_token") ?? ""))
        return reply({ errcode: 40001, errmsg: "invalid credential, access_token is invalid or not latest" });
      let body: { scene?: unknown; page?: unknown; check_path?: unknown; width?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return reply({ errcode: 47001, errmsg: "data format error" });
      }
      const scene = typeof body.scene === "string" ? body.scene : "";
      const page = typeof body.page === "string" ? body.page : "";
      wxaCodeRequests.push({ scene, page });
      if (nextWxaError) {
        const e = nextWxaError;
        nextWxaError = null;
        return reply(e);
      }
      if (!scene || scene.length > 32 || !/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/.test(scene))
        return reply({ errcode: 40169, errmsg: "invalid length for scene, or the data is not json string" });
      if (body.check_path !== false && !RELEASED_PAGES.has(page))
        return reply({ errcode: 41030, errmsg: "invalid page rid" });
      res.writeHead(200, { "content-type": "image/png" });
      res.end(codePng(`${page}?${scene}`, typeof body.width === "number" ? body.width : 430));
      return;
    }
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
    wxaCodeRequests,
    failNextWxaCode(errcode, errmsg) {
      nextWxaError = { errcode, errmsg };
    },
    expireTokens() {
      tokens.clear();
    },
    issueCode(openid, unionid) {
      const code = randomBytes(16).toString("hex");
      codes.set(code, { openid, ...(unionid ? { unionid } : {}), used: false });
      return code;
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** Pages of the "released" mini program (check_path: true refuses others with 41030). */
const RELEASED_PAGES = new Set(["pages/product/detail", "pages/group-buy/group", "pages/index/index"]);

/** A square grayscale PNG whose pattern is derived from `seed` (a stand-in for the real code's drawing). */
export function codePng(seed: string, width = 280): Buffer {
  const size = Math.max(64, Math.min(1280, Math.round(width)));
  const cells = 21;
  let h = 2166136261;
  const bits: boolean[] = [];
  for (let i = 0; i < cells * cells; i++) {
    for (const ch of `${seed}:${i}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    bits.push((h & 1) === 1);
  }
  const raw = Buffer.alloc((size + 1) * size, 255);
  for (let y = 0; y < size; y++) {
    raw[y * (size + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const cx = Math.floor((x * cells) / size);
      const cy = Math.floor((y * cells) / size);
      if (bits[cy * cells + cx]) raw[y * (size + 1) + 1 + x] = 0;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
