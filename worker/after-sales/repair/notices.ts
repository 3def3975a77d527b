// What the shopper is told when the technician books the visit and when the repair is finished. Pure.
import type { ShopperNotice } from "../../notifications/service";
import { formatShanghaiDateTime } from "../../payments/gateways/china-time";
import { fenToYuan } from "../../shared/money";
import type { RepairRow } from "./service";

const ref = (wo: RepairRow) => ({ shopperId: wo.shopperId, refType: "repair", refId: wo.workOrderNo });

/** One notice per appointment set (a moved appointment is told again: the version is in the key). */
export function appointmentNotice(wo: RepairRow, technicianName: string): ShopperNotice {
  const at = formatShanghaiDateTime(wo.appointmentAt!).slice(0, 16);
  return {
    ...ref(wo),
    kind: "repair_scheduled",
    title: "维修师傅已预约上门",
    body: `${wo.productName} 维修：师傅${technicianName}将于 ${at} 上门，请保持电话畅通（工单 ${wo.workOrderNo}）`,
    dedupeKey: `repair:${wo.workOrderNo}:scheduled:${wo.version}`,
  };
}

export function doneNotice(wo: RepairRow): ShopperNotice {
  const body =
    wo.chargeFen > 0
      ? `${wo.productName} 已维修完成，维修费用 ¥${fenToYuan(wo.chargeFen)}，请支付后确认完工（工单 ${wo.workOrderNo}）`
      : `${wo.productName} 已维修完成${wo.inWarranty ? "（保修期内，配件与人工免费）" : ""}，请确认完工（工单 ${wo.workOrderNo}）`;
  return {
    ...ref(wo),
    kind: "repair_done",
    title: "维修已完工",
    body,
    dedupeKey: `repair:${wo.workOrderNo}:done`,
  };
}
