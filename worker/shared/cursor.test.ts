/**
 * Keyset cursors: a forged cursor holding a non-finite number (JSON's 1e999 parses to Infinity) or a
 * wrong shape is a 400 INVALID_CURSOR on every paginated list, never a 500.
 */
import { z } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, shopperToken, staffToken, startStack } from "../../test/harness";
import { toBase64Url } from "./base64url";
import { cursorInt, decodeCursor, encodeCursor } from "./cursor";
import { AppError } from "./errors";

const raw = (json: string) => toBase64Url(new TextEncoder().encode(json));

describe("decodeCursor", () => {
  const shape = z.object({ t: cursorInt, id: cursorInt });

  it("round-trips what encodeCursor made", () => {
    expect(decodeCursor(encodeCursor({ t: 1_700_000_000_000, id: 7 }), shape)).toEqual({
      t: 1_700_000_000_000,
      id: 7,
    });
  });

  it.each([
    ['{"t":1e999,"id":1}'],
    ['{"t":-1e999,"id":1}'],
    ['{"t":1,"id":1e999}'],
    ['{"t":1.5,"id":1}'],
    ['{"t":"1","id":1}'],
    ["1e999"],
    ["null"],
    ["not json"],
  ])("refuses %s with 400 INVALID_CURSOR", (json) => {
    try {
      decodeCursor(raw(json), shape);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(400);
      expect((err as AppError).code).toBe("INVALID_CURSOR");
    }
  });

  it("refuses a bare non-finite id", () => {
    expect(() => decodeCursor(raw("1e999"), cursorInt)).toThrow(AppError);
    expect(decodeCursor(raw("42"), cursorInt)).toBe(42);
  });
});

describe("every paginated list over HTTP", () => {
  let stack: Stack;
  let shopper: string;
  let admin: string;
  beforeAll(async () => {
    stack = await startStack();
    shopper = await shopperToken(stack, "游标买家");
    admin = await staffToken(stack, "merchant_admin");
  });
  afterAll(() => stack?.close());

  const forged = [
    raw('{"t":1e999,"id":1}'),
    raw('{"t":1,"id":-1e999}'),
    raw("1e999"),
    raw('{"sort":"newest","value":1e999,"id":1}'),
    "%%%",
  ];

  it.each([
    ["/api/orders", "shopper"],
    ["/api/admin/orders", "admin"],
    ["/api/notifications", "shopper"],
    ["/api/notifications", "admin"],
    ["/api/products", "shopper"],
  ])("%s (%s) answers 400 INVALID_CURSOR", async (path, who) => {
    for (const cursor of forged) {
      const res = await stack.fetch(`${path}?cursor=${encodeURIComponent(cursor)}`, {
        token: who === "admin" ? admin : shopper,
      });
      const body = (await res.json()) as { error?: { code: string } };
      expect(res.status, `${path} ${cursor} ${JSON.stringify(body)}`).toBe(400);
      expect(body.error?.code).toBe("INVALID_CURSOR");
    }
  });

  it("a cursor the server made still pages", async () => {
    const res = await stack.fetch(`/api/notifications?cursor=${encodeCursor(1_000_000)}`, { token: shopper });
    expect(res.status).toBe(200);
  });
});
