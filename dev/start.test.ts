/**
 * The quick start itself: `npm start` (tsx dev/start.ts) on an empty data directory serves the seeded
 * store, Ctrl-C leaves no workerd behind, and a restart on the same data seeds nothing twice.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const PORT = 20_000 + Math.floor(Math.random() * 20_000);
let dataDir: string;
let current: ChildProcess | undefined;

interface Started {
  child: ChildProcess;
  output: () => string;
}

function start(): Promise<Started> {
  const child = spawn(resolve(ROOT, "node_modules/.bin/tsx"), ["dev/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  current = child;
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  return new Promise((ready, fail) => {
    const timer = setInterval(() => {
      if (out.includes("Ctrl-C to stop.")) {
        clearInterval(timer);
        ready({ child, output: () => out });
      }
    }, 200);
    child.on("exit", (code) => {
      clearInterval(timer);
      fail(new Error(`npm start exited with ${code}:\n${out}`));
    });
  });
}

/** Processes whose command line names this run's port: workerd is started with it. */
function processesOnPort(): string[] {
  try {
    return execFileSync("pgrep", ["-af", "workerd"], { encoding: "utf8" })
      .split("\n")
      .filter((line) => line.includes(dataDir) || line.includes(`:${PORT}`));
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

async function stop({ child }: Started): Promise<number | null> {
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  child.kill("SIGINT");
  const code = await exited;
  current = undefined;
  return code;
}

const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${PORT}${path}`, init);

afterAll(async () => {
  current?.kill("SIGKILL");
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("serves the seeded store, stops cleanly on Ctrl-C, and never seeds twice", {
    timeout: 300_000,
  }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), "jiadian-start-"));
    const first = await start();
    expect(first.output()).toMatch(/seeded \d+ categories, (\d+) products/);
    const products = Number(first.output().match(/seeded \d+ categories, (\d+) products/)![1]);
    expect(products).toBeGreaterThanOrEqual(40);

    const search = (await (await api(`/api/products?q=${encodeURIComponent("海尔冰箱")}`)).json()) as {
      items: { brand: string; availability: { label: string } }[];
    };
    expect(search.items[0]?.brand).toBe("海尔");
    expect(search.items.some((i) => i.availability.label === "有货")).toBe(true);
    const faq = (await (await api("/api/faq")).json()) as unknown[] | { items?: unknown[] };
    expect(JSON.stringify(faq)).toMatch(/发票/);
    const login = await api("/api/auth/staff-login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "merchant", password: "jiadian-merchant" }),
    });
    expect(login.status).toBe(200);

    expect(processesOnPort().length).toBeGreaterThan(0); // the check below can see workerd
    expect(await stop(first)).toBe(0);
    expect(processesOnPort()).toEqual([]);
    await expect(api("/api/health")).rejects.toThrow();

    const second = await start();
    expect(second.output()).toContain("catalog already present");
    expect(second.output()).not.toMatch(/seeded stock/);
    const all = (await (
      await api("/api/admin/products?limit=50", {
        headers: { authorization: `Bearer ${((await login.json()) as { token: string }).token}` },
      })
    ).json()) as { items: unknown[]; nextCursor: string | null };
    // Same session secret across restarts: the first run's token still works.
    expect(all.items.length).toBe(50);
    expect(await stop(second)).toBe(0);
  });
});
