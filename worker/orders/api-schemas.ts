import { z } from "@hono/zod-openapi";
import { AdjustmentSchema, DeliveryPromiseSchema } from "../checkout/api-schemas";
import { ClientPayParamsSchema, RefundViewSchema } from "../payments/api-schemas";
import { ORDER_STATUSES } from "./state-machine";

/**
 * Response schemas of the shopper's orders API (/api/orders/*): what views.ts (itemView, summaryView,
 * listRowView, orderDetail for the "shopper" viewer) and queries.ts build. Documentation and the mini
 * program's generated types; TypeScript checks the handlers' c.json(...) against them. The merchant's
 * extra fields (/api/admin/orders) are not described here.
 */

const fen = z.number().int().openapi({ description: "金额（分）" });
const epochMs = z.number().int().openapi({ description: "UTC 毫秒" });

export const OrderStatusSchema = z
  .enum(ORDER_STATUSES)
  .openapi("OrderStatus", { description: "待支付 / 待发货 / 已发货 / 已完成 / 已取消" });

/** A snapshot of what was bought: name, spec, price and image as they were at the time. */
export const OrderItemSchema = z
  .object({
    id: z.number().int().openapi({ description: "订单商品 id（保修查询用）" }),
    skuId: z.number().int(),
    productId: z.number().int(),
    name: z.string(),
    specs: z.record(z.string(), z.string()),
    imageUrl: z.string().nullable(),
    unitPriceFen: fen,
    quantity: z.number().int(),
    lineTotalFen: fen,
    payableFen: fen.openapi({ description: "本行分摊运费和优惠后实付（分）" }),
  })
  .openapi("OrderItem");

const summaryFields = {
  id: z.number().int(),
  orderNo: z.string(),
  status: OrderStatusSchema,
  statusText: z.string().openapi({ description: "给顾客看的状态，如 待付款" }),
  itemsTotalFen: fen,
  shippingFen: fen,
  discountFen: fen,
  payableFen: fen,
  payDeadline: epochMs.nullable().openapi({ description: "待支付订单的支付截止时间" }),
  createdAt: epochMs,
};

/** A row of GET /api/orders. */
export const OrderListItemSchema = z
  .object({ ...summaryFields, itemCount: z.number().int(), items: z.array(OrderItemSchema) })
  .openapi("OrderListItem");

export const OrderPageSchema = z
  .object({ items: z.array(OrderListItemSchema), nextCursor: z.string().nullable() })
  .openapi("OrderPage");

export const OrderCountsSchema = z
  .object({ unpaid: z.number().int(), to_ship: z.number().int(), to_receive: z.number().int() })
  .openapi("OrderCounts", { description: "我的订单角标：待付款 / 待发货 / 待收货" });

export const TimelineEntrySchema = z
  .object({
    kind: z
      .string()
      .openapi({ description: "动作（pay、cancel、ship…）或记录（created、payment_started…）" }),
    fromStatus: OrderStatusSchema.nullable(),
    toStatus: OrderStatusSchema.nullable(),
    toStatusText: z.string().nullable(),
    actor: z.enum(["shopper", "merchant", "system", "gateway"]),
    actorText: z.string(),
    reason: z.string(),
    at: epochMs,
  })
  .openapi("TimelineEntry");

export const OrderDetailSchema = z
  .object({
    ...summaryFields,
    items: z.array(OrderItemSchema),
    adjustments: z.array(AdjustmentSchema),
    address: z
      .object({
        receiverName: z.string(),
        phone: z.string(),
        province: z.string(),
        city: z.string(),
        district: z.string(),
        detail: z.string(),
      })
      .openapi("AddressSnapshot"),
    deliveryPromise: DeliveryPromiseSchema.nullable().openapi({ description: "下单时承诺的预计送达" }),
    shopperRemark: z.string(),
    paymentMethod: z.string().nullable().openapi({ description: "wechat / alipay" }),
    paidAt: epochMs.nullable(),
    carrier: z.string().nullable(),
    trackingNo: z.string().nullable(),
    shippedAt: epochMs.nullable(),
    autoCompleteAt: epochMs.nullable().openapi({ description: "已发货订单的自动确认收货时间" }),
    completedAt: epochMs.nullable(),
    cancelledAt: epochMs.nullable(),
    cancelReason: z.string().nullable(),
    actions: z
      .array(z.string())
      .openapi({ description: "顾客现在可以做的操作，如 cancel、pay、confirm_receipt" }),
    timeline: z.array(TimelineEntrySchema),
    refunds: z.array(RefundViewSchema),
    refundedFen: fen.openapi({ description: "已退款（分）" }),
    refundingFen: fen.openapi({ description: "退款处理中（分）" }),
  })
  .openapi("OrderDetail");

export const StartPaymentSchema = z
  .object({ orderNo: z.string(), payableFen: fen, payDeadline: epochMs, payment: ClientPayParamsSchema })
  .openapi("StartPaymentResult");
