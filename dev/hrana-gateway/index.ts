/**
 * Local Hrana-over-HTTP gateway over an embedded libSQL file, so the production driver
 * (@libsql/client/web, drizzle-orm/libsql/web) runs unchanged on this machine with no Turso account.
 * A real sqld / `turso dev` / Turso replaces it by LIBSQL_URL (and LIBSQL_AUTH_TOKEN) alone.
 * See docs/hrana-gateway.md for what is implemented and what is not.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  HranaError,
  type PipelineRespBody,
  ProtocolError,
  type StmtResult,
  type StreamResult,
} from "./protocol";
import { RequestFailure, readPipelineBody, StreamManager } from "./streams";

export interface HranaGateway {
  /** Base URL for `createClient({ url })`, e.g. http://127.0.0.1:PORT */
  url: string;
  /** What clients sent since the start or the last reset (also `GET /_stats`). */
  stats(): RoundTripStats;
  /** Zeroes the counters (also `POST /_stats/reset`). */
  resetStats(): void;
  close(): Promise<void>;
}

/**
 * Round trips as the client pays them: one per HTTP request to `/v2|v3/pipeline` or `/v3/cursor`
 * (each is a network round trip to Turso in production), with the SQL statements they carried.
 */
export interface RoundTripStats {
  /** HTTP requests that carried SQL work (pipeline + cursor). */
  roundTrips: number;
  /** SQL statements executed (an `execute` is one, a `batch` counts its steps, BEGIN/COMMIT included). */
  statements: number;
  /** The last requests (at most 200), oldest first: what each carried, for finding what to fold. */
  log: { path: string; statements: number; sql: string[] }[];
}

const STATS_LOG_LIMIT = 200;

