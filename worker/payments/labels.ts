import type { PaymentMethod } from "./gateways/types";

export const METHOD_LABELS: Record<PaymentMethod, string> = { wechat: "微信支付", alipay: "支付宝" };
