// After-sales case lifecycle: types, statuses, the actions between them and who may take each.
// Pure: no I/O. The service applies a planned transition with a compare-and-set on
// `after_sale_cases.version` and records it as an `after_sale_case_events` row (seq = new version).
//
//   applied ─approve─▶ approved ─ship_back─▶ return_shipped ─receive─▶ received ─refund─▶ refunding ─refund_succeeded─▶ refunded
//      │                  │  ╲                                           ╲─ship_exchange─▶ exchange_shipped ─confirm─▶ done
//      ├─refuse─▶ refused │   ╲─refund (仅退款)─▶ refunding        ╲─start_repair─▶ repairing ─finish_repair─▶ done
//      └─cancel─▶ cancelled ◀─cancel─┘   approved ─close (shopper never shipped back)─▶ closed
import type { ActorKind } from "../../orders/state-machine";

export const CASE_TYPES = ["refund_only", "return_refund", "exchange", "repair"] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  refund_only: "仅退款",
  return_refund: "退货退款",
  exchange: "换货",
  repair: "维修",
};

export const REASON_CODES = [
  "no_reason",
  "quality",
  "damaged_on_arrival",
  "wrong_item",
  "not_as_described",
  "not_received",
  "other",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
export const REASON_LABELS: Record<ReasonCode, string> = {
  no_reason: "七天无理由",
  quality: "质量问题",
  damaged_on_arrival: "收货破损",
  wrong_item: "发错货",
  not_as_described: "与描述不符",
  not_received: "未收到货",
  other: "其他",
};
/** Reasons that put the fault on the merchant: freight and service charges are refunded too. */
export const MERCHANT_FAULT_REASONS: readonly ReasonCode[] = [
  "quality",
  "damaged_on_arrival",
  "wrong_item",
  "not_as_described",
];
export const isMerchantFault = (r: ReasonCode) => MERCHANT_FAULT_REASONS.includes(r);

export const CASE_STATUSES = [
  "applied",
  "approved",
  "refused",
  "return_shipped",
  "received",
  "refunding",
  "refunded",
  "exchange_shipped",
  "repairing",
  "done",
  "closed",
  "cancelled",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  applied: "待审核",
  approved: "待寄回",
  refused: "已拒绝",
  return_shipped: "已寄回",
  received: "已收货",
  refunding: "退款中",
  refunded: "已退款",
  exchange_shipped: "换货已发出",
  repairing: "维修中",
  done: "已完成",
  closed: "已关闭",
  cancelled: "已撤销",
};

/** The label shown for a case: an approved 仅退款 is being refunded, an approved repair awaits the technician. */
export function caseStatusLabel(status: CaseStatus, type: CaseType): string {
  if (status === "approved" && type === "refund_only") return "退款中";
  if (status === "approved" && type === "repair") return "已同意";
  return CASE_STATUS_LABELS[status];
}

/** Statuses in which a case no longer holds its units (they may be applied for again). */
export const RELEASING_STATUSES: readonly CaseStatus[] = ["refused", "cancelled", "closed"];
/** Statuses that end a case. */
export const FINAL_STATUSES: readonly CaseStatus[] = ["refused", "cancelled", "closed", "refunded", "done"];

export type CaseAction =
  | "approve"
  | "refuse"
  | "cancel"
  | "ship_back"
  | "close"
  | "receive"
  | "refund"
  | "refund_succeeded"
  | "ship_exchange"
  | "confirm"
  | "start_repair"
  | "finish_repair"
  /** The whole order was cancelled and refunded (orders' cancel_paid): open applications end. */
  | "order_cancelled";

const RETURNS: readonly CaseType[] = ["return_refund", "exchange"];

interface Rule {
  from: readonly CaseStatus[];
  to: CaseStatus;
  actors: readonly ActorKind[];
  types: readonly CaseType[];
  label: string;
  name: string;
}

const RULES: Record<CaseAction, Rule> = {
  approve: {
    from: ["applied"],
    to: "approved",
    actors: ["merchant", "system"],
    types: CASE_TYPES,
    label: "商家已同意申请",
    name: "同意",
  },
  refuse: {
    from: ["applied"],
    to: "refused",
    actors: ["merchant"],
    types: CASE_TYPES,
    label: "商家已拒绝申请",
    name: "拒绝",
  },
  cancel: {
    from: ["applied", "approved"],
    to: "cancelled",
    actors: ["shopper"],
    types: CASE_TYPES,
    label: "顾客已撤销申请",
    name: "撤销",
  },
  ship_back: {
    from: ["approved"],
    to: "return_shipped",
    actors: ["shopper"],
    types: RETURNS,
    label: "顾客已寄回商品",
    name: "寄回",
  },
  close: {
    from: ["approved"],
    to: "closed",
    actors: ["system"],
    types: RETURNS,
    label: "超时未寄回，售后已关闭",
    name: "关闭",
  },
  receive: {
    from: ["return_shipped"],
    to: "received",
    actors: ["merchant"],
    types: RETURNS,
    label: "商家已收货验货",
    name: "收货",
  },
  refund: {
    from: ["approved", "received"],
    to: "refunding",
    actors: ["merchant", "system"],
    types: ["refund_only", "return_refund"],
    label: "已发起退款",
    name: "退款",
  },
  refund_succeeded: {
    from: ["refunding"],
    to: "refunded",
    actors: ["gateway", "system"],
    types: ["refund_only", "return_refund"],
    label: "退款成功",
    name: "完成退款",
  },
  ship_exchange: {
    from: ["received"],
    to: "exchange_shipped",
    actors: ["merchant"],
    types: ["exchange"],
    label: "换货商品已发出",
    name: "发出换货",
  },
  confirm: {
    from: ["exchange_shipped"],
    to: "done",
    actors: ["shopper", "system"],
    types: ["exchange"],
    label: "顾客已确认收到换货",
    name: "确认收货",
  },
  start_repair: {
    from: ["approved"],
    to: "repairing",
    actors: ["system", "merchant"],
    types: ["repair"],
    label: "已创建维修工单",
    name: "开始维修",
  },
  order_cancelled: {
    from: ["applied", "approved"],
    to: "closed",
    actors: ["system"],
    types: CASE_TYPES,
    label: "订单已取消并全额退款，售后关闭",
    name: "关闭",
  },
  finish_repair: {
    from: ["repairing"],
    to: "done",
    actors: ["system", "merchant"],
    types: ["repair"],
    label: "维修已完成",
    name: "完成维修",
  },
};

export type CasePlan =
  | { ok: true; action: CaseAction; from: CaseStatus; to: CaseStatus; label: string }
  | { ok: false; code: "ILLEGAL_TRANSITION" | "ACTOR_NOT_ALLOWED"; message: string };

/** Decides whether `actor` may take `action` on a case of `type` in `status`. */
export function planCaseTransition(
  status: CaseStatus,
  type: CaseType,
  action: CaseAction,
  actor: ActorKind,
): CasePlan {
  const rule = RULES[action];
  if (!rule.actors.includes(actor))
    return { ok: false, code: "ACTOR_NOT_ALLOWED", message: `无权对售后单执行${rule.name}操作` };
  if (!rule.types.includes(type))
    return {
      ok: false,
      code: "ILLEGAL_TRANSITION",
      message: `${CASE_TYPE_LABELS[type]}申请不能${rule.name}`,
    };
  if (!rule.from.includes(status))
    return {
      ok: false,
      code: "ILLEGAL_TRANSITION",
      message: `售后单当前状态为「${caseStatusLabel(status, type)}」，不能${rule.name}`,
    };
  return { ok: true, action, from: status, to: rule.to, label: rule.label };
}

/** Actions the actor could take now (drives the buttons in the apps). */
export function availableCaseActions(status: CaseStatus, type: CaseType, actor: ActorKind): CaseAction[] {
  return (Object.keys(RULES) as CaseAction[]).filter((a) => planCaseTransition(status, type, a, actor).ok);
}

/** Timeline notes that do not change the status. */
export type CaseNoteKind = "created" | "refund_failed" | "stock_returned" | "exchange_stock_failed";
