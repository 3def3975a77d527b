import type { ConsolePages } from "./types";

/** 营销 (merchant admins only: every /api/admin/marketing, group-buy, flash-sale, member and referral path). */
export default [
  {
    path: "/marketing/coupons",
    name: "coupons",
    component: () => import("../pages/marketing/CouponListPage.vue"),
    meta: { title: "优惠券", api: "/api/admin/marketing/coupons", menu: true, group: "营销" },
  },
  {
    path: "/marketing/promotions",
    name: "promotions",
    component: () => import("../pages/marketing/PromotionListPage.vue"),
    meta: { title: "促销活动", api: "/api/admin/marketing/promotions", menu: true, group: "营销" },
  },
  {
    path: "/marketing/group-buys",
    name: "group-buys",
    component: () => import("../pages/marketing/GroupBuyListPage.vue"),
    meta: { title: "拼团", api: "/api/admin/group-buys", menu: true, group: "营销" },
  },
  {
    path: "/marketing/flash-sales",
    name: "flash-sales",
    component: () => import("../pages/marketing/FlashSalePage.vue"),
    meta: { title: "秒杀", api: "/api/admin/flash-sales", menu: true, group: "营销" },
  },
  {
    path: "/marketing/members",
    name: "member-settings",
    component: () => import("../pages/marketing/MemberSettingsPage.vue"),
    meta: { title: "积分与会员等级", api: "/api/admin/members/settings", menu: true, group: "营销" },
  },
  {
    path: "/marketing/referrals",
    name: "referral-settings",
    component: () => import("../pages/marketing/ReferralSettingsPage.vue"),
    meta: { title: "老带新", api: "/api/admin/referrals/settings", menu: true, group: "营销" },
  },
  {
    path: "/marketing/trade-in",
    name: "trade-in-valuations",
    component: () => import("../pages/marketing/TradeInValuationPage.vue"),
    meta: { title: "以旧换新估价", api: "/api/admin/trade-in/valuations", menu: true, group: "营销" },
  },
] satisfies ConsolePages;
