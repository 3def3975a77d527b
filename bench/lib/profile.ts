/**
 * CPU profile of the API worker under load, taken inside workerd through the V8 inspector:
 *
 *   npx tsx bench/lib/profile.ts [health|reserve|product|home] [requests]
 *
 * Starts the inventory bench's stack (bench/inventory.ts) with an inspector, warms the path, records a
 * profile while sending the requests (64 concurrent), and prints the functions with the most self and
 * inclusive time. Used to find what the request path spends its CPU on (docs/benchmarks.md).
 */
import { createServer } from "node:net";
import WebSocket from "ws";
import { bundleWorker } from "../../dev/worker-runtime";
import { startBenchStack, stockedSkus } from "../inventory";
import { httpClient, runLoad } from "./load";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A minimal Chrome DevTools Protocol session. */
async function inspector(url: string) {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
  let id = 0;
  const pending = new Map<number, (v: unknown) => void>();
  ws.on("message", (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg.result);
  });
  return {
    send: <T>(method: string, params: Record<string, unknown> = {}) =>
      new Promise<T>((resolve) => {
        pending.set(++id, resolve as (v: unknown) => void);
        ws.send(JSON.stringify({ id, method, params }));
      }),
    close: () => ws.close(),
  };
}

/** Self and inclusive time per function (by name and line), as percentages of all samples. */
export function summarize(p: Profile, top = 30): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber + 1}`;
  const timeOf = new Map<number, number>();
  for (const [i, s] of p.samples.entries()) timeOf.set(s, (timeOf.get(s) ?? 0) + (p.timeDeltas[i] ?? 0));
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  for (const [id, t] of timeOf) {
    total += t;
    const k = name(byId.get(id)!);
    self.set(k, (self.get(k) ?? 0) + t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = name(byId.get(cur)!);
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + t);
    }
  }
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, t]) => `${((t / total) * 100).toFixed(1).padStart(6)} %  ${k}`)
      .join("\n");
  return `sampled ${(total / 1000).toFixed(0)} ms\n-- self\n${rows(self)}\n-- inclusive\n${rows(incl)}`;
}

/**
 * Self time per source module of the worker bundle (esbuild marks each module with a `// path` line), and
 * per native function: which library or file the CPU goes to.
 */
export function byModule(p: Profile, bundle: string, top = 25): string {
  const marks: { line: number; file: string }[] = [];
  for (const [i, text] of bundle.split("\n").entries()) {
    const m = /^\/\/ (\S+\.[cm]?[jt]s)$/.exec(text);
    if (m) marks.push({ line: i + 1, file: m[1]!.replace(/^node_modules\//, "") });
  }
  const fileAt = (line: number) => {
    let lo = 0;
    let hi = marks.length - 1;
    let found = "(bundle prelude)";
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid]!.line <= line) {
        found = marks[mid]!.file;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const time = new Map<string, number>();
  let total = 0;
  for (const [i, s] of p.samples.entries()) {
    const t = p.timeDeltas[i] ?? 0;
    total += t;
    const f = byId.get(s)!.callFrame;
    const key = f.url.endsWith("worker.js")
      ? fileAt(f.lineNumber + 1)
      : `(native) ${f.functionName || f.url}`;
    time.set(key, (time.get(key) ?? 0) + t);
  }
  return shareLines(time, total, top);
}

/** The `top` keys by time, each as a share of `total`: "  12.3 %  key". */
function shareLines(time: Map<string, number>, total: number, top: number): string {
  return [...time]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, t]) => `${((t / total) * 100).toFixed(1).padStart(6)} %  ${k}`)
    .join("\n");
}

/**
 * Who calls the functions whose name contains `focus`: their call stacks (innermost 6 frames), by time,
 * as percentages of all samples (PROFILE_FOCUS=name).
 */
export function callersOf(p: Profile, focus: string, top = 12): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || "(anonymous)"}:${n.callFrame.lineNumber + 1}`;
  const stacks = new Map<string, number>();
  let total = 0;
  for (const [i, s] of p.samples.entries()) {
    const t = p.timeDeltas[i] ?? 0;
    total += t;
    let cur: number | undefined = s;
    while (cur !== undefined && !byId.get(cur)!.callFrame.functionName.includes(focus)) cur = parent.get(cur);
    if (cur === undefined) continue;
    const frames: string[] = [];
    for (let f: number | undefined = cur; f !== undefined && frames.length < 6; f = parent.get(f))
      frames.push(label(byId.get(f)!));
    const key = frames.join(" < ");
    stacks.set(key, (stacks.get(key) ?? 0) + t);
  }
  return shareLines(stacks, total, top);
}

async function main() {
  const what = process.argv[2] ?? "health";
  const requests = Number(process.argv[3] ?? 3000);
  const port = await freePort();
  const s = await startBenchStack({ inspectorPort: port });
  const api = httpClient(s.apiUrl, 64);
  try {
    // Like the bench: two of three reserves succeed, the rest are sell-outs (409).
    const [skuId] = (await stockedSkus(s, 1, Math.round(((300 + requests) * 2) / 3))) as [number];
    const productId = ((await s.api("/api/admin/products?limit=1")) as { items: { id: number }[] }).items[0]
      ?.id;
    // Unique, valid order refs (letters, digits, _ and -): every reserve is a new hold until the sell-out.
    let seq = 0;
    const send = async () => {
      if (what === "reserve")
        await api.send("/api/admin/inventory/reservations", {
          method: "POST",
          headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json" },
          body: JSON.stringify({ ref: `p-${seq++}`, items: [{ skuId, qty: 1 }] }),
        });
      else if (what === "product") await api.send(`/api/products/${productId}`);
      else if (what === "home") await api.send("/api/home");
      else await api.send("/api/health");
      return "ok" as const;
    };
    await runLoad({ requests: 300, concurrency: 16, send });
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
      webSocketDebuggerUrl: string;
      title?: string;
      id?: string;
    }[];
    const target = targets.find((t) => t.id?.includes("jiadian-mall")) ?? targets[0]!;
    const cdp = await inspector(target.webSocketDebuggerUrl);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    const result = await runLoad({ requests, concurrency: 64, send });
    const { profile } = await cdp.send<{ profile: Profile }>("Profiler.stop");
    cdp.close();
    console.log(`${what}: ${result.rps.toFixed(0)} req/s while profiling`);
    console.log(summarize(profile));
    console.log(`-- self time by module\n${byModule(profile, await bundleWorker())}`);
    const focus = process.env.PROFILE_FOCUS;
    if (focus) console.log(`-- callers of ${focus}\n${callersOf(profile, focus)}`);
  } finally {
    api.close();
    await s.close();
  }
}

await main();
