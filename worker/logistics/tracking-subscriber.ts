// The "ship" event's tracking subscriber (registered in worker/subscribers.ts): the parcels are written in
// the shipment's own batch, and subscribed at 快递100 after the commit through the outbox, which retries
// a failed subscription with backoff.
import { z } from "@hono/zod-openapi";
import type { OrderEvent, OrderEventSubscriber } from "../orders/events";
import type { OrderRow } from "../orders/transition";
import { CARRIERS, carrierByCode } from "./carriers";
import { insertParcelsStatement, type ParcelRef } from "./parcels";
import { subscribeOrderParcels, type TrackingConfig } from "./tracking";

const eventParcels = z.array(z.object({ carrierCode: z.string().min(1), trackingNo: z.string().min(1) }));

/**
 * The parcels a "ship" event carries (`data.parcels`, validated by shipOrder). An event from before
 * shipments had parcels names one carrier and waybill on the order itself: that carrier, if it is one
 * of ours (by code or name), becomes the one parcel.
 */
export function parcelsOfShipment(event: OrderEvent, order: OrderRow): ParcelRef[] {
  const listed = eventParcels.safeParse(event.data?.parcels);
  if (listed.success && listed.data.length) return listed.data;
  const named = order.carrier?.trim();
  if (!named || !order.trackingNo) return [];
  const carrier = carrierByCode(named) ?? CARRIERS.find((c) => c.name === named);
  return carrier ? [{ carrierCode: carrier.code, trackingNo: order.trackingNo }] : [];
}

export function parcelTrackingSubscriber(
  config: TrackingConfig,
  fetchFn?: typeof fetch,
): OrderEventSubscriber {
  return {
    name: "parcel-tracking",
    kinds: ["ship"],
    inTransaction(db, _env, event, order) {
      const parcels = parcelsOfShipment(event, order);
      if (!parcels.length) return [];
      return [
        insertParcelsStatement(db, order.id, parcels, {
          receiverPhone: order.receiverPhone,
          trackingEnabled: !!config.key,
        }),
      ];
    },
    async afterCommit(deps, _event, order) {
      await subscribeOrderParcels(deps, config, order.id, fetchFn);
    },
  };
}
