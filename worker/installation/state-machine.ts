// Installation work order lifecycle: statuses, actions and who may take each. Pure: no I/O.
// The service applies a planned transition with a compare-and-set on `install_work_orders.version`
// and records it as an `install_work_order_events` row (seq = new version, unique per work order).
//
//   awaiting_booking ──book──▶ booked ──reschedule──▶ rescheduled ──reschedule──▶ rescheduled
//          ▲                     │  ╲                     │  ╲
//          └──── cancel_booking ─┘   ╲── depart ──────────┘   ╲── depart ──▶ on_the_way ──complete──▶ done
//   awaiting_booking | booked | rescheduled ──cancel──▶ cancelled

export const WORK_ORDER_STATUSES = [
  "awaiting_booking",
  "booked",
  "rescheduled",
  "on_the_way",
  "done",
  "cancelled",
] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

export const WORK_ORDER_STATUS_LABELS: Record<WorkOrderStatus, string> = {
  awaiting_booking: "待预约",
  booked: "已预约",
  rescheduled: "已改约",
  on_the_way: "师傅已出发",
  done: "已完成安装",
  cancelled: "已取消",
};

export type WorkOrderActor = "shopper" | "installer" | "merchant" | "system";

export type WorkOrderAction = "book" | "reschedule" | "cancel_booking" | "depart" | "complete" | "cancel";

interface Rule {
  from: readonly WorkOrderStatus[];
  to: WorkOrderStatus;
  actors: readonly WorkOrderActor[];
  label: string;
  name: string;
}

const BOOKED: readonly WorkOrderStatus[] = ["booked", "rescheduled"];

const RULES: Record<WorkOrderAction, Rule> = {
  book: {
    from: ["awaiting_booking"],
    to: "booked",
    actors: ["shopper", "merchant"],
    label: "已预约安装时间",
    name: "预约",
  },
  reschedule: {
    from: BOOKED,
    to: "rescheduled",
    actors: ["shopper", "merchant"],
    label: "已改约安装时间",
    name: "改约",
  },
  cancel_booking: {
    from: BOOKED,
    to: "awaiting_booking",
    actors: ["shopper", "merchant"],
    label: "已取消预约",
    name: "取消预约",
  },
  depart: { from: BOOKED, to: "on_the_way", actors: ["installer"], label: "安装师傅已出发", name: "出发" },
  complete: { from: ["on_the_way"], to: "done", actors: ["installer"], label: "安装完成", name: "完工" },
  cancel: {
    from: ["awaiting_booking", ...BOOKED],
    to: "cancelled",
    actors: ["merchant", "system"],
    label: "安装工单已取消",
    name: "取消工单",
  },
};

export type WorkOrderPlan =
  | { ok: true; action: WorkOrderAction; from: WorkOrderStatus; to: WorkOrderStatus; label: string }
  | { ok: false; code: "ILLEGAL_TRANSITION" | "ACTOR_NOT_ALLOWED"; message: string };

/** Decides whether `actor` may take `action` on a work order in `status`. */
export function planWorkOrderTransition(
  status: WorkOrderStatus,
  action: WorkOrderAction,
  actor: WorkOrderActor,
): WorkOrderPlan {
  const rule = RULES[action];
  if (!rule.actors.includes(actor))
    return { ok: false, code: "ACTOR_NOT_ALLOWED", message: `无权对安装工单执行${rule.name}操作` };
  if (!rule.from.includes(status))
    return {
      ok: false,
      code: "ILLEGAL_TRANSITION",
      message: `安装工单当前状态为「${WORK_ORDER_STATUS_LABELS[status]}」，不能${rule.name}`,
    };
  return { ok: true, action, from: status, to: rule.to, label: rule.label };
}

/** Actions the actor could take now (drives the buttons shown in the apps). */
export function availableWorkOrderActions(status: WorkOrderStatus, actor: WorkOrderActor): WorkOrderAction[] {
  return (Object.keys(RULES) as WorkOrderAction[]).filter(
    (a) => planWorkOrderTransition(status, a, actor).ok,
  );
}

/** Whether a work order in this status occupies a unit of its slot's capacity. */
export const holdsSlot = (status: WorkOrderStatus) =>
  status === "booked" || status === "rescheduled" || status === "on_the_way" || status === "done";
