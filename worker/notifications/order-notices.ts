import type { OrderEvent, OrderEventSubscriber } from "../orders/events";
import {
  deliverSubscribeMessages,
  type OrderNoticeKind,
  orderNoticeKey,
  orderNoticeStatements,
  type RefundNoticeDetail,
  type subscribeConfig,
} from "./service";

/** Which order events the shopper and the merchant are told about, and as what. */
export const NOTICE_FOR_EVENT: Readonly<Record<string, OrderNoticeKind>> = {
  created: "order_created",
  pay: "order_paid",
  pay_after_cancel: "order_paid",
  ship: "order_shipped",
  cancel: "order_cancelled",
  cancel_paid: "order_cancelled",
  refund_requested: "refund_requested",
  refund_succeeded: "refund_succeeded",
  refund_failed: "refund_failed",
};

/**
 * Refund notices say what actually happened, from the refund's source: a duplicate payment's refund
 * never tells a paid customer that the order was cancelled.
 */
function noticeKind(event: OrderEvent): OrderNoticeKind {
  const kind = NOTICE_FOR_EVENT[event.kind]!;
  if (kind !== "refund_requested") return kind;
  const source = event.data?.source;
  if (source === "duplicate_payment") return "duplicate_payment_refund";
  if (source === "late_payment") return "order_refund";
  return kind;
}

/** Refund events carry { outRefundNo, amountFen, reason }: one notice per refund, with its amount. */
function refundDetail(event: OrderEvent): RefundNoticeDetail | undefined {
  const d = event.data;
  if (!event.kind.startsWith("refund_") || typeof d?.outRefundNo !== "string") return undefined;
  return {
    ref: d.outRefundNo,
    amountFen: typeof d.amountFen === "number" ? d.amountFen : 0,
    reason: typeof d.reason === "string" ? d.reason : "退款",
  };
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
      orderNoticeStatements(db, cfg, noticeKind(event), order, order.itemsSummary, refundDetail(event)),
    ...(cfg.api
      ? {
          afterCommit: async (deps, event, order) => {
            await deliverSubscribeMessages(deps.db, cfg, deps.log, {
              dedupeKeys: [orderNoticeKey(order.orderNo, noticeKind(event), refundDetail(event))],
            });
          },
        }
      : {}),
  };
}
