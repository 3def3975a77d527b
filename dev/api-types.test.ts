/** CI drift guard: the checked-in mini program API types are what the worker's OpenAPI document says. */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { ADMIN_API_TYPES_FILE, API_TYPES_FILE, generateApiTypes } from "./api-types";

describe("miniprogram-uni/src/api/openapi.d.ts", () => {
  it("is up to date with the worker's routes and response schemas (npm run api:types)", async () => {
    const checkedIn = await readFile(API_TYPES_FILE, "utf8");
    const generated = await generateApiTypes();
    // Not toBe: a 4,000-line diff helps nobody. The message says what to run.
    expect(checkedIn === generated, "openapi.d.ts is stale: run `npm run api:types` and commit it").toBe(
      true,
    );
  });
});

describe("admin-console/src/api/openapi.d.ts", () => {
  it("is the same generated text as the mini program's (npm run api:types)", async () => {
    const checkedIn = await readFile(ADMIN_API_TYPES_FILE, "utf8");
    expect(checkedIn === (await generateApiTypes()), "run `npm run api:types` and commit it").toBe(true);
  });
});
