import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { requireSignedIn } from "./auth";
import { validationHook } from "./validation";

/**
 * Every domain's router. A route documented with `security: bearer` demands a signed-in caller before
 * its request is validated (401 first, never a 400 that tells an anonymous caller about the input);
 * routes that also serve anonymous visitors declare `optionalBearer`. Which kind of caller (shopper,
 * staff role) stays the route's or its middleware's business.
 */
export function createRouter() {
  const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const register = router.openapi.bind(router);
  router.openapi = ((route: Parameters<typeof register>[0], ...rest: unknown[]) =>
    // biome-ignore lint/suspicious/noExplicitAny: forwards the handler and hook unchanged
    (register as any)(requiresSignIn(route) ? withSignIn(route) : route, ...rest)) as typeof router.openapi;
  return router;
}

type RouteConfig = { security?: Record<string, string[]>[]; middleware?: unknown };

/** Signed-in is required when every alternative names bearerAuth (`{}` would mean "or anonymous"). */
export const requiresSignIn = (route: RouteConfig) =>
  !!route.security?.length && route.security.every((s) => "bearerAuth" in s);

function withSignIn<R extends RouteConfig>(route: R): R {
  const own = route.middleware === undefined ? [] : [route.middleware].flat();
  return { ...route, middleware: [requireSignedIn, ...own] };
}

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
/** Anonymous callers are served too; a token adds the caller's own state (claimed, cart…). */
export const optionalBearer: Record<string, string[]>[] = [{}, { bearerAuth: [] }];

/** `{ ok: true }`: the answer of actions that return nothing else (`c.json({ ok: true })` types `ok` as boolean). */
export const OkResponse = z.object({ ok: z.boolean().openapi({ description: "总是 true" }) }).openapi("Ok");
