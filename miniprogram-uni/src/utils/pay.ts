import type { OrderDetail, PayParams } from "@/api/orders";
import { getOrder } from "@/api/orders";
import { IS_MP_WEIXIN } from "./config";

export type PayMethod = "wechat" | "alipay";
export type PayChannel = PayParams["channel"];

/** An H5 page opened inside WeChat's own browser (it blocks Alipay; WeChat Pay goes through JSAPI). */
export function inWechatBrowser(): boolean {
  // #ifdef H5
  return /MicroMessenger/i.test(navigator.userAgent);
  // #endif
  return false;
}

/** How this client pays: in the mini program, in WeChat's browser (JSAPI), or in any other browser (H5). */
export function payChannel(): PayChannel {
  if (IS_MP_WEIXIN) return "miniprogram";
  return inWechatBrowser() ? "wechat_browser" : "h5";
}

const WECHAT = { value: "wechat", label: "微信支付", icon: "weixin-fill", color: "#07c160" } as const;
const ALIPAY = { value: "alipay", label: "支付宝", icon: "zhifubao-circle-fill", color: "#1677ff" } as const;

/**
 * What this client can pay with: WeChat Pay in the mini program and in WeChat's browser; in any other
 * phone browser both Alipay (wap.pay) and WeChat Pay (H5, 微信外).
 */
export function payMethods(): { value: PayMethod; label: string; icon: string; color: string }[] {
  return payChannel() === "h5" ? [ALIPAY, WECHAT] : [WECHAT];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The gateway's notification, not the client callback, marks an order paid: poll the order a few
 * times until it leaves pending_payment.
 */
export async function waitForPaid(id: number, attempts = 8, intervalMs = 1500): Promise<OrderDetail> {
  let order = await getOrder(id);
  for (let i = 1; i < attempts && order.status === "pending_payment"; i++) {
    await sleep(intervalMs);
    order = await getOrder(id);
  }
  return order;
}

interface WeixinJSBridge {
  invoke(api: "getBrandWCPayRequest", params: Record<string, string>, done: (res: { err_msg: string }) => void): void;
}

/** WeChat's browser: its JS bridge's pay sheet (the bridge may announce itself after the page loads). */
function payInWechatBrowser(params: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const run = () => {
      const bridge = (globalThis as { WeixinJSBridge?: WeixinJSBridge }).WeixinJSBridge;
      if (!bridge) return reject(new Error("请在微信中打开后支付"));
      bridge.invoke("getBrandWCPayRequest", params, (res) => {
        if (res.err_msg === "get_brand_wcpay_request:ok") resolve();
        else reject(new Error(/cancel/.test(res.err_msg) ? "已取消支付" : "支付未完成"));
      });
    };
    // #ifdef H5
    if (!(globalThis as { WeixinJSBridge?: unknown }).WeixinJSBridge)
      return document.addEventListener("WeixinJSBridgeReady", run, { once: true });
    // #endif
    run();
  });
}

/**
 * Hands the server's pay parameters to the client: wx.requestPayment in the mini program, WeixinJSBridge
 * in WeChat's browser (both resolve "paid" when the shopper finished), or a browser cashier (Alipay H5,
 * WeChat H5: the browser leaves, `beforeRedirect` remembers what to check on return). Rejects with a
 * Chinese message when the shopper cancels.
 */
export async function launchPayment(payment: PayParams, beforeRedirect: () => void): Promise<"paid" | "redirected"> {
  if (payment.channel === "wechat_browser") {
    await payInWechatBrowser({ ...payment.payParams });
    return "paid";
  }
  if (payment.method === "wechat" && payment.channel === "miniprogram") {
    const { appId: _a, ...params } = payment.payParams;
    await new Promise<void>((resolve, reject) =>
      uni.requestPayment({
        provider: "wxpay",
        orderInfo: {},
        ...params,
        success: () => resolve(),
        fail: (e) => reject(new Error(/cancel/.test(e.errMsg ?? "") ? "已取消支付" : "支付未完成")),
      }),
    );
    return "paid";
  }
  if (payment.channel === "h5") {
    beforeRedirect();
    // #ifdef H5
    window.location.href = payment.redirectUrl;
    // #endif
    return "redirected";
  }
  throw new Error("当前环境不支持该支付方式");
}

export { countdown } from "./format";
