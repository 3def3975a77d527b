import type { ConsolePages } from "./types";

/**
 * 客服: the agents' workbench (the /api/agent/* API admits agents only, so the page names its role),
 * canned replies (agents keep their own, merchant admins the shared ones), and for merchant admins the
 * FAQ with its 试一试 box, agent accounts and capacity, and the satisfaction report.
 */
export default [
  {
    path: "/service/workbench",
    name: "service-workbench",
    component: () => import("../pages/service/WorkbenchPage.vue"),
    meta: { title: "客服工作台", api: "/api/agent/queue", roles: ["agent"], menu: true, group: "客服" },
  },
  {
    path: "/service/canned",
    name: "service-canned",
    component: () => import("../pages/service/CannedRepliesPage.vue"),
    meta: {
      title: "快捷回复",
      api: "/api/agent/canned-replies",
      roles: ["agent", "merchant_admin"],
      menu: true,
      group: "客服",
    },
  },
  {
    path: "/service/faq",
    name: "service-faq",
    component: () => import("../pages/service/FaqPage.vue"),
    meta: { title: "常见问题 FAQ", api: "/api/admin/faq", menu: true, group: "客服" },
  },
  {
    path: "/service/agents",
    name: "service-agents",
    component: () => import("../pages/service/AgentsPage.vue"),
    meta: { title: "客服与接待上限", api: "/api/admin/chat/agents", menu: true, group: "客服" },
  },
  {
    path: "/service/csat",
    name: "service-csat",
    component: () => import("../pages/service/CsatPage.vue"),
    meta: { title: "满意度报表", api: "/api/admin/chat/csat-report", menu: true, group: "客服" },
  },
] satisfies ConsolePages;
