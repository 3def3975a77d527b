import { OpenAPIHono } from "@hono/zod-openapi";
import { addressRoutes } from "./addresses/routes";
import { caseAdminRoutes } from "./after-sales/cases/admin-routes";
import { caseRoutes } from "./after-sales/cases/routes";
import { priceProtectionRoutes } from "./after-sales/price-protection/routes";
import { repairAdminRoutes } from "./after-sales/repair/admin-routes";
import { repairRoutes } from "./after-sales/repair/routes";
import { technicianRepairRoutes } from "./after-sales/repair/technician-routes";
import { afterSalesRoutes } from "./after-sales/routes";
import { chatAdminRoutes } from "./agent/admin-routes";
import { agentConsole, agentRoutes } from "./agent/routes";
import { authenticate } from "./auth/middleware";
import { authRoutes, staffAdminRoutes } from "./auth/routes";
import { cartRoutes } from "./cart/routes";
import { catalogAdminRoutes } from "./catalog/admin-routes";
import { restockRoutes } from "./catalog/restock-routes";
import { catalogRoutes } from "./catalog/routes";
import { chatRoutes } from "./chat/routes";
import { checkoutRoutes } from "./checkout/routes";
import { compareRoutes } from "./compare/routes";
import { provideDeps } from "./composition";
import { dashboardAdminRoutes } from "./dashboard/routes";
import type { AppEnv } from "./env";
import { faqAdminRoutes, faqRoutes } from "./faq/routes";
import { favoriteRoutes } from "./favorites/routes";
import { flashSaleAdminRoutes } from "./flash-sales/routes";
import { growthAdminRoutes } from "./growth/admin-routes";
import { growthRoutes } from "./growth/routes";
import { installationAdminRoutes } from "./installation/admin-routes";
import { installerRoutes } from "./installation/installer-routes";
import { installationRoutes } from "./installation/routes";
import { inventoryAdminRoutes } from "./inventory/routes";
import { invoiceAdminRoutes } from "./invoices/admin-routes";
import { invoiceRoutes } from "./invoices/routes";
import { logisticsAdminRoutes } from "./logistics/admin-routes";
import { freightAdminRoutes } from "./logistics/freight-routes";
import { logisticsRoutes } from "./logistics/routes";
import { couponAdminRoutes } from "./marketing/coupon-admin-routes";
import { couponRoutes } from "./marketing/coupon-routes";
import { promotionAdminRoutes, promotionRoutes } from "./marketing/promotion-routes";
import { memberAdminRoutes, memberRoutes } from "./members/routes";
import { notificationRoutes } from "./notifications/routes";
import { orderAdminRoutes } from "./orders/admin-routes";
import { orderRoutes } from "./orders/routes";
import { chargeRoutes } from "./payments/charge-routes";
import { paymentNotifyRoutes } from "./payments/routes";
import { questionAdminRoutes } from "./questions/admin-routes";
import { questionRoutes } from "./questions/routes";
import { recommendationRoutes } from "./recommendations/routes";
import { reviewAdminRoutes } from "./reviews/admin-routes";
import { reviewRoutes } from "./reviews/routes";
import { toBase64Url } from "./shared/base64url";
import { docsCsp, docsPage } from "./shared/docs-page";
import { edgeCache } from "./shared/edge-cache";
import { MemoRouter } from "./shared/memo-router";
import { notFoundJson, onError, provideDatabase } from "./shared/middleware";
import { documentPlainRoutes } from "./shared/plain-routes-doc";
import { requestPipeline } from "./shared/request-pipeline";
import { validationHook } from "./shared/validation";
import { sweepRoutes } from "./sweep";
import { tradeInAdminRoutes, tradeInRoutes } from "./trade-in/routes";

/**
 * The header of the OpenAPI 3.1 document served at /api/openapi.json. dev/api-types.ts builds the same
 * document in Node (createApp().getOpenAPI31Document) to generate the mini program's API types.
 */
export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "家电商城 API",
    version: "0.1.0",
    description: "jiadian-mall: 金额单位为分，时间为 UTC 毫秒",
  },
};

