/**
 * Integration-test stack: a fresh libSQL file behind the local Hrana gateway with every migration
 * applied, and the real worker in workerd (Miniflare) with Durable Object and R2 state in the same throwaway
 * directory (tmpfs when available). Tests talk to it over real HTTP at `baseUrl`.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Client, createClient } from "@libsql/client/web";
import type { Miniflare } from "miniflare";
import { startHranaGateway } from "../dev/hrana-gateway/index";
import { applyMigrations } from "../dev/migrate";
import { oneShotFetch } from "../dev/one-shot-fetch";
import { startWorkerRuntime } from "../dev/worker-runtime";
import type { StaffRole } from "../worker/shared/auth";
import { hashPassword } from "../worker/shared/password";

export interface StackFetchInit extends RequestInit {
  /** Bearer token to send. */
  token?: string;
  /** JSON body (sets content-type). */
  json?: unknown;
}

export interface Stack {
  baseUrl: string;
  fetch(path: string, init?: StackFetchInit): Promise<Response>;
  /** The same database the worker uses, for arranging data and asserting what was (not) written. */
  sql: Client;
  mf: Miniflare;
  /** The vars the worker was started with (SESSION_SECRET, LIBSQL_URL…). */
  vars: Record<string, string>;
  /**
   * Kills the worker runtime (requests in flight die with it, as in a crash or a deploy) and starts a
   * new one on the same database and Durable Object state, with `vars` merged over the old ones.
   * `baseUrl` changes.
   */
  restart(vars?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export async function startStack(opts: { vars?: Record<string, string> } = {}): Promise<Stack> {
  // Durable Object storage on tmpfs where there is one: on disk every DO write waits for an fsync,
  // which throttles concurrency tests to ~150 writes/s on this kind of VM (see docs/benchmarks.md).
  const dir = await mkdtemp(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "jiadian-test-"));
  const gateway = await startHranaGateway({
    dbPath: join(dir, "test.db"),
    // Quiet, except what turns into a failed query for the worker: a gateway 500 or a lock wait given up.
    log: (event) => {
      if (event.level === "error" || event.event === "lock_wait_timeout")
        console.error(JSON.stringify({ source: "hrana-gateway", ...event }));
    },
  });
  await applyMigrations(gateway.url);
  const vars = {
    LIBSQL_URL: gateway.url,
    SESSION_SECRET: randomBytes(32).toString("hex"),
    DEV_LOGIN: "1",
    LOG_LEVEL: "error",
    ...opts.vars,
  };
  let runtime = await startWorkerRuntime({ vars, persistDir: join(dir, "workerd") });
  const sql = createClient({ url: gateway.url });
  const stack: Stack = {
    baseUrl: runtime.url,
    sql,
    mf: runtime.mf,
    vars,
    fetch(path, init = {}) {
      const { token, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) headers.set("authorization", `Bearer ${token}`);
      if (json !== undefined) headers.set("content-type", "application/json");
      return oneShotFetch(stack.baseUrl + path, {
        ...(rest as object),
        headers: Object.fromEntries(headers),
        body: json !== undefined ? JSON.stringify(json) : rest.body,
      });
    },
    async restart(more = {}) {
      await runtime.close();
      Object.assign(stack.vars, more);
      runtime = await startWorkerRuntime({ vars: stack.vars, persistDir: join(dir, "workerd") });
      stack.baseUrl = runtime.url;
      stack.mf = runtime.mf;
    },
    async close() {
      sql.close();
      await runtime.close();
      await gateway.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return stack;
}

async function tokenFrom(res: Response, what: string): Promise<string> {
  const body = (await res.json()) as { token?: string };
  if (!res.ok || !body.token) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

/** Logs a shopper in through the development login (one shopper per nickname). */
export async function shopperToken(stack: Stack, nickname: string): Promise<string> {
  return tokenFrom(
    await stack.fetch("/api/auth/dev-login", { method: "POST", json: { nickname } }),
    "dev login",
  );
}

const TEST_PASSWORD = "test-password-123";

/** Creates (once) a staff account with the role and logs it in through the real staff login. */
export async function staffToken(
  stack: Stack,
  role: StaffRole,
  username: string = `test-${role}`,
): Promise<string> {
  await stack.sql.execute({
    sql: `INSERT INTO staff (username, display_name, role, password_hash, disabled, created_at)
          VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT(username) DO NOTHING`,
    args: [username, username, role, await hashPassword(TEST_PASSWORD), Date.now()],
  });
  return tokenFrom(
    await stack.fetch("/api/auth/staff-login", {
      method: "POST",
      json: { username, password: TEST_PASSWORD },
    }),
    "staff login",
  );
}
