import type { OrderEventSubscriber } from "../orders/events";
import {
  deliverSubscribeMessages,
  type OrderNoticeKind,
  orderNoticeStatements,
  type subscribeConfig,
} from "./service";

/** Which order events the shopper and the merchant are told about, and as what. */
export const NOTICE_FOR_EVENT: Readonly<Record<string, OrderNoticeKind>> = {
  created: "order_created",
  pay: "order_paid",
  pay_after_cancel: "order_paid",
  ship: "order_shipped",
  cancel: "order_cancelled",
  refund_requested: "order_refund",
};

/** A refund on an order that stays paid is for a duplicate payment: never tell that shopper "cancelled". */
function noticeKind(eventKind: string, status: string): OrderNoticeKind {
  const kind = NOTICE_FOR_EVENT[eventKind]!;
  return kind === "order_refund" && status !== "cancelled" ? "duplicate_payment_refund" : kind;
}

/**
 * The in-app notices and subscribe-message rows go in the change's own batch (exactly once, no
 * extra round trip). Sending the subscribe messages needs WeChat, so when it is configured that part
 * runs after the commit (the rows are deduplicated, and the sender claims each message before sending).
 */
export function orderNoticesSubscriber(cfg: ReturnType<typeof subscribeConfig>): OrderEventSubscriber {
  return {
    name: "notices",
    kinds: Object.keys(NOTICE_FOR_EVENT),
    inTransaction: (db, _env, event, order) =>
      orderNoticeStatements(db, cfg, noticeKind(event.kind, order.status), order, order.itemsSummary),
    ...(cfg.api
      ? {
          afterCommit: async (deps, event, order) => {
            await deliverSubscribeMessages(deps.db, cfg, deps.log, {
              dedupeKeys: [`order:${order.orderNo}:${noticeKind(event.kind, order.status)}`],
            });
          },
        }
      : {}),
  };
}
