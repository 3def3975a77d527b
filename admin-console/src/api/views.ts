/**
 * Bodies of admin routes the worker does not document yet (their OpenAPI entries answer `unknown`):
 * the merchant order views (orders/views.ts, viewer "merchant") and inventory (inventory/service.ts).
 * They are built on the generated schemas wherever one exists; when those routes get response schemas,
 * these become aliases of the generated types.
 */
import type { components } from "./openapi";

type S = components["schemas"];

export type OrderStatus = S["OrderStatus"];
export type CaseDetail = S["CaseDetail"];
export type CaseSummary = S["CaseSummary"];
export type Dashboard = S["Dashboard"];
export type Carrier = S["Carrier"];

/** A row of GET /api/admin/orders. */
export type AdminOrderRow = S["OrderListItem"] & {
  receiverName: string;
  receiverPhone: string;
  merchantRemark: string;
};
export interface AdminOrderPage {
  items: AdminOrderRow[];
  nextCursor: string | null;
}

export interface AdminPayment {
  method: string;
  methodLabel: string;
  channel: string;
  status: string;
  role: "order" | "extra" | "unpaid";
  amountFen: number;
  transactionId: string | null;
  refundedFen: number;
  createdAt: number;
}

/** GET /api/admin/orders/{id} (and the ship / remark / cancel answers). */
export type AdminOrderDetail = S["OrderDetail"] & {
  merchantRemark: string;
  shopperId: number;
  transactionId: string | null;
  payments: AdminPayment[];
};

/** A row of GET /api/admin/inventory/skus. */
export interface StockRow {
  skuId: number;
  skuCode: string;
  specs: Record<string, string>;
  active: boolean;
  productId: number;
  productName: string;
  onHand: number;
  reserved: number;
  available: number;
  sold: number;
  threshold: number | null;
  snapshotAt: number | null;
}
export interface StockPage {
  items: StockRow[];
  nextAfter: number | null;
}

export const ORDER_STATUS_TEXT: Record<OrderStatus, string> = {
  pending_payment: "待支付",
  paid: "待发货",
  shipped: "已发货",
  completed: "已完成",
  cancelled: "已取消",
};

/** One SKU's live stock from its counter (adjustment and threshold answers). */
export interface StockView {
  skuId: number;
  onHand: number;
  reserved: number;
  available: number;
  sold: number;
  threshold: number | null;
}

type ShipBody = NonNullable<
  import("./openapi").paths["/api/admin/orders/{id}/ship"]["post"]["requestBody"]
>["content"]["application/json"];
/** The carriers the ship route accepts (快递100 codes). */
export type CarrierCode = NonNullable<ShipBody["parcels"]>[number]["carrierCode"];
