import type { ConsolePages } from "./types";

/** What shoppers write about products: reviews (and 问大家). */
export default [
  {
    path: "/reviews",
    name: "reviews",
    component: () => import("../pages/reviews/ReviewListPage.vue"),
    meta: { title: "评价管理", api: "/api/admin/reviews", menu: true, group: "商品" },
  },
  {
    path: "/questions",
    name: "questions",
    component: () => import("../pages/reviews/QuestionListPage.vue"),
    meta: { title: "问答管理", api: "/api/admin/questions", menu: true, group: "商品" },
  },
] satisfies ConsolePages;
