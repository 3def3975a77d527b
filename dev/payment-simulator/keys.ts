// Identities and test keys the simulator plays with. TEST ONLY: see test-keys/README.md.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const keyDir = join(import.meta.dirname, "test-keys/");
const read = (name: string) => readFileSync(keyDir + name, "utf8");

export interface SimIdentities {
  wechat: {
    appId: string;
    mchId: string;
    merchantSerialNo: string;
    merchantPrivateKeyPem: string;
    merchantPublicKeyPem: string;
    /** 32 ASCII characters. */
    apiV3Key: string;
    /** "WeChat Pay public key" mode: key id + key pair. */
    publicKeyId: string;
    payPrivateKeyPem: string;
    payPublicKeyPem: string;
    /** Old platform-certificate mode: certificate serial + key + certificate. */
    platformCertSerial: string;
    platformPrivateKeyPem: string;
    platformCertPem: string;
  };
  alipay: {
    appId: string;
    /** The merchant's PID (2088…), reported as seller_id. */
    sellerId: string;
    sellerEmail: string;
    appPrivateKeyPem: string;
    appPublicKeyPem: string;
    alipayPrivateKeyPem: string;
    alipayPublicKeyPem: string;
  };
}

export function testIdentities(): SimIdentities {
  return {
    wechat: {
      appId: "wx8888888888888888",
      mchId: "1900000109",
      merchantSerialNo: "3775B6A45ACD588826D15E583A95F5DD2E8C1A2B",
      merchantPrivateKeyPem: read("wechat-merchant-private.pem"),
      merchantPublicKeyPem: read("wechat-merchant-public.pem"),
      apiV3Key: "TestOnlyApiV3Key0123456789abcdef",
      publicKeyId: "PUB_KEY_ID_0119000001092026112700000001",
      payPrivateKeyPem: read("wechat-pay-pubkey-private.pem"),
      payPublicKeyPem: read("wechat-pay-pubkey-public.pem"),
      platformCertSerial: "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
      platformPrivateKeyPem: read("wechat-platform-private.pem"),
      platformCertPem: read("wechat-platform-cert.pem"),
    },
    alipay: {
      appId: "2021000000000001",
      sellerId: "2088000000000001",
      sellerEmail: "shop-test@example.com",
      appPrivateKeyPem: read("alipay-app-private.pem"),
      appPublicKeyPem: read("alipay-app-public.pem"),
      alipayPrivateKeyPem: read("alipay-platform-private.pem"),
      alipayPublicKeyPem: read("alipay-platform-public.pem"),
    },
  };
}

/** Bare base64 of a PEM body — the shape the Alipay console shows keys in. */
export function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, "").replace(/\s+/g, "");
}
