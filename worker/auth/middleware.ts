import type { MiddlewareHandler } from "hono";
import { readAheadOf } from "../db/client";
import type { AppEnv } from "../env";
import { bearerToken, readTokenClaims } from "../shared/auth";
import { checkSessionAhead, isSessionActive, sessionEnded } from "./sessions";

/**
 * Reads the bearer token if present: a valid access token of an open session signs the request in;
 * anything else (expired, forged, revoked, a refresh token, a token from before sessions) is treated
 * as anonymous, and the route decides whether that is allowed.
 *
 * The session check (is it still open?) costs a read, remembered 30 s per isolate. On a read (GET or
 * HEAD, not a WebSocket upgrade) it rides ahead of the route's first read instead of a round trip of its
 * own (db/read-ahead.ts): the route runs as the token's principal, nothing else reaches the database
 * before the answer is known, and a closed session turns the whole answer into a 401, whatever the route
 * read. Writes are checked first.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = bearerToken(c.req.header("authorization"));
  const claims = token ? await readTokenClaims(token, c.env.SESSION_SECRET) : undefined;
  if (claims?.use !== "access" || claims.sid === undefined) {
    c.set("auth", undefined);
    c.set("sessionId", undefined);
    return next();
  }
  const db = c.get("db");
  const method = c.req.method;
  const ahead =
    (method === "GET" || method === "HEAD") && !c.req.header("upgrade")
      ? checkSessionAhead(db, claims.sid)
      : undefined;
  const active = ahead ? true : await isSessionActive(db, claims.sid);
  c.set("auth", active ? claims.principal : undefined);
  c.set("sessionId", active ? claims.sid : undefined);
  if (!ahead) return next();
  await next();
  // A route that made no read leaves the check queued: it runs now, on its own.
  await readAheadOf(db)?.flush();
  if (!(await ahead)) throw sessionEnded();
};
