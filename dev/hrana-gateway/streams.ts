import { randomBytes } from "node:crypto";
import { Connection, resolveSql, type SqlStore } from "./connection";
import {
  asArray,
  asObject,
  HranaError,
  optionalInt,
  optionalString,
  ProtocolError,
  type StreamResponse,
  type StreamResult,
} from "./protocol";
import { looksReadOnly, scanStatements } from "./sql-text";

/*
 * Concurrency model. The embedded driver is synchronous, so each Hrana request runs to completion on the
 * event loop without interleaving; the only state that spans requests is a transaction a stream leaves
 * open between HTTP requests (interactive transactions, identified by a baton). Such a stream owns the
 * `WriteLock` until its connection is back in autocommit. Every other request that might write waits for
 * the lock asynchronously instead of meeting SQLITE_BUSY: SQLite's own busy_timeout would block the event
 * loop, so the holder could never send the COMMIT that frees the lock. Read-only requests (plain SELECTs)
 * skip the queue, since WAL lets them read beside an open write transaction, as on sqld. Each stream has
 * its own connection (pooled), so a transaction's state never leaks into another stream.
 */

type Holder = object;

/** FIFO async mutex with a bounded wait; the owner is a stream, so re-entry by the same stream is free. */
class WriteLock {
  private holder: Holder | undefined;
  private readonly waiters: Array<{ who: Holder; grant: () => void; timer: NodeJS.Timeout }> = [];

  heldBy(who: Holder): boolean {
    return this.holder === who;
  }

  get isFree(): boolean {
    return this.holder === undefined;
  }

