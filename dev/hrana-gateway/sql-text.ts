/**
 * A small SQL scanner (not a parser): splits SQL text into statements and finds the bind parameters of
 * each, numbering them the way SQLite does. The embedded libsql driver exposes neither the parameter
 * names nor the unparsed tail of a statement, and binding an object to a statement that also has `?`
 * parameters aborts the whole process (a Rust panic), so the gateway binds positionally from this
 * analysis. Everything the scanner gets wrong still reaches SQLite, which reports real syntax errors.
 */

/** Highest parameter number SQLite accepts (SQLITE_MAX_VARIABLE_NUMBER default). */
export const MAX_PARAM_INDEX = 32766;

export interface ScannedStatement {
  /** The statement's own text, without surrounding blanks and without the terminating `;`. */
  readonly sql: string;
  /** Number of parameter slots (SQLite's sqlite3_bind_parameter_count). */
  readonly paramCount: number;
  /** Name of each slot, index 0 = parameter 1: `:name`, `@name`, `$name`, `?NNN`, or null for a bare `?`. */
  readonly paramNames: ReadonlyArray<string | null>;
  /** Upper-cased first keyword, e.g. "SELECT", "WITH", "EXPLAIN". */
  readonly firstKeyword: string | undefined;
  /** Upper-cased keywords, used for cheap classification (read-only or not). */
  readonly keywords: ReadonlySet<string>;
  /** The same keywords (and identifiers) in order. */
  readonly words: ReadonlyArray<string>;
}

export class SqlScanError extends Error {}

const isSpace = (c: string) =>
  c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v";
const isDigit = (c: string) => c >= "0" && c <= "9";
// SQLite treats every byte >= 0x80 as an identifier character, so any non-ASCII code unit is one here too.
const isIdStart = (c: string) =>
  (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_" || c >= "\u0080";
const isIdChar = (c: string) => isIdStart(c) || isDigit(c) || c === "$";

type Token =
  | { kind: "word"; upper: string; start: number; end: number }
  | { kind: "param"; text: string; start: number; end: number }
  | { kind: "semi"; start: number; end: number }
  | { kind: "other"; start: number; end: number };

/** Index just past a quoted token whose opening quote is at `start`; a doubled closing quote escapes itself. */
function skipQuoted(sql: string, start: number, close: string, doubledEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === close) {
      if (doubledEscapes && sql[i + 1] === close) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return sql.length;
}

/** Length of a `:name` / `@name` / `$name` variable at `start`, 0 if the sigil is not followed by a name. */
function variableEnd(sql: string, start: number): number {
  let i = start + 1;
  let nameChars = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (isIdChar(c)) {
      nameChars++;
      i++;
    } else if (c === "(" && nameChars > 0) {
      // Tcl-style `$name(index)` suffix, part of the same token in SQLite.
      const close = sql.indexOf(")", i);
      return close === -1 ? sql.length : close + 1;
    } else if (c === ":" && sql[i + 1] === ":") {
      i += 2;
    } else {
      break;
    }
  }
  return nameChars === 0 ? start : i;
}

function* tokenize(sql: string): Generator<Token> {
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const start = i;
    if (isSpace(c)) {
      i++;
    } else if (c === "-" && sql[i + 1] === "-") {
      const nl = sql.indexOf("\n", i);
      i = nl === -1 ? sql.length : nl + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const close = sql.indexOf("*/", i + 2);
      i = close === -1 ? sql.length : close + 2;
    } else if (c === "'" || c === '"' || c === "`") {
      i = skipQuoted(sql, i, c, true);
      yield { kind: "other", start, end: i };
    } else if (c === "[") {
      i = skipQuoted(sql, i, "]", false);
      yield { kind: "other", start, end: i };
    } else if (c === ";") {
      i++;
      yield { kind: "semi", start, end: i };
    } else if (c === "?") {
      i++;
      while (i < sql.length && isDigit(sql[i]!)) i++;
      yield { kind: "param", text: sql.slice(start, i), start, end: i };
    } else if (c === ":" || c === "@" || c === "$") {
      const end = variableEnd(sql, i);
      if (end === start) {
        i++;
        yield { kind: "other", start, end: i };
      } else {
        i = end;
        yield { kind: "param", text: sql.slice(start, i), start, end: i };
      }
    } else if (isIdStart(c)) {
      while (i < sql.length && isIdChar(sql[i]!)) i++;
      yield { kind: "word", upper: sql.slice(start, i).toUpperCase(), start, end: i };
    } else if (isDigit(c) || (c === "." && isDigit(sql[i + 1] ?? ""))) {
      // Numbers: digits, dots, hex and exponent letters; a sign after `e` is scanned as its own token.
      while (i < sql.length && (isIdChar(sql[i]!) || sql[i] === ".")) i++;
      yield { kind: "other", start, end: i };
    } else {
      i++;
      yield { kind: "other", start, end: i };
    }
  }
}

