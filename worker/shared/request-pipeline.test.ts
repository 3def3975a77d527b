/**
 * The request pipeline in a small Hono app built from the real parts (authenticate, the edge cache, the
 * app's error handler, the database and deps providers), in Node: which headers every kind of answer
 * gets, which steps run where, and that nothing is lost when a folded-in step throws. The composed app
 * over HTTP in workerd: worker/app.test.ts and the domains' tests.
 */
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { authenticate } from "../auth/middleware";
import { provideDeps } from "../composition";
import type { AppEnv } from "../env";
import { API_BODY_LIMIT_BYTES } from "./body-limit";
import { edgeCache } from "./edge-cache";
import { onError, provideDatabase } from "./middleware";
import { isApiPath, newRequestId, requestIdFor, requestPipeline } from "./request-pipeline";

const ORIGIN = "http://localhost:5173";
const env = {
  CORS_ORIGINS: ORIGIN,
  LIBSQL_URL: "http://127.0.0.1:1",
  EDGE_CACHE: "off",
} as AppEnv["Bindings"];

function testApp() {
  const app = new Hono<AppEnv>();
  const seen: string[] = [];
  app.use(
    "*",
    requestPipeline({
      fetch: (request, e, ctx) => app.fetch(request, e, ctx),
      onError,
      provide: (c) => {
        seen.push(`provide ${c.req.method} ${c.req.path}`);
        provideDatabase(c);
        provideDeps(c);
      },
      publicRead: edgeCache,
      authenticate,
    }),
  );
  app.onError(onError);
  app.get("/api/health", (c) => c.json({ ok: true, requestId: c.get("requestId"), hasDb: !!c.get("db") }));
  app.get("/api/products", (c) => c.json({ items: [], auth: c.get("auth") ?? null }));
  app.get("/api/own-cache", (c) =>
    c.json({}, 200, { "cache-control": "public, max-age=60", vary: "Accept" }),
  );
  app.patch("/api/things/:id", async (c) =>
    c.json({ method: c.req.method, id: c.req.param("id"), body: await c.req.json() }),
  );
  app.get("/api/redirect", () => Response.redirect("https://example.com/", 302));
  app.post("/api/echo", async (c) => c.json({ size: (await c.req.text()).length }));
  app.get("/api/admin/things", (c) => c.json({ ok: true }));
  app.get("/page", (c) => c.html("<p>hi</p>"));
  app.get("/api/page", (c) => c.html("<p>hi</p>", 200, { "content-security-policy": "default-src 'self'" }));
  return { app, seen };
}

const get = (app: Hono<AppEnv>, path: string, init: RequestInit = {}) => app.request(path, init, env);

describe("request ids", () => {
  it("keeps a well-formed caller id, replaces anything else, and makes distinct ones", () => {
    expect(requestIdFor("req-abc_123=")).toBe("req-abc_123=");
    for (const bad of [null, "", "has space", "x".repeat(256), "semi;colon"])
      expect(requestIdFor(bad)).toMatch(/^[0-9a-f]{16}-[0-9a-z]+$/);
    const ids = new Set(Array.from({ length: 1000 }, newRequestId));
    expect(ids.size).toBe(1000);
  });

  it("tells /api paths the way Hono's /api/* does", () => {
    expect(isApiPath("/api")).toBe(true);
    expect(isApiPath("/api/health")).toBe(true);
    expect(isApiPath("/apix")).toBe(false);
    expect(isApiPath("/agent")).toBe(false);
  });
});

