/**
 * The OpenAPI document is complete: every route the Hono app answers (walked from app.routes, plain
 * handlers and WebSockets included) has an entry in /api/openapi.json, and every entry is a route.
 */
import { describe, expect, it } from "vitest";
import { createApp, OPENAPI_DOCUMENT } from "../app";

/** `/orders/:id`, `/orders/{id}` and a trailing `/*` (the rest of the path) all become `{}`. */
const shape = (path: string) =>
  path
    .replace(/\{[^}]+\}/g, "{}")
    .replace(/:[A-Za-z_][\w]*/g, "{}")
    .replace(/\/\*$/, "/{}");

describe("route coverage of /api/openapi.json", () => {
  const app = createApp();
  const doc = app.getOpenAPI31Document(OPENAPI_DOCUMENT) as unknown as {
    paths: Record<string, Record<string, unknown>>;
  };
  const documented = new Set(
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${shape(path)}`),
    ),
  );
  // Middleware registrations (app.use) show up as method ALL; they are not endpoints.
  const routes = new Set(
    app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${shape(r.path)}`),
  );

  it("documents every route the app has", () => {
    expect([...routes].filter((r) => !documented.has(r)).sort()).toEqual([]);
  });

  it("documents no route the app lacks", () => {
    expect([...documented].filter((d) => !routes.has(d)).sort()).toEqual([]);
  });

  it("describes the WebSocket frame protocols", () => {
    const ws = doc.paths["/api/chat/conversations/{id}/ws"]?.get as { description?: string };
    expect(ws.description).toMatch(/"message"/);
    expect(ws.description).toMatch(/"ready"/);
    const lobby = doc.paths["/api/agent/lobby/ws"]?.get as { description?: string };
    expect(lobby.description).toMatch(/"claim"/);
  });

  it("would notice a new undocumented route", () => {
    app.get("/api/some-new-thing", (c) => c.text("x"));
    const now = app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${shape(r.path)}`);
    expect(now.filter((r) => !documented.has(r))).toEqual(["GET /api/some-new-thing"]);
  });
});