export interface HranaGatewayOptions {
  dbPath: string;
  /** 0 = ephemeral (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** When set, POST requests must carry `Authorization: Bearer <authToken>`. */
  authToken?: string;
  /** An unused baton is released after this long; an open transaction on it is rolled back. Default 5 s. */
  idleTransactionMs?: number;
  /** How long a write waits behind another stream's open transaction before SQLITE_BUSY.
   * Default 10 s: longer than the idle timeout, so a writer outlasts an abandoned transaction. */
  lockTimeoutMs?: number;
  /** Structured events (stream expiries, failures); silent by default. */
  log?: (event: Record<string, unknown>) => void;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpFailure(413, "Request body is too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new ProtocolError("request body is not valid JSON");
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

export async function startHranaGateway(opts: HranaGatewayOptions): Promise<HranaGateway> {
  const log = opts.log ?? (() => {});
  const manager = new StreamManager({
    dbPath: opts.dbPath,
    idleStreamMs: opts.idleTransactionMs ?? 5_000,
    lockTimeoutMs: opts.lockTimeoutMs ?? 10_000,
    log,
  });
  const expectedAuth = opts.authToken === undefined ? undefined : digest(`Bearer ${opts.authToken}`);

  const stats: RoundTripStats = { roundTrips: 0, statements: 0, log: [] };
  /** Counts one request; `requests` are its Hrana stream requests (`store_sql`/`close` carry no SQL to run). */
  function count(path: string, requests: unknown[]): void {
    type Req = {
      type?: string;
      stmt?: unknown;
      batch?: { steps?: { stmt?: unknown }[] };
      sql_id?: number;
      sql?: string;
    };
    const stored = new Map<unknown, string>();
    for (const r of requests as Req[]) if (r?.type === "store_sql") stored.set(r.sql_id, String(r.sql));
    const sqls: string[] = [];
    const textOf = (stmt: unknown) => {
      const s = stmt as { sql?: unknown; sql_id?: unknown } | undefined;
      return typeof s?.sql === "string" ? s.sql : (stored.get(s?.sql_id) ?? `sql_id ${String(s?.sql_id)}`);
    };
    for (const r of requests as Req[]) {
      if (r?.type === "execute") sqls.push(textOf(r.stmt));
      else if (r?.type === "batch") for (const step of r.batch?.steps ?? []) sqls.push(textOf(step.stmt));
      else if (r?.type === "sequence") sqls.push("(sequence)");
    }
    stats.roundTrips++;
    stats.statements += sqls.length;
    stats.log.push({
      path,
      statements: sqls.length,
      sql: sqls.map((q) => q.replace(/\s+/g, " ").slice(0, 160)),
    });
    if (stats.log.length > STATS_LOG_LIMIT) stats.log.shift();
  }
  const resetStats = () => {
    stats.roundTrips = 0;
    stats.statements = 0;
    stats.log = [];
  };
  const snapshot = (): RoundTripStats => ({ ...stats, log: [...stats.log] });

  const authorized = (req: IncomingMessage): boolean =>
    expectedAuth === undefined || timingSafeEqual(digest(req.headers.authorization ?? ""), expectedAuth);

  async function pipeline(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const { baton, requests } = readPipelineBody(await readJson(req));
    count(path, requests);
    const out = await manager.runPipeline(baton, requests);
    const body: PipelineRespBody = { baton: out.baton, base_url: null, results: out.results };
    sendJson(res, 200, body);
  }

  /** Hrana 3 cursor: the batch runs at once, then its results are streamed as NDJSON entries. */
  async function cursor(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const body = await readJson(req);
    const obj = body !== null && typeof body === "object" ? (body as Record<string, unknown>) : {};
    count(path, [{ type: "batch", batch: obj.batch }]);
    const { baton } = readPipelineBody({ baton: obj.baton, requests: [] });
    const out = await manager.runPipeline(baton, [{ type: "batch", batch: obj.batch }]);
    const lines: unknown[] = [{ baton: out.baton, base_url: null }];
    const result = out.results[0] as StreamResult;
    if (result.type === "error") {
      lines.push({ type: "error", error: result.error });
    } else if (result.response.type === "batch") {
      const { step_results, step_errors } = result.response.result;
      step_results.forEach((stepResult: StmtResult | null, step) => {
        const stepError = step_errors[step];
        if (stepError) lines.push({ type: "step_error", step, error: stepError });
        if (!stepResult) return;
        lines.push({ type: "step_begin", step, cols: stepResult.cols });
        for (const row of stepResult.rows) lines.push({ type: "row", row });
        lines.push({
          type: "step_end",
          affected_row_count: stepResult.affected_row_count,
          last_insert_rowid: stepResult.last_insert_rowid,
        });
      });
    }
    const text = lines.map((line) => `${JSON.stringify(line)}\n`).join("");
    res.writeHead(200, { "content-type": "text/plain", "content-length": Buffer.byteLength(text) });
    res.end(text);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0]!.replace(/\/+$/, "");
    const method = req.method ?? "GET";
    if (method === "GET") {
      // Version probes (the client sends them without credentials) and health checks.
      if (path === "" || path.endsWith("/health")) return sendText(res, 200, "ok");
      if (path.endsWith("/version")) return sendText(res, 200, "jiadian-hrana-gateway");
      if (path === "/_stats") return sendJson(res, 200, snapshot());
      if (path.endsWith("/v2") || path.endsWith("/v3")) return sendText(res, 200, "");
      return sendText(res, 404, "Not found");
    }
    if (method !== "POST") return sendText(res, 405, "Method not allowed");
    if (!authorized(req)) {
      await readBody(req).catch(() => undefined);
      return sendText(res, 401, "Unauthorized: the bearer token is missing or wrong");
    }
    if (path.endsWith("/v2/pipeline") || path.endsWith("/v3/pipeline")) return pipeline(req, res, path);
    if (path.endsWith("/v3/cursor")) return cursor(req, res, path);
    if (path === "/_stats/reset") {
      await readBody(req);
      resetStats();
      return sendJson(res, 200, snapshot());
    }
    // No protobuf encoding: the client falls back to JSON when the /v3-protobuf probe answers 404.
    return sendText(res, 404, "Not found");
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      // The client went away mid-request (a worker restarted or killed, as the crash tests do): nobody
      // is left to answer, and it is not the gateway's failure.
      if (req.socket.destroyed && !res.headersSent) {
        log({ level: "debug", event: "client_aborted", message: String(err) });
        res.destroy();
        return;
      }
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpFailure) return sendText(res, err.status, err.message);
      if (err instanceof RequestFailure) return sendJson(res, err.status, err.toBody());
      if (err instanceof HranaError) return sendJson(res, 400, err.toBody());
      log({ level: "error", event: "request_failed", message: String(err), stack: (err as Error)?.stack });
      sendJson(res, 500, { message: `Internal gateway error: ${String(err)}`, code: "INTERNAL_ERROR" });
    });
  });

  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  log({ level: "debug", event: "listening", url, dbPath: opts.dbPath });

  let closing: Promise<void> | undefined;
  return {
    url,
    stats: snapshot,
    resetStats,
    close() {
      closing ??= new Promise<void>((resolve) => {
        manager.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