/** The composition root: cross-cutting middleware, then one router per domain. */
export function createApp() {
  // MemoRouter: ~900 routes fall back to TrieRouter; its per-request search is remembered per path.
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook, router: new MemoRouter() });

  // One layer for what every request needs (shared/request-pipeline.ts): request id; security headers on
  // HTML pages (/agent, /api/docs); and on /api/*: CORS, the 256 KB body limit (uploads and imports have
  // their own, shared/body-limit.ts), X-HTTP-Method-Override (wx.request cannot send PATCH), the database
  // and order deps, then either the edge cache for the store's public reads (catalog, home: from the
  // Workers Cache API with ETag / 304, answered without the caller's identity so nothing shopper-specific
  // can be cached, shared/edge-cache.ts) or authentication, and for every admin route, whichever domain
  // mounts it, the role table in shared/admin-guard.ts.
  app.use(
    "*",
    requestPipeline({
      fetch: (request, env, ctx) => app.fetch(request, env, ctx),
      onError,
      provide: (c) => {
        provideDatabase(c);
        provideDeps(c);
      },
      publicRead: edgeCache,
      authenticate,
    }),
  );

  app.route("/api", authRoutes);
  app.route("/api", catalogRoutes);
  app.route("/api", restockRoutes);
  app.route("/api/admin", catalogAdminRoutes);
  app.route("/api", faqRoutes);
  app.route("/api/admin", faqAdminRoutes);
  app.route("/api", afterSalesRoutes);
  app.route("/api", caseRoutes);
  app.route("/api/admin", caseAdminRoutes);
  app.route("/api", cartRoutes);
  app.route("/api", addressRoutes);
  app.route("/api", checkoutRoutes);
  app.route("/api", orderRoutes);
  app.route("/api/admin", orderAdminRoutes);
  app.route("/api/admin", staffAdminRoutes);
  app.route("/api/admin", dashboardAdminRoutes);
  app.route("/api/admin", sweepRoutes);
  app.route("/api", notificationRoutes);
  app.route("/api", paymentNotifyRoutes);
  app.route("/api", chargeRoutes);
  app.route("/api", chatRoutes);
  app.route("/api", agentRoutes);
  app.route("/api/admin", chatAdminRoutes);
  app.route("/api/admin", inventoryAdminRoutes);
  app.route("/api/admin", flashSaleAdminRoutes);
  app.route("/api", installationRoutes);
  app.route("/api", installerRoutes);
  app.route("/api/admin", installationAdminRoutes);
  app.route("/api", repairRoutes);
  app.route("/api", technicianRepairRoutes);
  app.route("/api/admin", repairAdminRoutes);
  app.route("/api/admin", freightAdminRoutes);
  app.route("/api", logisticsRoutes);
  app.route("/api/admin", logisticsAdminRoutes);
  app.route("/api", couponRoutes);
  app.route("/api/admin", couponAdminRoutes);
  app.route("/api", memberRoutes);
  app.route("/api/admin", memberAdminRoutes);
  app.route("/api", promotionRoutes);
  app.route("/api/admin", promotionAdminRoutes);
  app.route("/api", priceProtectionRoutes);
  app.route("/api", tradeInRoutes);
  app.route("/api/admin", tradeInAdminRoutes);
  app.route("/api", growthRoutes);
  app.route("/api/admin", growthAdminRoutes);
  app.route("/api", invoiceRoutes);
  app.route("/api/admin", invoiceAdminRoutes);
  app.route("/api", favoriteRoutes);
  app.route("/api", recommendationRoutes);
  app.route("/api", compareRoutes);
  app.route("/api", reviewRoutes);
  app.route("/api/admin", reviewAdminRoutes);
  app.route("/api", questionRoutes);
  app.route("/api/admin", questionAdminRoutes);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer" });
  // Plain handlers (binary bodies, WebSockets, gateway callbacks, these pages) have their entries here.
  documentPlainRoutes(app);
  app.doc31("/api/openapi.json", OPENAPI_DOCUMENT);
  app.get("/api/docs", (c) => {
    const nonce = toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
    c.header("content-security-policy", docsCsp(nonce));
    return c.html(docsPage("/api/openapi.json", nonce));
  });
  app.get("/api/health", (c) => c.json({ ok: true }));
  app.get("/agent", agentConsole);

  app.notFound(notFoundJson);
  app.onError(onError);
  return app;
}
