/**
 * OrderTimer: one Durable Object per order (`idFromName("order:<order_no>")`) holding that order's
 * deadlines: auto-cancel while unpaid, auto-complete once shipped. Alarms are durable and retried,
 * so the deadline fires even if every worker isolate is gone; the handlers are idempotent (they
 * re-read the order), so an at-least-once alarm is safe. The cron sweep is the backstop.
 */
import { DurableObject } from "cloudflare:workers";
import { backgroundDeps } from "../worker/composition";
import type { Env } from "../worker/env";
import { autoCompleteOrder, expireOrder } from "../worker/orders/lifecycle";
import type { TimerKind } from "../worker/orders/timer-client";
import { createLogger } from "../worker/shared/log";

interface Timer {
  orderId: number;
  kind: TimerKind;
  at: number;
}

const RETRY_MS = 60_000;

export class OrderTimer extends DurableObject<Env> {
  async arm(orderId: number, kind: TimerKind, at: number): Promise<void> {
    await this.ctx.storage.put<Timer>(`timer:${kind}`, { orderId, kind, at });
    await this.scheduleNext();
  }

  override async alarm(): Promise<void> {
    const timers = await this.ctx.storage.list<Timer>({ prefix: "timer:" });
    const now = Date.now();
    const log = createLogger(this.env.LOG_LEVEL, { component: "order-timer" });
    const deps = backgroundDeps(this.env, (p) => this.ctx.waitUntil(p), log);
    for (const [key, t] of timers) {
      if (t.at > now) continue;
      try {
        if (t.kind === "cancel") await expireOrder(deps, t.orderId, now);
        else await autoCompleteOrder(deps, t.orderId, now);
        await this.ctx.storage.delete(key);
      } catch (err) {
        // Keep the timer and try again shortly (the gateway or the database may be briefly down).
        log.warn("order timer failed, retrying", { orderId: t.orderId, kind: t.kind, err: String(err) });
        await this.ctx.storage.put<Timer>(key, { ...t, at: now + RETRY_MS });
      }
    }
    await this.scheduleNext();
  }

  private async scheduleNext() {
    const timers = await this.ctx.storage.list<Timer>({ prefix: "timer:" });
    const next = Math.min(...[...timers.values()].map((t) => t.at));
    if (Number.isFinite(next)) await this.ctx.storage.setAlarm(next);
    else await this.ctx.storage.deleteAlarm();
  }
}
