/**
 * Hrana (v2 / v3 JSON) message shapes and the pure conversions between Hrana values and SQLite values.
 * Field names follow the wire format (snake_case) so requests and responses need no renaming.
 * Reference: libsql-server HRANA_3_SPEC.md and @libsql/hrana-client's http/json_encode.js (what it sends).
 */

export type HranaValue =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };

export interface NamedArg {
  name: string;
  value: HranaValue;
}

export interface HranaStmt {
  sql?: string | null;
  sql_id?: number | null;
  args?: HranaValue[];
  named_args?: NamedArg[];
  want_rows?: boolean | null;
}

export type BatchCond =
  | { type: "ok"; step: number }
  | { type: "error"; step: number }
  | { type: "not"; cond: BatchCond }
  | { type: "and"; conds: BatchCond[] }
  | { type: "or"; conds: BatchCond[] }
  | { type: "is_autocommit" };

export interface BatchStep {
  condition?: BatchCond | null;
  stmt: HranaStmt;
}

export interface HranaBatch {
  steps: BatchStep[];
}

export type StreamRequest =
  | { type: "close" }
  | { type: "execute"; stmt: HranaStmt }
  | { type: "batch"; batch: HranaBatch }
  | { type: "sequence"; sql?: string | null; sql_id?: number | null }
  | { type: "describe"; sql?: string | null; sql_id?: number | null }
  | { type: "store_sql"; sql_id: number; sql: string }
  | { type: "close_sql"; sql_id: number }
  | { type: "get_autocommit" };

export interface PipelineReqBody {
  baton?: string | null;
  requests: StreamRequest[];
}

export interface CursorReqBody {
  baton?: string | null;
  batch: HranaBatch;
}

export interface HranaErrorBody {
  message: string;
  code?: string | null;
}

export interface Col {
  name: string | null;
  decltype: string | null;
}

export interface StmtResult {
  cols: Col[];
  rows: HranaValue[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
}

export interface BatchResult {
  step_results: Array<StmtResult | null>;
  step_errors: Array<HranaErrorBody | null>;
}

export interface DescribeResult {
  params: Array<{ name: string | null }>;
  cols: Col[];
  is_explain: boolean;
  is_readonly: boolean;
}

export type StreamResponse =
  | { type: "close" }
  | { type: "execute"; result: StmtResult }
  | { type: "batch"; result: BatchResult }
  | { type: "sequence" }
  | { type: "describe"; result: DescribeResult }
  | { type: "store_sql" }
  | { type: "close_sql" }
  | { type: "get_autocommit"; is_autocommit: boolean };

export type StreamResult =
  | { type: "ok"; response: StreamResponse }
  | { type: "error"; error: HranaErrorBody };

export interface PipelineRespBody {
  baton: string | null;
  base_url: string | null;
  results: StreamResult[];
}

/** An error reported to the client as a Hrana error object `{ message, code }`. */
export class HranaError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }

  toBody(): HranaErrorBody {
    return { message: this.message, code: this.code };
  }
}

/** A malformed request: the whole HTTP request fails with 400, as sqld does. */
export class ProtocolError extends HranaError {
  constructor(message: string) {
    super(message, "PROTOCOL_ERROR");
  }
}

/** What the embedded driver binds and returns (bigint because statements run with safeIntegers). */
export type SqliteValue = null | bigint | number | string | Buffer;

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

export function valueFromHrana(value: unknown): SqliteValue {
  const v = asObject(value, "value");
  switch (v.type) {
    case "null":
      return null;
    case "integer": {
      // The wire format carries 64-bit integers as decimal strings; accept plain JSON integers too.
      const raw = v.value;
      const text = typeof raw === "number" && Number.isSafeInteger(raw) ? String(raw) : raw;
      if (typeof text !== "string" || !/^-?\d{1,20}$/.test(text)) {
        throw new ProtocolError("integer value must be a decimal string");
      }
      const n = BigInt(text);
      if (n < I64_MIN || n > I64_MAX) throw new ProtocolError("integer value out of the 64-bit range");
      return n;
    }
    case "float":
      if (typeof v.value !== "number") throw new ProtocolError("float value must be a number");
      return v.value;
    case "text":
      if (typeof v.value !== "string") throw new ProtocolError("text value must be a string");
      return v.value;
    case "blob":
      if (typeof v.base64 !== "string") throw new ProtocolError("blob value must carry base64");
      return Buffer.from(v.base64, "base64");
    default:
      throw new ProtocolError(`unknown value type ${JSON.stringify(v.type)}`);
  }
}

export function valueToHrana(value: unknown): HranaValue {
  if (value === null || value === undefined) return { type: "null" };
  if (typeof value === "bigint") return { type: "integer", value: value.toString() };
  if (typeof value === "number") return { type: "float", value };
  if (typeof value === "string") return { type: "text", value };
  if (value instanceof Uint8Array) {
    return {
      type: "blob",
      base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64"),
    };
  }
  throw new HranaError(`cannot encode a value of type ${typeof value}`, "INTERNAL_ERROR");
}

export function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ProtocolError(`${what} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

export function asArray(value: unknown, what: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ProtocolError(`${what} must be an array`);
  return value;
}

export function optionalString(value: unknown, what: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new ProtocolError(`${what} must be a string`);
  return value;
}

export function optionalInt(value: unknown, what: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value))
    throw new ProtocolError(`${what} must be an integer`);
  return value;
}

/**
 * Primary result-code name from the driver's extended one (SQLITE_CONSTRAINT_UNIQUE -> SQLITE_CONSTRAINT).
 * sqld reports only the primary code (libsql-server hrana/stmt.rs), with the detail in the message.
 */
export function primaryCode(extendedCode: string): string {
  const parts = extendedCode.split("_");
  return parts.length > 2 ? `${parts[0]}_${parts[1]}` : extendedCode;
}
