import { describe, expect, it } from "vitest";
import { pemBody, testIdentities } from "../../../dev/payment-simulator/keys";
import { Alipay } from "./alipay";
import {
  ALIPAY_NOTIFY_PATH,
  loadPaymentProviders,
  PaymentConfigError,
  type PaymentSettings,
  WECHAT_NOTIFY_PATH,
} from "./config";
import { WechatPay } from "./wechatpay";

const ids = testIdentities();
const wechat: PaymentSettings = {
  WECHAT_PAY_MCHID: ids.wechat.mchId,
  WECHAT_PAY_APP_ID: ids.wechat.appId,
  WECHAT_PAY_MERCHANT_SERIAL: ids.wechat.merchantSerialNo,
  WECHAT_PAY_PRIVATE_KEY: ids.wechat.merchantPrivateKeyPem,
  WECHAT_PAY_API_V3_KEY: ids.wechat.apiV3Key,
  WECHAT_PAY_PUBLIC_KEYS: JSON.stringify({ [ids.wechat.publicKeyId]: ids.wechat.payPublicKeyPem }),
};
const alipay: PaymentSettings = {
  ALIPAY_APP_ID: ids.alipay.appId,
  ALIPAY_SELLER_ID: ids.alipay.sellerId,
  ALIPAY_PRIVATE_KEY: ids.alipay.appPrivateKeyPem,
  ALIPAY_PUBLIC_KEY: pemBody(ids.alipay.alipayPublicKeyPem),
};
const base = { PAYMENT_NOTIFY_BASE_URL: "https://api.example.com/" };

function configError(s: PaymentSettings): string {
  try {
    loadPaymentProviders(s);
  } catch (e) {
    expect(e).toBeInstanceOf(PaymentConfigError);
    return (e as Error).message;
  }
  throw new Error("expected a PaymentConfigError");
}

describe("loadPaymentProviders", () => {
  it("no settings, no providers", () => {
    expect(loadPaymentProviders({ WECHAT_APP_ID: "wx1" })).toEqual({});
  });

  it("builds both providers with notify URLs under PAYMENT_NOTIFY_BASE_URL", () => {
    const p = loadPaymentProviders({ ...wechat, ...alipay, ...base });
    expect(p.wechat).toBeInstanceOf(WechatPay);
    expect(p.alipay).toBeInstanceOf(Alipay);
    const onlyAlipay = loadPaymentProviders({ ...alipay, ...base });
    expect(Object.keys(onlyAlipay)).toEqual(["alipay"]);
    expect(WECHAT_NOTIFY_PATH).toBe("/api/payments/notify/wechat");
    expect(ALIPAY_NOTIFY_PATH).toBe("/api/payments/notify/alipay");
  });

  it("notify URLs and the WECHAT_APP_ID fallback reach the requests", async () => {
    const seen: { url: string; body: string }[] = [];
    const p = loadPaymentProviders(
      { ...wechat, WECHAT_PAY_APP_ID: undefined, WECHAT_APP_ID: "wxfallback00000000", ...alipay, ...base },
      {
        fetch: async (url, init) => {
          seen.push({ url, body: String(init.body) });
          return new Response("{}", { status: 500 });
        },
      },
    );
    await p
      .wechat!.startPayment({
        outTradeNo: "ORDER_0001",
        amountFen: 1,
        description: "x",
        expiresAtMs: Date.now() + 60_000,
        payerOpenId: "o1",
        channel: "miniprogram",
      })
      .catch(() => undefined);
    const body = JSON.parse(seen[0]!.body) as { appid: string; notify_url: string };
    expect(body.appid).toBe("wxfallback00000000");
    expect(body.notify_url).toBe("https://api.example.com/api/payments/notify/wechat");
    const h5 = await p.alipay!.startPayment({
      outTradeNo: "ORDER_0001",
      amountFen: 1,
      description: "x",
      expiresAtMs: Date.now() + 60_000,
      channel: "h5",
    });
    expect(
      h5.method === "alipay" && h5.channel === "h5" && new URL(h5.redirectUrl).searchParams.get("notify_url"),
    ).toBe("https://api.example.com/api/payments/notify/alipay");
  });

  it("partial or invalid settings name what is wrong (never the secret values)", () => {
    const msg = configError({
      ...wechat,
      WECHAT_PAY_API_V3_KEY: undefined,
      WECHAT_PAY_PRIVATE_KEY: " ",
      ...base,
    });
    expect(msg).toContain("WECHAT_PAY_PRIVATE_KEY");
    expect(msg).toContain("WECHAT_PAY_API_V3_KEY");
    expect(msg).not.toContain(ids.wechat.mchId);
    expect(configError({ ...alipay, ALIPAY_SELLER_ID: "", ...base })).toContain("ALIPAY_SELLER_ID");
    expect(configError({ ...wechat })).toContain("PAYMENT_NOTIFY_BASE_URL");
    expect(configError({ ...wechat, PAYMENT_NOTIFY_BASE_URL: "https://x.example.com/?a=1" })).toContain(
      "PAYMENT_NOTIFY_BASE_URL",
    );
    expect(configError({ ...wechat, ...base, WECHAT_PAY_API_V3_KEY: "short" })).toContain("32");
    expect(configError({ ...wechat, ...base, WECHAT_PAY_PUBLIC_KEYS: "not json" })).toContain(
      "WECHAT_PAY_PUBLIC_KEYS",
    );
    expect(configError({ ...wechat, ...base, WECHAT_PAY_PUBLIC_KEYS: "{}" })).toContain(
      "WECHAT_PAY_PUBLIC_KEYS",
    );
    expect(configError({ ...wechat, ...base, WECHAT_PAY_PUBLIC_KEYS: '{"k":1}' })).toContain(
      "WECHAT_PAY_PUBLIC_KEYS",
    );
    expect(configError({ ...wechat, ...base, WECHAT_PAY_APP_ID: undefined })).toContain("WECHAT_PAY_APP_ID");
  });

  it("PEMs with literal \\n (from .env files) work", async () => {
    const escaped = ids.wechat.merchantPrivateKeyPem.replace(/\n/g, "\\n");
    const p = loadPaymentProviders({ ...wechat, WECHAT_PAY_PRIVATE_KEY: escaped, ...base });
    const header = await p.wechat!.authorizationHeader("GET", "/v3/x", "");
    expect(header).toMatch(/signature="[A-Za-z0-9+/]+=*"/);
  });
});
