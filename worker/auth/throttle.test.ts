/**
 * Staff login throttling: the window decision as a pure function, and over HTTP against the real
 * worker: of 50 parallel wrong passwords only the first ACCOUNT_LIMIT are evaluated (401), the rest
 * get 429 with Retry-After; per IP likewise; a success clears the account's count.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, staffToken, startStack } from "../../test/harness";
import { ACCOUNT_LIMIT, IP_LIMIT, LOGIN_WINDOW_MS, retryAfterSeconds } from "./throttle";

describe("retryAfterSeconds", () => {
  const now = 1_000_000_000;
  it("admits up to the limit and then waits for the window's end", () => {
    expect(retryAfterSeconds({ count: ACCOUNT_LIMIT, windowStart: now }, undefined, now)).toBe(0);
    expect(retryAfterSeconds({ count: ACCOUNT_LIMIT + 1, windowStart: now - 60_000 }, undefined, now)).toBe(
      (LOGIN_WINDOW_MS - 60_000) / 1000,
    );
    expect(
      retryAfterSeconds(
        { count: 1, windowStart: now },
        { count: IP_LIMIT + 1, windowStart: now - 1000 },
        now,
      ),
    ).toBe((LOGIN_WINDOW_MS - 1000) / 1000);
  });
});

describe("staff login over HTTP", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    await staffToken(stack, "agent", "throttled-agent");
    await staffToken(stack, "agent", "other-agent");
    await staffToken(stack, "agent", "forgetful-agent");
  });
  afterAll(() => stack?.close());

  // Every request names its client IP (as Cloudflare's edge does; Miniflare fills in 127.0.0.1), so
  // each test has its own IP budget.
  const login = (username: string, password: string, ip = "192.0.2.1") =>
    stack.fetch("/api/auth/staff-login", {
      method: "POST",
      json: { username, password },
      headers: { "cf-connecting-ip": ip },
    });

  it(`50 parallel wrong passwords: only ${ACCOUNT_LIMIT} are evaluated, the rest 429 with Retry-After`, async () => {
    const res = await Promise.all(
      Array.from({ length: 50 }, (_, i) => login("throttled-agent", `wrong-${i}`)),
    );
    expect(res.filter((r) => r.status === 401)).toHaveLength(ACCOUNT_LIMIT);
    const limited = res.filter((r) => r.status === 429);
    expect(limited).toHaveLength(50 - ACCOUNT_LIMIT);
    const retry = Number(limited[0]!.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(LOGIN_WINDOW_MS / 1000);
    const body = (await limited[0]!.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("TOO_MANY_ATTEMPTS");
    expect(body.error.message).toMatch(/分钟后再试/);
    // Even the right password waits now; other accounts are unaffected.
    expect((await login("throttled-agent", "test-password-123", "192.0.2.2")).status).toBe(429);
    expect((await login("other-agent", "test-password-123", "192.0.2.2")).status).toBe(200);
  });

  it("limits one client IP across accounts", async () => {
    const ip = "203.0.113.7";
    const res = await Promise.all(
      Array.from({ length: IP_LIMIT + 10 }, (_, i) => login(`nobody-${i % 7}-${i}`, "wrong", ip)),
    );
    expect(res.filter((r) => r.status === 401)).toHaveLength(IP_LIMIT);
    expect(res.filter((r) => r.status === 429)).toHaveLength(10);
    // Another IP still gets through.
    expect((await login("other-agent", "test-password-123", "203.0.113.8")).status).toBe(200);
  });

  it("a successful login clears the account's count", async () => {
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i++)
      expect((await login("forgetful-agent", "nope", "192.0.2.3")).status).toBe(401);
    expect((await login("forgetful-agent", "test-password-123", "192.0.2.3")).status).toBe(200);
    for (let i = 0; i < ACCOUNT_LIMIT; i++)
      expect((await login("forgetful-agent", "nope", "192.0.2.3")).status).toBe(401);
    expect((await login("forgetful-agent", "nope", "192.0.2.3")).status).toBe(429);
  });
});
