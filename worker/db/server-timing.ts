import type { Context } from "hono";
import type { AppEnv } from "../env";
import { roundTripsOf } from "./client";

/**
 * `Server-Timing: libsql;desc="N round trips";dur=ms`: the libSQL round trips the request made before
 * its answer (what the caller waited for; work left to `waitUntil` comes after and is not in it).
 * Shows in the browser's network panel; the round-trip test and bench read it (bench/lib/round-trips.ts).
 * Undefined when the request made none.
 */
export function serverTimingOf(c: Context<AppEnv>): string | undefined {
  const trips = roundTripsOf(c.get("db"));
  if (!trips?.count) return undefined;
  return `libsql;desc="${trips.count} round trip${trips.count === 1 ? "" : "s"}";dur=${trips.ms}`;
}
