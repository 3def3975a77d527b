import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { bearerToken, readTokenClaims } from "../shared/auth";
import { isSessionActive } from "./sessions";

/**
 * Reads the bearer token if present: a valid access token of an open session signs the request in;
 * anything else (expired, forged, revoked, a refresh token, a token from before sessions) is treated
 * as anonymous, and the route decides whether that is allowed.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = bearerToken(c.req.header("authorization"));
  const claims = token ? await readTokenClaims(token, c.env.SESSION_SECRET) : undefined;
  const active =
    claims?.use === "access" && claims.sid !== undefined && (await isSessionActive(c.get("db"), claims.sid));
  c.set("auth", active ? claims.principal : undefined);
  c.set("sessionId", active ? claims.sid : undefined);
  await next();
};
