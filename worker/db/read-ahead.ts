// Reads that ride in front of a request's next read-only database call: a middleware that needs a small
// read (the catalog version that validates an edge-cache entry) queues it, and it travels in the same
// pipeline as the route's own first read, one round trip instead of two. Only in front of reads: a
// queued read never shares a transaction with a write, and it runs before anything the route writes.
import type { Client, InStatement, ResultSet } from "@libsql/client/web";

interface Queued {
  stmt: InStatement;
  resolve(rs: ResultSet): void;
  reject(err: unknown): void;
}

export interface ReadAhead {
  /** Queues a read; it resolves when it has run (with the next read-only call, or `flush`). */
  add(stmt: InStatement): Promise<ResultSet>;
  /**
   * Holds every later call until `until` settles, and fails it when `until` fails: what a queued read
   * decides (a session still open) is known before anything else is read or written.
   */
  gate(until: Promise<unknown>): void;
  /** Runs whatever is still queued, on its own (a round trip); nothing when the queue is empty. */
  flush(): Promise<void>;
}

/** SELECT or WITH … SELECT, as drizzle and our raw reads write them (case-insensitive). */
export const isReadOnly = (stmt: InStatement | [string, unknown?]): boolean => {
  const text = typeof stmt === "string" ? stmt : Array.isArray(stmt) ? stmt[0] : stmt.sql;
  return /^\s*(select|with)\b/i.test(text) && !/\b(insert|update|delete|replace)\b/i.test(text);
};

/**
 * A client whose `execute` and `batch` carry the queued reads in front of the first read-only call (a
 * call with a write runs the queue on its own first), and the queue (`readAhead`).
 */
export function withReadAhead(client: Client): { client: Client; readAhead: ReadAhead } {
  let queue: Queued[] = [];
  let gates: Promise<unknown>[] = [];
  /** A call that does not carry the queue waits for the gates (and fails with them). */
  const passGates = async () => {
    if (gates.length) await Promise.all(gates);
  };
  const take = () => {
    const taken = queue;
    queue = [];
    return taken;
  };
  /** Runs `stmts` with the queued reads in front, in one batch; hands each queued read its result. */
  const runWith = async (
    taken: Queued[],
    stmts: Parameters<Client["batch"]>[0],
    mode?: Parameters<Client["batch"]>[1],
  ) => {
    try {
      const results = await client.batch([...taken.map((q) => q.stmt), ...stmts], mode);
      taken.forEach((q, i) => {
        q.resolve(results[i]!);
      });
      return results.slice(taken.length);
    } catch (err) {
      for (const q of taken) q.reject(err);
      throw err;
    }
  };
  const flush = async () => {
    const taken = take();
    if (taken.length) await runWith(taken, []).catch(() => undefined);
  };
  const wrapped = new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "execute")
        return async (stmt: InStatement | string, args?: unknown) => {
          const one = (typeof stmt === "string" ? { sql: stmt, args: args ?? [] } : stmt) as InStatement;
          if (!queue.length || !isReadOnly(one)) {
            await flush();
            await passGates();
            return target.execute(one);
          }
          const [rs] = await runWith(take(), [one]);
          return rs;
        };
      if (prop === "batch")
        return async (stmts: Parameters<Client["batch"]>[0], mode?: Parameters<Client["batch"]>[1]) => {
          if (!queue.length || !stmts.every(isReadOnly)) {
            await flush();
            await passGates();
            return target.batch(stmts, mode);
          }
          return runWith(take(), stmts, mode);
        };
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return {
    client: wrapped,
    readAhead: {
      add: (stmt) =>
        new Promise<ResultSet>((resolve, reject) => {
          queue.push({ stmt, resolve, reject });
        }),
      flush,
      gate(until) {
        until.catch(() => undefined); // it fails the calls it holds; never unhandled on its own
        gates = [...gates, until];
      },
    },
  };
}
