import type { Env } from "../env";

export type TimerKind = "cancel" | "complete";

/** The typed client of an order's OrderTimer object (one per order, named by its order number). */
export function orderTimer(env: Pick<Env, "ORDER_TIMER">, orderNo: string) {
  const stub = env.ORDER_TIMER.get(env.ORDER_TIMER.idFromName(`order:${orderNo}`));
  return {
    /** Sets (or moves) the order's deadline of this kind; re-arming the same deadline is harmless. */
    arm: (orderId: number, kind: TimerKind, at: number) => stub.arm(orderId, kind, at),
  };
}
