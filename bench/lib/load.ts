/**
 * A bounded closed-loop load generator for loopback benchmarks: `concurrency` workers send exactly
 * `requests` requests in total, one at a time each, and the latency of every request is recorded.
 * Only 127.0.0.1 is allowed as a target: benchmarks never leave the machine.
 */
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";

export type Outcome = "ok" | "rejected" | "error";

export interface LoadResult {
  requests: number;
  ok: number;
  rejected: number;
  errors: number;
  seconds: number;
  /** Completed requests (any outcome) per second. */
  rps: number;
  /** Successful requests per second. */
  okPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** What the errors were (status code or error message) and how often. */
  errorKinds: Record<string, number>;
}

export function assertLoopback(url: string | URL) {
  const host = new URL(url).hostname;
  if (host !== "127.0.0.1") throw new Error(`benchmarks only target 127.0.0.1, not ${host}`);
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** 2xx = ok, 409 = a business rejection (e.g. sold out), anything else or a network error = error. */
export const classifyStatus = (status: number): Outcome =>
  status >= 200 && status < 300 ? "ok" : status === 409 ? "rejected" : "error";

export async function runLoad(opts: {
  requests: number;
  concurrency: number;
  /** Sends request number i and says how it went; a thrown error counts as an error. */
  send: (i: number) => Promise<Outcome | { outcome: Outcome; detail: string }>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const counts = { ok: 0, rejected: 0, error: 0 };
  const errorKinds: Record<string, number> = {};
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < opts.requests) {
      const i = next++;
      const t0 = performance.now();
      let outcome: Outcome;
      let detail = "error";
      try {
        const r = await opts.send(i);
        if (typeof r === "string") outcome = r;
        else ({ outcome, detail } = r);
      } catch (err) {
        outcome = "error";
        detail = err instanceof Error ? ((err as { code?: string }).code ?? err.message) : String(err);
      }
      latencies.push(performance.now() - t0);
      counts[outcome]++;
      if (outcome === "error") errorKinds[detail] = (errorKinds[detail] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, opts.requests) }, worker));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: opts.requests,
    ok: counts.ok,
    rejected: counts.rejected,
    errors: counts.error,
    seconds,
    rps: opts.requests / seconds,
    okPerSecond: counts.ok / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    errorKinds,
  };
}

/** A GitHub-flavoured markdown table. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/**
 * A lean HTTP client for the load generator: node:http with keep-alive (fetch costs several times
 * more CPU per request, and the generator shares the machine with the server). Returns the status.
 */
export function httpClient(baseUrl: string, maxSockets: number) {
  assertLoopback(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets });
  const base = new URL(baseUrl);
  return {
    send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
      return new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: base.hostname,
            port: base.port,
            path,
            method: init.method ?? "GET",
            agent,
            headers:
              init.body === undefined
                ? init.headers
                : { ...init.headers, "content-length": Buffer.byteLength(init.body) },
          },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
            res.on("error", reject);
          },
        );
        req.on("error", reject);
        req.end(init.body);
      });
    },
    close: () => agent.destroy(),
  };
}