  /** Resolves true once `who` holds the lock, false if `timeoutMs` passed first. */
  acquire(who: Holder, timeoutMs: number): Promise<boolean> {
    if (this.holder === who) return Promise.resolve(true);
    if (this.holder === undefined && this.waiters.length === 0) {
      this.holder = who;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const waiter = {
        who,
        grant: () => {
          clearTimeout(waiter.timer);
          resolve(true);
        },
        timer: setTimeout(() => {
          const i = this.waiters.indexOf(waiter);
          if (i !== -1) this.waiters.splice(i, 1);
          resolve(false);
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  release(who: Holder): void {
    if (this.holder !== who) return;
    const next = this.waiters.shift();
    this.holder = next?.who;
    next?.grant();
  }
}

/** Idle connections kept open for reuse; opening one costs a file open plus pragmas. */
class ConnectionPool {
  private readonly idle: Connection[] = [];
  private closed = false;

  constructor(
    private readonly open: () => Connection,
    private readonly maxIdle: number,
  ) {}

  take(): Connection {
    return this.idle.pop() ?? this.open();
  }

  give(conn: Connection): void {
    try {
      conn.reset();
    } catch {
      conn.close();
      return;
    }
    if (!this.closed && this.idle.length < this.maxIdle) this.idle.push(conn);
    else conn.close();
  }

  closeAll(): void {
    this.closed = true;
    for (const conn of this.idle.splice(0)) conn.close();
  }
}

class Stream {
  readonly sqls: SqlStore = new Map();
  closed = false;
  idleTimer: NodeJS.Timeout | undefined;

  constructor(readonly conn: Connection) {}
}

export interface StreamManagerOptions {
  dbPath: string;
  /** An abandoned stream (its baton unused this long) is rolled back and released. */
  idleStreamMs: number;
  /** How long a request waits for another stream's open transaction before failing with SQLITE_BUSY. */
  lockTimeoutMs: number;
  log: (event: Record<string, unknown>) => void;
}

/** The `status` to answer with when a whole HTTP request fails (sqld answers malformed requests with 400). */
export class RequestFailure extends HranaError {
  constructor(
    readonly status: number,
    message: string,
    code: string,
  ) {
    super(message, code);
  }
}

const MAX_STORED_SQL = 150;

export class StreamManager {
  private readonly lock = new WriteLock();
  private readonly pool: ConnectionPool;
  private readonly byBaton = new Map<string, Stream>();
  private readonly open = new Set<Stream>();
  private shuttingDown = false;

  constructor(private readonly opts: StreamManagerOptions) {
    // SQLite's busy wait blocks the event loop, so keep it short; it only matters for other processes.
    const connOpts = { busyTimeoutMs: Math.min(opts.lockTimeoutMs, 2_000) };
    // Open one connection up front so a bad path or a locked file fails at start, not on the first query.
    const first = new Connection(opts.dbPath, connOpts);
    this.pool = new ConnectionPool(() => new Connection(opts.dbPath, connOpts), 8);
    this.pool.give(first);
  }

  /**
   * Runs one pipeline (or a cursor's batch, as a single request) on the stream named by `baton`, or on a
   * new stream. Returns the results and the baton for the next request (null once the stream is closed).
   */
  async runPipeline(
    baton: string | null | undefined,
    requests: unknown[],
  ): Promise<{ baton: string | null; results: StreamResult[] }> {
    if (this.shuttingDown) throw new RequestFailure(503, "The gateway is shutting down", "SHUTTING_DOWN");
    const stream = this.claim(baton);
    try {
      const needsLock = !this.lock.heldBy(stream) && !this.isReadOnly(stream, requests);
      const locked = needsLock ? await this.lock.acquire(stream, this.opts.lockTimeoutMs) : true;
      if (!locked)
        this.opts.log({ level: "warn", event: "lock_wait_timeout", waitedMs: this.opts.lockTimeoutMs });
      const results = requests.map((request) => this.handle(stream, request, locked));
      return { baton: this.settle(stream), results };
    } catch (err) {
      this.end(stream);
      throw err;
    }
  }

  /** Baton lookup. A baton is single-use: each response carries a fresh one, as on sqld. */
  private claim(baton: string | null | undefined): Stream {
    if (baton === undefined || baton === null) {
      const stream = new Stream(this.pool.take());
      this.open.add(stream);
      return stream;
    }
    const stream = this.byBaton.get(baton);
    if (!stream) {
      throw new RequestFailure(
        400,
        "The stream has expired due to inactivity or the baton is invalid",
        "STREAM_EXPIRED",
      );
    }
    this.byBaton.delete(baton);
    clearTimeout(stream.idleTimer);
    return stream;
  }

  private handle(stream: Stream, raw: unknown, locked: boolean): StreamResult {
    try {
      const request = asObject(raw, "request");
      if (stream.closed) throw new HranaError("The stream is closed", "STREAM_CLOSED");
      if (
        !locked &&
        request.type !== "close" &&
        request.type !== "store_sql" &&
        request.type !== "close_sql"
      ) {
        throw new HranaError("SQLite error: database is locked", "SQLITE_BUSY");
      }
      return { type: "ok", response: this.respond(stream, request) };
    } catch (err) {
      if (err instanceof RequestFailure) throw err;
      if (err instanceof HranaError) return { type: "error", error: err.toBody() };
      throw err;
    }
  }

  private respond(stream: Stream, request: Record<string, unknown>): StreamResponse {
    switch (request.type) {
      case "close":
        stream.closed = true;
        return { type: "close" };
      case "execute":
        return { type: "execute", result: stream.conn.execute(request.stmt, stream.sqls) };
      case "batch":
        return { type: "batch", result: stream.conn.batch(request.batch, stream.sqls) };
      case "sequence":
        stream.conn.sequence(resolveSql(request.sql, request.sql_id, stream.sqls));
        return { type: "sequence" };
      case "describe":
        return {
          type: "describe",
          result: stream.conn.describe(resolveSql(request.sql, request.sql_id, stream.sqls)),
        };
      case "store_sql": {
        const id = optionalInt(request.sql_id, "sql_id");
        const sql = optionalString(request.sql, "sql");
        if (id === undefined || sql === undefined) throw new ProtocolError("store_sql needs sql_id and sql");
        if (!stream.sqls.has(id) && stream.sqls.size >= MAX_STORED_SQL) {
          throw new HranaError(
            `At most ${MAX_STORED_SQL} SQL texts can be stored per stream`,
            "SQL_STORE_FULL",
          );
        }
        stream.sqls.set(id, sql);
        return { type: "store_sql" };
      }
      case "close_sql": {
        const id = optionalInt(request.sql_id, "sql_id");
        if (id !== undefined) stream.sqls.delete(id);
        return { type: "close_sql" };
      }
      case "get_autocommit":
        return { type: "get_autocommit", is_autocommit: !stream.conn.inTransaction };
      default:
        throw new ProtocolError(`unknown request type ${JSON.stringify(request.type)}`);
    }
  }

  /**
   * True when the pipeline cannot write: only SELECT-like executes (classified by the scanner) and
   * bookkeeping requests, on a stream with no open transaction. Batches always take the lock because the
   * client wraps them in BEGIN ... COMMIT.
   */
  private isReadOnly(stream: Stream, requests: unknown[]): boolean {
    if (stream.conn.inTransaction) return false;
    const sqls = new Map(stream.sqls);
    for (const raw of requests) {
      if (raw === null || typeof raw !== "object") return false;
      const request = raw as Record<string, unknown>;
      if (
        request.type === "store_sql" &&
        typeof request.sql_id === "number" &&
        typeof request.sql === "string"
      ) {
        sqls.set(request.sql_id, request.sql);
      } else if (request.type === "execute") {
        const stmt = request.stmt as Record<string, unknown> | undefined;
        const sql = typeof stmt?.sql === "string" ? stmt.sql : sqls.get(stmt?.sql_id as number);
        if (sql === undefined) return false;
        try {
          const scanned = scanStatements(sql);
          if (scanned.length !== 1 || !looksReadOnly(scanned[0]!)) return false;
        } catch {
          return false;
        }
      } else if (
        request.type !== "close" &&
        request.type !== "close_sql" &&
        request.type !== "get_autocommit"
      ) {
        return false;
      }
    }
    return true;
  }

  /** After a pipeline: keep or give back the write lock, close or park the stream. */
  private settle(stream: Stream): string | null {
    if (stream.closed || this.shuttingDown) {
      this.end(stream);
      return null;
    }
    if (stream.conn.inTransaction && !this.lock.heldBy(stream)) {
      // Unreachable by construction (only lock holders can BEGIN); never keep an unowned transaction.
      stream.conn.rollbackIfOpen();
    }
    if (!stream.conn.inTransaction) this.lock.release(stream);
    const baton = randomBytes(18).toString("base64url");
    this.byBaton.set(baton, stream);
    stream.idleTimer = setTimeout(() => this.expire(baton, stream), this.opts.idleStreamMs);
    stream.idleTimer.unref();
    return baton;
  }

  private expire(baton: string, stream: Stream): void {
    if (this.byBaton.get(baton) !== stream) return;
    this.byBaton.delete(baton);
    const hadTransaction = stream.conn.inTransaction;
    this.end(stream);
    this.opts.log({ level: hadTransaction ? "warn" : "debug", event: "stream_expired", hadTransaction });
  }

  /** Rolls back anything left open, frees the lock and returns the connection. */
  private end(stream: Stream): void {
    if (!this.open.delete(stream)) return;
    clearTimeout(stream.idleTimer);
    stream.closed = true;
    try {
      stream.conn.rollbackIfOpen();
    } catch (err) {
      this.opts.log({ level: "error", event: "rollback_failed", message: String(err) });
    }
    this.lock.release(stream);
    this.pool.give(stream.conn);
  }

  get openStreams(): number {
    return this.open.size;
  }

  close(): void {
    this.shuttingDown = true;
    for (const [baton, stream] of this.byBaton) {
      this.byBaton.delete(baton);
      this.end(stream);
    }
    this.pool.closeAll();
  }
}

export function readPipelineBody(body: unknown): { baton: string | null; requests: unknown[] } {
  const obj = asObject(body, "request body");
  const baton = optionalString(obj.baton, "baton") ?? null;
  return { baton, requests: asArray(obj.requests, "requests") };
}
