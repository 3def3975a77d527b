import type { Env } from "../env";

/** The typed client of a group's GroupBuy object (one per group, named by its group number). */
export function groupBuyObject(env: Pick<Env, "GROUP_BUY">, groupNo: string) {
  return env.GROUP_BUY.get(env.GROUP_BUY.idFromName(`group:${groupNo}`));
}
