import type { RouteRecordRaw } from "vue-router";
import type { StaffRole } from "../auth/session";

/** The side menu's sections, in order; a page names its section in `meta.group`. */
export const MENU_GROUPS = ["概况", "商品", "交易", "售后", "营销", "客服", "物流", "设置"] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

declare module "vue-router" {
  interface RouteMeta {
    /** Menu title (and document title). */
    title?: string;
    /** The /api/admin path the page needs: its menu entry shows only to roles the API lets in. */
    api?: string;
    /**
     * Who may open the page when its API is outside /api/admin (e.g. the workbench on /api/agent/*,
     * which keeps its own role checks): overrides the rule table for `api`.
     */
    roles?: readonly StaffRole[];
    /** Shown in the side menu. */
    menu?: boolean;
    /** The menu section (default 概况). */
    group?: MenuGroup;
  }
}

export type ConsolePages = RouteRecordRaw[];
