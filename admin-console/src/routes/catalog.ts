import type { ConsolePages } from "./types";

export default [
  {
    path: "/products",
    name: "products",
    component: () => import("../pages/catalog/ProductListPage.vue"),
    meta: { title: "商品管理", api: "/api/admin/products", menu: true, group: "商品" },
  },
  {
    path: "/stock",
    name: "stock",
    component: () => import("../pages/stock/StockPage.vue"),
    meta: { title: "库存管理", api: "/api/admin/inventory/skus", menu: true, group: "商品" },
  },
] satisfies ConsolePages;
