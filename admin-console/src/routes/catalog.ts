import type { ConsolePages } from "./types";

export default [
  {
    path: "/products",
    name: "products",
    component: () => import("../pages/catalog/ProductListPage.vue"),
    meta: { title: "商品管理", api: "/api/admin/products", menu: true, group: "商品" },
  },
  {
    path: "/products/new",
    name: "product-new",
    component: () => import("../pages/catalog/ProductEditPage.vue"),
    meta: { title: "新建商品", api: "/api/admin/products", group: "商品" },
  },
  {
    path: "/products/:id(\\d+)/edit",
    name: "product-edit",
    component: () => import("../pages/catalog/ProductEditPage.vue"),
    meta: { title: "编辑商品", api: "/api/admin/products/1", group: "商品" },
  },
  {
    path: "/categories",
    name: "categories",
    component: () => import("../pages/catalog/CategoriesPage.vue"),
    meta: { title: "分类与属性", api: "/api/admin/categories", menu: true, group: "商品" },
  },
  {
    path: "/products/import",
    name: "product-import",
    component: () => import("../pages/catalog/ImportPage.vue"),
    meta: { title: "批量导入", api: "/api/admin/products/import", menu: true, group: "商品" },
  },
  {
    path: "/home-layout",
    name: "home-layout",
    component: () => import("../pages/catalog/BannersPage.vue"),
    meta: { title: "首页装修", api: "/api/admin/banners", menu: true, group: "商品" },
  },
  {
    path: "/stock",
    name: "stock",
    component: () => import("../pages/stock/StockPage.vue"),
    meta: { title: "库存管理", api: "/api/admin/inventory/skus", menu: true, group: "商品" },
  },
] satisfies ConsolePages;
