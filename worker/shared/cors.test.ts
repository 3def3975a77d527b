import { describe, expect, it } from "vitest";
import { corsPolicy, isAllowedOrigin, parseOrigins } from "./cors";

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

describe("corsPolicy", () => {
  it("answers a preflight with the methods and headers the API takes, the origin only when allowed", () => {
    const ok = corsPolicy("http://a.test").preflight("http://a.test", "rid-1");
    expect(ok.status).toBe(204);
    expect(Object.fromEntries(ok.headers)).toEqual({
      "access-control-allow-origin": "http://a.test",
      "access-control-allow-headers":
        "authorization,content-type,idempotency-key,x-request-id,x-http-method-override",
      "access-control-allow-methods": "GET,POST,PUT,PATCH,DELETE,OPTIONS",
      "access-control-expose-headers": "x-request-id",
      "access-control-max-age": "600",
      vary: "Origin, Access-Control-Request-Headers",
      "x-request-id": "rid-1",
    });
    const other = corsPolicy("http://b.test").preflight("http://a.test", "rid-2");
    expect(other.status).toBe(204);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(
      corsPolicy(undefined).preflight("http://a.test", "rid-3").headers.get("access-control-allow-origin"),
    ).toBeNull();
    expect(corsPolicy("*").preflight(null, "rid-4").headers.get("access-control-allow-origin")).toBeNull();
  });

  it("adds the allowed origin, the exposed request id and Vary: Origin to an answer", () => {
    const headers = new Headers({ vary: "Accept-Encoding" });
    corsPolicy("*").apply(headers, "https://any.example");
    expect(headers.get("access-control-allow-origin")).toBe("https://any.example");
    expect(headers.get("access-control-expose-headers")).toBe("x-request-id");
    expect(headers.get("vary")).toBe("Accept-Encoding, Origin");
    const plain = new Headers();
    corsPolicy("http://a.test").apply(plain, null);
    expect(plain.get("access-control-allow-origin")).toBeNull();
    expect(plain.get("vary")).toBe("Origin");
  });

  it("builds the policy once per distinct CORS_ORIGINS value", () => {
    expect(corsPolicy("http://a.test")).toBe(corsPolicy("http://a.test"));
    expect(corsPolicy("http://a.test")).not.toBe(corsPolicy("http://b.test"));
    expect(corsPolicy(undefined)).toBe(corsPolicy(""));
  });
});
