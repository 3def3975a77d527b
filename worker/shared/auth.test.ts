import { describe, expect, it } from "vitest";
import { bearerToken, issueToken, readToken } from "./auth";

const SECRET = "test-secret-test-secret-test-secret!";

describe("session tokens", () => {
  it("round-trips a shopper and a staff principal", async () => {
    const shopper = await issueToken({ kind: "shopper", id: 7, nickname: "小王" }, SECRET);
    expect(await readToken(shopper, SECRET)).toEqual({ kind: "shopper", id: 7, nickname: "小王" });
    const staff = await issueToken({ kind: "staff", id: 1, role: "agent", name: "客服1" }, SECRET);
    expect(await readToken(staff, SECRET)).toMatchObject({ kind: "staff", role: "agent" });
  });

  it("rejects a token signed with another secret, and an expired one", async () => {
    const t = await issueToken({ kind: "shopper", id: 7, nickname: "x" }, SECRET);
    expect(await readToken(t, `${SECRET}x`)).toBeUndefined();
    const old = await issueToken(
      { kind: "shopper", id: 7, nickname: "x" },
      SECRET,
      Date.now() - 40 * 86400_000,
    );
    expect(await readToken(old, SECRET)).toBeUndefined();
  });

  it("parses bearer headers strictly", () => {
    expect(bearerToken("Bearer abc.def")).toBe("abc.def");
    expect(bearerToken("Basic abc")).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
