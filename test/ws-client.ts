/**
 * Test helper: a real WebSocket client (the `ws` package) against the worker running in workerd, with
 * a buffer of received JSON frames to wait on. Waits time out only to fail a test instead of hanging.
 */
import WebSocket from "ws";

const WAIT_MS = 15_000;

// biome-ignore lint/suspicious/noExplicitAny: frames are checked by the tests that read them
export type Frame = { type: string } & Record<string, any>;

export class TestSocket {
  readonly frames: Frame[] = [];
  closed: { code: number; reason: string } | undefined;
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      this.frames.push(JSON.parse(String(data)) as Frame);
      this.wake();
    });
    ws.on("close", (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.wake();
    });
  }

  /** Connects; rejects with `HTTP <status> <body>` when the handshake is refused. */
  static open(url: string, headers: Record<string, string> = {}): Promise<TestSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const socket = new TestSocket(ws);
      ws.once("open", () => resolve(socket));
      ws.once("unexpected-response", (_req, res) => {
        let body = "";
        res.on("data", (c: Buffer) => {
          body += String(c);
        });
        res.on("end", () => reject(new Error(`HTTP ${res.statusCode} ${body}`)));
      });
      ws.once("error", reject);
    });
  }

  private wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** The first frame (from index `from` on) that matches; waits for it. */
  async waitFor(match: (f: Frame) => boolean, what = "frame", from = 0): Promise<Frame> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = this.frames.slice(from).find(match);
      if (found) return found;
      if (this.closed) throw new Error(`socket closed (${this.closed.code}) before ${what}`);
      if (Date.now() > deadline)
        throw new Error(
          `no ${what} within ${WAIT_MS} ms; got ${JSON.stringify(this.frames.map((f) => f.type))}`,
        );
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** A stored message whose text matches. */
  message(match: (text: string, f: Frame) => boolean, what = "message", from = 0) {
    return this.waitFor((f) => f.type === "message" && match(f.message.text as string, f), what, from);
  }

  /**
   * Waits for the server's close frame. `ws` emits "close" only once the TCP connection ends, which
   * the local proxy may delay; the frame's code is already known when the closing handshake starts.
   */
  async waitClosed(): Promise<{ code: number; reason: string }> {
    const internal = this.ws as unknown as { _closeFrameReceived?: boolean; _closeCode?: number };
    const deadline = Date.now() + WAIT_MS;
    while (!this.closed && !internal._closeFrameReceived) {
      if (Date.now() > deadline) throw new Error("socket did not close");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.closed ?? { code: internal._closeCode ?? 0, reason: "" };
  }

  send(frame: unknown) {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  close() {
    this.ws.close();
  }
}
