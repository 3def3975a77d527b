// The repair's side of the payments domain's charges: an out-of-warranty repair's fee is a charge
// (kind "repair", sourceRef = work order number) the shopper pays through the normal payment flow.
import type { Db } from "../../db/client";
import { chargeOf, createCharge } from "../../payments/charges";
import type { RepairRow } from "./service";

export interface ChargeState {
  chargeNo: string;
  amountFen: number;
  status: "unpaid" | "paid" | "cancelled";
  paidAt: number | null;
}

const toState = (c: ChargeState): ChargeState => ({
  chargeNo: c.chargeNo,
  amountFen: c.amountFen,
  status: c.status,
  paidAt: c.paidAt,
});

/** The charge for a done work order that owes something (idempotent: the same charge when asked again). */
export async function ensureRepairCharge(db: Db, wo: RepairRow): Promise<ChargeState> {
  const charge = await createCharge(db, {
    shopperId: wo.shopperId,
    orderId: wo.orderId,
    kind: "repair",
    sourceRef: wo.workOrderNo,
    amountFen: wo.chargeFen,
    description: `维修费用：${wo.productName}（工单 ${wo.workOrderNo}）`.slice(0, 120),
  });
  return toState(charge);
}

export async function repairCharge(db: Db, workOrderNo: string): Promise<ChargeState | undefined> {
  const charge = await chargeOf(db, "repair", workOrderNo);
  return charge ? toState(charge) : undefined;
}

/** The charges of several work orders (a list page): by work order number. */
export async function chargesOf(db: Db, workOrderNos: readonly string[]): Promise<Map<string, ChargeState>> {
  const found = await Promise.all(workOrderNos.map(async (no) => [no, await repairCharge(db, no)] as const));
  return new Map(found.flatMap(([no, c]) => (c ? [[no, c] as const] : [])));
}
