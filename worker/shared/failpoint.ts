// Failpoints for crash tests: a named point in a flow where a test can make the request stop dead, as
// if the runtime had been killed there. Off unless the FAILPOINTS var names the point (never set in
// wrangler.toml or production); the test then kills and restarts the runtime around the stuck request.
import type { Env } from "../env";

export type FailpointName = "checkout_after_reserve";

/** Never returns when `name` is armed in FAILPOINTS (comma-separated); returns at once otherwise. */
export async function failpoint(env: Pick<Env, "FAILPOINTS">, name: FailpointName): Promise<void> {
  if (!env.FAILPOINTS?.split(",").includes(name)) return;
  await new Promise<never>(() => {});
}
