// Paid orders get their installation work orders through the order-event seam, in the payment's own
// batch: exactly once by construction (and idempotent anyway, by the unique order_item_id).
import { sql } from "drizzle-orm";
import type { OrderEventSubscriber } from "../orders/events";
import { serviceIdFor } from "./category-services";
import { INSTALLATION_STEP } from "./fees";

/** The region codes an address snapshot may carry (added to addresses after their names). */
interface AddressCodes {
  provinceCode?: string | null;
  cityCode?: string | null;
  districtCode?: string | null;
}

/**
 * One work order (awaiting_booking) per line of the paid order whose product's category — or its
 * parent's — has a service that requires installation, with the line's snapshot, the order's address
 * and the installation extras the shopper paid for on that line ("支架 ×1"…).
 * A paid order cancelled before shipping cancels its work orders that no installer has set out for.
 */
export const installationWorkOrdersSubscriber: OrderEventSubscriber = {
  name: "installation-work-orders",
  kinds: ["pay", "pay_after_cancel", "cancel_paid"],
  inTransaction(db, _env, event, order) {
    if (event.kind === "cancel_paid") {
      const now = Date.now();
      const open = sql`order_id = ${order.id} AND status IN ('awaiting_booking', 'booked', 'rescheduled')`;
      return [
        db.run(sql`INSERT INTO install_work_order_events
            (work_order_id, seq, action, from_status, to_status, actor_kind, actor_id, note, created_at)
          SELECT id, version + 1, 'cancel', status, 'cancelled', 'system', NULL, '订单已取消', ${now}
          FROM install_work_orders WHERE ${open}`),
        db.run(sql`UPDATE install_work_orders SET status = 'cancelled', version = version + 1,
            updated_at = ${now} WHERE ${open}`),
      ];
    }
    const a = order.address;
    const codes = a as typeof a & AddressCodes;
    const now = Date.now();
    return [
      db.run(sql`
        INSERT INTO install_work_orders (order_id, order_item_id, order_no, shopper_id, status, version,
          sku_id, product_id, product_name, specs, image, quantity, includes, extras,
          receiver_name, phone, province, city, district, detail, province_code, city_code, district_code,
          created_at, updated_at)
        SELECT oi.order_id, oi.id, o.order_no, o.shopper_id, 'awaiting_booking', 0,
          oi.sku_id, oi.product_id, oi.name, oi.specs, oi.image, oi.quantity, s.includes,
          (SELECT json_group_array(json_extract(adj.value, '$.label')) FROM json_each(o.adjustments) adj
            WHERE json_extract(adj.value, '$.step') = ${INSTALLATION_STEP}
              AND json_extract(adj.value, '$.skuId') = oi.sku_id),
          ${a.receiverName}, ${a.phone}, ${a.province}, ${a.city}, ${a.district}, ${a.detail},
          ${codes.provinceCode ?? null}, ${codes.cityCode ?? null}, ${codes.districtCode ?? null},
          ${now}, ${now}
        FROM order_items oi
        JOIN orders o ON o.id = oi.order_id
        JOIN products p ON p.id = oi.product_id
        JOIN categories c ON c.id = p.category_id
        JOIN install_services s ON s.id = ${serviceIdFor(sql`c.id`, sql`c.parent_id`)}
        WHERE oi.order_id = ${order.id} AND s.requires_installation = 1
        ON CONFLICT (order_item_id) DO NOTHING`),
    ];
  },
};
