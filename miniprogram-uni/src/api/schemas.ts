/**
 * Names for the worker's API types. Everything here comes from openapi.d.ts, which `npm run api:types`
 * generates from the worker's OpenAPI document (the response schemas in worker/<domain>/api-schemas.ts).
 * Never hand-copy a response shape into the mini program: add or fix the schema in the worker instead.
 */
import type { components, paths } from "./openapi";

/** A named component of the API, e.g. Schema<"ProductDetail">. */
export type Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];

type Method = "get" | "post" | "put" | "patch" | "delete";

/** The JSON body a route accepts, e.g. RequestBody<"/api/addresses", "post">. */
export type RequestBody<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;

/** A route's query parameters, e.g. QueryParams<"/api/products", "get">. */
export type QueryParams<P extends keyof paths, M extends Method> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;