class StatementBuilder {
  start = -1;
  end = -1;
  words: string[] = [];
  prevWasSemi = false;
  lastWasEndAfterSemi = false;
  private readonly names: Array<string | null> = [];
  private readonly byName = new Map<string, number>();
  private count = 0;

  get isEmpty(): boolean {
    return this.start === -1;
  }

  /** `CREATE [TEMP] TRIGGER ... BEGIN ...; END` contains semicolons that do not end the statement. */
  get isTrigger(): boolean {
    const [w0, w1, w2] = this.words;
    return (
      w0 === "CREATE" && (w1 === "TRIGGER" || ((w1 === "TEMP" || w1 === "TEMPORARY") && w2 === "TRIGGER"))
    );
  }

  add(token: Token): void {
    if (this.start === -1) this.start = token.start;
    this.end = token.end;
    if (token.kind === "word") this.words.push(token.upper);
    if (token.kind === "param") this.addParam(token.text);
  }

  private addParam(text: string): void {
    if (text === "?") {
      this.count++;
      return;
    }
    if (text.startsWith("?")) {
      const index = Number(text.slice(1));
      if (!Number.isInteger(index) || index < 1 || index > MAX_PARAM_INDEX) {
        throw new SqlScanError(`variable number must be between ?1 and ?${MAX_PARAM_INDEX}`);
      }
      this.count = Math.max(this.count, index);
      this.names[index - 1] ??= text;
      return;
    }
    const known = this.byName.get(text);
    if (known !== undefined) return;
    this.count++;
    this.byName.set(text, this.count);
    this.names[this.count - 1] = text;
  }

  build(sql: string): ScannedStatement {
    const paramNames = Array.from({ length: this.count }, (_, i) => this.names[i] ?? null);
    return {
      sql: sql.slice(this.start, this.end),
      paramCount: this.count,
      paramNames,
      firstKeyword: this.words[0],
      keywords: new Set(this.words),
      words: [...this.words],
    };
  }
}

/** Splits SQL text into its statements, skipping empty ones (`;;`, comments only). */
export function scanStatements(sql: string): ScannedStatement[] {
  const statements: ScannedStatement[] = [];
  let current = new StatementBuilder();
  for (const token of tokenize(sql)) {
    if (token.kind === "semi") {
      // Inside a trigger body only `; END ;` ends the statement (the rule sqlite3_complete() uses).
      const endsStatement = !current.isTrigger || current.lastWasEndAfterSemi;
      if (endsStatement) {
        if (!current.isEmpty) statements.push(current.build(sql));
        current = new StatementBuilder();
        continue;
      }
      current.add(token);
      current.prevWasSemi = true;
      current.lastWasEndAfterSemi = false;
      continue;
    }
    current.add(token);
    current.lastWasEndAfterSemi = current.prevWasSemi && token.kind === "word" && token.upper === "END";
    current.prevWasSemi = false;
  }
  if (!current.isEmpty) statements.push(current.build(sql));
  return statements;
}

const WRITING_KEYWORDS = ["INSERT", "UPDATE", "DELETE", "REPLACE"];

/**
 * Best-effort read-only classification for `describe` (libsql does not expose sqlite3_stmt_readonly):
 * queries that start with SELECT/VALUES/WITH/EXPLAIN and contain no DML keyword.
 */
export function looksReadOnly(stmt: ScannedStatement): boolean {
  const first = stmt.firstKeyword;
  if (first !== "SELECT" && first !== "VALUES" && first !== "WITH" && first !== "EXPLAIN") return false;
  return !WRITING_KEYWORDS.some((keyword) => stmt.keywords.has(keyword));
}

/**
 * Whether sqld would classify the statement as an INSERT (its parser's Stmt::Insert): INSERT … or
 * REPLACE INTO …, also after a WITH clause (a CTE body is always a SELECT, so an INSERT keyword, or
 * REPLACE followed by INTO rather than the replace() function, is the statement's own).
 */
export function isInsert(stmt: ScannedStatement): boolean {
  const first = stmt.firstKeyword;
  if (first === "INSERT" || first === "REPLACE") return true;
  if (first !== "WITH") return false;
  return stmt.words.some((w, i) => w === "INSERT" || (w === "REPLACE" && stmt.words[i + 1] === "INTO"));
}
