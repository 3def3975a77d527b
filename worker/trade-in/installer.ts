// The installer records the old unit at delivery from the work order of its line.
import type { Db } from "../db/client";
import { installationVisibleTo } from "../installation/installer";
import { loadWorkOrder } from "../installation/work-orders";
import type { OrderDeps } from "../orders/deps";
import { notFound } from "../shared/errors";
import type { CollectionInput } from "./model";
import { recordCollection, tradeInOfItem, tradeInView } from "./service";

/** The order line of a work order the installer may see (someone else's is as missing as none). */
async function lineOfWorkOrder(db: Db, installerId: number, workOrderId: number): Promise<number> {
  const wo = (await installationVisibleTo(db, installerId, workOrderId))
    ? await loadWorkOrder(db, workOrderId)
    : undefined;
  if (!wo) throw notFound("安装工单不存在");
  return wo.orderItemId;
}

export async function workOrderTradeIn(db: Db, installerId: number, workOrderId: number) {
  return tradeInView(db, await tradeInOfItem(db, await lineOfWorkOrder(db, installerId, workOrderId)));
}

export async function collectAtWorkOrder(
  deps: OrderDeps,
  installerId: number,
  workOrderId: number,
  input: CollectionInput,
) {
  const orderItemId = await lineOfWorkOrder(deps.db, installerId, workOrderId);
  return recordCollection(deps, orderItemId, installerId, input);
}
