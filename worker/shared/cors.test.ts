import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../env";
import { corsFor, corsFromEnv, isAllowedOrigin, parseOrigins } from "./cors";

describe("parseOrigins", () => {
  it("splits on commas, trims, and drops blanks", () => {
    expect(parseOrigins(" http://a.test , http://b.test,,")).toEqual(["http://a.test", "http://b.test"]);
    expect(parseOrigins(undefined)).toEqual([]);
    expect(parseOrigins("  ")).toEqual([]);
  });
});

describe("isAllowedOrigin", () => {
  it("allows listed origins exactly, or anything with *", () => {
    expect(isAllowedOrigin(["http://a.test"], "http://a.test")).toBe(true);
    expect(isAllowedOrigin(["http://a.test"], "http://a.test:8080")).toBe(false);
    expect(isAllowedOrigin([], "http://a.test")).toBe(false);
    expect(isAllowedOrigin(["*"], "https://any.example")).toBe(true);
  });
});

describe("CORS middleware", () => {
  const app = new Hono<AppEnv>().use("*", corsFromEnv).get("/x", (c) => c.text("ok"));
  const preflight = (origin: string, CORS_ORIGINS: string | undefined) =>
    app.request(
      "/x",
      { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } },
      { CORS_ORIGINS },
    );

  it("follows each request's CORS_ORIGINS", async () => {
    const ok = await preflight("http://a.test", "http://a.test");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://a.test");
    const other = await preflight("http://a.test", "http://b.test");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const none = await preflight("http://a.test", undefined);
    expect(none.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("builds the handler once per distinct CORS_ORIGINS value", () => {
    expect(corsFor("http://a.test")).toBe(corsFor("http://a.test"));
    expect(corsFor("http://a.test")).not.toBe(corsFor("http://b.test"));
    expect(corsFor(undefined)).toBe(corsFor(""));
  });
});
