// 已售: units paid for per product (products.sales_count), kept by the order events themselves.
//
// Policy (README "已售"): a unit counts when its order is paid (`pay`, or `pay_after_cancel` when a late
// payment revives the order). An order cancelled after payment but before shipping (`cancel_paid`) was
// never a sale, so its units are taken back. After-sales refunds and returns are NOT subtracted: the
// goods were sold and delivered, and 已售 on JD / Tmall likewise counts completed purchases, not what
// was kept. The update runs in the event's own batch, so each event counts exactly once.
import { sql } from "drizzle-orm";
import type { OrderEventSubscriber } from "../orders/events";

const SIGN: Record<string, 1 | -1> = { pay: 1, pay_after_cancel: 1, cancel_paid: -1 };

export const productSalesSubscriber: OrderEventSubscriber = {
  name: "product-sales",
  kinds: Object.keys(SIGN),
  inTransaction(db, _env, event, order) {
    const sign = SIGN[event.kind];
    if (!sign) return [];
    return [
      db.run(sql`UPDATE products SET sales_count = max(0, sales_count + ${sign} * (
          SELECT coalesce(sum(i.quantity), 0) FROM order_items i
          WHERE i.order_id = ${order.id} AND i.product_id = products.id))
        WHERE id IN (SELECT product_id FROM order_items WHERE order_id = ${order.id})`),
    ];
  },
};
