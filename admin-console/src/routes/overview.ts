import type { ConsolePages } from "./types";

export default [
  {
    path: "/dashboard",
    name: "dashboard",
    component: () => import("../pages/DashboardPage.vue"),
    meta: { title: "经营概况", api: "/api/admin/dashboard", menu: true, group: "概况" },
  },
] satisfies ConsolePages;
