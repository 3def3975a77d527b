import { request } from "./request";
import type { Schema } from "./schemas";

/** One line's installation (送装一体): its status, booked slot, installer and what the shopper may do now. */
export type WorkOrder = Schema<"InstallationWorkOrder">;
export type InstallationSlots = Schema<"InstallationSlots">;
export type BookableSlot = Schema<"BookableSlot">;

/** The shopper's work orders (one per paid line that needs installing), newest first. */
export const listWorkOrders = () =>
  request<Schema<"InstallationWorkOrderList">>("/api/installation/work-orders", { silent: true }).then(
    (r) => r.items,
  );
export const getWorkOrder = (id: number) =>
  request<WorkOrder>(`/api/installation/work-orders/${id}`, { silent: true });
/** The next days' slots of the address's service area, with remaining capacity. */
export const getWorkOrderSlots = (id: number) =>
  request<InstallationSlots>(`/api/installation/work-orders/${id}/slots`, { silent: true });

// Changes toast the server's message themselves (该时段已约满, the cut-off's 409…).
export const bookSlot = (id: number, slotId: number) =>
  request<WorkOrder>(`/api/installation/work-orders/${id}/booking`, { method: "POST", data: { slotId } });
export const rescheduleSlot = (id: number, slotId: number) =>
  request<WorkOrder>(`/api/installation/work-orders/${id}/reschedule`, { method: "POST", data: { slotId } });
export const cancelBooking = (id: number) =>
  request<WorkOrder>(`/api/installation/work-orders/${id}/cancel-booking`, { method: "POST", data: {} });

/** "12月9日 周三 09:00–12:00". */
export function slotText(slot: { date: string; weekday: string; label: string }): string {
  const [, m, d] = slot.date.split("-").map(Number);
  return `${m}月${d}日 ${slot.weekday} ${slot.label}`;
}
