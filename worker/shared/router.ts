import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { validationHook } from "./validation";

export const createRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/** A JSON response entry for createRoute; bodies are documented by their request schemas and README. */
export const jsonOk = (description: string) => ({
  200: { description, content: { "application/json": { schema: z.any() } } },
});
export const jsonCreated = (description: string) => ({
  201: { description, content: { "application/json": { schema: z.any() } } },
});
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});
export const bearer = [{ bearerAuth: [] }];
