/**
 * A bounded closed-loop load generator for loopback benchmarks: `concurrency` workers send exactly
 * `requests` requests in total, one at a time each, and the latency of every request is recorded.
 * Only 127.0.0.1 is allowed as a target: benchmarks never leave the machine.
 */
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
  /** Sends request number i and says how it went. */
  send: (i: number) => Promise<Outcome>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const counts = { ok: 0, rejected: 0, error: 0 };
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < opts.requests) {
      const i = next++;
      const t0 = performance.now();
      let outcome: Outcome;
      try {
        outcome = await opts.send(i);
      } catch {
        outcome = "error";
      }
      latencies.push(performance.now() - t0);
      counts[outcome]++;
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
  };
}

/** A GitHub-flavoured markdown table. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
