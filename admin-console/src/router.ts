import { createRouter, createWebHashHistory, type RouteRecordRaw } from "vue-router";
import { roleMay } from "./auth/access";
import { session } from "./auth/session";

declare module "vue-router" {
  interface RouteMeta {
    /** Menu title (and document title). */
    title?: string;
    /** The /api/admin path the page needs: its menu entry shows only to roles the API lets in. */
    api?: string;
    /** Shown in the side menu. */
    menu?: boolean;
  }
}

/** Pages load on demand (one chunk each), so the login page and the shell stay small. */
export const pages: RouteRecordRaw[] = [
  {
    path: "/dashboard",
    name: "dashboard",
    component: () => import("./pages/DashboardPage.vue"),
    meta: { title: "经营概况", api: "/api/admin/dashboard", menu: true },
  },
  {
    path: "/orders",
    name: "orders",
    component: () => import("./pages/orders/OrderListPage.vue"),
    meta: { title: "订单管理", api: "/api/admin/orders", menu: true },
  },
  {
    path: "/orders/:id(\\d+)",
    name: "order",
    component: () => import("./pages/orders/OrderDetailPage.vue"),
    meta: { title: "订单详情", api: "/api/admin/orders/1" },
  },
  {
    path: "/stock",
    name: "stock",
    component: () => import("./pages/stock/StockPage.vue"),
    meta: { title: "库存管理", api: "/api/admin/inventory/skus", menu: true },
  },
  {
    path: "/after-sales",
    name: "after-sales",
    component: () => import("./pages/after-sales/CaseListPage.vue"),
    meta: { title: "售后处理", api: "/api/admin/after-sales/cases", menu: true },
  },
  {
    path: "/after-sales/:caseNo",
    name: "after-sales-case",
    component: () => import("./pages/after-sales/CaseDetailPage.vue"),
    meta: { title: "售后详情", api: "/api/admin/after-sales/cases/x" },
  },
  {
    path: "/products",
    name: "products",
    component: () => import("./pages/catalog/ProductListPage.vue"),
    meta: { title: "商品管理", api: "/api/admin/products", menu: true },
  },
];

/** The pages this role may open, in menu order. */
export const pagesFor = (role: string | undefined) =>
  pages.filter((p) => roleMay(role as never, p.meta?.api ?? ""));

export const router = createRouter({
  // Hash routing: the worker serves /admin/index.html and its assets; no server-side fallback needed.
  history: createWebHashHistory(),
  routes: [
    {
      path: "/login",
      name: "login",
      component: () => import("./pages/LoginPage.vue"),
      meta: { title: "登录" },
    },
    {
      path: "/",
      component: () => import("./layouts/ConsoleLayout.vue"),
      children: [
        { path: "", name: "home", component: () => import("./pages/HomePage.vue"), meta: { title: "首页" } },
        ...pages,
      ],
    },
    { path: "/:rest(.*)*", redirect: "/" },
  ],
});

router.beforeEach((to) => {
  const role = session.current?.staff.role;
  if (to.name === "login") return role ? { name: "home" } : true;
  if (!role) return { name: "login", query: to.fullPath === "/" ? {} : { redirect: to.fullPath } };
  // A page this role may not use: go to the first one it may (HomePage explains when there is none).
  if (to.meta.api && !roleMay(role, to.meta.api)) return { name: "home" };
  if (to.name === "home") {
    const first = pagesFor(role).find((p) => p.meta?.menu);
    if (first) return { name: first.name as string };
  }
  return true;
});

router.afterEach((to) => {
  document.title = `${to.meta.title ?? ""} · 家电商城商家后台`;
});
