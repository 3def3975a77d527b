import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../env";
import { adminGuard, allowedRoles } from "./admin-guard";
import type { Principal } from "./auth";
import { onError } from "./middleware";

const both = ["merchant_admin", "operations", "agent"];
const merchant = ["merchant_admin"];
const merchantOrOps = ["merchant_admin", "operations"];

describe("allowedRoles", () => {
  it("lets agents read orders", () => {
    for (const path of ["/api/admin/orders", "/api/admin/orders/42", "/api/admin/orders/"])
      expect(allowedRoles(path), path).toEqual(both);
  });

  it("keeps order changes and exports for merchants and operations (the sweep for merchants)", () => {
    for (const path of [
      "/api/admin/orders/export.csv",
      "/api/admin/orders/42/ship",
      "/api/admin/orders/42/remark",
      "/api/admin/orders/42/cancel",
    ])
      expect(allowedRoles(path), path).toEqual(merchantOrOps);
    expect(allowedRoles("/api/admin/orders/sweep")).toEqual(merchant);
  });

  it("gives operations stock and the dashboard, but not prices or the catalog", () => {
    for (const path of [
      "/api/admin/dashboard",
      "/api/admin/inventory/skus",
      "/api/admin/inventory/skus/3/adjustments",
    ])
      expect(allowedRoles(path), path).toEqual(merchantOrOps);
    for (const path of [
      "/api/admin/products/7",
      "/api/admin/promotions",
      "/api/admin/coupons",
      "/api/admin/categories",
    ])
      expect(allowedRoles(path), path).not.toContain("operations");
  });

  it("lets agents read after-sales cases but keeps the decisions for merchants", () => {
    for (const path of [
      "/api/admin/after-sales/cases",
      "/api/admin/after-sales/cases/AS20261206120000123456",
    ])
      expect(allowedRoles(path), path).toEqual(both);
    for (const action of ["approve", "refuse", "receive", "ship-exchange"])
      expect(allowedRoles(`/api/admin/after-sales/cases/AS20261206120000123456/${action}`), action).toEqual(
        merchantOrOps,
      );
    expect(allowedRoles("/api/admin/after-sales/categories/3/no-reason-return")).toEqual(merchant);
  });

  it("gives every other admin area, and any unknown one, to merchants only", () => {
    for (const path of [
      "/api/admin/categories",
      "/api/admin/products/7/status",
      "/api/admin/images",
      "/api/admin/banners/3",
      "/api/admin/home/recommendations",
      "/api/admin/faq/5",
      "/api/admin/chat/agents",
      "/api/admin/chat/csat-report",
      "/api/admin/shop-settings",
      "/api/admin/something-new",
      "/api/admin/ordersx", // a prefix only counts on a segment boundary
      "/api/admin",
    ])
      expect(allowedRoles(path), path).toEqual(merchant);
  });

  it("answers the same for a path asked again, also after more distinct paths than it remembers", () => {
    const first = allowedRoles("/api/admin/orders/1/ship");
    for (let i = 0; i < 2500; i++) allowedRoles(`/api/admin/orders/${i}`);
    expect(allowedRoles("/api/admin/orders/1/ship")).toEqual(first);
    expect(allowedRoles("/api/admin/orders/2499")).toContain("agent");
    expect(allowedRoles("/api/admin/orders/2499/ship")).not.toContain("agent");
  });
});

describe("adminGuard", () => {
  const statusFor = async (path: string, auth: Principal | undefined) => {
    const app = new Hono<AppEnv>()
      .use("*", async (c, next) => {
        c.set("auth", auth);
        await next();
      })
      .use("/api/admin/*", adminGuard)
      .get("*", (c) => c.json({ ok: true }));
    app.onError(onError);
    return (await app.request(path)).status;
  };
  const shopper: Principal = { kind: "shopper", id: 1, nickname: "小王" };
  const agent: Principal = { kind: "staff", id: 2, role: "agent", name: "客服" };
  const admin: Principal = { kind: "staff", id: 3, role: "merchant_admin", name: "店长" };

  it("answers 401 without a login and 403 for a shopper or the wrong staff role", async () => {
    expect(await statusFor("/api/admin/orders", undefined)).toBe(401);
    expect(await statusFor("/api/admin/orders", shopper)).toBe(403);
    expect(await statusFor("/api/admin/products", agent)).toBe(403);
    expect(await statusFor("/api/admin/orders/1/ship", agent)).toBe(403);
  });

  it("lets the allowed roles through", async () => {
    expect(await statusFor("/api/admin/orders/1", agent)).toBe(200);
    expect(await statusFor("/api/admin/products", admin)).toBe(200);
    expect(await statusFor("/api/admin/orders/1/ship", admin)).toBe(200);
  });
});
