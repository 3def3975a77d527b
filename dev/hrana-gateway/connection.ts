import Database from "libsql";
import {
  asArray,
  asObject,
  type BatchCond,
  type BatchResult,
  type Col,
  type DescribeResult,
  HranaError,
  type HranaErrorBody,
  optionalInt,
  optionalString,
  ProtocolError,
  primaryCode,
  type SqliteValue,
  type StmtResult,
  valueFromHrana,
  valueToHrana,
} from "./protocol";
import { isInsert, looksReadOnly, type ScannedStatement, SqlScanError, scanStatements } from "./sql-text";

/** SQL texts a stream stored with `store_sql`, looked up by `sql_id`. */
export type SqlStore = Map<number, string>;

interface DriverError {
  code?: unknown;
  message?: unknown;
}

/** A driver (SQLite) error as sqld reports it: primary code, message prefixed "SQLite error: ". */
export function sqliteError(err: unknown): HranaError {
  if (err instanceof HranaError) return err;
  const e = err as DriverError;
  const code =
    typeof e?.code === "string" && e.code.startsWith("SQLITE_") ? primaryCode(e.code) : "SQLITE_ERROR";
  return new HranaError(`SQLite error: ${String(e?.message ?? err)}`, code);
}

export function resolveSql(sql: unknown, sqlId: unknown, sqls: SqlStore): string {
  const text = optionalString(sql, "sql");
  const id = optionalInt(sqlId, "sql_id");
  if (text !== undefined && id !== undefined) throw new ProtocolError("both sql and sql_id were given");
  if (text !== undefined) return text;
  if (id === undefined) throw new ProtocolError("neither sql nor sql_id was given");
  const stored = sqls.get(id);
  if (stored === undefined) throw new ProtocolError(`sql_id ${id} is not stored on this stream`);
  return stored;
}

function scanOne(sql: string): ScannedStatement {
  let statements: ScannedStatement[];
  try {
    statements = scanStatements(sql);
  } catch (err) {
    if (err instanceof SqlScanError)
      throw new HranaError(`SQL string could not be parsed: ${err.message}`, "SQL_PARSE_ERROR");
    throw err;
  }
  const [first, ...rest] = statements;
  if (!first) throw new HranaError("SQL string does not contain any statement", "SQL_NO_STATEMENT");
  if (rest.length > 0)
    throw new HranaError("SQL string contains more than one statement", "SQL_MANY_STATEMENTS");
  return first;
}

/** Positional bind values for every parameter slot (the driver panics on mixed object binding). */
function bindValues(scanned: ScannedStatement, stmt: Record<string, unknown>): SqliteValue[] {
  const args = asArray(stmt.args, "args");
  const namedArgs = asArray(stmt.named_args, "named_args");
  if (args.length > 0 && namedArgs.length > 0) {
    throw new HranaError(
      "Specifying both positional and named arguments is not supported",
      "ARGS_BOTH_POSITIONAL_AND_NAMED",
    );
  }
  if (args.length > scanned.paramCount) {
    throw new HranaError(
      `Arguments do not match SQL parameters: ${args.length} arguments for ${scanned.paramCount} parameters`,
      "ARGS_INVALID",
    );
  }
  // Unbound slots are NULL, as in SQLite itself.
  const values: SqliteValue[] = new Array(scanned.paramCount).fill(null);
  args.forEach((arg, i) => {
    values[i] = valueFromHrana(arg);
  });
  for (const raw of namedArgs) {
    const arg = asObject(raw, "named argument");
    const name = optionalString(arg.name, "named argument name") ?? "";
    // Like sqld, a name may be given with or without its sigil.
    const candidates = /^[:@$]/.test(name) ? [name] : [`:${name}`, `@${name}`, `$${name}`];
    const slot = scanned.paramNames.findIndex((p) => p !== null && candidates.includes(p));
    if (slot === -1) {
      throw new HranaError(
        `Arguments do not match SQL parameters: no parameter named ${name}`,
        "ARGS_INVALID",
      );
    }
    values[slot] = valueFromHrana(arg.value);
  }
  return values;
}

export interface ConnectionOptions {
  /** How long SQLite itself waits for a lock held by another process (other connections are queued in JS). */
  busyTimeoutMs: number;
}

/** One SQLite connection to the file, executing Hrana statements synchronously. */
export class Connection {
  private readonly db: Database.Database;
  private readonly counters: Database.Statement<unknown[]>;
  /** The rowid of the current stream's latest INSERT (see lastInsertRowid). */
  private streamLastRowid = 0n;

  constructor(path: string, opts: ConnectionOptions) {
    this.db = new Database(path);
    // busy_timeout first: the journal_mode pragma reads the file header, and while another connection
    // checkpoints it would otherwise fail at once with SQLITE_BUSY (a 500 for a plain read).
    this.db.exec(
      `PRAGMA busy_timeout = ${Math.floor(opts.busyTimeoutMs)}; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;`,
    );
    this.counters = this.db.prepare("SELECT changes(), total_changes(), last_insert_rowid()");
    this.counters.safeIntegers(true).raw(true);
  }

  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  private readCounters(): { changes: bigint; total: bigint; lastRowid: bigint } {
    const row = this.counters.all()[0] as [bigint, bigint, bigint];
    return { changes: row[0], total: row[1], lastRowid: row[2] };
  }

