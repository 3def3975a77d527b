/**
 * Runs the API worker in workerd through Miniflare, configured from wrangler.toml exactly as
 * `wrangler dev` would (Durable Object bindings and migrations, R2, vars), with the worker bundled by
 * esbuild. `npm start` and the integration tests share this one code path.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { build } from "esbuild";
import { Log, LogLevel, Miniflare, type WorkerOptions } from "miniflare";
import { unstable_getMiniflareWorkerOptions, unstable_readConfig } from "wrangler";

const ROOT = resolve(import.meta.dirname, "..");

export interface WorkerRuntimeOptions {
  /** Merged over wrangler.toml [vars]: LIBSQL_URL, SESSION_SECRET, secrets of local services… */
  vars: Record<string, string>;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Directory for Durable Object and R2 state; omitted = in memory (tests). */
  persistDir?: string;
  logLevel?: LogLevel;
}

export interface WorkerRuntime {
  mf: Miniflare;
  /** e.g. http://127.0.0.1:8787 (no trailing slash) */
  url: string;
  close(): Promise<void>;
}

/** Bundles one entry point into a single ES module for workerd, with the same resolution conditions as wrangler. */
export async function bundleForWorkerd(entryPoint: string): Promise<string> {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    format: "esm",
    target: "es2022",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    external: ["cloudflare:*", "node:*"],
    write: false,
    logLevel: "warning",
  });
  return result.outputFiles[0]!.text;
}

let bundled: Promise<string> | undefined;

/** Bundles worker/index.ts once per process. */
export function bundleWorker(): Promise<string> {
  bundled ??= bundleForWorkerd(resolve(ROOT, "worker/index.ts"));
  return bundled;
}

/** The API worker's Miniflare options: wrangler.toml's bindings, the esbuild bundle, and `vars` on top. */
export async function apiWorkerOptions(vars: Record<string, string>): Promise<WorkerOptions> {
  const config = unstable_readConfig({ config: resolve(ROOT, "wrangler.toml") });
  // The H5 build is optional locally (tests do not need it); wrangler refuses a missing directory.
  if (config.assets?.directory && !existsSync(resolve(ROOT, config.assets.directory)))
    config.assets = undefined;
  const { workerOptions } = unstable_getMiniflareWorkerOptions(config);
  return {
    ...(workerOptions as WorkerOptions),
    name: "jiadian-mall",
    modules: [{ type: "ESModule", path: "worker.js", contents: await bundleWorker() }],
    modulesRules: undefined,
    bindings: { ...workerOptions.bindings, ...vars },
  } as WorkerOptions;
}

export async function startWorkerRuntime(opts: WorkerRuntimeOptions): Promise<WorkerRuntime> {
  const persist = opts.persistDir
    ? { durableObjectsPersist: resolve(opts.persistDir, "do"), r2Persist: resolve(opts.persistDir, "r2") }
    : { durableObjectsPersist: false, r2Persist: false };
  const mf = new Miniflare({
    ...(await apiWorkerOptions(opts.vars)),
    ...persist,
    host: opts.host ?? "127.0.0.1",
    port: opts.port ?? 0,
    cf: false,
    log: new Log(opts.logLevel ?? LogLevel.WARN),
  });
  const url = (await mf.ready).toString().replace(/\/$/, "");
  return { mf, url, close: () => mf.dispose() };
}
