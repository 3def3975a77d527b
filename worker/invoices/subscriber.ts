// A cancelled order needs no invoice: an open request is cancelled in the cancel's own batch. An
// issued invoice stays as it is (reversing it is a 红字发票 on the tax platform; the merchant's list
// shows the order as cancelled next to it).
import { and, eq, inArray } from "drizzle-orm";
import type { OrderEventSubscriber } from "../orders/events";
import { invoices } from "./schema";

export const invoiceCancelSubscriber: OrderEventSubscriber = {
  name: "invoice-cancel",
  kinds: ["cancel", "cancel_paid"],
  inTransaction(db, _env, _event, order) {
    return [
      db
        .update(invoices)
        .set({ status: "cancelled", updatedAt: Date.now() })
        .where(and(eq(invoices.orderId, order.id), inArray(invoices.status, ["requested", "rejected"]))),
    ];
  },
};
