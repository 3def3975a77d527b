import type { OrderDetail, PayParams } from "@/api/orders";
import { getOrder } from "@/api/orders";
import { IS_MP_WEIXIN } from "./config";

export type PayMethod = "wechat" | "alipay";

/** What this build can pay with: WeChat Pay inside the mini program, Alipay's H5 cashier in a browser. */
export function payMethods(): { value: PayMethod; label: string; icon: string; color: string }[] {
  return IS_MP_WEIXIN
    ? [{ value: "wechat", label: "微信支付", icon: "weixin-fill", color: "#07c160" }]
    : [{ value: "alipay", label: "支付宝", icon: "zhifubao-circle-fill", color: "#1677ff" }];
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

/**
 * Hands the server's pay parameters to the client: wx.requestPayment in the mini program (resolves
 * "paid" when the shopper finished), or the Alipay H5 cashier (the browser leaves: `beforeRedirect`
 * remembers what to check on return). Rejects with a Chinese message when the shopper cancels.
 */
export async function launchPayment(payment: PayParams, beforeRedirect: () => void): Promise<"paid" | "redirected"> {
  if (payment.method === "wechat") {
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
