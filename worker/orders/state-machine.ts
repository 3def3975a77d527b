// Order lifecycle: statuses, the actions that move between them, and who may perform each action.
// Pure: no I/O. The service applies a planned transition with a compare-and-set on `orders.version`
// and records it as an `order_events` row (the timeline), in one batch.

export const ORDER_STATUSES = ["pending_payment", "paid", "shipped", "completed", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: "待支付",
  paid: "待发货",
  shipped: "已发货",
  completed: "已完成",
  cancelled: "已取消",
};

export type ActorKind = "shopper" | "merchant" | "system" | "gateway";

export type OrderAction =
  | "pay"
  /** A payment confirmed after the order was cancelled, with the stock re-reserved. */
  | "pay_after_cancel"
  | "cancel"
  /** A paid order not yet shipped, cancelled: refunded in full, its stock back on sale at once. */
  | "cancel_paid"
  | "ship"
  | "confirm_receipt"
  | "auto_complete";

interface Rule {
  from: OrderStatus;
  to: OrderStatus;
  actors: readonly ActorKind[];
  label: string;
}

const RULES: Record<OrderAction, Rule> = {
  // Only the gateway (a verified notification) or our own reconciliation can say money arrived.
  pay: { from: "pending_payment", to: "paid", actors: ["gateway", "system"], label: "支付成功" },
  pay_after_cancel: {
    from: "cancelled",
    to: "paid",
    actors: ["gateway", "system"],
    label: "订单取消后收到付款，已重新锁定库存",
  },
  cancel: {
    from: "pending_payment",
    to: "cancelled",
    actors: ["shopper", "merchant", "system"],
    label: "订单已取消",
  },
  cancel_paid: {
    from: "paid",
    to: "cancelled",
    // system: a 拼团 group that expired unfilled cancels its members' paid orders (worker/growth).
    actors: ["shopper", "merchant", "system"],
    label: "订单已取消，款项原路退回",
  },
  ship: { from: "paid", to: "shipped", actors: ["merchant"], label: "商家已发货" },
  confirm_receipt: { from: "shipped", to: "completed", actors: ["shopper"], label: "已确认收货" },
  auto_complete: { from: "shipped", to: "completed", actors: ["system"], label: "超时自动确认收货" },
};

export type TransitionPlan =
  | { ok: true; action: OrderAction; from: OrderStatus; to: OrderStatus; label: string }
  | { ok: false; code: "ILLEGAL_TRANSITION" | "ACTOR_NOT_ALLOWED"; message: string };

const ACTION_NAMES: Record<OrderAction, string> = {
  pay: "支付",
  pay_after_cancel: "支付",
  cancel: "取消",
  cancel_paid: "取消",
  ship: "发货",
  confirm_receipt: "确认收货",
  auto_complete: "确认收货",
};

/** Decides whether `actor` may perform `action` on an order in `status`. */
export function planTransition(status: OrderStatus, action: OrderAction, actor: ActorKind): TransitionPlan {
  const rule = RULES[action];
  if (!rule.actors.includes(actor))
    return { ok: false, code: "ACTOR_NOT_ALLOWED", message: `无权对订单执行${ACTION_NAMES[action]}操作` };
  if (rule.from !== status)
    return {
      ok: false,
      code: "ILLEGAL_TRANSITION",
      message: `订单当前状态为「${STATUS_LABELS[status]}」，不能${ACTION_NAMES[action]}`,
    };
  return { ok: true, action, from: rule.from, to: rule.to, label: rule.label };
}

/** Actions the given actor could take now (drives the buttons shown in the apps). */
export function availableActions(status: OrderStatus, actor: ActorKind): OrderAction[] {
  return (Object.keys(RULES) as OrderAction[]).filter((a) => planTransition(status, a, actor).ok);
}

/** Shopper order-list tabs: 全部/待付款/待发货/待收货/已完成. */
export const SHOPPER_TABS = {
  all: [...ORDER_STATUSES],
  unpaid: ["pending_payment"],
  to_ship: ["paid"],
  to_receive: ["shipped"],
  completed: ["completed"],
} as const satisfies Record<string, readonly OrderStatus[]>;
export type ShopperTab = keyof typeof SHOPPER_TABS;

/** Shopper-visible label: 待付款 rather than 待支付; a shipped order reads 已发货 (its tab is 待收货). */
export function shopperStatusLabel(status: OrderStatus): string {
  if (status === "pending_payment") return "待付款";
  return STATUS_LABELS[status];
}

/** Timeline entry kinds that do not change the status but belong in the order's history. */
export type OrderNoteKind =
  | "created"
  | "payment_started"
  | "payment_closed"
  | "remark"
  | "refund_requested"
  | "refund_succeeded"
  | "refund_failed"
  | "late_payment"
  | "delivered"
  | "invoice_requested"
  | "invoice_issued"
  | "invoice_rejected";
