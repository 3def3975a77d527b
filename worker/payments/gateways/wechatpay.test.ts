// Signed-message formats and inbound verification of the WeChat Pay v3 client, with vectors from the
// WeChat Pay v3 documentation (签名生成 / 小程序调起支付 / 签名验证) and an independent node:crypto peer.
import { createCipheriv, createPublicKey, sign as nodeSign, verify as nodeVerify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testIdentities } from "../../../dev/payment-simulator/keys";
import { importAesGcmKey } from "./pem";
import { PaymentRejection } from "./types";
import {
  decryptWechatResource,
  formatWechatAuthorization,
  WechatPay,
  wechatPaySignMessage,
  wechatRequestMessage,
  wechatResponseMessage,
} from "./wechatpay";

const ids = testIdentities().wechat;
const NOW_MS = Date.UTC(2026, 10, 27, 8, 0, 0);

function client(now = NOW_MS) {
  return new WechatPay(
    {
      appId: ids.appId,
      mchId: ids.mchId,
      merchantSerialNo: ids.merchantSerialNo,
      merchantPrivateKeyPem: ids.merchantPrivateKeyPem,
      apiV3Key: ids.apiV3Key,
      platformPublicKeys: {
        [ids.publicKeyId]: ids.payPublicKeyPem,
        [ids.platformCertSerial]: ids.platformCertPem,
      },
      notifyUrl: "https://api.example.com/api/payments/notify/wechat",
    },
    { now: () => now, fetch: async () => new Response(null, { status: 599 }) },
  );
}

describe("WeChat Pay signed-message formats (documentation vectors)", () => {
  it("request message: five lines, each ending in \\n, empty body for GET", () => {
    expect(
      wechatRequestMessage("GET", "/v3/certificates", "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242", ""),
    ).toBe("GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n");
  });

  it("Authorization header: scheme then mchid, nonce_str, signature, timestamp, serial_no", () => {
    expect(
      formatWechatAuthorization({
        mchId: "1900009191",
        nonce: "593BEC0C930BF1AFEB40B4A08C8FB242",
        signature:
          "uOVRnA4qG/MNnYzdQxJanN+zU+lTgIcnU9BxGw5dKjK+VdEUz2FeIoC+D5sB/LN+nGzX3hfZg6r5wT1pl2ZobmIc6p0ldN7J6yDgUzbX8Uk3sD4a4eZVPTBvqNDoUqcYMlZ9uuDdCvNv4TM3c1WzsXUrExwVkI1XO5jCNbgDJ25nkT/c1gIFvqoogl7MdSFGc4W4xZsqCItnqbypR3RuGIlR9h9vlRsy7zJR9PBI83X8alLDIfR1ukt1P7tMnmogZ0cuDY8cZsd8ZlCgLadmvej58SLsIkVxFJ8XmkPPq5Nm6/ASfdu4DSNS0O2T2S8mrZLLhYfF2KCyjbJ8tmg==",
        timestamp: "1554208460",
        serialNo: "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C",
      }),
    ).toBe(
      'WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature="uOVRnA4qG/MNnYzdQxJanN+zU+lTgIcnU9BxGw5dKjK+VdEUz2FeIoC+D5sB/LN+nGzX3hfZg6r5wT1pl2ZobmIc6p0ldN7J6yDgUzbX8Uk3sD4a4eZVPTBvqNDoUqcYMlZ9uuDdCvNv4TM3c1WzsXUrExwVkI1XO5jCNbgDJ25nkT/c1gIFvqoogl7MdSFGc4W4xZsqCItnqbypR3RuGIlR9h9vlRsy7zJR9PBI83X8alLDIfR1ukt1P7tMnmogZ0cuDY8cZsd8ZlCgLadmvej58SLsIkVxFJ8XmkPPq5Nm6/ASfdu4DSNS0O2T2S8mrZLLhYfF2KCyjbJ8tmg==",timestamp="1554208460",serial_no="1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C"',
    );
  });

  it("paySign message: appId, timeStamp, nonceStr, package — four lines", () => {
    expect(
      wechatPaySignMessage(
        "wx8888888888888888",
        "1414561699",
        "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
        "prepay_id=wx201410272009395522657a690389285100",
      ),
    ).toBe(
      "wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n",
    );
  });

  it("response/notification message: timestamp, nonce, body — three lines", () => {
    expect(wechatResponseMessage("1554209980", "c5ac7061fccab6bf3e254dcf98995b8c", '{"data":[]}')).toBe(
      '1554209980\nc5ac7061fccab6bf3e254dcf98995b8c\n{"data":[]}\n',
    );
  });
});

