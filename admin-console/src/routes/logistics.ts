import type { ConsolePages } from "./types";

export default [
  {
    path: "/logistics/freight-templates",
    name: "freight-templates",
    component: () => import("../pages/logistics/FreightTemplatePage.vue"),
    meta: { title: "运费模板", api: "/api/admin/logistics/freight-templates", menu: true, group: "物流" },
  },
  {
    path: "/logistics/delivery-rules",
    name: "delivery-rules",
    component: () => import("../pages/logistics/DeliveryRulesPage.vue"),
    meta: { title: "配送时效", api: "/api/admin/logistics/delivery-rules", menu: true, group: "物流" },
  },
  {
    path: "/logistics/installation",
    name: "installation-services",
    component: () => import("../pages/logistics/InstallationServicesPage.vue"),
    meta: { title: "安装服务", api: "/api/admin/installation/services", menu: true, group: "物流" },
  },
  // The stock ledger sits with the stock page in 商品 (routes/catalog.ts is another domain's file).
  {
    path: "/stock/ledger",
    name: "stock-ledger",
    component: () => import("../pages/stock/LedgerPage.vue"),
    meta: { title: "库存流水", api: "/api/admin/inventory/skus/1/ledger", menu: true, group: "商品" },
  },
] satisfies ConsolePages;
