import type { ConsolePages } from "./types";

export default [
  {
    path: "/after-sales",
    name: "after-sales",
    component: () => import("../pages/after-sales/CaseListPage.vue"),
    meta: { title: "售后处理", api: "/api/admin/after-sales/cases", menu: true, group: "售后" },
  },
  {
    path: "/after-sales/:caseNo",
    name: "after-sales-case",
    component: () => import("../pages/after-sales/CaseDetailPage.vue"),
    meta: { title: "售后详情", api: "/api/admin/after-sales/cases/x", group: "售后" },
  },
] satisfies ConsolePages;