describe("WeChat Pay signing with the merchant key", () => {
  it("the Authorization signature is SHA256withRSA over the request message, verifiable by node:crypto", async () => {
    const header = await client().authorizationHeader(
      "POST",
      "/v3/pay/transactions/jsapi?x=1",
      '{"a":"中文"}',
    );
    const fields = Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    expect(header.startsWith("WECHATPAY2-SHA256-RSA2048 ")).toBe(true);
    expect(fields).toMatchObject({
      mchid: ids.mchId,
      serial_no: ids.merchantSerialNo,
      timestamp: String(NOW_MS / 1000),
    });
    expect(fields.nonce_str).toMatch(/^[0-9A-F]{32}$/);
    const message = `POST\n/v3/pay/transactions/jsapi?x=1\n${NOW_MS / 1000}\n${fields.nonce_str}\n{"a":"中文"}\n`;
    // PKCS#1 v1.5 is deterministic: both implementations must produce the same bytes.
    expect(fields.signature).toBe(
      nodeSign("sha256", Buffer.from(message), ids.merchantPrivateKeyPem).toString("base64"),
    );
  });

  it("pay params for wx.requestPayment are signed over the four-line message", async () => {
    const p = await client().miniProgramPayParams("wx27112026160000abcdef");
    expect(p).toMatchObject({
      appId: ids.appId,
      package: "prepay_id=wx27112026160000abcdef",
      signType: "RSA",
    });
    const message = `${ids.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`;
    expect(
      nodeVerify(
        "sha256",
        Buffer.from(message),
        createPublicKey(ids.merchantPrivateKeyPem),
        Buffer.from(p.paySign, "base64"),
      ),
    ).toBe(true);
  });
});

function signedHeaders(
  body: string,
  timestampS: number,
  opts: { serial?: string; key?: string; nonce?: string } = {},
) {
  const nonce = opts.nonce ?? "fdasflkja484w";
  const signature = nodeSign(
    "sha256",
    Buffer.from(`${timestampS}\n${nonce}\n${body}\n`),
    opts.key ?? ids.payPrivateKeyPem,
  );
  return new Headers({
    "Wechatpay-Timestamp": String(timestampS),
    "Wechatpay-Nonce": nonce,
    "Wechatpay-Signature": signature.toString("base64"),
    "Wechatpay-Serial": opts.serial ?? ids.publicKeyId,
    "Wechatpay-Signature-Type": "WECHATPAY2-SHA256-RSA2048",
  });
}

async function rejection(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PaymentRejection);
  return (e as PaymentRejection).reason;
}

