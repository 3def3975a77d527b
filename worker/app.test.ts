/** Cross-cutting behaviour of the composed app, through workerd over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, shopperToken, staffToken, startStack } from "../test/harness";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ vars: { CORS_ORIGINS: "http://localhost:5173" } });
}, 90_000);
afterAll(() => stack?.close());

describe("app", () => {
  it("serves an OpenAPI 3.1 document listing every domain, and an offline docs page", async () => {
    const spec = (await (await stack.fetch("/api/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(spec.openapi).toBe("3.1.0");
    for (const path of ["/api/products", "/api/admin/products", "/api/auth/staff-login"])
      expect(spec.paths).toHaveProperty([path]);
    const page = await stack.fetch("/api/docs");
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).not.toMatch(/https?:\/\//);
  });

  it("answers CORS preflight for the H5 dev origin only", async () => {
    const preflight = (origin: string) =>
      stack.fetch("/api/products", {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type",
        },
      });
    const ok = await preflight("http://localhost:5173");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(ok.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    const evil = await preflight("https://evil.example");
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("honours X-HTTP-Method-Override on POST (wx.request has no PATCH)", async () => {
    const token = await staffToken(stack, "merchant_admin");
    const created = await stack.fetch("/api/admin/categories", {
      method: "POST",
      token,
      json: { name: "电视" },
    });
    const { id } = (await created.json()) as { id: number };
    const plainPost = await stack.fetch(`/api/admin/categories/${id}`, {
      method: "POST",
      token,
      json: { name: "彩电" },
    });
    expect(plainPost.status).toBe(404);
    const asPut = await stack.fetch(`/api/admin/categories/${id}`, {
      method: "POST",
      token,
      headers: { "x-http-method-override": "PUT" },
      json: { name: "彩电" },
    });
    expect(asPut.status).toBe(200);
    expect(((await asPut.json()) as { name: string }).name).toBe("彩电");
  });

  it("guards every /api/admin route centrally: login, then the role the admin guard table allows", async () => {
    const [shopper, agent, merchant] = await Promise.all([
      shopperToken(stack, "越权顾客"),
      staffToken(stack, "agent"),
      staffToken(stack, "merchant_admin"),
    ]);
    const status = async (path: string, token?: string) => (await stack.fetch(path, { token })).status;
    expect(await status("/api/admin/chat/agents")).toBe(401);
    expect(await status("/api/admin/chat/agents", shopper)).toBe(403);
    expect(await status("/api/admin/chat/agents", agent)).toBe(403);
    expect(await status("/api/admin/chat/agents", merchant)).toBe(200);
    expect(await status("/api/admin/orders", shopper)).toBe(403);
    expect(await status("/api/admin/orders", agent)).toBe(200);
    expect(await status("/api/admin/orders", merchant)).toBe(200);
    expect(await status("/api/admin/orders/export.csv", agent)).toBe(403);
    // A route nobody has written yet is denied to agents before it can exist: merchant admins only.
    expect(await status("/api/admin/not-yet-a-route")).toBe(401);
    expect(await status("/api/admin/not-yet-a-route", agent)).toBe(403);
    expect(await status("/api/admin/not-yet-a-route", merchant)).toBe(404);
  });

  it("returns JSON errors with a request id for unknown routes", async () => {
    const res = await stack.fetch("/api/nope", { headers: { "x-request-id": "req-abc-123" } });
    expect(res.status).toBe(404);
    expect(res.headers.get("x-request-id")).toBe("req-abc-123");
    expect(await res.json()).toEqual({
      error: { code: "NOT_FOUND", message: "接口不存在", requestId: "req-abc-123" },
    });
  });
});