  execute(rawStmt: unknown, sqls: SqlStore): StmtResult {
    const stmt = asObject(rawStmt, "stmt");
    const sql = resolveSql(stmt.sql, stmt.sql_id, sqls);
    const scanned = scanOne(sql);
    const values = bindValues(scanned, stmt);
    const wantRows = stmt.want_rows !== false;
    try {
      const prepared = this.db.prepare(scanned.sql);
      const before = this.readCounters();
      let cols: Col[] = [];
      let rows: unknown[][] = [];
      if (prepared.reader) {
        prepared.safeIntegers(true).raw(true);
        cols = prepared.columns().map((c) => ({ name: c.name, decltype: c.type }));
        rows = prepared.all(values) as unknown[][];
      } else {
        prepared.run(values);
      }
      const after = this.readCounters();
      return {
        cols,
        rows: wantRows ? rows.map((row) => row.map(valueToHrana)) : [],
        // changes() keeps the count of the last DML statement; only report it if this statement changed rows.
        affected_row_count: after.total === before.total ? 0 : Number(after.changes),
        last_insert_rowid: this.lastInsertRowid(scanned, before.lastRowid, after.lastRowid),
      };
    } catch (err) {
      throw sqliteError(err);
    }
  }

  /**
   * As sqld reports it: null for anything but an INSERT; for an INSERT, its connection's
   * last_insert_rowid(). sqld gives every stream its own connection, so that is the rowid of this
   * stream's latest insert, 0 before the first. This connection is pooled and has served other
   * clients, so the stream's own value is kept here: the connection's value is taken only when this
   * statement moved it (it inserted a row), never one left behind by another client's statement.
   */
  private lastInsertRowid(stmt: ScannedStatement, before: bigint, after: bigint): string | null {
    if (!isInsert(stmt)) return null;
    if (after !== before) this.streamLastRowid = after;
    return this.streamLastRowid.toString();
  }

  batch(rawBatch: unknown, sqls: SqlStore): BatchResult {
    const steps = asArray(asObject(rawBatch, "batch").steps, "steps");
    const outcome: Array<"ok" | "error" | undefined> = [];
    const result: BatchResult = { step_results: [], step_errors: [] };
    steps.forEach((rawStep, index) => {
      const step = asObject(rawStep, "batch step");
      const condition = step.condition as BatchCond | null | undefined;
      const run = condition == null || this.evalCond(condition, outcome, index);
      let stepResult: StmtResult | null = null;
      let stepError: HranaErrorBody | null = null;
      if (run) {
        try {
          stepResult = this.execute(step.stmt, sqls);
          outcome[index] = "ok";
        } catch (err) {
          if (err instanceof ProtocolError) throw err;
          stepError = sqliteError(err).toBody();
          outcome[index] = "error";
        }
      }
      result.step_results.push(stepResult);
      result.step_errors.push(stepError);
    });
    return result;
  }

  private evalCond(raw: unknown, outcome: ReadonlyArray<string | undefined>, current: number): boolean {
    const cond = asObject(raw, "condition") as unknown as BatchCond;
    switch (cond.type) {
      case "ok":
      case "error": {
        if (!Number.isInteger(cond.step) || cond.step < 0 || cond.step >= current) {
          throw new ProtocolError(
            `condition refers to step ${cond.step}, which has not run before step ${current}`,
          );
        }
        return outcome[cond.step] === cond.type;
      }
      case "not":
        return !this.evalCond(cond.cond, outcome, current);
      case "and":
        return asArray(cond.conds, "conds").every((c) => this.evalCond(c, outcome, current));
      case "or":
        return asArray(cond.conds, "conds").some((c) => this.evalCond(c, outcome, current));
      case "is_autocommit":
        return !this.db.inTransaction;
      default:
        throw new ProtocolError(`unknown condition type ${JSON.stringify((cond as { type: unknown }).type)}`);
    }
  }

  sequence(sql: string): void {
    try {
      this.db.exec(sql);
    } catch (err) {
      throw sqliteError(err);
    }
  }

  describe(sql: string): DescribeResult {
    const scanned = scanOne(sql);
    try {
      const prepared = this.db.prepare(scanned.sql);
      const cols = prepared.reader ? prepared.columns().map((c) => ({ name: c.name, decltype: c.type })) : [];
      return {
        params: scanned.paramNames.map((name) => ({ name })),
        cols,
        is_explain: scanned.firstKeyword === "EXPLAIN",
        is_readonly: looksReadOnly(scanned),
      };
    } catch (err) {
      throw sqliteError(err);
    }
  }

  /** Ends whatever transaction a client left open; used when a stream closes or expires. */
  rollbackIfOpen(): void {
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
  }

  /** Restores per-connection settings a client may have changed (libsql's migrate() toggles foreign_keys). */
  /** Makes the connection ready for another stream (the pool calls this when it is given back). */
  reset(): void {
    this.streamLastRowid = 0n;
    this.rollbackIfOpen();
    this.db.exec("PRAGMA foreign_keys = ON");
  }

  close(): void {
    this.db.close();
  }
}
