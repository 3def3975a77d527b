// Parcels in the database: the rows a shipment writes, the check that a waybill is not another order's,
// and the parcel views for shoppers and staff (each parcel with its traces, newest first).
import { and, desc, eq, inArray, ne, or } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { orders } from "../orders/schema";
import { carrierName } from "./carriers";
import { orderParcels, parcelTraces } from "./schema";

export interface ParcelRef {
  carrierCode: string;
  trackingNo: string;
}

/** What a parcel shows before 快递100 has pushed anything. */
export const SHIPPED_TEXT = "已发货";
/** Tracking is not configured (no KUAIDI100_KEY): the waybill is shown, nothing follows it. */
export const UNSUBSCRIBED_TEXT = "未订阅";
/** 快递100 refused the waybill for good (wrong carrier or number): staff must correct it. */
export const SUBSCRIBE_REFUSED_TEXT = "订阅失败";

/** The last four digits of a phone number ("" when it has fewer). */
export function phoneTail(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.length >= 4 ? digits.slice(-4) : "";
}

/**
 * The insert of an order's parcels, for the "ship" event's batch. A waybill already stored is left as
 * it is (ON CONFLICT DO NOTHING), so a retried shipment writes nothing twice.
 */
export function insertParcelsStatement(
  db: Db,
  orderId: number,
  parcels: readonly ParcelRef[],
  opts: { receiverPhone: string; trackingEnabled: boolean; now?: number },
): BatchItem<"sqlite"> {
  const now = opts.now ?? Date.now();
  const tail = phoneTail(opts.receiverPhone);
  return db
    .insert(orderParcels)
    .values(
      parcels.map((p) => ({
        orderId,
        carrierCode: p.carrierCode,
        carrierName: carrierName(p.carrierCode),
        trackingNo: p.trackingNo,
        receiverPhoneTail: tail,
        stateText: opts.trackingEnabled ? SHIPPED_TEXT : UNSUBSCRIBED_TEXT,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing();
}

/**
 * Waybills among `parcels` already stored for another order. shipOrder should refuse those (409):
 * the unique (carrier, waybill) index would otherwise silently keep the other order's row.
 */
export async function parcelsOfOtherOrders(
  db: Db,
  orderId: number,
  parcels: readonly ParcelRef[],
): Promise<ParcelRef[]> {
  if (!parcels.length) return [];
  return db
    .select({ carrierCode: orderParcels.carrierCode, trackingNo: orderParcels.trackingNo })
    .from(orderParcels)
    .where(
      and(
        ne(orderParcels.orderId, orderId),
        or(
          ...parcels.map((p) =>
            and(eq(orderParcels.carrierCode, p.carrierCode), eq(orderParcels.trackingNo, p.trackingNo)),
          ),
        ),
      ),
    );
}

export type ParcelRow = typeof orderParcels.$inferSelect;

export interface TraceView {
  time: number;
  context: string;
  status: string;
  areaName: string;
}

export interface ParcelView {
  id: number;
  carrierCode: string;
  carrierName: string;
  trackingNo: string;
  state: number | null;
  stateText: string;
  signedAt: number | null;
  lastTraceAt: number | null;
  traces: TraceView[];
}

export interface StaffParcelView extends ParcelView {
  receiverPhoneTail: string;
  monitorStatus: string | null;
  monitorMessage: string | null;
  subscribedAt: number | null;
  subscribeAttempts: number;
  lastError: string | null;
  createdAt: number;
}

/**
 * The order's owner and its parcels with their traces, in one round trip; null when the order does
 * not exist.
 */
async function loadOrderParcels(db: Db, orderId: number) {
  const [owner, parcels, traces] = await db.batch([
    db.select({ shopperId: orders.shopperId }).from(orders).where(eq(orders.id, orderId)),
    db.select().from(orderParcels).where(eq(orderParcels.orderId, orderId)).orderBy(orderParcels.id),
    db
      .select()
      .from(parcelTraces)
      .where(
        inArray(
          parcelTraces.parcelId,
          db.select({ id: orderParcels.id }).from(orderParcels).where(eq(orderParcels.orderId, orderId)),
        ),
      )
      .orderBy(desc(parcelTraces.time), desc(parcelTraces.id)),
  ]);
  if (!owner[0]) return null;
  const tracesOf = new Map<number, TraceView[]>();
  for (const t of traces) {
    const list = tracesOf.get(t.parcelId) ?? [];
    list.push({ time: t.time, context: t.context, status: t.status, areaName: t.areaName });
    tracesOf.set(t.parcelId, list);
  }
  return { shopperId: owner[0].shopperId, parcels, tracesOf };
}

function parcelView(p: ParcelRow, traces: TraceView[]): ParcelView {
  return {
    id: p.id,
    carrierCode: p.carrierCode,
    carrierName: p.carrierName,
    trackingNo: p.trackingNo,
    state: p.state,
    stateText: p.stateText,
    signedAt: p.signedAt,
    lastTraceAt: p.lastTraceAt,
    traces,
  };
}

/** The shopper's view of their order's parcels; null (→ 404) for a missing order or someone else's. */
export async function shopperOrderParcels(
  db: Db,
  shopperId: number,
  orderId: number,
): Promise<{ orderId: number; parcels: ParcelView[] } | null> {
  const loaded = await loadOrderParcels(db, orderId);
  if (!loaded || loaded.shopperId !== shopperId) return null;
  return {
    orderId,
    parcels: loaded.parcels.map((p) => parcelView(p, loaded.tracesOf.get(p.id) ?? [])),
  };
}

/** Staff view: also the subscription's progress and 快递100's monitoring status. Null for a missing order. */
export async function staffOrderParcels(
  db: Db,
  orderId: number,
): Promise<{ orderId: number; parcels: StaffParcelView[] } | null> {
  const loaded = await loadOrderParcels(db, orderId);
  if (!loaded) return null;
  return {
    orderId,
    parcels: loaded.parcels.map((p) => ({
      ...parcelView(p, loaded.tracesOf.get(p.id) ?? []),
      receiverPhoneTail: p.receiverPhoneTail,
      monitorStatus: p.monitorStatus,
      monitorMessage: p.monitorMessage,
      subscribedAt: p.subscribedAt,
      subscribeAttempts: p.subscribeAttempts,
      lastError: p.lastError,
      createdAt: p.createdAt,
    })),
  };
}
