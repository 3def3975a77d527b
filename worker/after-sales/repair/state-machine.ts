// Repair work order (维修工单) lifecycle: statuses, actions, who may take each, and the guards that
// depend on the work order's facts (an appointment before arriving, the charge paid before confirming).
// Pure: no I/O. The service applies a planned transition with a compare-and-set on
// `repair_work_orders.version` and records it as a `repair_work_order_events` row (seq = new version).
//
//   received ──assign──▶ awaiting_appointment ──arrive──▶ on_site ──finish──▶ done ──confirm──▶ confirmed
//                         │ ▲ assign (another technician), schedule (set / move the appointment)
//   received | awaiting_appointment ──cancel──▶ cancelled

export const REPAIR_STATUSES = [
  "received",
  "awaiting_appointment",
  "on_site",
  "done",
  "confirmed",
  "cancelled",
] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

export const REPAIR_STATUS_LABELS: Record<RepairStatus, string> = {
  received: "已受理",
  awaiting_appointment: "待预约",
  on_site: "上门中",
  done: "已完工",
  confirmed: "已确认",
  cancelled: "已取消",
};

/** technician = a staff account with the installer role, assigned to the work order. */
export type RepairActor = "shopper" | "agent" | "merchant" | "technician" | "system";

export const REPAIR_ACTIONS = [
  "open",
  "assign",
  "schedule",
  "arrive",
  "finish",
  "confirm",
  "cancel",
] as const;
export type RepairAction = (typeof REPAIR_ACTIONS)[number];

interface Rule {
  from: readonly RepairStatus[];
  /** Omitted: the status stays (a reassignment, a moved appointment). */
  to?: RepairStatus;
  actors: readonly RepairActor[];
  label: string;
  name: string;
}

const OPEN: readonly RepairStatus[] = ["received", "awaiting_appointment"];

const RULES: Record<Exclude<RepairAction, "open">, Rule> = {
  assign: {
    from: OPEN,
    to: "awaiting_appointment",
    actors: ["merchant", "agent"],
    label: "已指派维修师傅",
    name: "指派师傅",
  },
  schedule: {
    from: ["awaiting_appointment"],
    actors: ["technician"],
    label: "已预约上门时间",
    name: "预约上门",
  },
  arrive: {
    from: ["awaiting_appointment"],
    to: "on_site",
    actors: ["technician"],
    label: "师傅已上门",
    name: "上门",
  },
  finish: { from: ["on_site"], to: "done", actors: ["technician"], label: "维修已完工", name: "完工" },
  confirm: {
    from: ["done"],
    to: "confirmed",
    actors: ["shopper"],
    label: "顾客已确认完工",
    name: "确认完工",
  },
  cancel: {
    from: OPEN,
    to: "cancelled",
    actors: ["shopper", "merchant", "agent", "system"],
    label: "维修工单已取消",
    name: "取消工单",
  },
};

/** What the guards need to know about the work order beyond its status. */
export interface RepairFacts {
  status: RepairStatus;
  /** An appointment time is set (arriving needs one). */
  hasAppointment: boolean;
  /** What the shopper owes for the repair (0 in warranty or when nothing was charged). */
  owedFen: number;
  /** The repair's charge is paid (confirming needs it when something is owed). */
  chargePaid: boolean;
}

export type RepairPlan =
  | { ok: true; action: RepairAction; from: RepairStatus; to: RepairStatus; label: string }
  | {
      ok: false;
      code: "ILLEGAL_TRANSITION" | "ACTOR_NOT_ALLOWED" | "APPOINTMENT_REQUIRED" | "CHARGE_UNPAID";
      message: string;
    };

/** Decides whether `actor` may take `action` on a work order with these facts. */
export function planRepairTransition(
  facts: RepairFacts,
  action: Exclude<RepairAction, "open">,
  actor: RepairActor,
): RepairPlan {
  const rule = RULES[action];
  if (!rule.actors.includes(actor))
    return { ok: false, code: "ACTOR_NOT_ALLOWED", message: `无权对维修工单执行${rule.name}操作` };
  if (!rule.from.includes(facts.status))
    return {
      ok: false,
      code: "ILLEGAL_TRANSITION",
      message: `维修工单当前状态为「${REPAIR_STATUS_LABELS[facts.status]}」，不能${rule.name}`,
    };
  if (action === "arrive" && !facts.hasAppointment)
    return { ok: false, code: "APPOINTMENT_REQUIRED", message: "请先与顾客预约上门时间" };
  if (action === "confirm" && facts.owedFen > 0 && !facts.chargePaid)
    return { ok: false, code: "CHARGE_UNPAID", message: "请先支付维修费用，再确认完工" };
  return { ok: true, action, from: facts.status, to: rule.to ?? facts.status, label: rule.label };
}

/** Actions the actor could take now (drives the buttons shown in the apps). */
export function availableRepairActions(facts: RepairFacts, actor: RepairActor): RepairAction[] {
  return (Object.keys(RULES) as Exclude<RepairAction, "open">[]).filter(
    (a) => planRepairTransition(facts, a, actor).ok,
  );
}
