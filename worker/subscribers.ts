// Every reaction to an order change, registered in one place. A new capability (coupons returned on
// cancel, points on completion, tracking on ship, installation work orders on pay) adds one line here.
import { caseOrderCancelSubscriber, caseRefundSubscriber } from "./after-sales/cases/refund-subscriber";
import { productSalesSubscriber } from "./catalog/sales-subscriber";
import type { Env } from "./env";
import { groupBuySubscriber } from "./growth/group-buy-settle";
import { referralRewardSubscriber } from "./growth/referral-service";
import { installationWorkOrdersSubscriber } from "./installation/subscriber";
import { invoiceCancelSubscriber } from "./invoices/subscriber";
import { trackingConfig } from "./logistics/tracking";
import { parcelTrackingSubscriber } from "./logistics/tracking-subscriber";
import { couponReturnSubscriber } from "./marketing/coupon-redemption";
import { pointsEarnSubscriber, pointsLedgerSubscriber } from "./members/points-subscriber";
import { orderNoticesSubscriber } from "./notifications/order-notices";
import { subscribeConfig } from "./notifications/service";
import type { OrderEventSubscriber } from "./orders/events";
import { orderStockSubscriber, orderTimersSubscriber } from "./orders/reactions";
import { orderCancelRefundSubscriber } from "./payments/refunds";

export function orderSubscribers(env: Env): readonly OrderEventSubscriber[] {
  return [
    orderNoticesSubscriber(subscribeConfig(env)),
    orderTimersSubscriber,
    orderStockSubscriber,
    parcelTrackingSubscriber(trackingConfig(env)),
    installationWorkOrdersSubscriber,
    couponReturnSubscriber,
    pointsLedgerSubscriber,
    pointsEarnSubscriber,
    caseRefundSubscriber,
    caseOrderCancelSubscriber,
    orderCancelRefundSubscriber,
    groupBuySubscriber,
    referralRewardSubscriber,
    invoiceCancelSubscriber,
    productSalesSubscriber,
  ];
}
