import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { validationHook } from "./validation";

export const createRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/**
 * A JSON response entry for createRoute. With a schema (register it with `.openapi("Name")` to make it
 * a named component) the body is documented, the mini program's generated types describe it
 * (`npm run api:types`), and TypeScript checks the handler's `c.json(...)` against it. Responses are
 * not validated at runtime. Without a schema the body is undocumented (`unknown` for clients).
 */
export const jsonOk = <S extends z.ZodType = z.ZodAny>(description: string, schema?: S) => ({
  200: { description, content: { "application/json": { schema: schema ?? (z.any() as z.ZodType as S) } } },
});
export const jsonCreated = <S extends z.ZodType = z.ZodAny>(description: string, schema?: S) => ({
  201: { description, content: { "application/json": { schema: schema ?? (z.any() as z.ZodType as S) } } },
});
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});
export const bearer = [{ bearerAuth: [] }];

/** `{ ok: true }`: the answer of actions that return nothing else (`c.json({ ok: true })` types `ok` as boolean). */
export const OkResponse = z.object({ ok: z.boolean().openapi({ description: "总是 true" }) }).openapi("Ok");