describe("WeChat Pay inbound verification", () => {
  const body = '{"id":"EV-1","summary":"支付成功"}';
  const nowS = NOW_MS / 1000;

  it("accepts both key modes, up to exactly 5 minutes of skew either way", async () => {
    const c = client();
    await c.verifySignedMessage(signedHeaders(body, nowS), body, NOW_MS);
    await c.verifySignedMessage(signedHeaders(body, nowS - 300), body, NOW_MS);
    await c.verifySignedMessage(signedHeaders(body, nowS + 300), body, NOW_MS);
    await c.verifySignedMessage(
      signedHeaders(body, nowS, { serial: ids.platformCertSerial, key: ids.platformPrivateKeyPem }),
      body,
      NOW_MS,
    );
    // Certificate serials are hex: the case they were configured in does not matter.
    await c.verifySignedMessage(
      signedHeaders(body, nowS, {
        serial: ids.platformCertSerial.toLowerCase(),
        key: ids.platformPrivateKeyPem,
      }),
      body,
      NOW_MS,
    );
  });

  it("rejects with precise reasons", async () => {
    const c = client();
    expect(await rejection(c.verifySignedMessage(signedHeaders(body, nowS - 301), body, NOW_MS))).toBe(
      "STALE_TIMESTAMP",
    );
    expect(await rejection(c.verifySignedMessage(signedHeaders(body, nowS + 301), body, NOW_MS))).toBe(
      "STALE_TIMESTAMP",
    );
    expect(await rejection(c.verifySignedMessage(signedHeaders(body, nowS), `${body} `, NOW_MS))).toBe(
      "BAD_SIGNATURE",
    );
    const unknown = signedHeaders(body, nowS, { serial: "PUB_KEY_ID_0000" });
    expect(await rejection(c.verifySignedMessage(unknown, body, NOW_MS))).toBe("UNKNOWN_SERIAL");
    // Serial says public key, signature is from the platform certificate's key.
    const crossed = signedHeaders(body, nowS, { key: ids.platformPrivateKeyPem });
    expect(await rejection(c.verifySignedMessage(crossed, body, NOW_MS))).toBe("BAD_SIGNATURE");
    const probe = signedHeaders(body, nowS);
    probe.set("Wechatpay-Signature", "WECHATPAY/SIGNTEST/fakesignature");
    expect(await rejection(c.verifySignedMessage(probe, body, NOW_MS))).toBe("SIGNATURE_PROBE");
    const garbage = signedHeaders(body, nowS);
    garbage.set("Wechatpay-Signature", "%%%not base64%%%");
    expect(await rejection(c.verifySignedMessage(garbage, body, NOW_MS))).toBe("BAD_SIGNATURE");
    const missing = signedHeaders(body, nowS);
    missing.delete("Wechatpay-Nonce");
    expect(await rejection(c.verifySignedMessage(missing, body, NOW_MS))).toBe("MISSING_HEADERS");
    const otherType = signedHeaders(body, nowS);
    otherType.set("Wechatpay-Signature-Type", "WECHATPAY2-SM2-WITH-SM3");
    expect(await rejection(c.verifySignedMessage(otherType, body, NOW_MS))).toBe("BAD_SIGNATURE");
    // An inherited object key is not a configured serial.
    const proto = signedHeaders(body, nowS, { serial: "constructor" });
    expect(await rejection(c.verifySignedMessage(proto, body, NOW_MS))).toBe("UNKNOWN_SERIAL");
  });

  it("AEAD_AES_256_GCM: decrypts node:crypto output; wrong associated data fails", async () => {
    const nonce = "0123456789ab";
    const cipher = createCipheriv("aes-256-gcm", Buffer.from(ids.apiV3Key), Buffer.from(nonce));
    cipher.setAAD(Buffer.from("transaction"));
    const plaintext = '{"out_trade_no":"1217752501201407033233368018","amount":{"total":100}}';
    const ciphertext = Buffer.concat([
      cipher.update(plaintext),
      cipher.final(),
      cipher.getAuthTag(),
    ]).toString("base64");
    const key = await importAesGcmKey(ids.apiV3Key);
    expect(await decryptWechatResource(key, { ciphertext, nonce, associated_data: "transaction" })).toBe(
      plaintext,
    );
    await expect(
      decryptWechatResource(key, { ciphertext, nonce, associated_data: "refund" }),
    ).rejects.toThrow();
  });

  it("a notification whose body is not JSON is MALFORMED even when properly signed", async () => {
    const raw = "not json";
    const reason = await rejection(
      client().parseNotification({ headers: signedHeaders(raw, nowS), rawBody: raw, nowMs: NOW_MS }),
    );
    expect(reason).toBe("MALFORMED");
  });
});
