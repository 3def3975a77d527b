import type { ConsolePages } from "./types";

export default [
  {
    path: "/orders",
    name: "orders",
    component: () => import("../pages/orders/OrderListPage.vue"),
    meta: { title: "订单管理", api: "/api/admin/orders", menu: true, group: "交易" },
  },
  {
    path: "/orders/:id(\\d+)",
    name: "order",
    component: () => import("../pages/orders/OrderDetailPage.vue"),
    meta: { title: "订单详情", api: "/api/admin/orders/1", group: "交易" },
  },
  {
    path: "/invoices",
    name: "invoices",
    component: () => import("../pages/invoices/InvoiceListPage.vue"),
    meta: { title: "发票管理", api: "/api/admin/invoices", menu: true, group: "交易" },
  },
] satisfies ConsolePages;
