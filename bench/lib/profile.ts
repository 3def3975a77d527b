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

async function main() {
  const what = process.argv[2] ?? "health";
  const requests = Number(process.argv[3] ?? 3000);
  const port = await freePort();
  const s = await startBenchStack({ inspectorPort: port });
  const api = httpClient(s.apiUrl, 64);
  try {
    const [skuId] = (await stockedSkus(s, 1)) as [number];
    const productId = ((await s.api("/api/admin/products?limit=1")) as { items: { id: number }[] }).items[0]
      ?.id;
    const send = async (i: number) => {
      if (what === "reserve")
        await api.send("/api/admin/inventory/reservations", {
          method: "POST",
          headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json" },
          body: JSON.stringify({ ref: `p-${i}-${Math.random()}`, items: [{ skuId, qty: 1 }] }),
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
  } finally {
    api.close();
    await s.close();
  }
}

await main();
