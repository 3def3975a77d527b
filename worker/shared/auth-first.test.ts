/**
 * Authentication before validation: every route the OpenAPI document marks as needing a bearer token
 * answers 401 to an anonymous caller whatever the input (empty body, non-numeric ids), so an
 * anonymous caller learns nothing about the input; routes marked optionalBearer answer anonymously.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "../../dev/api-types";
import { type Stack, startStack } from "../../test/harness";
import { requiresSignIn } from "./router";

type Operation = { security?: Record<string, string[]>[] };
const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ path, method, op })),
);
const withBogusParams = (path: string) => path.replace(/\{[^}]+\}/g, "abc");

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

describe("authentication before validation", () => {
  const guarded = operations.filter((o) => requiresSignIn(o.op));

  it("the document has guarded routes to check", () => {
    expect(guarded.length).toBeGreaterThan(100);
  });

  it("the two routes the hostile suite found answer 401, not 400", async () => {
    const read = await stack.fetch("/api/notifications/read", { method: "POST", json: {} });
    expect(read.status).toBe(401);
    const messages = await stack.fetch("/api/chat/conversations/abc/messages");
    expect(messages.status).toBe(401);
  });

  it("every guarded route answers 401 UNAUTHORIZED without a token or with a forged one", async () => {
    const wrong: string[] = [];
    for (const { path, method } of guarded) {
      for (const token of [undefined, "forged.token.value"]) {
        const res = await stack.fetch(withBogusParams(path), {
          method: method.toUpperCase(),
          token,
          ...(method === "get" || method === "delete" ? {} : { json: {} }),
        });
        const body = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
        if (res.status !== 401 || body.error?.code !== "UNAUTHORIZED")
          wrong.push(`${method} ${path} (${token ? "forged" : "none"}): ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("routes for anonymous visitors too (optionalBearer) do not demand a token", async () => {
    const open = operations.filter((o) => o.op.security?.some((s) => Object.keys(s).length === 0));
    expect(open.map((o) => o.path)).toContain("/api/coupons/centre");
    const res = await stack.fetch("/api/coupons/centre");
    expect(res.status).toBe(200);
  });
});
