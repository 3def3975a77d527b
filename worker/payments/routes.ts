import { orderDeps } from "../orders/deps";
import { createRouter } from "../shared/router";
import { ALIPAY_NOTIFY_PATH, WECHAT_NOTIFY_PATH } from "./gateways/config";
import { handleNotification } from "./service";

/**
 * Gateway notifications. No bearer token: authenticity is the gateway's signature, checked in
 * handleNotification before anything is read from the body. Paths are fixed by gateways/config.ts.
 */
export const paymentNotifyRoutes = createRouter();

paymentNotifyRoutes.post(WECHAT_NOTIFY_PATH.replace(/^\/api/, ""), (c) =>
  handleNotification(orderDeps(c), "wechat", c.req.raw),
);
paymentNotifyRoutes.post(ALIPAY_NOTIFY_PATH.replace(/^\/api/, ""), (c) =>
  handleNotification(orderDeps(c), "alipay", c.req.raw),
);
