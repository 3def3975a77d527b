// Delivers notifications to the merchant's notify_url the way the gateways do: POST, judge the reply,
// retry on a schedule. Each attempt is built afresh, so WeChat retries carry fresh timestamps.
import { oneShotFetch } from "../one-shot-fetch";
import type { SimMethod } from "./state";

export interface OutboundNotification {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface DeliveryAttempt {
  atMs: number;
  status: number;
  body: string;
  error?: string;
  acknowledged: boolean;
  /** The merchant's Server-Timing header, if it sent one (the round-trip bench reads it). */
  serverTiming?: string;
}

export interface Delivery {
  id: number;
  method: SimMethod;
  kind: "payment" | "refund";
  outTradeNo: string;
  outRefundNo?: string;
  url: string;
  attempts: DeliveryAttempt[];
  acknowledged: boolean;
  done: boolean;
  /** Exactly what was sent last, for byte-identical duplicates. */
  last?: OutboundNotification;
}

/** Real retry schedules (ms after the previous attempt). */
export const REAL_RETRY_DELAYS_MS: Record<SimMethod, number[]> = {
  wechat: [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600].map(
    (s) => s * 1000,
  ),
  alipay: [240, 600, 600, 3600, 7200, 21600, 54000].map((s) => s * 1000),
};

/** WeChat wants any 2xx; Alipay wants the exact body `success`. */
export function isAcknowledged(method: SimMethod, status: number, body: string): boolean {
  return method === "wechat" ? status >= 200 && status < 300 : status === 200 && body === "success";
}

export class Notifier {
  readonly deliveries: Delivery[] = [];
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private closed = false;

  constructor(
    private readonly opts: {
      /** Multiplies the real schedule ("sim time"); 0.001 turns 15 s into 15 ms. */
      timeScale: number;
      /** Total attempts per notification, first one included. */
      maxAttempts: number;
      now: () => number;
    },
  ) {}

  /** Starts delivery; `settled` resolves once acknowledged or out of attempts. */
  deliver(
    meta: Pick<Delivery, "method" | "kind" | "outTradeNo" | "outRefundNo">,
    build: () => OutboundNotification,
  ): { delivery: Delivery; settled: Promise<Delivery> } {
    const first = build();
    const delivery: Delivery = {
      id: this.deliveries.length + 1,
      ...meta,
      url: first.url,
      attempts: [],
      acknowledged: false,
      done: false,
    };
    this.deliveries.push(delivery);
    const delays = REAL_RETRY_DELAYS_MS[meta.method];
    const settled = new Promise<Delivery>((resolve) => {
      const attempt = async (n: OutboundNotification, index: number) => {
        const result = await this.send(meta.method, n);
        delivery.attempts.push(result);
        delivery.last = n;
        if (result.acknowledged || index + 1 >= this.opts.maxAttempts || this.closed) {
          delivery.acknowledged = result.acknowledged;
          delivery.done = true;
          resolve(delivery);
          return;
        }
        const timer = setTimeout(
          () => {
            this.timers.delete(timer);
            void attempt(build(), index + 1);
          },
          Math.round((delays[index] ?? delays.at(-1) ?? 0) * this.opts.timeScale),
        );
        this.timers.add(timer);
      };
      void attempt(first, 0);
    });
    return { delivery, settled };
  }

  /** One POST, no retries (replays and tampered variants). */
  async send(method: SimMethod, n: OutboundNotification): Promise<DeliveryAttempt> {
    const atMs = this.opts.now();
    try {
      const res = await oneShotFetch(n.url, {
        method: "POST",
        headers: n.headers,
        body: n.body,
        redirect: "manual",
        signal: AbortSignal.timeout(10_000),
      });
      const body = await res.text();
      const serverTiming = res.headers.get("server-timing") ?? undefined;
      return {
        atMs,
        status: res.status,
        body,
        acknowledged: isAcknowledged(method, res.status, body),
        ...(serverTiming ? { serverTiming } : {}),
      };
    } catch (e) {
      return {
        atMs,
        status: 0,
        body: "",
        error: e instanceof Error ? e.message : String(e),
        acknowledged: false,
      };
    }
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
