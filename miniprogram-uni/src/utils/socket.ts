import { chatTicket } from "@/api/chat";
import { API_BASE } from "./config";
import { PING_FRAME } from "../../../worker/chat/protocol";

/** ws(s):// URL for an API path: same origin on H5 by default, else the configured API base. */
export function wsUrl(path: string): string {
  if (API_BASE) return API_BASE.replace(/^http/, "ws") + path;
  // #ifdef H5
  return `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}${path}`;
  // #endif
  // The mini program cannot use relative URLs: VITE_API_BASE must be set for mp-weixin builds.
  return path;
}

export interface LiveSocketOptions<In> {
  /** Path without query, e.g. /api/chat/conversations/7/ws. */
  path: string;
  as: "shopper" | "staff";
  /** Extra query (e.g. after=<lastId>), evaluated at every (re)connect. */
  query?: () => Record<string, string | number>;
  onFrame: (frame: In) => void;
  onState?: (state: "connecting" | "open" | "closed") => void;
  /** Server close codes after which we must not reconnect (e.g. 4003: no longer assigned). */
  finalCodes?: number[];
  onFinal?: (code: number) => void;
}

/**
 * A WebSocket that reconnects with backoff and keeps alive with the runtime-answered ping frame.
 * Each (re)connect fetches a fresh ticket, so an expired one never blocks reconnection.
 */
export class LiveSocket<In, Out> {
  private task: UniApp.SocketTask | null = null;
  private stopped = false;
  private attempt = 0;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private open = false;

  constructor(private readonly opts: LiveSocketOptions<In>) {}

  start() {
    this.stopped = false;
    void this.connect();
  }

  get connected() {
    return this.open;
  }

  send(frame: Out): boolean {
    if (!this.task || !this.open) return false;
    this.task.send({ data: JSON.stringify(frame) });
    return true;
  }

  stop() {
    this.stopped = true;
    clearInterval(this.pingTimer);
    clearTimeout(this.retryTimer);
    this.task?.close({ code: 1000 });
    this.task = null;
    this.open = false;
  }

  private async connect() {
    if (this.stopped) return;
    this.opts.onState?.("connecting");
    let ticket: string;
    try {
      ticket = (await chatTicket(this.opts.as)).ticket;
    } catch {
      return this.retry();
    }
    if (this.stopped) return;
    const query = { ticket, ...(this.opts.query?.() ?? {}) };
    const qs = Object.entries(query)
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join("&");
    const task = uni.connectSocket({ url: `${wsUrl(this.opts.path)}?${qs}`, complete: () => undefined });
    this.task = task;
    task.onOpen(() => {
      this.open = true;
      this.attempt = 0;
      this.opts.onState?.("open");
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => task.send({ data: PING_FRAME }), 25_000);
    });
    task.onMessage((e) => {
      try {
        this.opts.onFrame(JSON.parse(String(e.data)) as In);
      } catch {
        // A malformed frame is ignored; the server never sends one.
      }
    });
    task.onClose((e: { code?: number }) => {
      if (this.task !== task) return;
      this.open = false;
      clearInterval(this.pingTimer);
      this.opts.onState?.("closed");
      const code = e?.code ?? 1006;
      if (this.opts.finalCodes?.includes(code)) {
        this.stopped = true;
        this.opts.onFinal?.(code);
        return;
      }
      this.retry();
    });
    task.onError(() => undefined); // onClose follows and schedules the retry
  }

  private retry() {
    if (this.stopped) return;
    const delay = Math.min(10_000, 1000 * 2 ** this.attempt++);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }
}
