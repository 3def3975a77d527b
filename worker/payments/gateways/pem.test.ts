// Key shapes the merchant consoles hand out, checked against node:crypto's own DER encoder.
import { createPrivateKey, createPublicKey, X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pemBody, testIdentities } from "../../../dev/payment-simulator/keys";
import {
  importRsaPrivateKey,
  importRsaPublicKey,
  pemToDer,
  rsaSign,
  rsaVerify,
  toPkcs8,
  toSpki,
} from "./pem";

const ids = testIdentities();
const der = (b: Buffer) => new Uint8Array(b);

describe("PEM / DER conversion", () => {
  it("PKCS#1 private key → the same PKCS#8 node:crypto produces", () => {
    const pem = ids.alipay.appPrivateKeyPem;
    expect(pemToDer(pem).label).toBe("RSA PRIVATE KEY");
    const expected = der(createPrivateKey(pem).export({ format: "der", type: "pkcs8" }));
    expect(toPkcs8(pemToDer(pem).der)).toEqual(expected);
    expect(toPkcs8(expected)).toBe(expected); // already PKCS#8: untouched
  });

  it("X.509 certificate and PKCS#1 public key → the certificate's SPKI", () => {
    const cert = ids.wechat.platformCertPem;
    const expected = der(new X509Certificate(cert).publicKey.export({ format: "der", type: "spki" }));
    expect(toSpki(pemToDer(cert).der)).toEqual(expected);
    const pkcs1 = der(createPublicKey(cert).export({ format: "der", type: "pkcs1" }));
    expect(toSpki(pkcs1)).toEqual(expected);
  });

  it("bare base64 (console copy) works like PEM; garbage is refused", async () => {
    const fromBare = await importRsaPublicKey(pemBody(ids.alipay.alipayPublicKeyPem));
    const signer = await importRsaPrivateKey(ids.alipay.alipayPrivateKeyPem);
    const sig = await rsaSign(signer, "app_id=1&中文=值");
    expect(await rsaVerify(fromBare, "app_id=1&中文=值", sig)).toBe(true);
    expect(await rsaVerify(fromBare, "app_id=2&中文=值", sig)).toBe(false);
    await expect(
      importRsaPublicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"),
    ).rejects.toThrow();
    await expect(importRsaPrivateKey("not a key")).rejects.toThrow();
  });

  it("imports are cached per key text; a failed import is not cached", async () => {
    const a = importRsaPrivateKey(ids.wechat.merchantPrivateKeyPem);
    expect(importRsaPrivateKey(ids.wechat.merchantPrivateKeyPem)).toBe(a);
    const bad = importRsaPublicKey("AAAA");
    await expect(bad).rejects.toThrow();
    expect(importRsaPublicKey("AAAA")).not.toBe(bad);
    await importRsaPublicKey("AAAA").catch(() => undefined);
  });
});
