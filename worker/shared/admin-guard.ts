/**
 * Who may call /api/admin/*: one table for every domain's admin routes, enforced by one middleware
 * in the composition root, so a new admin route is protected without remembering a guard.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import type { Principal, StaffRole } from "./auth";
import { forbidden, unauthorized } from "./errors";

const MERCHANT: readonly StaffRole[] = ["merchant_admin"];
const MERCHANT_OR_AGENT: readonly StaffRole[] = ["merchant_admin", "agent"];
/** Operations staff run fulfilment (orders, stock, after-sales) but never change prices or the catalog. */
const MERCHANT_OR_OPS: readonly StaffRole[] = ["merchant_admin", "operations"];
const MERCHANT_OPS_OR_AGENT: readonly StaffRole[] = ["merchant_admin", "operations", "agent"];

export interface AdminRule {
  /** Covers this path and everything below it; a "*" segment matches any one segment (an id). */
  path: string;
  roles: readonly StaffRole[];
}

/**
 * The first matching rule wins, so specific rules come before the general ones. Anything not listed
 * (catalog, inventory, FAQ, chat agents and CSAT, shop settings, any future admin route) is
 * merchant_admin only.
 */
export const ADMIN_RULES: readonly AdminRule[] = [
  // Agents look orders up for shoppers; merchants and operations export, ship, annotate and cancel; merchants sweep.
  { path: "/api/admin/orders/export.csv", roles: MERCHANT_OR_OPS },
  { path: "/api/admin/orders/sweep", roles: MERCHANT },
  { path: "/api/admin/orders/*/ship", roles: MERCHANT_OR_OPS },
  { path: "/api/admin/orders/*/remark", roles: MERCHANT_OR_OPS },
  { path: "/api/admin/orders/*/cancel", roles: MERCHANT_OR_OPS },
  { path: "/api/admin/orders", roles: MERCHANT_OPS_OR_AGENT },
  // The console's home page (sales figures and to-dos): not for agents.
  { path: "/api/admin/dashboard", roles: MERCHANT_OR_OPS },
  // Issuing invoices is back-office work, like shipping.
  { path: "/api/admin/invoices", roles: MERCHANT_OR_OPS },
  // Stock levels, adjustments and thresholds are fulfilment work; prices stay in the catalog (merchants).
  { path: "/api/admin/inventory", roles: MERCHANT_OR_OPS },
  // Where a shopper's parcels are is what agents are asked most; the parcel view is read-only.
  { path: "/api/admin/logistics/orders", roles: MERCHANT_OPS_OR_AGENT },
  // Agents read after-sales cases to answer shoppers; only merchants decide, receive and ship.
  { path: "/api/admin/after-sales/cases/*/approve", roles: MERCHANT_OR_OPS },
  { path: "/api/admin/after-sales/cases/*/refuse", roles: MERCHANT_OR_OPS },
  { path: "/api/admin/after-sales/cases/*/receive", roles: MERCHANT_OR_OPS },
  { path: "/api/admin/after-sales/cases/*/ship-exchange", roles: MERCHANT_OR_OPS },
  { path: "/api/admin/after-sales/cases", roles: MERCHANT_OPS_OR_AGENT },
  // Agents open repair work orders from a chat, follow them and assign technicians; product
  // registrations (/api/admin/after-sales/registrations) are reviewed by merchants only (the default).
  { path: "/api/admin/after-sales/repairs", roles: MERCHANT_OR_AGENT },
  { path: "/api/admin/after-sales/technicians", roles: MERCHANT_OR_AGENT },
];

/** Deny by default: an admin path no rule mentions needs a merchant admin. */
export const DEFAULT_ADMIN_ROLES = MERCHANT;

const segments = (path: string) => path.split("/").filter(Boolean);

function covers(rule: string[], path: string[]): boolean {
  return rule.length <= path.length && rule.every((seg, i) => seg === "*" || seg === path[i]);
}

// Split once per isolate, not on every admin request (it showed in the request path's profile).
const RULES = ADMIN_RULES.map((rule) => ({ segments: segments(rule.path), roles: rule.roles }));

// The answer per path, remembered (bounded): an admin request otherwise splits its path and walks the
// rules every time (it showed in the reservation path's profile).
const rolesByPath = new Map<string, readonly StaffRole[]>();
const ROLES_BY_PATH_MAX = 1000;

/** The staff roles allowed on an /api/admin path (the request path, without query). */
export function allowedRoles(path: string): readonly StaffRole[] {
  let roles = rolesByPath.get(path);
  if (!roles) {
    const parts = segments(path);
    roles = RULES.find((rule) => covers(rule.segments, parts))?.roles ?? DEFAULT_ADMIN_ROLES;
    if (rolesByPath.size >= ROLES_BY_PATH_MAX) rolesByPath.clear();
    rolesByPath.set(path, roles);
  }
  return roles;
}

/** Whether a path is under /api/admin (what Hono's "/api/admin/*" matches: the prefix itself too). */
export const isAdminPath = (path: string) => path === "/api/admin" || path.startsWith("/api/admin/");

/** No principal → 401; a shopper, or staff in the wrong role → 403 (thrown as AppError). */
export function checkAdminAccess(auth: Principal | undefined, path: string): void {
  if (!auth) throw unauthorized();
  if (auth.kind !== "staff" || !allowedRoles(path).includes(auth.role)) throw forbidden();
}

/**
 * The same check as a middleware for /api/admin/* (the app runs checkAdminAccess from its request
 * pipeline, shared/request-pipeline.ts).
 */
export const adminGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  checkAdminAccess(c.get("auth"), c.req.path);
  await next();
};