describe("requestPipeline", () => {
  it("sets request id, CORS and private caching once on a route's JSON answer; no HTML headers", async () => {
    const { app } = testApp();
    const res = await get(app, "/api/health", { headers: { origin: ORIGIN, "x-request-id": "rid-1" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, requestId: "rid-1", hasDb: true });
    expect(res.headers.get("x-request-id")).toBe("rid-1");
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(res.headers.get("access-control-expose-headers")).toBe("x-request-id");
    expect(res.headers.get("vary")).toBe("Origin");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("content-security-policy")).toBeNull();
    expect(res.headers.get("x-content-type-options")).toBeNull();
  });

  it("leaves a route's own Cache-Control and appends to its Vary; other origins get no CORS origin", async () => {
    const { app } = testApp();
    const res = await get(app, "/api/own-cache", { headers: { origin: "https://evil.example" } });
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("vary")).toBe("Accept, Origin");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("public reads go through the edge cache without authentication or the private default", async () => {
    const { app } = testApp();
    const res = await get(app, "/api/products", { headers: { authorization: "Bearer not-a-token" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, no-cache");
    expect(res.headers.get("etag")).toBeTruthy();
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(res.headers.get("vary")).toBe("Origin");
  });

  it("answers a preflight on any /api path before routing, with the request id", async () => {
    const { app, seen } = testApp();
    const res = await get(app, "/api/no-such-route", {
      method: "OPTIONS",
      headers: { origin: ORIGIN, "access-control-request-method": "PATCH", "x-request-id": "pre-1" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(res.headers.get("access-control-allow-methods")).toContain("PATCH");
    expect(res.headers.get("x-request-id")).toBe("pre-1");
    expect(res.headers.get("cache-control")).toBeNull();
    expect(seen).toEqual([]);
  });

  it("an admin path without a principal is refused with every header; the guard does not cover /api/adminx", async () => {
    const { app } = testApp();
    const res = await get(app, "/api/admin/things", { headers: { origin: ORIGIN, "x-request-id": "adm-1" } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string; requestId: string } }).error).toMatchObject({
      requestId: "adm-1",
    });
    expect(res.headers.get("x-request-id")).toBe("adm-1");
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(res.headers.get("vary")).toBe("Origin");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect((await get(app, "/api/adminx")).status).toBe(404);
  });

  it("refuses a body over 256 KB with 413 in the error shape, headers included, before the route", async () => {
    const { app } = testApp();
    const res = await get(app, "/api/echo", {
      method: "POST",
      headers: { "content-type": "text/plain", "content-length": String(API_BODY_LIMIT_BYTES + 1) },
      body: "x".repeat(API_BODY_LIMIT_BYTES + 1),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(res.headers.get("access-control-expose-headers")).toBe("x-request-id");
    const ok = await get(app, "/api/echo", { method: "POST", body: "x".repeat(1000) });
    expect(await ok.json()).toEqual({ size: 1000 });
  });

  it("X-HTTP-Method-Override dispatches once more as the named method, with the same request id and one Vary", async () => {
    const { app, seen } = testApp();
    const res = await get(app, "/api/things/7", {
      method: "POST",
      headers: {
        origin: ORIGIN,
        "content-type": "application/json",
        "x-http-method-override": "PATCH",
        "x-request-id": "ovr-1",
      },
      body: JSON.stringify({ name: "彩电" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ method: "PATCH", id: "7", body: { name: "彩电" } });
    expect(res.headers.get("x-request-id")).toBe("ovr-1");
    expect(res.headers.get("vary")).toBe("Origin");
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    // The outer POST provides nothing: only the overridden request does.
    expect(seen).toEqual(["provide PATCH /api/things/7"]);
    // A generated id is passed on too.
    const generated = await get(app, "/api/things/8", {
      method: "POST",
      headers: { "content-type": "application/json", "x-http-method-override": "PATCH" },
      body: "{}",
    });
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f]{16}-/);
  });

  it("a response with immutable headers is answered as a copy that has them", async () => {
    const { app } = testApp();
    const res = await get(app, "/api/redirect", { headers: { "x-request-id": "imm-1" } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://example.com/");
    expect(res.headers.get("x-request-id")).toBe("imm-1");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("HTML answers get the security headers (a page's own CSP kept); outside /api no CORS, no db", async () => {
    const { app, seen } = testApp();
    const page = await get(app, "/page", { headers: { origin: ORIGIN } });
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.headers.get("x-request-id")).toBeTruthy();
    expect(page.headers.get("access-control-allow-origin")).toBeNull();
    expect(page.headers.get("cache-control")).toBeNull();
    expect(seen).toEqual([]);
    const apiPage = await get(app, "/api/page");
    expect(apiPage.headers.get("content-security-policy")).toBe("default-src 'self'");
    expect(apiPage.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const missing = await get(app, "/nowhere", { headers: { "x-request-id": "nf-1" } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-request-id")).toBe("nf-1");
  });
});
