// Builds the payment providers from string settings (wrangler vars/secrets). Names: docs/payments.md.
import { Alipay } from "./alipay";
import type { GatewayRuntime, PaymentMethod, PaymentProvider } from "./types";
import { WechatPay } from "./wechatpay";

/** Every setting is a plain string, as Workers vars and secrets are. */
export interface PaymentSettings {
  WECHAT_PAY_MCHID?: string;
  /** Defaults to WECHAT_APP_ID (the mini program that logs shoppers in). */
  WECHAT_PAY_APP_ID?: string;
  WECHAT_APP_ID?: string;
  WECHAT_PAY_MERCHANT_SERIAL?: string;
  WECHAT_PAY_PRIVATE_KEY?: string;
  WECHAT_PAY_API_V3_KEY?: string;
  /** JSON object: Wechatpay-Serial (`PUB_KEY_ID_…` or platform certificate serial) → PEM. */
  WECHAT_PAY_PUBLIC_KEYS?: string;
  WECHAT_PAY_BASE_URL?: string;
  ALIPAY_APP_ID?: string;
  ALIPAY_SELLER_ID?: string;
  ALIPAY_PRIVATE_KEY?: string;
  ALIPAY_PUBLIC_KEY?: string;
  ALIPAY_GATEWAY_URL?: string;
  /** Public origin of this worker, e.g. https://api.example.com; the notify paths below are appended. */
  PAYMENT_NOTIFY_BASE_URL?: string;
}

/** Where the gateways POST notifications (payment and refund alike). The orders routes must serve these. */
export const WECHAT_NOTIFY_PATH = "/api/payments/notify/wechat";
export const ALIPAY_NOTIFY_PATH = "/api/payments/notify/alipay";

/** Settings present but unusable: a deployment mistake, reported with the setting names (no values). */
export class PaymentConfigError extends Error {
  override readonly name = "PaymentConfigError";
}

export interface PaymentProviders {
  wechat?: WechatPay;
  alipay?: Alipay;
}

const WECHAT_KEYS = [
  "WECHAT_PAY_MCHID",
  "WECHAT_PAY_MERCHANT_SERIAL",
  "WECHAT_PAY_PRIVATE_KEY",
  "WECHAT_PAY_API_V3_KEY",
  "WECHAT_PAY_PUBLIC_KEYS",
] as const;
const ALIPAY_KEYS = ["ALIPAY_APP_ID", "ALIPAY_SELLER_ID", "ALIPAY_PRIVATE_KEY", "ALIPAY_PUBLIC_KEY"] as const;

const setting = (s: PaymentSettings, name: keyof PaymentSettings) => s[name]?.trim() || undefined;

/** Secrets pasted through .env files often carry literal `\n`; PEM parsing needs real newlines. */
const pemSetting = (value: string) => value.replace(/\\n/g, "\n");

function requireAll(s: PaymentSettings, provider: string, names: readonly (keyof PaymentSettings)[]): void {
  const missing = names.filter((n) => !setting(s, n));
  if (missing.length > 0) {
    throw new PaymentConfigError(`${provider} 配置不完整，缺少 ${missing.join(", ")}`);
  }
}

function notifyUrl(s: PaymentSettings, path: string): string {
  const base = setting(s, "PAYMENT_NOTIFY_BASE_URL");
  if (!base) throw new PaymentConfigError("已配置支付渠道但缺少 PAYMENT_NOTIFY_BASE_URL");
  let url: URL;
  try {
    url = new URL(base.replace(/\/+$/, "") + path);
  } catch {
    throw new PaymentConfigError("PAYMENT_NOTIFY_BASE_URL 不是合法的 URL");
  }
  if (url.search || url.hash) throw new PaymentConfigError("PAYMENT_NOTIFY_BASE_URL 不能带查询参数");
  return url.toString();
}

function parsePublicKeys(json: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new PaymentConfigError("WECHAT_PAY_PUBLIC_KEYS 须为 JSON 对象 {序列号: PEM}");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new PaymentConfigError("WECHAT_PAY_PUBLIC_KEYS 须为 JSON 对象 {序列号: PEM}");
  }
  const out: Record<string, string> = {};
  for (const [serial, pem] of Object.entries(parsed)) {
    if (typeof pem !== "string" || !pem.trim() || !serial.trim()) {
      throw new PaymentConfigError("WECHAT_PAY_PUBLIC_KEYS 的每一项须为非空的 序列号 → PEM");
    }
    out[serial.trim()] = pemSetting(pem);
  }
  if (Object.keys(out).length === 0) throw new PaymentConfigError("WECHAT_PAY_PUBLIC_KEYS 为空");
  return out;
}

/**
 * A provider is absent when none of its settings is set, and a `PaymentConfigError` is thrown when only
 * some are. Cheap to call per request: keys are parsed and imported once per isolate (see pem.ts).
 */
export function loadPaymentProviders(s: PaymentSettings, runtime: GatewayRuntime = {}): PaymentProviders {
  const providers: PaymentProviders = {};
  if (WECHAT_KEYS.some((n) => setting(s, n))) {
    requireAll(s, "微信支付", WECHAT_KEYS);
    const appId = setting(s, "WECHAT_PAY_APP_ID") ?? setting(s, "WECHAT_APP_ID");
    if (!appId) throw new PaymentConfigError("微信支付配置不完整，缺少 WECHAT_PAY_APP_ID");
    const apiV3Key = setting(s, "WECHAT_PAY_API_V3_KEY")!;
    if (new TextEncoder().encode(apiV3Key).length !== 32) {
      throw new PaymentConfigError("WECHAT_PAY_API_V3_KEY 须为 32 字节");
    }
    providers.wechat = new WechatPay(
      {
        appId,
        mchId: setting(s, "WECHAT_PAY_MCHID")!,
        merchantSerialNo: setting(s, "WECHAT_PAY_MERCHANT_SERIAL")!,
        merchantPrivateKeyPem: pemSetting(setting(s, "WECHAT_PAY_PRIVATE_KEY")!),
        apiV3Key,
        platformPublicKeys: parsePublicKeys(setting(s, "WECHAT_PAY_PUBLIC_KEYS")!),
        baseUrl: setting(s, "WECHAT_PAY_BASE_URL"),
        notifyUrl: notifyUrl(s, WECHAT_NOTIFY_PATH),
      },
      runtime,
    );
  }
  if (ALIPAY_KEYS.some((n) => setting(s, n))) {
    requireAll(s, "支付宝", ALIPAY_KEYS);
    providers.alipay = new Alipay(
      {
        appId: setting(s, "ALIPAY_APP_ID")!,
        sellerId: setting(s, "ALIPAY_SELLER_ID")!,
        appPrivateKeyPem: pemSetting(setting(s, "ALIPAY_PRIVATE_KEY")!),
        alipayPublicKeyPem: pemSetting(setting(s, "ALIPAY_PUBLIC_KEY")!),
        gatewayUrl: setting(s, "ALIPAY_GATEWAY_URL"),
        notifyUrl: notifyUrl(s, ALIPAY_NOTIFY_PATH),
      },
      runtime,
    );
  }
  return providers;
}

export function providerFor(providers: PaymentProviders, method: PaymentMethod): PaymentProvider | undefined {
  return providers[method];
}
